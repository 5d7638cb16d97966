/**
 * Whether dist-cli/cli.mjs was built from the files as they are now.
 *
 * The rule: scripts/build-cli.mjs records in dist-cli/cli-inputs.json every file
 * the bundle was built from (the graph/ sources esbuild read, the tsconfigs,
 * the build script, package.json and node_modules/.package-lock.json, which
 * npm rewrites on every install: package files themselves carry npm's fixed
 * 1985 times), and stamps the bundle with the time its build started. The
 * bundle is stale when it or the list is missing, or when any listed file is
 * missing or was modified at or after that time. A new file matters only once
 * something imports it, and that importer is then newer. Where there are no
 * sources (graph/cli.ts absent) there is nothing to compare: the bundle is
 * what there is. One stat per listed file (about 230): ~1 ms.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Why the bundle at `root`/dist-cli/cli.mjs must be rebuilt before it is run, in
 * words (the first reason found), or null when it is fresh.
 */
export function staleReason(root) {
  const bundle = statSync(join(root, 'dist-cli', 'cli.mjs'), { throwIfNoEntry: false });
  const hasSources = statSync(join(root, 'graph', 'cli.ts'), { throwIfNoEntry: false }) !== undefined;
  if (!bundle) return 'dist-cli/cli.mjs is not built';
  if (!hasSources) return null;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(join(root, 'dist-cli', 'cli-inputs.json'), 'utf8')).inputs;
  } catch {
    return 'dist-cli/cli-inputs.json is missing or unreadable';
  }
  if (!Array.isArray(inputs) || inputs.length === 0) return 'dist-cli/cli-inputs.json lists no inputs';
  const built = bundle.mtimeMs;
  for (const input of inputs) {
    const stats = statSync(join(root, input), { throwIfNoEntry: false });
    if (!stats) return `${input} is gone`;
    if (stats.mtimeMs >= built) return `${input} changed`;
  }
  return null;
}
