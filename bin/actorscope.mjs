#!/usr/bin/env -S node --max-semi-space-size=4
// The flag (when run as `actorscope`, `npx actorscope` or bin/actorscope.mjs,
// through this line; `node bin/actorscope.mjs` runs without it): semi-spaces
// of 4 MB instead of V8's 16 (a young generation of 8 MB, not 32). Reading a
// file keeps nearly all it
// allocates (the dataset), so each scavenge of a larger young generation
// copies more survivors: `metrics` on a 10k/50k CSV took ~11 % less CPU and
// wall time (whole-process, median of 7, tests/bench/README.md "CLI whole
// process"). V8 reads it only at start-up: setFlagsFromString here does nothing.
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
