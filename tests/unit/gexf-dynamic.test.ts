/**
 * Dynamic GEXF (issue 14 §2): time read onto our model and written back.
 *
 * - Two fixtures written by hand after the dynamics examples of the GEXF
 *   1.2/1.3 primer (gexf.net/dynamics.html and the 1.3 schema's dynamics.rnc):
 *   tests/fixtures/xml/dynamic-spells.gexf (timeformat date: spells, open
 *   spells, start/end, a one-day span, dynamic weight and string attvalues,
 *   an edge with no time) and dynamic-years.gexf (GEXF 1.3, timeformat double
 *   holding years: timestamps, `intervals`, `timestamps`). The expected
 *   claims, periods, weights and attributes below are read off the fixtures
 *   by hand; the windows' answers follow from them (analysis/time-window.ts).
 * - Export → import gives the dataset back; fast-check does the same over
 *   arbitrary datasets given periods, actor spells and values over time, and
 *   checks that the spells and dynamic weights other tools see say what our
 *   windows say, day by day.
 * - networkx 2.8 (Debian's /usr/bin/python3) reads our dynamic export and sees
 *   the spells and the weight over time; the explorer's GEXF reader is ours,
 *   not graphology-gexf (which reads no time).
 * - Bad time: a located error, never a static reading.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { relationWeight, windowDataset } from '../../graph/analysis/time-window';
import { importFiles } from '../../graph/io/registry';
import { gexfFormat } from '../../graph/io/xml/gexf';
import { readGexf } from '../../graph/io/xml/gexf-read';
import { spellsText, timedValuesOf, timedValuesText } from '../../graph/io/xml/gexf-timed-values';
import { writeGexf } from '../../graph/io/xml/gexf-write';
import { parseXml } from '../../graph/io/xml/parse';
import { attr, children, type XmlElement } from '../../graph/io/xml/tree';
import type { Claim, Dataset, Period } from '../../graph/model/types';
import { dateBounds } from '../../graph/schema/dates';
import { arbitraryDataset } from '../support/arbitrary-dataset';
import { fixtureText, ok, plain, refused, warningAt } from '../support/format-tests';

const fixture = (name: string) => fixtureText('xml', name);
const PYTHON = process.env.ACTORSCOPE_PYTHON ?? '/usr/bin/python3';

/** A claim's time and weight, as the expectations below write them. */
const when = (c: Claim) => ({ ...(c.date !== undefined ? { date: c.date } : {}), ...(c.period ? { period: c.period } : {}), ...(c.weight !== undefined ? { weight: c.weight } : {}) });
const ids = (d: Dataset) => d.relations.map((r) => r.id);

describe('reading dynamic GEXF (timeformat date): dynamic-spells.gexf', () => {
  const text = fixture('dynamic-spells.gexf');
  const { dataset, report } = ok(readGexf(text, 'dynamic-spells.gexf'));
  const relation = (id: string) => dataset.relations.find((r) => r.id === id)!;

  it("an edge's spells, its start/end, a one-day span and its weight over time become claims; an edge with no time has none", () => {
    expect(dataset.relations.map((r) => [r.id, r.type, r.claims.map(when)])).toEqual([
      ['e1', 'partner', [{ period: { from: '1993-05-25', to: '1999-12-31' } }, { period: { from: '2003-01-01' } }]],
      ['e2', 'threat', [{ period: { from: '1992-05-05', to: '1997-06-27' } }]],
      ['e3', 'partner', [{ date: '2016-08-03' }]],
      ['e4', 'partner', []],
      // No spells: each timed weight is a claim of its own.
      ['e5', 'supplier', [{ period: { from: '2015-01-01', to: '2015-12-31' }, weight: 120 }, { period: { from: '2016-01-01', to: '2016-12-31' }, weight: 80.5 }]],
      // The 2018–2019 weight joins the spell of the same span; the March 2021 weight has none to join.
      ['e6', 'supplier', [{ period: { from: '2018-01-01', to: '2019-12-31' }, weight: 30 }, { period: { from: '2021-03-01', to: '2021-03-31' }, weight: 5 }]],
    ]);
    // The static native weight stays an attribute; the string over time is kept with its spans.
    expect(plain(relation('e5').attributes)).toEqual({ weight: 1 });
    expect(plain(relation('e6').attributes)).toEqual({ status: '[{"value":"talks","end":"2017-12-31"},{"value":"deliveries","start":"2018-01-01"}]' });
  });

  it('each claim is asserted by the file, F6, and quotes the element that gives its time, at its offsets', () => {
    expect(dataset.sources).toEqual([{ id: 'dynamic-spells-gexf', title: 'dynamic-spells.gexf' }]);
    const claims = dataset.relations.flatMap((r) => r.claims);
    expect(claims).toHaveLength(8);
    for (const c of claims) {
      expect([c.sourceId, c.assertedBy, c.stance, c.grade]).toEqual(['dynamic-spells-gexf', 'dynamic-spells.gexf', 'supports', 'F6']);
      expect(text.slice(...c.locator.chars!)).toBe(c.quote);
    }
    expect(relation('e1').claims.map((c) => c.quote)).toEqual(['<spell start="1993-05-25" end="1999-12-31"/>', '<spell start="2003-01-01"/>']);
    expect(relation('e2').claims[0]!.quote).toBe('<edge id="e2" source="uto" target="tj" start="1992-05-05" end="1997-06-27">');
    expect(relation('e6').claims[1]!.quote).toBe('<attvalue for="w" value="5" start="2021-03-01" end="2021-03-31"/>');
  });

  it("a node's start, its spells (one open) and its values over time are kept in attributes", () => {
    expect(dataset.actors.map((a) => [a.id, a.kind, plain(a.attributes)])).toEqual([
      ['ru', 'state', { spells: '[{"start":"1991-12-26"}]' }],
      ['tj', 'state', { troops: '[{"value":7000,"end":"2009-12-31"},{"value":9000,"start":"2010-01-01"}]' }],
      ['uto', 'armed-group', { spells: '[{"end":"1997-06-27"},{"start":"1998-01-01","end":"1998-12-31"}]' }],
      ['cn', 'state', undefined],
    ]);
  });

  it('time windows select the relations the file says exist then, with their weight there', () => {
    const inWindow = (from: string, to: string) => ids(windowDataset(dataset, { from, to }).dataset);
    expect(inWindow('2000', '2002')).toEqual(['e4']);
    expect(inWindow('1995', '1995')).toEqual(['e1', 'e2', 'e4']);
    expect(inWindow('1997-06-28', '1997-12-31')).toEqual(['e1', 'e4']);
    expect(inWindow('2016', '2016')).toEqual(['e1', 'e3', 'e4', 'e5']);
    expect(inWindow('2020', '2021-02')).toEqual(['e1', 'e4']);
    expect(ids(windowDataset(dataset, { datedOnly: true }).dataset)).toEqual(['e1', 'e2', 'e3', 'e5', 'e6']);
    expect(relationWeight(relation('e5'), { from: '2016', to: '2016' })).toBe(80.5);
    expect(relationWeight(relation('e5'))).toBe(200.5);
    expect(relationWeight(relation('e6'), { from: '2021', to: '2021' })).toBe(5);
  });

  it('no warning says time was dropped; the one warning is the undated edge without evidence', () => {
    expect(report.warnings.map((w) => w.message)).toEqual(['one relation has no claims (no evidence): GEXF files from other tools carry none']);
  });

  it('export → import gives the same dataset, and the export is dynamic with the spells and the weight over time', () => {
    const written = writeGexf(dataset);
    expect(ok(readGexf(written)).dataset).toEqual(dataset);
    expect(written).toContain('<graph mode="dynamic" defaultedgetype="directed" timeformat="date">');
    const edges = edgesOf(written);
    expect(edges.get('e1')!.spells).toEqual([['1993-05-25', '1999-12-31'], ['2003-01-01', null]]);
    // The two years of e5 touch: one spell.
    expect(edges.get('e5')!.spells).toEqual([['2015-01-01', '2016-12-31']]);
    expect(edges.get('e5')!.weights).toEqual([[120, '2015-01-01', '2015-12-31'], [80.5, '2016-01-01', '2016-12-31']]);
    expect(edges.get('e4')!.spells).toBeNull();
    // Gephi reads a dynamic edge weight from an attribute titled "weight".
    expect(written).toMatch(/<attributes class="edge" mode="dynamic">\n {6}<attribute id="et0" title="status" type="string"\/>\n {6}<attribute id="actorscope:weight" title="weight" type="double"\/>/);
    expect(written).toContain('<attvalue for="nt0" value="7000" end="2009-12-31"/>');
    expect(written).toMatch(/<node id="uto" label="United Tajik Opposition">[^]*?<spells>\n {10}<spell end="1997-06-27"\/>\n {10}<spell start="1998-01-01" end="1998-12-31"\/>/);
  });

  it('a foreign file read, written and read again keeps everything (the second read is of our own file)', () => {
    const again = ok(gexfFormat.read(gexfFormat.write(dataset, 'x').map(({ name, text: t }) => ({ name, text: t })))).dataset;
    expect(again).toEqual(dataset);
  });
});

describe('reading dynamic GEXF 1.3 with years (timeformat double): dynamic-years.gexf', () => {
  const { dataset, report } = ok(readGexf(fixture('dynamic-years.gexf'), 'dynamic-years.gexf'));

  it('whole numbers are years; timestamps are one-year dates; intervals and timestamps lists give one claim each', () => {
    expect(dataset.relations.map((r) => [r.id, r.type, r.claims.map(when)])).toEqual([
      ['a', 'supplier', [{ date: '2015', weight: 120 }, { date: '2016', weight: 80 }]],
      ['b', 'partner', [{ period: { from: '1993', to: '1999' } }, { period: { from: '2003', to: '2023' } }]],
      ['c', 'partner', [{ date: '2001' }, { date: '2005' }]],
    ]);
    expect(dataset.actors.map((a) => [a.id, plain(a.attributes)])).toEqual([
      ['RU', { spells: '[{"start":"1991"}]' }],
      ['KZ', { spells: '[{"start":"1991","end":"2099"}]' }],
      ['TJ', { spells: '[{"start":"1991","end":"1991"}]' }],
    ]);
    expect(warningAt(report, /time|spell|not kept/)).toBeUndefined();
    expect(ids(windowDataset(dataset, { from: '2000', to: '2002' }).dataset)).toEqual(['c']);
  });

  it('export → import gives the same dataset; a year claim is written as the days it spans', () => {
    const written = writeGexf(dataset);
    expect(ok(readGexf(written)).dataset).toEqual(dataset);
    expect(edgesOf(written).get('a')!.spells).toEqual([['2015-01-01', '2016-12-31']]);
    expect(edgesOf(written).get('c')!.spells).toEqual([['2001-01-01', '2001-12-31'], ['2005-01-01', '2005-12-31']]);
  });
});

/** A small dynamic GEXF: graph attributes as given, one node `a`, one node `b`, and the edge given. */
const dynamicGexf = (graphAttrs: string, ...edge: string[]) =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    `  <graph mode="dynamic" defaultedgetype="directed" ${graphAttrs}>`,
    '    <attributes class="edge" mode="dynamic"><attribute id="w" title="weight" type="double"/></attributes>',
    '    <nodes><node id="a"/><node id="b"/></nodes>',
    '    <edges>',
    ...edge,
    '    </edges>',
    '  </graph>',
    '</gexf>',
    '',
  ].join('\n');

describe('dynamic GEXF: the rules at the edges of time', () => {
  it('dateTime: the day is kept and a time of day is said to be dropped; midnight says nothing', () => {
    const { dataset, report } = ok(readGexf(dynamicGexf('timeformat="dateTime"', '      <edge source="a" target="b" start="2020-03-01T10:30:00Z" end="2020-03-02T00:00:00"/>')));
    expect(dataset.relations[0]!.claims.map(when)).toEqual([{ period: { from: '2020-03-01', to: '2020-03-02' } }]);
    expect(warningAt(report, /times of day are not kept/)).toEqual({ severity: 'warning', path: 'line 7:7', message: `times of day are not kept: Actorscope's time is whole days, so "2020-03-01T10:30:00Z" is read as 2020-03-01` });
  });

  it("startopen/endopen are read as inclusive bounds, with a warning; networkx's timeformat long is integer", () => {
    const { dataset, report } = ok(readGexf(dynamicGexf('timeformat="long"', '      <edge source="a" target="b" startopen="1999" endopen="2004"/>')));
    expect(dataset.relations[0]!.claims.map(when)).toEqual([{ period: { from: '1999', to: '2004' } }]);
    expect(warningAt(report, /startopen\/endopen/)?.path).toBe('line 7:7');
  });

  it('a weight over time that is no claim weight (negative) is kept whole as the attribute, with a warning', () => {
    const { dataset, report } = ok(readGexf(dynamicGexf('timeformat="integer"', '      <edge source="a" target="b"><attvalues><attvalue for="w" value="-2" start="2001" end="2002"/></attvalues></edge>')));
    expect(dataset.relations[0]!.claims).toEqual([]);
    expect(plain(dataset.relations[0]!.attributes)).toEqual({ weight: '[{"value":-2,"start":"2001","end":"2002"}]' });
    expect(warningAt(report, /cannot be a claim's weight/)?.path).toBe('line 7:46');
  });

  it('a weight given once without time in a dynamic column is a plain weight; a spell with no ends holds always', () => {
    const { dataset } = ok(readGexf(dynamicGexf('timeformat="date"', '      <edge source="a" target="b"><attvalues><attvalue for="w" value="3"/></attvalues><spells><spell/></spells></edge>')));
    expect(dataset.relations[0]!.claims.map(when)).toEqual([{}]);
    expect(plain(dataset.relations[0]!.attributes)).toEqual({ weight: 3 });
    expect(ids(windowDataset(dataset, { from: '1900', to: '1900' }).dataset)).toEqual(['r1']);
  });

  it.each([
    ['a spell that starts after it ends', 'timeformat="date"', '<edge source="a" target="b"><spells><spell start="2003-01-01" end="2001-01-01"/></spells></edge>', 'line 7:43', '<spell> starts (2003-01-01) after it ends (2001-01-01)'],
    ['a date the timeformat cannot read', 'timeformat="date"', '<edge source="a" target="b" start="2001-13-01"/>', 'line 7:7', '<edge> start "2001-13-01" is not a date for timeformat "date" (YYYY-MM-DD)'],
    ['a double that is not a year', 'timeformat="double"', '<edge source="a" target="b"><attvalues><attvalue for="w" value="1" start="3.5"/></attvalues></edge>', 'line 7:46', /^<attvalue> start "3\.5" \(timeformat "double"\) is not a year/],
    ['an unknown timeformat, once a time is read', 'timeformat="days"', '<edge source="a" target="b" start="1"/>', 'line 3:3', 'timeformat "days" is not one GEXF defines (integer, double, date, dateTime): the times cannot be read'],
    ['intervals that run backwards', 'timeformat="integer"', '<edge source="a" target="b" intervals="&lt;[2005, 2001]&gt;"/>', 'line 7:7', '<edge> intervals: an interval starts (2005) after it ends (2001)'],
  ])('%s: refused, located', (_name, graphAttrs, edge, path, message) => {
    const problems = refused(readGexf(dynamicGexf(graphAttrs, `      ${edge}`)));
    expect(problems[0]).toEqual({ severity: 'error', path, message: typeof message === 'string' ? message : expect.stringMatching(message) });
  });

  it('a static file with a strange timeformat and no time reads as before', () => {
    expect(ok(readGexf(dynamicGexf('timeformat="days"', '      <edge source="a" target="b"/>'))).dataset.relations).toHaveLength(1);
  });
});

// ------------------------------------------------------------------ export, property-checked

/** An edge of a written file: its spells ([start, end], open ends null; null when it has none) and its weight over time. */
function edgesOf(text: string): Map<string, { spells: Array<[string | null, string | null]> | null; weights: Array<[number, string | null, string | null]> }> {
  const parsed = parseXml(text);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  const ns = parsed.root.ns;
  const graph = children(parsed.root, ns, 'graph')[0]!;
  const out = new Map<string, { spells: Array<[string | null, string | null]> | null; weights: Array<[number, string | null, string | null]> }>();
  for (const edge of children(children(graph, ns, 'edges')[0]!, ns, 'edge')) {
    const spellsEl = children(edge, ns, 'spells')[0];
    const spells = spellsEl ? children(spellsEl, ns, 'spell').map((s): [string | null, string | null] => [attr(s, 'start'), attr(s, 'end')]) : null;
    const weights = children(edge, ns, 'attvalues').flatMap((b) => children(b, ns, 'attvalue')).filter((v) => attr(v, 'for') === 'actorscope:weight')
      .map((v: XmlElement): [number, string | null, string | null] => [Number(attr(v, 'value')), attr(v, 'start'), attr(v, 'end')]);
    out.set(attr(edge, 'id')!, { spells, weights });
  }
  return out;
}

const partialDate = fc.oneof(
  fc.integer({ min: 1990, max: 2030 }).map(String),
  fc.tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  fc.tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);
/** A span with either end open, the start's first day not after the end's. */
const span = fc.tuple(fc.option(partialDate, { nil: undefined }), fc.option(partialDate, { nil: undefined })).map(([a, b]) => {
  if (a !== undefined && b !== undefined && dateBounds(a)[0] > dateBounds(b)[0]) [a, b] = [b, a];
  return { ...(a !== undefined ? { start: a } : {}), ...(b !== undefined ? { end: b } : {}) };
});
const period = span.map((s): Period => ({ ...(s.start !== undefined ? { from: s.start } : {}), ...(s.end !== undefined ? { to: s.end } : {}) }));

/** Arbitrary datasets whose claims get periods (in place of dates, or beside none), whose actors get spells and whose attributes get values over time. */
const datedDataset: fc.Arbitrary<Dataset> = fc
  .tuple(
    arbitraryDataset,
    fc.array(fc.option(period, { nil: undefined }), { minLength: 64, maxLength: 64 }),
    fc.array(fc.option(fc.array(span, { minLength: 1, maxLength: 3 }), { nil: undefined }), { minLength: 16, maxLength: 16 }),
    fc.array(fc.option(fc.array(fc.record({ value: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e3, max: 1e3 }).filter((x) => !Object.is(x, -0))), s: span }), { minLength: 1, maxLength: 3 }), { nil: undefined }), { minLength: 16, maxLength: 16 }),
  )
  .map(([d, periods, spells, timed]) => {
    let k = 0;
    const relations = d.relations.map((r, i) => {
      const claims = r.claims.map((c) => {
        const p = periods[k++ % periods.length];
        if (p === undefined) return c;
        const { date: _date, ...rest } = c;
        return { ...rest, period: p };
      });
      const values = timed[(i + 7) % timed.length];
      const attributes = values && i % 3 === 0 ? { ...(r.attributes ?? {}), flow: timedValuesText(values.map(({ value, s }) => ({ value, ...s }))) } : r.attributes;
      return { ...r, claims, ...(attributes ? { attributes } : {}) };
    });
    const actors = d.actors.map((a, i) => {
      const s = spells[i % spells.length];
      const values = timed[i % timed.length];
      if (!s && !values) return a;
      const attributes = { ...(a.attributes ?? {}) };
      if (s) attributes.spells = spellsText(s);
      if (values) attributes.members = timedValuesText(values.map(({ value, s: sp }) => ({ value, ...sp })));
      return { ...a, attributes };
    });
    return { ...d, actors, relations };
  });

/** Every day the windows ask about: the bounds of each span, and the days either side. */
function probeDays(d: Dataset): string[] {
  const days = new Set<string>(['1989-06-15', '2040-01-01']);
  const around = (day: string) => {
    const t = Date.parse(`${day}T00:00:00Z`);
    for (const dt of [-1, 0, 1]) days.add(new Date(t + dt * 86_400_000).toISOString().slice(0, 10));
  };
  for (const r of d.relations) {
    for (const c of r.claims) {
      for (const p of [c.date, c.period?.from, c.period?.to]) if (p !== undefined) dateBounds(p).forEach(around);
    }
  }
  return [...days];
}

const covers = (s: string | null, e: string | null, day: string) => (s === null || s <= day) && (e === null || day <= e);

describe('dynamic GEXF export, over arbitrary dated datasets', () => {
  it('read(write(d)) equals d, and the export is dynamic exactly when time is there', () => {
    fc.assert(
      fc.property(datedDataset, (dataset) => {
        const written = writeGexf(dataset);
        const back = readGexf(written);
        if (!back.ok) throw new Error(back.problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`).join('\n'));
        expect(back.dataset).toEqual(dataset);
        const timed = dataset.relations.some((r) => r.claims.some((c) => c.stance === 'supports' && (c.date !== undefined || c.period !== undefined))) ||
          dataset.actors.some((a) => a.attributes?.spells !== undefined || timedValuesOf(a.attributes?.members) !== null) || dataset.relations.some((r) => timedValuesOf(r.attributes?.flow) !== null);
        expect(written.includes('mode="dynamic"')).toBe(timed);
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it("the spells and weights other tools see say, day by day, what Actorscope's windows say", () => {
    const seen = { spells: 0, weights: 0 };
    fc.assert(
      fc.property(datedDataset, (dataset) => {
        const edges = edgesOf(writeGexf(dataset));
        for (const e of edges.values()) {
          if (e.spells) seen.spells++;
          if (e.weights.length > 0) seen.weights++;
        }
        for (const day of probeDays(dataset)) {
          const kept = new Set(ids(windowDataset(dataset, { from: day, to: day }).dataset));
          for (const r of dataset.relations) {
            const { spells, weights } = edges.get(r.id)!;
            const holds = r.claims.some((c) => c.stance === 'supports') && (spells === null || spells.some(([s, e]) => covers(s, e, day)));
            expect(holds || r.claims.length === 0, `${r.id} on ${day}`).toBe(kept.has(r.id));
            if (weights.length > 0) {
              const there = weights.filter(([, s, e]) => covers(s, e, day));
              expect(there.length, `${r.id} weight spans overlap on ${day}`).toBeLessThanOrEqual(1);
              expect(there[0]?.[0] ?? null, `${r.id} weight on ${day}`).toBe(relationWeight(r, { from: day, to: day }));
            }
          }
        }
      }),
      { numRuns: 100 },
    );
    // The property held over edges that have spells and weights over time, not only over static ones.
    expect(seen.spells).toBeGreaterThan(50);
    expect(seen.weights).toBeGreaterThan(20);
  }, 120_000);
});

// ------------------------------------------------------------------ what other readers see

describe('what reads our dynamic export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'actorscope-gexf-dynamic-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('networkx 2.8 (read_gexf) sees the edges\' spells, the weight over time and the actors\' spells', () => {
    const { dataset } = ok(readGexf(fixture('dynamic-spells.gexf'), 'dynamic-spells.gexf'));
    const path = join(dir, 'dynamic.gexf');
    writeFileSync(path, writeGexf(dataset));
    const script = String.raw`
import json, sys
import networkx as nx
g = nx.read_gexf(sys.argv[1])
out = {"version": nx.__version__, "mode": g.graph.get("mode"),
       "edges": {k: {"spells": d.get("spells"), "weight": d.get("weight")} for u, v, k, d in g.edges(keys=True, data=True)},
       "nodes": {n: {"spells": d.get("spells"), "troops": d.get("troops")} for n, d in g.nodes(data=True)}}
print(json.dumps(out))
`;
    const run = spawnSync(PYTHON, ['-c', script, path], { encoding: 'utf8', timeout: 100_000 });
    expect(run.status, run.stderr).toBe(0);
    const found = JSON.parse(run.stdout) as { version: string; mode: string; edges: Record<string, { spells: unknown; weight: unknown }>; nodes: Record<string, { spells: unknown; troops: unknown }> };
    expect(found.version).toMatch(/^2\.8/);
    expect(found.mode).toBe('dynamic');
    // networkx 2.8 writes an open end as the text "None" (it passes the missing attribute through str()).
    expect(found.edges.e1!.spells).toEqual([['1993-05-25', '1999-12-31'], ['2003-01-01', 'None']]);
    expect(found.edges.e3!.spells).toEqual([['2016-08-03', '2016-08-03']]);
    expect(found.edges.e4!.spells).toBeNull();
    expect(found.edges.e6!.weight).toEqual([[30, '2018-01-01', '2019-12-31'], [5, '2021-03-01', '2021-03-31']]);
    // e5 also has a static native weight (1), which networkx reads over the dynamic one.
    expect(found.edges.e5!.weight).toBe(1);
    expect(found.nodes.uto!.spells).toEqual([['None', '1997-06-27'], ['1998-01-01', '1998-12-31']]);
    expect(found.nodes.tj!.troops).toEqual([[7000, 'None', '2009-12-31'], [9000, '2010-01-01', 'None']]);
  }, 120_000);

  it('the explorer reads dynamic GEXF with our reader, keeping time; graphology-gexf (which reads no time) is not used', () => {
    const result = ok(importFiles([{ name: 'dynamic-spells.gexf', text: fixture('dynamic-spells.gexf') }]));
    expect(result.dataset.relations.find((r) => r.id === 'e1')!.claims.map(when)).toEqual([{ period: { from: '1993-05-25', to: '1999-12-31' } }, { period: { from: '2003-01-01' } }]);
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const sources = (folder: string): string[] =>
      readdirSync(join(root, folder)).flatMap((name) => {
        const p = join(root, folder, name);
        return statSync(p).isDirectory() ? sources(join(folder, name)) : /\.tsx?$/.test(name) ? [p] : [];
      });
    const importers = [...sources('graph'), ...sources('src')].filter((p) => /from ['"]graphology-gexf|import\(['"]graphology-gexf|require\(['"]graphology-gexf/.test(readFileSync(p, 'utf8')));
    expect(importers).toEqual([]);
  });
});
