#!/usr/bin/env node
// `npm test`: every check, in the order that fails fastest. Stops at the first
// failing step and exits with its code.
import { spawnSync } from 'node:child_process';
import { ensureBrowser } from './e2e/ensure-browser.mjs';
import { ensurePoppler } from './ensure-poppler.mjs';
import { ensurePythonReaders } from './ensure-python.mjs';

const steps = [
  // The CLI bundle first: the unit tests run `node bin/actorscope.mjs`, which runs dist-cli/cli.mjs
  // (bin/freshness.mjs would rebuild a stale one, but in every test process at once).
  ['CLI bundle (dist-cli/cli.mjs)', 'npm', ['run', '-s', 'build:cli']],
  ['types', 'npm', ['run', '-s', 'typecheck']],
  ['lint', 'npx', ['eslint', 'graph', 'src', 'tests']],
  ['python readers', null, ensurePythonReaders],
  ['unit tests', 'npx', ['vitest', 'run', '--project', 'unit']],
  ['browser', null, () => (process.env.CHROME_PATH = ensureBrowser())],
  ['pdf tools', null, ensurePoppler],
  ['end-to-end tests (headless Chromium)', 'npx', ['vitest', 'run', '--project', 'e2e']],
];

for (const [name, cmd, args] of steps) {
  console.log(`\n▶ ${name}`);
  if (cmd === null) {
    try {
      console.log(`  using ${args()}`);
    } catch (err) {
      console.error(err.message);
      process.exit(1);
    }
    continue;
  }
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    console.error(`\n✗ ${name} failed`);
    process.exit(r.status ?? 1);
  }
}
console.log('\n✓ all tests passed');
