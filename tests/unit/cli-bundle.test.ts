/**
 * The `actorscope` command runs the esbuild bundle dist-cli/cli.mjs
 * (scripts/build-cli.mjs), never stale code (bin/freshness.mjs):
 *
 * - in a temporary folder holding only bin/, dist-cli/ and node_modules (no
 *   graph/ sources, so neither tsx nor a rebuild can stand in for it), the
 *   bundle answers --help as graph/cli.ts's main() does in-process, and
 *   `metrics` with cli.test.ts's hand-worked numbers for fixtures/cli/good.json
 *   (B's betweenness 1/2, PageRank 18.5/47), and reads GraphML and a broken
 *   GraphML as in-process (xmldom, loaded by the bundle on first use only);
 * - the bundle is ASCII text (asciiComments: a non-ASCII character would make V8
 *   hold the whole source as two-byte text), and asciiComments escapes only
 *   comments and regular expression literals, refusing any other line;
 * - in a temporary copy of the sources without a bundle, the first run builds
 *   it; after graph/cli.ts is edited, the next run prints the edited text;
 * - staleReason's rule on files whose times the test sets: an input older than
 *   the bundle is fresh, one at or after its build time is stale, a missing
 *   input or list is stale, and without sources there is nothing to compare.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../graph/cli';
import { runCommand } from '../support/run-command';
// @ts-expect-error scripts/build-cli.mjs is plain JavaScript, without types.
import { asciiComments as untypedAsciiComments } from '../../scripts/build-cli.mjs';
// @ts-expect-error bin/freshness.mjs is plain JavaScript (the bin wrapper's), without types.
import { staleReason as untypedStaleReason } from '../../bin/freshness.mjs';

const staleReason = untypedStaleReason as (root: string) => string | null;
const asciiComments = untypedAsciiComments as (text: string) => string;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'cli');

function run(root: string, ...args: string[]) {
  return spawnSync(process.execPath, [join(root, 'bin', 'actorscope.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
}

/** A folder with bin/ and node_modules (a link to ours), to which the test adds the rest. */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'actorscope-bundle-'));
  cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

describe('bin/actorscope.mjs runs the bundle', () => {
  it('the bundle alone (no sources, no tsx to fall back on) answers --help and metrics', () => {
    // Through the real bin first: it brings our own bundle up to date if a source changed.
    const help = run(ROOT, '--help');
    expect(help.status, help.stderr).toBe(0);
    expect(help.stderr).toBe('');
    expect(staleReason(ROOT)).toBeNull();

    const dir = scratch();
    try {
      cpSync(join(ROOT, 'dist-cli'), join(dir, 'dist-cli'), { recursive: true });
      cpSync(join(FIXTURES, 'good.json'), join(dir, 'good.json'));
      const inProcess = runCommand(main, FIXTURES, '--help');
      const bundled = run(dir, '--help');
      expect(bundled.stderr).toBe('');
      expect(bundled.status).toBe(0);
      expect(bundled.stdout).toBe(`${inProcess.out}\n`);
      expect(help.stdout).toBe(bundled.stdout);

      const metrics = run(dir, 'metrics', 'good.json', '--json');
      expect(metrics.stderr).toBe('');
      expect(metrics.status).toBe(0);
      const parsed = JSON.parse(metrics.stdout) as { graph: unknown; actors: Array<Record<string, number | string>> };
      expect(parsed.graph).toEqual({ actors: 3, relations: 2, directed: true });
      expect(parsed.actors.map((a) => [a.id, a.degree, a.betweenness])).toEqual([['A', 1, 0], ['B', 2, 0.5], ['C', 1, 0]]);
      expect(parsed.actors[1]!.pagerank as number).toBeCloseTo(18.5 / 47, 8);

      // GraphML through xmldom, which the bundle evaluates on first use: the same answer as in-process.
      for (const [file, code] of [['good.graphml', 0], ['truncated.graphml', 1]] as const) {
        cpSync(join(FIXTURES, file), join(dir, file));
        const inProcessXml = runCommand(main, FIXTURES, 'metrics', file, '--metrics', 'degree,pagerank');
        const bundledXml = run(dir, 'metrics', file, '--metrics', 'degree,pagerank');
        expect(bundledXml.status).toBe(code);
        expect(inProcessXml.code).toBe(code);
        expect(bundledXml.stdout).toBe(inProcessXml.out === '' ? '' : `${inProcessXml.out}\n`);
        expect(bundledXml.stderr).toBe(inProcessXml.err === '' ? '' : `${inProcessXml.err}\n`);
      }

      // A bad argument still exits 2 with the usage, from the bundle.
      const bad = run(dir, 'metrics', 'good.json', '--no-such-option');
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/^actorscope: unknown option --no-such-option\n\nUsage:\n/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('the bundle is ASCII; asciiComments escapes comments and regular expressions only', () => {
    expect(/[^\x00-\x7f]/.test(readFileSync(join(ROOT, 'dist-cli', 'cli.mjs'), 'utf8'))).toBe(false);
    expect(asciiComments('  // a § b\n   * x — y\nvar RE = /[ßø]/g;\nplain')).toBe('  // a \\u00a7 b\n   * x \\u2014 y\nvar RE = /[\\u00df\\u00f8]/g;\nplain');
    // The escaped regular expression matches what the written one did.
    expect(new RegExp('[\\u00df\\u00f8]').test('ø')).toBe(true);
    expect(() => asciiComments('var s = "é";')).toThrow(/outside a comment or regular expression/);
    expect(() => asciiComments('var RE = /é/u;')).toThrow(/outside a comment or regular expression/);
  });

  it('builds a missing bundle, and rebuilds it when a source changes, before running it', () => {
    const dir = scratch();
    try {
      for (const path of ['graph', 'scripts/build-cli.mjs', 'tsconfig.base.json']) cpSync(join(ROOT, path), join(dir, path), { recursive: true });
      expect(staleReason(dir)).toBe('dist-cli/cli.mjs is not built');

      const first = run(dir, '--help');
      expect(first.stderr).toBe('');
      expect(first.status).toBe(0);
      expect(first.stdout).toMatch(/^Usage:\n {2}actorscope metrics FILE /);
      expect(statSync(join(dir, 'dist-cli', 'cli.mjs')).isFile()).toBe(true);
      expect(staleReason(dir)).toBeNull();

      const cli = join(dir, 'graph', 'cli.ts');
      const source = readFileSync(cli, 'utf8');
      expect(source).toContain('const USAGE = `Usage:\n');
      writeFileSync(cli, source.replace('const USAGE = `Usage:\n', 'const USAGE = `Usage (edited):\n'));
      expect(staleReason(dir)).toBe('graph/cli.ts changed');

      const second = run(dir, '--help');
      expect(second.stderr).toBe('');
      expect(second.status).toBe(0);
      expect(second.stdout).toMatch(/^Usage \(edited\):\n/);
      expect(staleReason(dir)).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('staleReason: the freshness rule', () => {
  it('compares each listed input with the time the bundle was built', () => {
    const dir = mkdtempSync(join(tmpdir(), 'actorscope-fresh-'));
    try {
      const at = (path: string, seconds: number) => utimesSync(join(dir, path), seconds, seconds);
      mkdirSync(join(dir, 'graph'));
      mkdirSync(join(dir, 'dist-cli'));
      writeFileSync(join(dir, 'graph', 'cli.ts'), '');
      writeFileSync(join(dir, 'graph', 'a.ts'), '');
      expect(staleReason(dir)).toBe('dist-cli/cli.mjs is not built');
      writeFileSync(join(dir, 'dist-cli', 'cli.mjs'), '');
      expect(staleReason(dir)).toBe('dist-cli/cli-inputs.json is missing or unreadable');
      writeFileSync(join(dir, 'dist-cli', 'cli-inputs.json'), JSON.stringify({ inputs: ['graph/cli.ts', 'graph/a.ts'] }));
      at('dist-cli/cli.mjs', 2_000_000_000);
      at('graph/cli.ts', 1_999_999_999);
      at('graph/a.ts', 1_999_999_000);
      expect(staleReason(dir)).toBeNull();
      at('graph/a.ts', 2_000_000_000); // saved the moment the build started: it may not be in the bundle
      expect(staleReason(dir)).toBe('graph/a.ts changed');
      at('graph/a.ts', 1_000_000_000);
      expect(staleReason(dir)).toBeNull();
      rmSync(join(dir, 'graph', 'a.ts'));
      expect(staleReason(dir)).toBe('graph/a.ts is gone');
      // No sources (an installed copy without graph/): the bundle is all there is.
      rmSync(join(dir, 'graph'), { recursive: true });
      expect(staleReason(dir)).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
