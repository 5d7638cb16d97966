/**
 * The evidence options on the command line: `relations` (JSON and table),
 * `--evidence all` against the default (uncontested) and `--min-confidence`
 * on tests/fixtures/cli/contested.json, what was left out on stderr or in the
 * JSON, the same options on every analysis command, and their usage errors.
 *
 * contested.json: r1 A partner B [B2, confidence 0.64]; r2 B threatens C
 * [F6 supporting, two B2 disputing from two speakers: contested under any
 * weighing that lets two B2 witnesses outweigh an F6 one; under the witness
 * model support 0.3 × 0.3 = 0.09, doubt 1 − (1 − 0.64)² = 0.8704, confidence
 * 0.09 × 0.1296 = 0.0117]; r3 A supplies C
 * [E5: 0.2 × 0.2 = 0.04]; r4 C partner A [no claim: NO_EVIDENCE 0.5].
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../graph/cli';
import { runCommand, type Run } from '../support/run-command';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const cli = (...argv: string[]): Run => runCommand(main, join(ROOT, 'tests', 'fixtures', 'cli'), ...argv);
const compareCli = (...argv: string[]): Run => runCommand(main, join(ROOT, 'tests', 'fixtures', 'compare'), 'compare', ...argv);

/** The restore warning about r4 (no claim), which every run on the fixture prints first. */
const NO_CLAIM = 'contested.json: warning: relations[3].claims: empty: this relation has no evidence';
const json = (run: Run) => JSON.parse(run.out) as Record<string, unknown> & { evidence?: { setting: unknown; leftOut: Record<string, string[]> } };

interface Row {
  id: string;
  confidence: number;
  witnesses: number;
  supports: number;
  disputes: number;
  contested: boolean;
}

describe('actorscope relations', () => {
  it('--json --evidence all: every relation with confidence, witnesses, claims for and against, contested', () => {
    const run = cli('relations', 'contested.json', '--json', '--evidence', 'all');
    expect(run.code).toBe(0);
    expect(run.err).toBe(NO_CLAIM);
    const out = json(run) as { relations: Row[] };
    expect(Object.keys(out)).toEqual(['relations']);
    expect(out.relations.map((r) => Object.keys(r))).toEqual(
      out.relations.map(() => ['id', 'source', 'target', 'type', 'confidence', 'witnesses', 'supports', 'disputes', 'contested']),
    );
    expect(out.relations.map(({ id, witnesses, supports, disputes, contested }) => [id, witnesses, supports, disputes, contested])).toEqual([
      ['r1', 1, 1, 0, false],
      ['r2', 1, 1, 2, true],
      ['r3', 1, 1, 0, false],
      ['r4', 0, 0, 0, false],
    ]);
    expect(out.relations[0]).toMatchObject({ source: 'A', target: 'B', type: 'partner', confidence: expect.closeTo(0.64, 12) });
    expect(out.relations[2]!.confidence).toBeCloseTo(0.04, 12);
    expect(out.relations[3]!.confidence).toBe(0.5);
  });

  it('the default leaves the contested relation out and says so in the JSON', () => {
    const run = cli('relations', 'contested.json', '--json');
    expect(run.err).toBe(NO_CLAIM);
    const out = json(run) as ReturnType<typeof json> & { relations: Row[] };
    expect(out.relations.map((r) => r.id)).toEqual(['r1', 'r3', 'r4']);
    expect(out.evidence).toEqual({ setting: { contested: 'exclude' }, leftOut: { contested: ['r2'], belowGrade: [], belowConfidence: [] } });
  });

  it('an aligned table, and what was left out on stderr', () => {
    const run = cli('relations', 'contested.json');
    expect(run.code).toBe(0);
    expect(run.out).toBe(
      [
        'id  source  target  type      confidence  witnesses  supports  disputes  contested  best grade',
        '--  ------  ------  --------  ----------  ---------  --------  --------  ---------  ----------',
        'r1  A       B       partner        0.640          1         1         0         no          B2',
        'r3  A       C       supplier       0.040          1         1         0         no          E5',
        'r4  C       A       partner        0.500          0         0         0         no           -',
      ].join('\n'),
    );
    expect(run.err).toBe(`${NO_CLAIM}\ncontested.json: 1 contested relation not counted: r2 (--evidence all counts it)`);
    expect(cli('relations', 'contested.json', '--evidence', 'all').out.split('\n')[3]).toBe(
      'r2  B       C       threat         0.012          1         1         2        yes          F6',
    );
  });

  it('--min-confidence and --min-grade: a relation without claims has confidence 0.5 and never meets a grade', () => {
    const half = cli('relations', 'contested.json', '--json', '--min-confidence', '0.5');
    expect((json(half) as { relations: Row[] }).relations.map((r) => r.id)).toEqual(['r1', 'r4']);
    expect(json(half).evidence!.leftOut).toEqual({ contested: ['r2'], belowGrade: [], belowConfidence: ['r3'] });
    // With --json, the JSON says it; stderr has only the file's own warning.
    expect(half.err).toBe(NO_CLAIM);
    expect(cli('relations', 'contested.json', '--min-confidence', '0.5').err.split('\n')[1]).toBe(
      'contested.json: 1 contested relation and 1 below confidence 0.5 not counted: r2, r3 (--evidence all counts the contested ones)',
    );
    const above = json(cli('relations', 'contested.json', '--json', '--evidence', 'all', '--min-confidence', '0.51')) as { relations: Row[] };
    expect(above.relations.map((r) => r.id)).toEqual(['r1']);
    const graded = json(cli('relations', 'contested.json', '--json', '--evidence', 'all', '--min-grade', 'c3'));
    expect((graded as { relations: Row[] }).relations.map((r) => r.id)).toEqual(['r1']);
    expect(graded.evidence).toEqual({ setting: { contested: 'include', minGrade: 'C3' }, leftOut: { contested: [], belowGrade: ['r2', 'r3', 'r4'], belowConfidence: [] } });
    expect(cli('relations', 'contested.json', '--min-confidence', '1', '--evidence', 'all').out).toBe('No relation counts under this evidence setting.');
  });

  it('is in the help', () => {
    expect(cli('help').out).toContain('actorscope relations FILE [--json] [--evidence all|uncontested] [--min-confidence X] [--min-grade G]');
    expect(cli('relations', '--help')).toMatchObject({ code: 0, out: expect.stringMatching(/^Usage: actorscope relations FILE/) });
  });
});

describe('--evidence and --min-confidence on the analysis commands', () => {
  it('metrics: the default counts three relations, --evidence all four', () => {
    const counted = json(cli('metrics', 'contested.json', '--json', '--metrics', 'degree')) as { graph: { relations: number }; actors: Array<{ id: string; degree: number }> };
    const all = json(cli('metrics', 'contested.json', '--json', '--metrics', 'degree', '--evidence', 'all')) as typeof counted;
    expect([counted.graph.relations, all.graph.relations]).toEqual([3, 4]);
    // B and C lose the threat between them; A keeps its three arcs (B⇄A, A→C, C⇄A merged with A→C).
    expect(counted.actors.map((a) => a.degree)).toEqual([3, 1, 2]);
    expect(all.actors.map((a) => a.degree)).toEqual([3, 2, 3]);
    expect((counted as { evidence?: unknown }).evidence).toEqual({ setting: { contested: 'exclude' }, leftOut: { contested: ['r2'], belowGrade: [], belowConfidence: [] } });
    expect('evidence' in all).toBe(false);
    const text = cli('metrics', 'contested.json', '--metrics', 'degree', '--min-confidence', '0.3');
    expect(text.out.split('\n')[0]).toBe('3 actors, 2 relations (4 ties between distinct actors), directed: partner counted both ways');
    expect(text.err.split('\n')[1]).toBe('contested.json: 1 contested relation and 1 below confidence 0.3 not counted: r2, r3 (--evidence all counts the contested ones)');
  });

  it('paths: the contested threat is a path only with --evidence all; --json relations carry id, confidence and the weak and contested marks', () => {
    const none = cli('paths', 'contested.json', '--from', 'B', '--to', 'C', '--types', 'threat');
    expect(none.out).toBe('No path from B to C (directed; types threat).');
    expect(none.err.split('\n')[1]).toBe('contested.json: 1 contested relation not counted: r2 (--evidence all counts it)');
    const all = json(cli('paths', 'contested.json', '--from', 'B', '--to', 'C', '--types', 'threat', '--json', '--evidence', 'all')) as { paths: Array<{ relations: unknown[] }> };
    // r2: one F6 for (0.09), two B2 against from two speakers (doubt 1 − 0.36² = 0.8704): 0.09 × 0.1296 ≈ 0.0117, and doubt ≥ support: contested (marked so, not weak).
    expect(all.paths[0]!.relations).toEqual([
      { id: 'r2', source: 'B', target: 'C', type: 'threat', confidence: expect.closeTo(0.0117, 4), weak: false, contested: true, supports: 1, disputes: 2 },
    ]);
    const weak = cli('paths', 'contested.json', '--from', 'A', '--to', 'C', '--types', 'supplier', '--min-confidence', '0.5', '--json');
    expect(json(weak)).toEqual({ paths: [], evidence: { setting: { contested: 'exclude', minConfidence: 0.5 }, leftOut: { contested: ['r2'], belowGrade: [], belowConfidence: ['r3'] } } });
    expect(cli('paths', 'contested.json', '--from', 'A', '--to', 'C', '--types', 'supplier', '--min-confidence', '0.5').out).toBe(
      'No path from A to C (directed; types supplier; confidence at least 0.5).',
    );
    // The partnership without claims (0.5) meets 0.5: A — C over r4.
    expect(json(cli('paths', 'contested.json', '--from', 'A', '--to', 'C', '--types', 'partner', '--min-confidence', '0.5', '--json')).paths).toMatchObject([{ relations: [{ id: 'r4' }] }]);
  });

  it('reach, balance and communities take the options and report what they left out', () => {
    expect(json(cli('reach', 'contested.json', '--to', 'C', '--json')).reachers).toEqual([]);
    expect((json(cli('reach', 'contested.json', '--to', 'C', '--json', '--evidence', 'all')).reachers as Array<{ actor: string }>).map((r) => r.actor)).toEqual(['B']);
    const balance = json(cli('balance', 'contested.json', '--json'));
    expect(balance.evidence!.leftOut.contested).toEqual(['r2']);
    expect(json(cli('balance', 'contested.json', '--json', '--evidence', 'all')).triads).toEqual({ balanced: 0, unbalanced: 1 });
    expect(balance.triads).toEqual({ balanced: 0, unbalanced: 0 });
    const blocs = json(cli('communities', 'contested.json', '--json', '--min-confidence', '0.6', '--evidence', 'all'));
    expect(blocs.evidence!.leftOut.belowConfidence).toEqual(['r2', 'r3', 'r4']);
  });

  it('compare: on five.json the default leaves out the two disputed partnerships (r2, r3), which --evidence all counts', () => {
    const counted = json(compareCli('five.json', '--actors', 'B,C', '--json', '--metrics', 'degree'));
    const all = json(compareCli('five.json', '--actors', 'B,C', '--json', '--metrics', 'degree', '--evidence', 'all'));
    expect(counted.evidence!.leftOut).toEqual({ contested: ['r2', 'r3'], belowGrade: [], belowConfidence: [] });
    expect([(counted.graph as { relations: number }).relations, (all.graph as { relations: number }).relations]).toEqual([2, 4]);
    // C keeps only the suspected tie from B: degree 2 → 1.
    const degree = (j: typeof counted) => (j.actors as Array<{ metrics: { degree: { value: number } } }>).map((a) => a.metrics.degree.value);
    expect([degree(counted), degree(all)]).toEqual([[2, 1], [2, 2]]);
    const text = compareCli('five.json', '--actors', 'B,C', '--metrics', 'degree');
    expect(text.out.split('\n')[0]).toBe('Bravo vs Charlie: 5 actors, 2 relations, directed: partner counted both ways');
    expect(text.err).toBe('five.json: 2 contested relations not counted: r2, r3 (--evidence all counts them)');
  });

  it('bad values are usage errors naming the option', () => {
    for (const [args, message] of [
      [['relations', 'contested.json', '--evidence', 'some'], '--evidence: "some" is not one of all, uncontested'],
      [['metrics', 'contested.json', '--min-confidence', '1.5'], '--min-confidence: "1.5" is not a number from 0 to 1'],
      [['paths', 'contested.json', '--from', 'A', '--to', 'B', '--min-confidence', 'high'], '--min-confidence: "high" is not a number from 0 to 1'],
      [['balance', 'contested.json', '--min-confidence', '-0.1'], '--min-confidence: "-0.1" is not a number from 0 to 1'],
      [['relations', 'contested.json', '--min-grade', 'G7'], '--min-grade: "G7" is not an Admiralty grade (A1 … F6, e.g. C3)'],
      [['relations', 'contested.json', '--evidence'], '--evidence needs a value'],
    ] as Array<[string[], string]>) {
      const run = cli(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.err).toContain(`actorscope: ${message}`);
    }
  });
});
