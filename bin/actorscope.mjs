#!/usr/bin/env node
// The `actorscope` command. It runs dist-cli/cli.mjs, graph/cli.ts bundled by
// scripts/build-cli.mjs (npm's `prepare`: `npm install` and `npm ci` build it),
// so no TypeScript is compiled at start-up.
//
// Never stale: in a checkout (graph/cli.ts present), when any file the bundle
// was built from changed at or after its build (bin/freshness.mjs: one stat per
// input, ~1 ms), it is rebuilt first (~0.3 s, in place, atomically). Only when
// it cannot be rebuilt (no esbuild, a read-only folder) does this run
// graph/cli.ts through tsx instead, with a one-line note on stderr. A build
// error (a syntax error in graph/) is printed and exits 1.
import { fileURLToPath } from 'node:url';
import { staleReason } from './freshness.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
let cli = new URL('../dist-cli/cli.mjs', import.meta.url).href;

const stale = staleReason(root);
if (stale) {
  try {
    const { buildCli } = await import('../scripts/build-cli.mjs');
    await buildCli();
  } catch (err) {
    if (Array.isArray(err?.errors) && err.errors.length > 0) {
      process.stderr.write(`actorscope: cannot build dist-cli/cli.mjs (${stale}):\n${err.message}\n`);
      process.exit(1);
    }
    process.stderr.write(`actorscope: ${stale} and it cannot be rebuilt (${err instanceof Error ? err.message.split('\n')[0] : String(err)}): running graph/cli.ts through tsx\n`);
    const { register } = await import('tsx/esm/api');
    register();
    cli = new URL('../graph/cli.ts', import.meta.url).href;
  }
}
const { main } = await import(cli);
process.exitCode = await main(argv);
