/**
 * handle() (graph/protocol.ts), the pure request handler behind the Web
 * Worker, the CLI and the tests: the list of request types, which of them
 * are answered per dataset version, and the request key; 'restore', 'read'
 * and 'metrics' requests; the comparison requests (compare, layers,
 * stability, explain) under a filter, which must call an actor it hides
 * hidden rather than unknown; unknown
 * requests and failures as { ok: false } rather than exceptions, and results
 * that survive structuredClone (they cross a Worker boundary). The evidence
 * setting: it changes the answer and the key, is reported beside the result,
 * and leaves the answer as it was when absent.
 */
import { describe, it, expect } from 'vitest';
import { ANSWERED_PER_VERSION, REQUEST_TYPES, handle, requestKey, type Request } from '../../graph/protocol';
import { readDataset } from '../../graph/io/read-dataset';
import { compareActors, explainBetweenness, explainEigenvector, layerRankings, rankStability } from '../../graph/analysis/compare';
import { computeMetrics } from '../../graph/analysis/metrics';
import { applyFilter, type GraphFilter } from '../../graph/model/filter';
import { DEFAULT_EVIDENCE } from '../../graph/analysis/evidence-setting';
import { kShortestPaths } from '../../graph/analysis/paths';
import type { Dataset } from '../../graph/model/types';
import { DATED } from '../fixtures/analysis/dated-timeline';

const INPUT = {
  format: 'actorscope',
  version: 1,
  meta: { title: 'Protocol test' },
  actors: [
    { id: 'A', name: 'Alpha', kind: 'state', attributes: { population: 9, capital: 'Dushanbe' } },
    { id: 'B', name: 'Bravo', kind: 'armed-group' },
    { id: 'C', name: 'Charlie', kind: 'person' },
  ],
  relations: [
    { source: 'A', target: 'B', type: 'partner', claims: [{ quote: 'q', source: 'S', locator: { paragraph: 1 }, assertedBy: 'x', grade: 'B2' }] },
    { source: 'B', target: 'C', type: 'threat', claims: [{ quote: 'q', source: { title: 'S', url: 'https://example.org' }, locator: { chars: [0, 1] }, assertedBy: 'x', grade: 'C3' }] },
  ],
};

function restored(): Dataset {
  const response = handle({ type: 'restore', input: INPUT });
  if (!response.ok || !response.result.ok) throw new Error('fixture did not restore');
  return response.result.dataset;
}

describe("handle({ type: 'restore' })", () => {
  it('answers { ok: true, result } with the restored dataset', () => {
    const response = handle({ type: 'restore', input: INPUT });
    expect(response.ok).toBe(true);
    if (!response.ok) return;
    expect(response.result.ok).toBe(true);
    if (!response.result.ok) return;
    expect(response.result.warnings).toEqual([]);
    expect(response.result.dataset.relations.map((r) => [r.id, r.source, r.target, r.type])).toEqual([
      ['r1', 'A', 'B', 'partner'],
      ['r2', 'B', 'C', 'threat'],
    ]);
    expect(response.result.dataset.actors[1]).toEqual({ id: 'B', name: 'Bravo', kind: 'armed-group', aliases: [] });
  });

  it('a bad dataset is a successful request whose result lists the problems', () => {
    const response = handle({ type: 'restore', input: { ...INPUT, relations: [{ ...INPUT.relations[0]!, target: 'Z' }] } });
    expect(response).toEqual({
      ok: true,
      result: { ok: false, problems: [{ severity: 'error', path: 'relations[0].target', message: '"Z" is not the id of any actor' }] },
    });
  });

  it('result survives structuredClone, attributes (null-prototype objects) included', () => {
    const input = JSON.parse('{"format":"actorscope","version":1,"actors":[{"id":"__proto__","name":"P","kind":"state","attributes":{"__proto__":"x","n":1}}],"relations":[]}') as unknown;
    for (const request of [{ type: 'restore', input: INPUT }, { type: 'restore', input }, { type: 'restore', input: [] }] as const) {
      const response = handle(request);
      expect(structuredClone(response)).toEqual(response);
    }
    const response = handle({ type: 'restore', input });
    const clone = structuredClone(response);
    if (!clone.ok || !clone.result.ok) throw new Error('expected a dataset');
    expect(Object.entries(clone.result.dataset.actors[0]!.attributes!)).toEqual([['__proto__', 'x'], ['n', 1]]);
  });
});

describe("handle({ type: 'metrics' })", () => {
  it('answers with the same result as computeMetrics, options passed through', () => {
    const dataset = restored();
    const request: Request = { type: 'metrics', dataset, undirected: true, metrics: ['degree', 'betweenness'], filter: { relationTypes: ['partner', 'threat'] } };
    const response = handle(request);
    expect(response).toEqual({
      ok: true,
      result: computeMetrics(dataset, { undirected: true, metrics: ['degree', 'betweenness'], filter: { relationTypes: ['partner', 'threat'] } }),
    });
    if (!response.ok) return;
    // Path A–B–C undirected: B is on the one path between the others.
    expect(response.result.actors.map((a) => [a.id, a.degree, a.betweenness])).toEqual([['A', 1, 0], ['B', 2, 1], ['C', 1, 0]]);
    expect(response.result.graph).toMatchObject({ actors: 3, relations: 2, directed: false, filter: 'relation types: partner, threat' });
  });

  it('result survives structuredClone, n/a values and unavailable reasons included', () => {
    const dataset = restored();
    const requests: Request[] = [
      { type: 'metrics', dataset },
      { type: 'metrics', dataset, undirected: true },
      { type: 'metrics', dataset: { ...dataset, actors: dataset.actors.slice(0, 1), relations: [] } },
      { type: 'metrics', dataset: { ...dataset, actors: [], relations: [] } },
    ];
    for (const request of requests) {
      const response = handle(request);
      expect(response.ok).toBe(true);
      expect(structuredClone(response)).toEqual(response);
    }
    // n/a (null) values cross intact.
    const oneActor = handle({ type: 'metrics', dataset: { ...dataset, actors: dataset.actors.slice(0, 1), relations: [] } });
    expect(structuredClone(oneActor)).toMatchObject({ ok: true, result: { actors: [{ id: 'A', degree: 0, pagerank: null }] } });
  });
});

describe('compare, layers, stability and explain under a filter', () => {
  // Bravo is the armed group: this filter hides it (and both its relations).
  const filter: GraphFilter = { actorKinds: ['state', 'person'] };
  const hidden = { ok: false, error: 'actor "B" is hidden by the filter' };
  const unknown = { ok: false, error: '"Z" is not an actor id in this dataset' };

  it('an actor the filter hides is reported as hidden by the filter, one not in the dataset as unknown', () => {
    const dataset = restored();
    expect(handle({ type: 'compare', dataset, filter, options: { actors: ['A', 'B'] } })).toEqual(hidden);
    expect(handle({ type: 'layers', dataset, filter, options: { metric: 'degree', actors: ['B'] } })).toEqual(hidden);
    expect(handle({ type: 'explain', dataset, filter, options: { actor: 'B' } })).toEqual(hidden);
    expect(handle({ type: 'compare', dataset, filter, options: { actors: ['A', 'Z'] } })).toEqual(unknown);
    expect(handle({ type: 'layers', dataset, filter, options: { metric: 'degree', actors: ['Z'] } })).toEqual(unknown);
    expect(handle({ type: 'explain', dataset, filter, options: { actor: 'Z' } })).toEqual(unknown);
  });

  it('answers as the analyses do on the filtered graph', () => {
    const dataset = restored();
    const visible = applyFilter(dataset, filter);
    expect(handle({ type: 'compare', dataset, filter, options: { actors: ['A', 'C'] } })).toEqual({ ok: true, result: compareActors(dataset, { actors: ['A', 'C'], filter }) });
    const compared = handle({ type: 'compare', dataset, filter, options: { actors: ['A', 'C'] } });
    expect(compared).toMatchObject({ ok: true, result: { actorCount: 2, filter: 'actor kinds: state, person' } });
    expect(handle({ type: 'layers', dataset, filter, options: { metric: 'degree' } })).toEqual({ ok: true, result: layerRankings(visible, { metric: 'degree' }) });
    expect(handle({ type: 'stability', dataset, filter, options: { metric: 'degree', dropSuspected: true } })).toEqual({
      ok: true,
      result: rankStability(visible, { metric: 'degree', dropSuspected: true }),
    });
    expect(handle({ type: 'explain', dataset, filter, options: { actor: 'A', undirected: true } })).toEqual({
      ok: true,
      result: { betweenness: explainBetweenness(visible, 'A', { undirected: true }), eigenvector: explainEigenvector(visible, 'A', { undirected: true }) },
    });
  });

  it('a filter in the options as well applies after the request\'s', () => {
    const dataset = restored();
    const response = handle({ type: 'compare', dataset, filter: { relationTypes: ['partner'] }, options: { actors: ['A', 'B'], filter: { actorKinds: ['state', 'armed-group'] } } });
    expect(response).toEqual({ ok: true, result: compareActors(applyFilter(dataset, { relationTypes: ['partner'] }), { actors: ['A', 'B'], filter: { actorKinds: ['state', 'armed-group'] } }) });
    expect(response).toMatchObject({ ok: true, result: { actorCount: 2 } });
  });
});

describe('failures are answers, not exceptions', () => {
  it('an unknown request type gives { ok: false } with the type named', () => {
    const response = handle({ type: 'louvain' } as unknown as Request);
    expect(response).toEqual({ ok: false, error: 'unknown request "louvain"' });
  });

  it('a request without a type gives { ok: false }', () => {
    expect(handle({} as unknown as Request)).toMatchObject({ ok: false });
  });

  it('a metrics request whose dataset makes the core throw gives { ok: false } with the message', () => {
    const response = handle({ type: 'metrics', dataset: null as unknown as Dataset });
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(typeof response.error).toBe('string');
    expect(response.error.length).toBeGreaterThan(0);
    expect(structuredClone(response)).toEqual(response);
  });
});

describe('the request types and the request key', () => {
  it('lists every request type, each one handled', () => {
    expect(REQUEST_TYPES).toEqual(['restore', 'import', 'read', 'export', 'inspectCsv', 'metrics', 'paths', 'reach', 'communities', 'ego', 'balance', 'compare', 'layers', 'stability', 'tieStrength', 'explain', 'relations', 'diff', 'timeline', 'layout']);
    for (const type of REQUEST_TYPES) {
      expect(handle({ type } as Request), type).not.toEqual({ ok: false, error: `unknown request "${type}"` });
    }
  });

  it('answers per dataset version the requests on a graph, not those that carry their data', () => {
    expect([...ANSWERED_PER_VERSION]).toEqual(['metrics', 'paths', 'reach', 'communities', 'ego', 'balance', 'compare', 'layers', 'stability', 'tieStrength', 'explain', 'relations', 'diff', 'timeline']);
  });

  it('keys a request without its dataset, whatever the order of its keys, under the version when given', () => {
    const dataset = restored();
    const other = { ...dataset, meta: { ...dataset.meta, title: 'Another' } };
    const a: Request = { type: 'paths', dataset, filter: { relationTypes: ['threat'] }, query: { from: 'A', to: 'C', k: 2 } };
    const b = { query: { k: 2, to: 'C', from: 'A' }, dataset: other, filter: { relationTypes: ['threat'] }, type: 'paths' } as Request;
    const text = '{"filter":{"relationTypes":["threat"]},"query":{"from":"A","k":2,"to":"C"},"type":"paths"}';
    expect(requestKey(a)).toBe(text);
    expect(requestKey(b)).toBe(text);
    expect(requestKey(a, 7)).toBe(`7|${text}`);
    // Another question is another key; an absent option and an undefined one are the same.
    expect(requestKey({ ...a, query: { from: 'A', to: 'C', k: 3 } } as Request)).not.toBe(text);
    expect(requestKey({ ...a, query: { from: 'A', to: 'C', k: 2, minGrade: undefined } } as Request)).toBe(text);
    expect(requestKey({ type: 'import', files: [{ name: 'a.csv', text: 'x' }] })).toBe('{"files":[{"name":"a.csv","text":"x"}],"type":"import"}');
  });
});

describe("handle({ type: 'read' })", () => {
  it('reads one file\'s text as the CLI does (readDataset), forced `json` included', () => {
    const text = JSON.stringify(INPUT);
    expect(handle({ type: 'read', text, name: 'a.json' })).toEqual({ ok: true, result: readDataset(text, 'a.json') });
    expect(handle({ type: 'read', text, name: 'a.txt', format: 'json' })).toEqual({ ok: true, result: readDataset(text, 'a.txt', 'json') });
    expect(handle({ type: 'read', text, name: 'a.txt', format: 'json' })).toMatchObject({ ok: true, result: { ok: true, format: 'actorscope-json' } });
  });
});

describe('the evidence setting on requests on a graph', () => {
  /**
   * A–B partner [B2], B→C threat [F6 supporting; three B2 disputing, from three speakers: contested],
   * A→C supplier [no claim: confidence NO_EVIDENCE 0.5, not contested].
   */
  const claim = (grade: string, stance: 'supports' | 'disputes', assertedBy: string) => ({ quote: 'q', source: 'S', locator: { paragraph: 1 }, assertedBy, stance, grade });
  function weighedDataset(): Dataset {
    const response = handle({
      type: 'restore',
      input: {
        ...INPUT,
        relations: [
          { id: 'ab', source: 'A', target: 'B', type: 'partner', claims: [claim('B2', 'supports', 'x')] },
          { id: 'bc', source: 'B', target: 'C', type: 'threat', claims: [claim('F6', 'supports', 'x'), claim('B2', 'disputes', 'y'), claim('B2', 'disputes', 'z'), claim('B2', 'disputes', 'w')] },
          { id: 'ac', source: 'A', target: 'C', type: 'supplier', claims: [] },
        ],
      },
    });
    if (!response.ok || !response.result.ok) throw new Error('fixture did not restore');
    return response.result.dataset;
  }

  it('absent: every relation counts and the answer carries no evidence report (as before the setting existed)', () => {
    const dataset = weighedDataset();
    const response = handle({ type: 'paths', dataset, query: { from: 'B', to: 'C' } });
    expect(response).toEqual({ ok: true, result: kShortestPaths(dataset, { from: 'B', to: 'C' }) });
    expect(handle({ type: 'metrics', dataset, metrics: ['degree'] })).toEqual({ ok: true, result: computeMetrics(dataset, { metrics: ['degree'] }) });
  });

  it('uncontested: the contested threat is left out of paths, reach, balance, communities, ego and metrics, and the answer says so', () => {
    const dataset = weighedDataset();
    const evidence = DEFAULT_EVIDENCE;
    const leftOut = { contested: ['bc'], belowGrade: [], belowConfidence: [] };
    const report = { setting: { contested: 'exclude' }, leftOut };
    const paths = handle({ type: 'paths', dataset, evidence, query: { from: 'B', to: 'C', directed: false } });
    expect(paths).toMatchObject({ ok: true, evidence: report });
    if (!paths.ok) return;
    expect(paths.result.map((p) => p.hops.map((h) => h.relationId))).toEqual([['ab', 'ac']]);
    expect(handle({ type: 'paths', dataset, query: { from: 'B', to: 'C', directed: false } })).toMatchObject({ ok: true, result: [{ hops: [{ relationId: 'bc' }] }, {}] });

    const reach = handle({ type: 'reach', dataset, evidence, query: { target: 'C' } });
    expect(reach).toEqual({ ok: true, result: [], evidence: report });
    const metrics = handle({ type: 'metrics', dataset, evidence, metrics: ['degree'] });
    expect(metrics).toMatchObject({ ok: true, evidence: report, result: { graph: { relations: 2 }, evidence: report } });
    if (!metrics.ok) return;
    // B and C lose the threat between them (degree 2 each with every relation).
    expect(metrics.result.actors.map((a) => [a.id, a.degree])).toEqual([['A', 2], ['B', 1], ['C', 1]]);
    expect(handle({ type: 'balance', dataset, evidence })).toMatchObject({ ok: true, evidence: report, result: { graph: { relations: 2 } } });
    expect(handle({ type: 'ego', dataset, evidence, query: { actor: 'C', depth: 1 } })).toMatchObject({ ok: true, evidence: report });
    expect(handle({ type: 'communities', dataset, evidence })).toMatchObject({ ok: true, evidence: report });
  });

  it('compare, layers, stability and explain weigh the whole dataset, and still call a hidden actor hidden', () => {
    const dataset = weighedDataset();
    const evidence = DEFAULT_EVIDENCE;
    const without = { ...dataset, relations: dataset.relations.filter((r) => r.id !== 'bc') };
    expect(handle({ type: 'compare', dataset, evidence, options: { actors: ['A', 'B'] } })).toMatchObject({
      ok: true,
      result: compareActors(without, { actors: ['A', 'B'] }),
      evidence: { leftOut: { contested: ['bc'] } },
    });
    expect(handle({ type: 'layers', dataset, evidence, options: { metric: 'degree' } })).toMatchObject({ ok: true, result: layerRankings(without, { metric: 'degree' }) });
    expect(handle({ type: 'stability', dataset, evidence, options: { metric: 'degree', dropSuspected: true } })).toMatchObject({
      ok: true,
      result: rankStability(without, { metric: 'degree', dropSuspected: true }),
    });
    expect(handle({ type: 'explain', dataset, evidence, options: { actor: 'B' } })).toMatchObject({
      ok: true,
      result: { betweenness: explainBetweenness(without, 'B'), eigenvector: explainEigenvector(without, 'B') },
    });
    // The filter hides B (armed group) and both its relations: only the supplier A→C is left to weigh.
    const filter: GraphFilter = { actorKinds: ['state', 'person'] };
    expect(handle({ type: 'compare', dataset, filter, evidence, options: { actors: ['A', 'B'] } })).toEqual({ ok: false, error: 'actor "B" is hidden by the filter' });
    // Left out counts only what the filter shows: the contested threat is hidden already.
    expect(handle({ type: 'compare', dataset, filter, evidence, options: { actors: ['A', 'C'] } })).toMatchObject({
      ok: true,
      evidence: { leftOut: { contested: [], belowGrade: [], belowConfidence: [] } },
    });
  });

  it('a minimum grade or confidence leaves out the relation without claims; the left-out lists say why', () => {
    const dataset = weighedDataset();
    expect(handle({ type: 'relations', dataset, evidence: { contested: 'exclude', minGrade: 'C3' } })).toMatchObject({
      ok: true,
      result: [{ id: 'ab' }],
      evidence: { leftOut: { contested: ['bc'], belowGrade: ['ac'], belowConfidence: [] } },
    });
    const strict = handle({ type: 'relations', dataset, evidence: { contested: 'include', minConfidence: 0.6 } });
    expect(strict).toMatchObject({ ok: true, result: [{ id: 'ab' }], evidence: { leftOut: { contested: [], belowGrade: [], belowConfidence: ['bc', 'ac'] } } });
    // NO_EVIDENCE (0.5) meets a minimum of 0.5.
    expect(handle({ type: 'relations', dataset, evidence: { contested: 'exclude', minConfidence: 0.5 } })).toMatchObject({ ok: true, result: [{ id: 'ab' }, { id: 'ac' }] });
  });

  it("'relations' lists every relation that counts with its evidence", () => {
    const dataset = weighedDataset();
    const response = handle({ type: 'relations', dataset, evidence: { contested: 'include' } });
    expect(response).toMatchObject({ ok: true, evidence: { setting: { contested: 'include' }, leftOut: { contested: [], belowGrade: [], belowConfidence: [] } } });
    if (!response.ok) return;
    expect(response.result.map((r) => [r.id, r.source, r.target, r.type, r.supports, r.disputes, r.contested, r.bestGrade])).toEqual([
      ['ab', 'A', 'B', 'partner', 1, 0, false, 'B2'],
      ['bc', 'B', 'C', 'threat', 1, 3, true, 'F6'],
      ['ac', 'A', 'C', 'supplier', 0, 0, false, null],
    ]);
    expect(response.result.map((r) => r.witnesses)).toEqual([1, 1, 0]);
    expect(response.result[2]!.confidence).toBe(0.5);
    expect(structuredClone(response)).toEqual(response);
  });

  it('the setting is part of the key, and a malformed one is a failed answer naming it', () => {
    const dataset = weighedDataset();
    const plain: Request = { type: 'balance', dataset };
    const keys = [plain, { ...plain, evidence: { contested: 'exclude' } }, { ...plain, evidence: { contested: 'include' } }, { ...plain, evidence: { contested: 'exclude', minConfidence: 0.3 } }].map((r) =>
      requestKey(r as Request),
    );
    expect(new Set(keys).size).toBe(4);
    expect(keys[1]).toBe('{"evidence":{"contested":"exclude"},"type":"balance"}');
    expect(handle({ ...plain, evidence: { contested: 'maybe' } } as unknown as Request)).toEqual({
      ok: false,
      error: 'evidence: contested must be "include" or "exclude", not "maybe"',
    });
    expect(handle({ type: 'metrics', dataset, evidence: { contested: 'exclude', minConfidence: 2 } })).toEqual({
      ok: false,
      error: 'evidence: minConfidence must be a number from 0 to 1, not 2',
    });
  });
});

describe("handle({ type: 'timeline' })", () => {
  it('answers a metric per year for the chosen actors (analysis/timeline.ts), with the evidence report beside it', () => {
    const response = handle({ type: 'timeline', dataset: DATED, evidence: DEFAULT_EVIDENCE, options: { actors: ['a', 'b'], metric: 'outDegree' } });
    expect(response).toMatchObject({ ok: true, evidence: { leftOut: { contested: ['r6'] } } });
    if (!response.ok) throw new Error(response.error);
    expect(response.result.series.map((s) => s.values)).toEqual([[2, 2, 3], [1, 1, 0]]);
    // The request's filter applies as the other requests' do.
    const filtered = handle({ type: 'timeline', dataset: DATED, filter: { actorKinds: ['state'] }, options: { actors: ['a'], metric: 'outDegree' } });
    expect(filtered.ok && filtered.result.series[0]!.values).toEqual([1, 1, 1]);
  });
});
