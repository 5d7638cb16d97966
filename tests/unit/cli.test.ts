/**
 * The command line (graph/cli.ts): main(argv, io) with a fake io reading the
 * files in tests/fixtures/cli/ — JSON output shape and numbers on a graph
 * worked by hand, --undirected, --metrics, --sample/--seed (an estimate with
 * its bound), --time (a fake clock), usage errors, the aligned table,
 * bad and missing files, `validate` (JSON, CSV, GEXF, GraphML) — and two
 * runs of the real `node bin/actorscope.mjs` to prove the wrapper works end
 * to end.
 *
 * tests/fixtures/cli/good.json, worked by hand: A (Alpha Republic) partner B
 * (Bravo Front), B threatens C (Charlie).
 *   Directed arcs A→B, B→A, B→C (n = 3):
 *     degree 1, 2, 1; in 1, 1, 1; out 1, 2, 0.
 *     betweenness: only A→C passes through B; scale 1/((n−1)(n−2)) = 1/2 → B 0.5.
 *     closeness (incoming, Wasserman–Faust (r/Σd)·(r/(n−1))): A reached by B only → 0.5;
 *       B by A only → 0.5; C by B (1) and A (2) → (2/3)·1 = 2/3.
 *     eigenvector: A+I power iteration on in-edges; x_A = x_B, x_C = x_B → all 1/√3.
 *     PageRank: by symmetry pA = pC = a, pB = 1 − 2a; a = 0.05 + 0.85(pB/2 + pC/3)
 *       → a = 0.475 / (47/30) = 14.25/47, pB = 18.5/47.
 *     HITS: authorities a = (h_B, h_A, h_B), hubs h = (a_B, a_A + a_C, 0) = (h_A, 2h_B, 0):
 *       h_A/h_B halves each iteration → hubs (0, 1, 0), authorities (½, 0, ½) in the
 *       limit. Max-scaled, h = (2⁻ᵏ, 1, 0) after k iterations and Σ|Δh| = 2⁻ᵏ, first
 *       under 1e-8 at k = 27; so hubs (2⁻²⁷, 1, 0)/(1 + 2⁻²⁷) and authorities, from
 *       the hubs of iteration 26, (1, 2⁻²⁶, 1)/(2 + 2⁻²⁶).
 *   Undirected (path A–B–C):
 *     in = out = degree; betweenness B 2/((n−1)(n−2)) · 1 = 1; closeness 2/3, 1, 2/3;
 *     eigenvector (1, √2, 1)/2; PageRank a = 0.05 + 0.425·b, b = 1 − 2a → a = 0.475/1.85;
 *     HITS (bipartite, so hub ≠ authority): from h = ⅓ each, a = (⅓, ⅔, ⅓) → (½, 1, ½),
 *       h = (1, 1, 1): fixed after one step → hubs ⅓ each, authorities (¼, ½, ¼).
 */
import { describe, it, expect } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeMetrics, METRIC_IDS, metricById } from '../../graph/analysis/metrics';
import { main } from '../../graph/cli';
import type { Io } from '../../graph/cli/common';
import { barabasiAlbert, toDataset } from '../bench/generate';
import { runCommand, runWithFiles, type Run } from '../support/run-command';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'cli');

/** Runs the CLI in-process; FILE arguments are read from tests/fixtures/cli/. */
const cli = (...argv: string[]): Run => runCommand(main, FIXTURES, ...argv);

const ROW_KEYS = ['id', 'name', 'degree', 'inDegree', 'outDegree', 'betweenness', 'closeness', 'eigenvector', 'pagerank', 'hub', 'authority'];

interface JsonOutput {
  graph: { actors: number; relations: number; directed: boolean };
  actors: Array<Record<string, unknown>>;
}

function expectNumbers(row: Record<string, unknown>, expected: Record<string, number>): void {
  for (const [key, value] of Object.entries(expected)) {
    expect(row[key], `${String(row.id)} ${key}`).toBeTypeOf('number');
    expect(row[key] as number, `${String(row.id)} ${key}`).toBeCloseTo(value, 8);
  }
}

describe('metrics FILE --json', () => {
  it('prints exactly {graph: {actors, relations, directed}, actors: [{id, name, …metrics}]} with the hand-worked numbers', () => {
    const run = cli('metrics', 'good.json', '--json');
    expect(run.code).toBe(0);
    expect(run.err).toBe('');
    const parsed = JSON.parse(run.out) as JsonOutput;
    expect(Object.keys(parsed)).toEqual(['graph', 'actors']);
    expect(parsed.graph).toEqual({ actors: 3, relations: 2, directed: true });
    expect(parsed.actors.map((a) => Object.keys(a))).toEqual([ROW_KEYS, ROW_KEYS, ROW_KEYS]);
    const [a, b, c] = parsed.actors;
    expect(a).toMatchObject({ id: 'A', name: 'Alpha Republic', degree: 1, inDegree: 1, outDegree: 1, betweenness: 0 });
    expect(b).toMatchObject({ id: 'B', name: 'Bravo Front', degree: 2, inDegree: 1, outDegree: 2 });
    expect(c).toMatchObject({ id: 'C', name: 'Charlie', degree: 1, inDegree: 1, outDegree: 0, betweenness: 0 });
    expectNumbers(a!, { closeness: 0.5, eigenvector: 1 / Math.sqrt(3), pagerank: 14.25 / 47 });
    expectNumbers(b!, { betweenness: 0.5, closeness: 0.5, eigenvector: 1 / Math.sqrt(3), pagerank: 18.5 / 47 });
    expectNumbers(c!, { closeness: 2 / 3, eigenvector: 1 / Math.sqrt(3), pagerank: 14.25 / 47 });
    const [h, q] = [2 ** -27, 2 ** -26];
    expectNumbers(a!, { hub: h / (1 + h), authority: 1 / (2 + q) });
    expectNumbers(b!, { hub: 1 / (1 + h), authority: q / (2 + q) });
    expectNumbers(c!, { hub: 0, authority: 1 / (2 + q) });
    expect(Math.abs((a!.hub as number) - h / (1 + h))).toBeLessThan(1e-15);
  });

  it('--undirected sets directed false and changes the numbers', () => {
    const run = cli('metrics', 'good.json', '--json', '--undirected');
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.out) as JsonOutput;
    expect(parsed.graph).toEqual({ actors: 3, relations: 2, directed: false });
    const [a, b, c] = parsed.actors;
    expect(a).toMatchObject({ degree: 1, inDegree: 1, outDegree: 1, betweenness: 0 });
    expect(b).toMatchObject({ degree: 2, inDegree: 2, outDegree: 2 });
    expect(c).toMatchObject({ degree: 1, inDegree: 1, outDegree: 1, betweenness: 0 });
    // Eigenvector converges to 1e-9 here, so compare to 6 places.
    expectNumbers(a!, { closeness: 2 / 3, pagerank: 0.475 / 1.85 });
    expectNumbers(b!, { betweenness: 1, closeness: 1, pagerank: 1 - 0.95 / 1.85 });
    expectNumbers(c!, { closeness: 2 / 3, pagerank: 0.475 / 1.85 });
    expect(a!.eigenvector as number).toBeCloseTo(0.5, 6);
    expect(b!.eigenvector as number).toBeCloseTo(Math.SQRT1_2, 6);
    expect(c!.eigenvector as number).toBeCloseTo(0.5, 6);
    expectNumbers(a!, { hub: 1 / 3, authority: 0.25 });
    expectNumbers(b!, { hub: 1 / 3, authority: 0.5 });
    expectNumbers(c!, { hub: 1 / 3, authority: 0.25 });
  });

  it('--metrics betweenness,pagerank restricts the keys', () => {
    const run = cli('metrics', 'good.json', '--json', '--metrics', 'betweenness,pagerank');
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.out) as JsonOutput;
    expect(parsed.actors.map((a) => Object.keys(a))).toEqual([
      ['id', 'name', 'betweenness', 'pagerank'],
      ['id', 'name', 'betweenness', 'pagerank'],
      ['id', 'name', 'betweenness', 'pagerank'],
    ]);
    expect(parsed.actors[1]!.betweenness).toBe(0.5);
  });

  it('a CSV with an unknown type: located warning on stderr, not a crash', () => {
    const run = cli('metrics', 'unknown-type.csv', '--json');
    expect(run.code).toBe(0);
    expect(run.err).toBe('unknown-type.csv: warning: line 3, column type: "ally" is not a relation type; kept as "other"');
    const parsed = JSON.parse(run.out) as JsonOutput;
    expect(parsed.graph).toEqual({ actors: 3, relations: 2, directed: true });
    // B→C is kept as a one-way "other" relation, so the numbers equal good.json's.
    expect(parsed.actors.map((a) => [a.id, a.degree, a.inDegree, a.outDegree, a.betweenness])).toEqual([
      ['A', 1, 1, 1, 0],
      ['B', 2, 1, 2, 0.5],
      ['C', 1, 1, 0, 0],
    ]);
  });
});

describe('metrics FILE (table)', () => {
  it('prints a summary line and an aligned table', () => {
    const run = cli('metrics', 'good.json');
    expect(run.code).toBe(0);
    expect(run.err).toBe('');
    const lines = run.out.split('\n');
    expect(lines[0]).toBe('3 actors, 2 relations (3 ties between distinct actors), directed: partner counted both ways');
    expect(lines[1]).toBe('');
    const [header, rule, ...body] = lines.slice(2);
    expect(body).toHaveLength(3);

    // Column spans from the rule of dashes: runs of '-' two spaces apart.
    const spans = [...rule!.matchAll(/-+/g)].map((m) => [m.index, m.index + m[0].length] as const);
    expect(spans).toHaveLength(11);
    spans.slice(1).forEach(([start], i) => expect(start - spans[i]![1]).toBe(2));

    const cells = (line: string) => spans.map(([s, e]) => line.slice(s, e));
    for (const line of [header!, ...body]) {
      // Only spaces between columns, so every column starts where the rule's does.
      spans.slice(1).forEach(([start], i) => expect(line.slice(spans[i]![1], start), line).toBe('  '));
      const row = cells(line);
      // Text columns (id, name) start at the column start; numbers end at the column end.
      row.slice(0, 2).forEach((c) => expect(c, line).not.toMatch(/^\s/));
      row.slice(2).forEach((c) => expect(c, line).not.toMatch(/\s$/));
    }
    expect(cells(header!).map((c) => c.trim())).toEqual(['id', 'name', 'Degree', 'In-degree', 'Out-degree', 'Betweenness', 'Closeness', 'Eigenvector', 'PageRank', 'Hub', 'Authority']);
    expect(body.map((l) => cells(l).map((c) => c.trim()))).toEqual([
      ['A', 'Alpha Republic', '1', '1', '1', '0.0000', '0.5000', '0.5774', '0.3032', '0.0000', '0.5000'],
      ['B', 'Bravo Front', '2', '1', '2', '0.5000', '0.5000', '0.5774', '0.3936', '1.0000', '0.0000'],
      ['C', 'Charlie', '1', '1', '0', '0.0000', '0.6667', '0.5774', '0.3032', '0.0000', '0.5000'],
    ]);
    // Nothing hangs past the last column.
    for (const line of [header!, rule!, ...body]) expect(line.length).toBe(spans[10]![1]);
  });

  it('shows n/a for metrics not defined (eigenvector on an acyclic graph)', () => {
    const run = cli('metrics', 'good.csv', '--undirected', '--metrics', 'degree,eigenvector');
    expect(run.code).toBe(0);
    expect(run.out).not.toMatch(/n\/a/);
    const acyclic = cli('metrics', 'acyclic.csv', '--metrics', 'degree,eigenvector');
    expect(acyclic.code).toBe(0);
    // Summary, blank line, header, rule, then the three rows.
    const body = acyclic.out.split('\n').slice(4, 7);
    expect(body.map((l) => l.split(/\s+/))).toEqual([
      ['A', 'A', '1', 'n/a'],
      ['B', 'B', '2', 'n/a'],
      ['C', 'C', '1', 'n/a'],
    ]);
    // And the reason is given.
    expect(acyclic.out).toContain('did not converge');
  });
});

describe('metrics --sample K [--seed N]: betweenness estimated, with its bound', () => {
  // 300 actors, 1,200 relations (tests/bench/generate.ts), as our JSON in a fake file system.
  const big = toDataset(barabasiAlbert(300, 1200, 5));
  const files = () => new Map([['big.json', JSON.stringify(big)]]);

  it('--json: the estimate for the seed, and `estimates.betweenness` with the Hoeffding bound', () => {
    const run = runWithFiles(main, files(), 'metrics', 'big.json', '--json', '--sample', '50', '--seed', '7');
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.out) as JsonOutput & { estimates: Record<string, Record<string, unknown>> };
    expect(Object.keys(parsed)).toEqual(['graph', 'actors', 'estimates']);
    const epsilon = (300 / 299) * Math.sqrt(Math.log(600 / 0.05) / 100);
    expect(parsed.estimates.betweenness).toMatchObject({ samples: 50, of: 300, seed: 7, confidence: 0.95 });
    expect(parsed.estimates.betweenness!.epsilon as number).toBeCloseTo(epsilon, 12);
    const expected = computeMetrics(big, { betweennessSamples: 50, betweennessSeed: 7 });
    expect(parsed.actors.map((a) => a.betweenness)).toEqual(expected.actors.map((a) => a.betweenness));
    // The other metrics are exact, as without --sample.
    const exact = JSON.parse(runWithFiles(main, files(), 'metrics', 'big.json', '--json').out) as JsonOutput;
    expect(parsed.actors.map((a) => a.closeness)).toEqual(exact.actors.map((a) => a.closeness));
    expect(parsed.actors.map((a) => a.betweenness)).not.toEqual(exact.actors.map((a) => a.betweenness));
  });

  it('table: the column is marked ≈ and a note under the table gives the sample, the seed and the bound', () => {
    const run = runWithFiles(main, files(), 'metrics', 'big.json', '--sample', '50', '--metrics', 'degree,betweenness');
    expect(run.code).toBe(0);
    const lines = run.out.split('\n');
    expect(lines[2]!.split(/\s{2,}/)).toEqual(['id', 'name', 'Degree', 'Betweenness ≈']);
    const epsilon = (300 / 299) * Math.sqrt(Math.log(600 / 0.05) / 100);
    expect(lines[lines.length - 1]).toBe(
      `Betweenness ≈ is an estimate from 50 of 300 actors as sources, sampled at random (seed 1): within ±${+epsilon.toPrecision(2)} ` +
        "of the exact value for every actor at once, with probability at least 95 % (Hoeffding's inequality with a union bound over the 300 actors).",
    );
  });

  it('too few sources for the bound to mean anything: it says so', () => {
    const run = cli('metrics', 'good.json', '--json', '--sample', '1');
    const parsed = JSON.parse(run.out) as { estimates: { betweenness: { epsilon: number; bound: string } } };
    // ε = 3/2 · √(ln(6/0.05)/2) ≈ 2.3 > 1.
    expect(parsed.estimates.betweenness.epsilon).toBeCloseTo(1.5 * Math.sqrt(Math.log(120) / 2), 12);
    expect(parsed.estimates.betweenness.bound).toMatch(/^within ±2\.3 of the exact value .*, which says nothing since betweenness lies in \[0, 1\]: sample more sources/);
  });

  it('K at least the number of actors: exact betweenness, and a note on stderr', () => {
    const run = cli('metrics', 'good.json', '--json', '--sample', '3');
    expect(run.code).toBe(0);
    expect(run.err).toBe('--sample 3: not fewer than the 3 actors, so betweenness is exact');
    const parsed = JSON.parse(run.out) as JsonOutput;
    expect(Object.keys(parsed)).toEqual(['graph', 'actors']);
    expect(parsed.actors.map((a) => a.betweenness)).toEqual([0, 0.5, 0]);
  });

  it('bad --sample or --seed: exit 2 with a message naming the option', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--sample', '0'], /^actorscope: --sample must be a whole number from 1 to 2147483647, not "0"/],
      [['--sample', 'ten'], /^actorscope: --sample must be a whole number/],
      [['--sample', '5', '--seed', '-1'], /^actorscope: --seed must be a whole number from 0 to 4294967295, not "-1"/],
      [['--seed', '3'], /^actorscope: --seed goes with --sample/],
      [['--sample', '5', '--metrics', 'degree,pagerank'], /^actorscope: --sample estimates betweenness, which --metrics leaves out/],
    ];
    for (const [args, message] of cases) {
      const run = cli('metrics', 'good.json', ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.err, args.join(' ')).toMatch(message);
    }
  });
});

describe('metrics --time', () => {
  /** main() with the fixtures folder and a fake clock that advances 1 ms per reading. */
  const timed = (...argv: string[]): Run => {
    let now = 0;
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = {
      out: (s) => out.push(s),
      err: (s) => err.push(s),
      readFile: (path) => readFileSync(join(FIXTURES, path), 'utf8'),
      writeFile: () => {
        throw new Error('no writing');
      },
      exists: () => true,
      now: () => now++,
    };
    const code = main(argv, io);
    if (typeof code !== 'number') throw new Error('expected a synchronous command');
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('prints each step\'s time on stderr, aligned, with the total; stdout is the same JSON as without --time', () => {
    const run = timed('metrics', 'good.json', '--json', '--time');
    expect(run.code).toBe(0);
    expect(run.out).toBe(cli('metrics', 'good.json', '--json').out);
    // Each step spans two readings of the clock: 1 ms each.
    expect(run.err.split('\n')).toEqual([
      '',
      'time (ms, one run):',
      `${'step'.padEnd(40)}  ${'ms'.padStart(4)}`,
      '----------------------------------------  ----',
      'read and check good.json                   1.0',
      'metric graph (filter, simple graph, CSR)   1.0',
      ...METRIC_IDS.map((m) => {
        const label = m === 'authority' ? 'Authority (HITS ran for Hub)' : metricById(m).label;
        return `${label.padEnd(40)}  ${'1.0'.padStart(4)}`;
      }),
      `${'total'.padEnd(40)}  11.0`,
    ]);
  });

  it('table mode: the table on stdout, the times on stderr; only the metrics asked for', () => {
    const run = timed('metrics', 'good.json', '--time', '--metrics', 'authority,closeness');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^3 actors, 2 relations/);
    expect(run.out).not.toContain('time (ms');
    // Authority without Hub: its own HITS run, no "(HITS ran for Hub)".
    expect(run.err.split('\n').slice(4).map((l) => l.split(/\s{2,}/)[0])).toEqual([
      'read and check good.json',
      'metric graph (filter, simple graph, CSR)',
      'Closeness',
      'Authority',
      'total',
    ]);
    // An estimated metric keeps its ≈ mark.
    const sampled = timed('metrics', 'good.json', '--time', '--metrics', 'betweenness', '--sample', '2');
    expect(sampled.err).toContain('\nBetweenness ≈ ');
  });

  it('without a clock in the Io it falls back to Date.now', () => {
    const run = cli('metrics', 'good.json', '--time');
    expect(run.code).toBe(0);
    expect(run.err).toMatch(/^\ntime \(ms, one run\):\n/);
    expect(run.err).toMatch(/\ntotal +\d+\.\d$/);
  });
});

describe('terminal safety: text from the file never carries control characters', () => {
  // escape.json: A is named "Red␛[31mArmy", B "Blue␛[0m⏎Bloc"; r1's quote is "Pact␛[2J signed.".
  const RED = 'Red [31mArmy';
  const BLUE = 'Blue [0m Bloc';

  it('metrics: the table shows the names with the ESC byte as a space, and stays aligned', () => {
    const run = cli('metrics', 'escape.json');
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).not.toContain('\u001b');
    const lines = run.out.split('\n');
    const header = lines.findIndex((l) => l.startsWith('id  name'));
    expect(lines.slice(header + 2).map((l) => l.split(/ {2,}/).slice(0, 3))).toEqual([
      ['A', RED, '2'],
      ['B', BLUE, '2'],
      ['C', 'Charlie', '2'],
    ]);
    expect(new Set(lines.slice(header).map((l) => l.length)).size).toBe(1);
  });

  for (const argv of [
    ['communities', 'escape.json'],
    ['balance', 'escape.json'],
    ['compare', 'escape.json', '--actors', 'A,B', '--explain'],
    ['paths', 'escape.json', '--from', 'A', '--to', 'C', '--preset', 'any'],
  ]) {
    it(`${argv[0]}: the names print with the ESC byte as a space`, () => {
      const run = cli(...argv);
      expect(run).toMatchObject({ code: 0, err: '' });
      expect(run.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      expect(run.out).toContain(RED);
      expect(run.out).toContain(argv[0] === 'paths' ? 'Pact [2J signed.' : BLUE);
    });
  }

  it('balance: the quotes print with the ESC byte as a space', () => {
    expect(cli('balance', 'escape.json').out).toContain(`   ${RED} – ${BLUE}: partner (+)  "Pact [2J signed."`);
  });
});

describe('terminal safety: bidirectional controls from the file are shown by name, never raw', () => {
  // bidi.json: A is named "Red ‮ymrA" (U+202E, RIGHT-TO-LEFT OVERRIDE: shown raw, "ymrA" and
  // everything after it on the line would read backwards), B "Blue ⁧Bloc⁩" (an RLI … PDI
  // isolate); r1's quote is "Pact ‮signed.".
  const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
  const RED = 'Red <U+202E>ymrA';
  const BLUE = 'Blue <U+2067>Bloc<U+2069>';
  const WARNED = [
    'bidi.json: warning: actors[0].name: contains a bidirectional control character U+202E',
    'bidi.json: warning: actors[1].name: contains bidirectional control characters U+2067, U+2069',
    'bidi.json: warning: relations[0].claims[0].quote: contains a bidirectional control character U+202E',
  ];

  // Which outputs carry names: relations and reach print ids only, and only metrics and compare put names in their JSON.
  for (const { argv, text, json } of [
    { argv: ['metrics', 'bidi.json'], text: true, json: true },
    { argv: ['communities', 'bidi.json'], text: true, json: false },
    { argv: ['balance', 'bidi.json'], text: true, json: false },
    { argv: ['compare', 'bidi.json', '--actors', 'A,B', '--explain'], text: true, json: true },
    { argv: ['paths', 'bidi.json', '--from', 'A', '--to', 'C', '--preset', 'any'], text: true, json: false },
    { argv: ['relations', 'bidi.json'], text: false, json: false },
    { argv: ['reach', 'bidi.json', '--to', 'C'], text: false, json: false },
  ]) {
    it(`${argv[0]}: no raw control on stdout or stderr; the file's warnings name the paths`, () => {
      const run = cli(...argv);
      expect(run.code).toBe(0);
      expect(run.out).not.toMatch(BIDI);
      expect(run.err).not.toMatch(BIDI);
      if (text) expect(run.out).toContain(RED);
      expect(run.err.trimEnd().split('\n')).toEqual(WARNED);
    });
    it(`${argv[0]} --json: no raw control; a name is written with \\u escapes, the same JSON value`, () => {
      const run = cli(...argv, '--json');
      expect(run.code).toBe(0);
      expect(run.out).not.toMatch(BIDI);
      if (json) {
        expect(run.out).toContain('"Red \\u202eymrA"');
        expect(JSON.stringify(JSON.parse(run.out))).toContain('"Red \u202eymrA"');
      }
    });
  }

  it('metrics: the table stays aligned with the names shown by name', () => {
    const lines = cli('metrics', 'bidi.json').out.split('\n');
    const header = lines.findIndex((l) => l.startsWith('id  name'));
    expect(lines.slice(header + 2).map((l) => l.split(/ {2,}/).slice(0, 2))).toEqual([['A', RED], ['B', BLUE], ['C', 'Charlie']]);
    expect(new Set(lines.slice(header).map((l) => l.length)).size).toBe(1);
  });

  it('balance: the quote prints with its override shown by name', () => {
    expect(cli('balance', 'bidi.json').out).toContain(`   ${RED} – ${BLUE}: partner (+)  "Pact <U+202E>signed."`);
  });

  it('validate: the warnings, and nothing raw', () => {
    const run = cli('validate', 'bidi.json');
    expect(run.err).not.toMatch(BIDI);
    expect(run.err).toContain(WARNED[0]);
  });
});

describe('usage and bad input', () => {
  it('an unknown metric exits 2 with the usage', () => {
    const run = cli('metrics', 'good.json', '--metrics', 'betweenness,bogus');
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toMatch(/^actorscope: --metrics: unknown metric "bogus" \(known: degree, inDegree, outDegree, betweenness, closeness, eigenvector, pagerank, hub, authority\)\n\nUsage:\n/);
  });

  it('no command, an unknown command, a missing FILE or an unknown option exit 2 with the usage', () => {
    for (const argv of [[], ['stats', 'good.json'], ['metrics'], ['metrics', 'good.json', '--colour']]) {
      const run = cli(...argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.err, argv.join(' ')).toMatch(/\n\nUsage:\n {2}actorscope metrics FILE/);
    }
  });

  it('--help prints the usage and exits 0', () => {
    const run = cli('--help');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^Usage:\n/);
  });

  it('bad JSON exits 1 with line:column and no stack trace', () => {
    // broken.json line 4 is `  "actors": []`, after `"version": 1` with no comma.
    const run = cli('metrics', 'broken.json');
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expect(run.err).toMatch(/^broken\.json: line 4:3: not valid JSON: /);
    expect(run.err.split('\n')).toHaveLength(1);
    expect(run.err).not.toContain('    at ');
  });

  it('a missing file exits 1', () => {
    const run = cli('metrics', 'no-such-file.json');
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expect(run.err).toBe('no-such-file.json: no such file');
  });

  it('a dataset with schema errors exits 1 for metrics, printing them', () => {
    const run = cli('metrics', 'three-errors.json', '--json');
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expect(run.err.split('\n')).toHaveLength(3);
  });
});

describe('validate FILE', () => {
  it('a good dataset exits 0 and says what it holds', () => {
    const run = cli('validate', 'good.json');
    expect(run).toEqual({ code: 0, out: 'good.json: valid: 3 actors, 2 relations, 2 claims', err: '' });
  });

  it('a good CSV exits 0', () => {
    expect(cli('validate', 'good.csv')).toEqual({ code: 0, out: 'good.csv: valid: 3 actors, 2 relations, 0 claims', err: '' });
  });

  it('a file with 3 errors exits 1 and prints all 3, located, then a count', () => {
    const run = cli('validate', 'three-errors.json');
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expect(run.err.split('\n')).toEqual([
      'three-errors.json: actors[2].id: "A" is used already by actors[0]',
      'three-errors.json: relations[0].target: "Q" is not the id of any actor',
      'three-errors.json: relations[1].claims[0].grade: "Z9" is not a grade (A–F then 1–6, e.g. "B2")',
      'three-errors.json: invalid: 3 errors, 0 warnings',
    ]);
  });

  it('a file with only warnings exits 1 (validate passes only a clean file), printing each warning located', () => {
    const run = cli('validate', 'unknown-type.csv');
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expect(run.err.split('\n')).toEqual([
      'unknown-type.csv: warning: line 3, column type: "ally" is not a relation type; kept as "other"',
      'unknown-type.csv: 1 warning',
    ]);
  });

  it('bad JSON exits 1 with line:column', () => {
    const run = cli('validate', 'broken.json');
    expect(run.code).toBe(1);
    expect(run.err.split('\n')[0]).toMatch(/^broken\.json: line 4:3: not valid JSON: /);
  });

  it('a GEXF and a GraphML file Actorscope wrote (good.json converted) exit 0, claims and all', () => {
    expect(cli('validate', 'good.gexf')).toEqual({ code: 0, out: 'good.gexf: valid: 3 actors, 2 relations, 2 claims', err: '' });
    expect(cli('validate', 'good.graphml')).toEqual({ code: 0, out: 'good.graphml: valid: 3 actors, 2 relations, 2 claims', err: '' });
  });

  it("another tool's GraphML: read (kinds and types mapped), but its warnings, located line:column, make it exit 1", () => {
    const run = cli('validate', 'other-tool.graphml');
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expect(run.err.split('\n')).toEqual([
      'other-tool.graphml: warning: line 12:59: edge attribute "weight" (double): "INF" is infinite; attributes hold finite numbers, so the text is kept',
      'other-tool.graphml: warning: line 12:33: "ally" is not a relation type (partner, threat, supplier, suspected-supporter, other): one relation kept as "other" with attributes.originalType',
      'other-tool.graphml: warning: line 12:5: the edge attribute "weight" holds text ("INF"), not numbers: kept as text; it cannot weight metrics',
      'other-tool.graphml: warning: line 11:5: 2 relations have no claims (no evidence): GraphML files from other tools carry none',
      'other-tool.graphml: 4 warnings',
    ]);
  });

  it('a truncated GraphML exits 1 with the line:column where it stops', () => {
    expect(cli('validate', 'truncated.graphml')).toEqual({
      code: 1,
      out: '',
      err: 'truncated.graphml: line 6:3: the file ends in the middle of a tag: it is truncated\ntruncated.graphml: invalid: 1 error, 0 warnings',
    });
  });

  it('--format forces the reader: GEXF read as GraphML is refused with the reason, located', () => {
    expect(cli('validate', 'good.gexf', '--format', 'graphml')).toEqual({
      code: 1,
      out: '',
      err: 'good.gexf: line 2:1: this is a GEXF file (<gexf>), not a GraphML file\ngood.gexf: invalid: 1 error, 0 warnings',
    });
  });
});

describe('the real command: node bin/actorscope.mjs', () => {
  const bin = join(ROOT, 'bin', 'actorscope.mjs');
  const run = (...args: string[]) =>
    execFileSync(process.execPath, [bin, ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });

  it('metrics FILE --json exits 0 and prints the JSON', () => {
    const stdout = run('metrics', 'tests/fixtures/cli/good.json', '--json');
    const parsed = JSON.parse(stdout) as JsonOutput;
    expect(parsed.graph).toEqual({ actors: 3, relations: 2, directed: true });
    expect(parsed.actors.map((a) => [a.id, a.degree, a.betweenness])).toEqual([['A', 1, 0], ['B', 2, 0.5], ['C', 1, 0]]);
    expect(parsed.actors[1]!.pagerank as number).toBeCloseTo(18.5 / 47, 8);
  }, 60_000);

  it('metrics FILE --json --time: the JSON on stdout, the times (performance.now) on stderr', () => {
    const r = spawnSync(process.execPath, [bin, 'metrics', 'tests/fixtures/cli/good.json', '--json', '--time'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as JsonOutput).graph.actors).toBe(3);
    expect(r.stderr).toMatch(/\nHub +\d+\.\d\n/);
    expect(r.stderr).toMatch(/\ntotal +\d+\.\d\n$/);
  }, 60_000);

  it('a bad file exits 1 with a located message and no stack trace', () => {
    let failure: { status: number | null; stdout: string; stderr: string } | undefined;
    try {
      run('metrics', 'tests/fixtures/cli/broken.json');
    } catch (err) {
      failure = err as { status: number | null; stdout: string; stderr: string };
    }
    expect(failure, 'the command should exit non-zero').toBeDefined();
    expect(failure!.status).toBe(1);
    expect(failure!.stdout).toBe('');
    expect(failure!.stderr).toMatch(/^tests\/fixtures\/cli\/broken\.json: line 4:3: not valid JSON: .*\n$/);
    expect(failure!.stderr).not.toContain('    at ');
  }, 60_000);
});
