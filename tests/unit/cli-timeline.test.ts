/**
 * `actorscope timeline` (graph/cli/timeline.ts) on the dated fixture of
 * tests/fixtures/analysis/dated-timeline.ts: the out-degrees per year worked
 * by hand in tests/unit/timeline.test.ts, as a table and as JSON, with
 * --from/--to, --span, --evidence all and the usage errors; --from/--to on
 * the other analysis commands (metrics as a window, paths as actors); and
 * once through the real `node bin/actorscope.mjs`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../graph/cli';
import { runMetrics } from '../../graph/cli/metrics';
import { runPaths } from '../../graph/cli/paths';
import { runTimeline } from '../../graph/cli/timeline';
import { DATED } from '../fixtures/analysis/dated-timeline';
import { runWithFiles } from '../support/run-command';

const files = new Map([['dated.json', JSON.stringify(DATED)]]);
const ROOT = join(__dirname, '..', '..');

interface TimelineJson {
  metric: string;
  years: number[];
  windows: Array<{ from?: string; to?: string }>;
  series: Array<{ actor: string; name: string; values: Array<number | null> }>;
  undated: number;
  undatedRelations: number;
  evidence?: { leftOut: { contested: string[] } };
}

describe('actorscope timeline', () => {
  it('prints the out-degree per year, one column an actor, and what counts in every year', () => {
    const run = runWithFiles(runTimeline, files, 'dated.json', '--actors', 'a,b,c,d', '--metric', 'outDegree');
    expect(run.code).toBe(0);
    const lines = run.out.split('\n');
    expect(lines[0]).toBe('Out-degree per year: 2010–2012');
    expect(lines.slice(2, 7)).toEqual(['year  A  B  C  D', '----  -  -  -  -', '2010  2  1  1  1', '2011  2  1  1  1', '2012  3  0  2  1']);
    expect(run.out).toContain('1 undated claim and 1 relation without claims count in every year (--dated-only leaves them out).');
    // The first line warns that r8 has no claims.
    expect(run.err.split('\n').at(-1)).toBe('dated.json: 1 contested relation not counted: r6 (--evidence all counts it)');
  });

  it('--json gives years and series; --from/--to keep to a range, --span slides, --evidence all counts r6', () => {
    const json = (...args: string[]) => {
      const run = runWithFiles(runTimeline, files, 'dated.json', '--actors', 'a,b', '--metric', 'outDegree', '--json', ...args);
      expect(run.code).toBe(0);
      return JSON.parse(run.out) as TimelineJson;
    };
    const all = json();
    expect([all.years, all.series.map((s) => [s.actor, s.name, s.values])]).toEqual([[2010, 2011, 2012], [['a', 'A', [2, 2, 3]], ['b', 'B', [1, 1, 0]]]]);
    expect([all.undated, all.undatedRelations, all.evidence?.leftOut.contested]).toEqual([1, 1, ['r6']]);
    const ranged = json('--from', '2011', '--to', '2012-02');
    expect([ranged.years, ranged.windows, ranged.series.map((s) => s.values)]).toEqual([[2011, 2012], [{ from: '2011', to: '2011' }, { from: '2012', to: '2012-02' }], [[2, 3], [1, 0]]]);
    expect(json('--window', '2011..2012-02')).toEqual(ranged);
    expect(json('--span', '2').series.map((s) => s.values)).toEqual([[2, 3, 4], [1, 1, 1]]);
    const counted = json('--evidence', 'all');
    expect([counted.series[1]!.values, counted.evidence]).toEqual([[1, 2, 0], undefined]);
    expect(json('--dated-only').series.map((s) => s.values)).toEqual([[1, 1, 2], [1, 1, 0]]);
  });

  it('refuses what it cannot answer, naming the option', () => {
    const usage = (...args: string[]) => runWithFiles(runTimeline, files, 'dated.json', ...args);
    expect(usage('--metric', 'degree').err).toBe('actorscope: --actors is required');
    expect(usage('--actors', 'a').err).toBe('actorscope: --metric is required');
    expect(usage('--actors', 'a', '--metric', 'degree,pagerank').err).toBe('actorscope: --metric takes one metric');
    expect(usage('--actors', 'a,zz', '--metric', 'degree').err.split('\n').at(-1)).toBe('actorscope: --actors: "zz" is not an actor id in this file');
    expect(usage('--actors', 'a', '--metric', 'degree', '--from', '2011', '--window', '2010..').err).toMatch(/--from\/--to or --window/);
    expect(usage('--actors', 'a', '--metric', 'degree', '--span', '0').code).toBe(2);
  });
});

describe('--from/--to on the other analysis commands', () => {
  it('metrics --from/--to is the window --window gives; paths keeps --from/--to for actors and takes --window for time', () => {
    const metrics = (...args: string[]) => runWithFiles(runMetrics, files, 'dated.json', '--metrics', 'outDegree', '--json', ...args);
    const ranged = metrics('--from', '2012');
    expect(ranged.code).toBe(0);
    expect(ranged.out).toBe(metrics('--window', '2012..').out);
    expect((JSON.parse(ranged.out) as { actors: Array<{ id: string; outDegree: number }> }).actors.map((a) => a.outDegree)).toEqual([3, 0, 2, 1]);
    // Up to 2010: r1, r3, r4 (undated) and r8 (no claim); r2, r5, r6, r7 are later.
    expect(metrics('--to', '2010').err).toMatch(/window \.\.2010: 4 of 8 relations left out/);
    // paths: a → c is the 2011 threat r2; in 2012 no threat chain joins them.
    expect(runWithFiles(runPaths, files, 'dated.json', '--from', 'a', '--to', 'c', '--window', '2011..2011', '--json').out).toMatch(/"r2"/);
    expect(JSON.parse(runWithFiles(runPaths, files, 'dated.json', '--from', 'a', '--to', 'c', '--at', '2012', '--json').out)).toMatchObject({ paths: [] });
  });
});

describe('the real command: node bin/actorscope.mjs timeline', () => {
  it('prints the table and exits 0; the help names timeline', () => {
    const dir = mkdtempSync(join(tmpdir(), 'actorscope-timeline-'));
    const file = join(dir, 'dated.json');
    writeFileSync(file, JSON.stringify(DATED));
    const out = execFileSync(process.execPath, [join(ROOT, 'bin', 'actorscope.mjs'), 'timeline', file, '--actors', 'c', '--metric', 'outDegree'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
    expect(out.split('\n').slice(2, 7)).toEqual(['year  C', '----  -', '2010  1', '2011  1', '2012  2']);
    const help: string[] = [];
    expect(main(['help'], { out: (s) => help.push(s), err: () => {}, readFile: () => new Uint8Array(), writeFile: () => {}, exists: () => false })).toBe(0);
    expect(help.join('\n')).toMatch(/actorscope timeline FILE --actors A,B --metric M/);
  }, 120_000);
});
