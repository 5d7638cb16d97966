/**
 * The network choice (graph/analysis/network.ts): which relation types a
 * centrality computation runs on, in computeMetrics, compareActors, the
 * protocol and the CLI (`--network`).
 *
 * Known answers: the conflict network is the threat relations alone, so its
 * metrics must equal the metrics of the graph filtered to threats (the filter
 * is tested against networkx in metrics.test.ts); degrees on the small graph
 * below are counted by hand. PN ignores the network (it is defined on the
 * signed network), so its values are the same under every choice. The CLI
 * tests run `metrics` and `compare` in-process on GRAPH.
 */
import { describe, expect, it } from 'vitest';
import { compareActors } from '../../graph/analysis/compare';
import { computeMetrics, METRIC_IDS, type MetricsResult } from '../../graph/analysis/metrics';
import { applyNetwork, describeNetwork, networkTypes, normalizeNetwork } from '../../graph/analysis/network';
import type { Dataset, Relation, RelationType } from '../../graph/model/types';
import { handle, requestKey, type Request } from '../../graph/protocol';
import { main } from '../../graph/cli';
import { runWithFiles } from '../support/run-command';

type Tie = readonly [string, RelationType, string];

function dataset(actors: readonly string[], ties: readonly Tie[]): Dataset {
  return {
    format: 'actorscope',
    version: 2,
    sources: [],
    meta: { title: 'network test' },
    actors: actors.map((id) => ({ id, name: id, kind: 'state', aliases: [] })),
    relations: ties.map(([source, type, target], i): Relation => ({ id: `r${i + 1}`, source, target, type, claims: [] })),
  };
}

// A and B are allies, B supplies C, C threatens A and D, D is alleged to support B, E and C have an untyped tie.
const GRAPH = dataset(
  ['A', 'B', 'C', 'D', 'E'],
  [
    ['A', 'partner', 'B'],
    ['B', 'supplier', 'C'],
    ['C', 'threat', 'A'],
    ['C', 'threat', 'D'],
    ['D', 'suspected-supporter', 'B'],
    ['E', 'other', 'C'],
  ],
);

const column = (result: MetricsResult, metric: keyof MetricsResult['actors'][number]) => result.actors.map((a) => a[metric]);

describe('network choice: definitions', () => {
  it('names the types of each network, in the order of RELATION_TYPES', () => {
    expect(networkTypes('cooperation')).toEqual(['partner', 'supplier', 'suspected-supporter']);
    expect(networkTypes('conflict')).toEqual(['threat']);
    expect(networkTypes('all')).toEqual(['partner', 'threat', 'supplier', 'suspected-supporter', 'other']);
    expect(networkTypes()).toEqual(networkTypes('all'));
    expect(networkTypes(['other', 'partner'])).toEqual(['partner', 'other']);
  });

  it('a list equal to a named network is that network; descriptions for footnotes', () => {
    expect(normalizeNetwork(['threat'])).toBe('conflict');
    expect(normalizeNetwork(['suspected-supporter', 'partner', 'supplier'])).toBe('cooperation');
    expect(normalizeNetwork(['other', 'partner'])).toEqual(['partner', 'other']);
    expect(describeNetwork('cooperation')).toBe('cooperation network: partner, supplier and suspected-supporter relations');
    expect(describeNetwork('conflict')).toBe('conflict network: threat relations');
    expect(describeNetwork()).toBe('all relation types');
    expect(describeNetwork(['other', 'partner'])).toBe('network of partner, other relations');
  });

  it('refuses unknown names and types and an empty list', () => {
    expect(() => networkTypes('allies' as never)).toThrow(/unknown network "allies"/);
    expect(() => networkTypes(['threat', 'ally' as RelationType])).toThrow(/unknown relation type "ally"/);
    expect(() => networkTypes([])).toThrow(/at least one relation type/);
  });

  it('keeps every actor and only the network\'s relations', () => {
    const conflict = applyNetwork(GRAPH, 'conflict');
    expect(conflict.actors).toBe(GRAPH.actors);
    expect(conflict.relations.map((r) => r.id)).toEqual(['r3', 'r4']);
    expect(applyNetwork(GRAPH, 'all')).toBe(GRAPH);
  });
});

describe('network choice in computeMetrics', () => {
  it('absent is all: the same numbers as before, reported as all relation types', () => {
    const result = computeMetrics(GRAPH);
    expect(result.network).toEqual({ network: 'all', types: networkTypes('all'), description: 'all relation types', ignoredBy: [] });
    const all = computeMetrics(GRAPH, { network: 'all' });
    for (const m of METRIC_IDS) expect(column(all, m)).toEqual(column(result, m));
  });

  it('conflict = the graph filtered to threats, for every table metric, directed and undirected', () => {
    for (const undirected of [false, true]) {
      const conflict = computeMetrics(GRAPH, { network: 'conflict', undirected });
      const filtered = computeMetrics(GRAPH, { filter: { relationTypes: ['threat'] }, undirected });
      for (const m of METRIC_IDS) expect(column(conflict, m), m).toEqual(column(filtered, m));
      expect(conflict.graph.relations).toBe(2);
      expect(conflict.graph.actors).toBe(5);
      expect(conflict.network.description).toBe('conflict network: threat relations');
    }
  });

  it('cooperation degrees by hand: partner once, supplier and suspected-supporter', () => {
    const result = computeMetrics(GRAPH, { network: 'cooperation', metrics: ['degree', 'inDegree', 'outDegree'] });
    // A: partner. B: partner, supplier to C, supported by D. C: supplied by B. D: supports B. E: none.
    expect(column(result, 'degree')).toEqual([1, 3, 1, 1, 0]);
    expect(column(result, 'inDegree')).toEqual([1, 2, 1, 0, 0]);
    expect(column(result, 'outDegree')).toEqual([1, 2, 0, 1, 0]);
  });

  it('a chosen list narrows what the filter leaves', () => {
    const result = computeMetrics(GRAPH, { network: ['threat', 'other'], filter: { relationTypes: ['other', 'partner'] }, metrics: ['degree'] });
    expect(column(result, 'degree')).toEqual([0, 0, 1, 0, 1]);
    expect(result.network.network).toEqual(['threat', 'other']);
  });

  it('PN ignores the network (the whole signed network) and the result says so', () => {
    const all = computeMetrics(GRAPH, { metrics: ['pn', 'degree'] });
    const conflict = computeMetrics(GRAPH, { metrics: ['pn', 'degree'], network: 'conflict' });
    expect(column(conflict, 'pn')).toEqual(column(all, 'pn'));
    expect(column(conflict, 'degree')).not.toEqual(column(all, 'degree'));
    expect(conflict.network.ignoredBy).toEqual(['pn']);
    expect(conflict.conventions.pn).toMatch(/network choice .* do not apply/);
  });

  it('an unknown network is an error', () => {
    expect(() => computeMetrics(GRAPH, { network: 'allies' as never })).toThrow(/unknown network/);
  });
});

describe('network and weighting in compare and the protocol', () => {
  it('compareActors passes network and weighted to computeMetrics and reports them', () => {
    const comparison = compareActors(GRAPH, { actors: ['A', 'C'], network: 'conflict', weighted: true, metrics: ['degree', 'betweenness'] });
    const metrics = computeMetrics(GRAPH, { network: 'conflict', weighted: true, metrics: ['degree', 'betweenness'] });
    expect(comparison.actors.map((a) => a.metrics[0]!.value)).toEqual([metrics.actors[0]!.degree, metrics.actors[2]!.degree]);
    // Claimless relations weigh 0.5: C takes part in two threats.
    expect(comparison.actors[1]!.metrics[0]!.value).toBe(1);
    expect(comparison.network.network).toBe('conflict');
    expect(comparison.weighted).toBe(true);
    expect(comparison.weightBy).toBe('evidence');
    expect(comparison.unweighted).toEqual([]);
  });

  it('metrics and compare requests carry network and weighted through; they change the request key', () => {
    const base: Request = { type: 'metrics', dataset: GRAPH, metrics: ['degree'] };
    const asked: Request = { ...base, network: 'conflict', weighted: true };
    const answer = handle(asked);
    expect(answer.ok && answer.result.network.network).toBe('conflict');
    expect(answer.ok && answer.result.actors.map((a) => a.degree)).toEqual([0.5, 0, 1, 0.5, 0]);
    expect(requestKey(asked)).not.toBe(requestKey(base));
    expect(requestKey({ ...base, network: 'conflict' } as Request)).not.toBe(requestKey({ ...base, network: 'cooperation' } as Request));
    expect(requestKey({ ...base, weighted: true } as Request)).not.toBe(requestKey(base));
    const compare: Request = { type: 'compare', dataset: GRAPH, options: { actors: ['A', 'B'], network: 'cooperation' } };
    const compared = handle(compare);
    expect(compared.ok && compared.result.network.network).toBe('cooperation');
    expect(requestKey(compare)).not.toBe(requestKey({ ...compare, options: { actors: ['A', 'B'] } } as Request));
  });
});

describe('CLI: --network and --weighted', () => {
  const files = new Map([['g.json', JSON.stringify(GRAPH)]]);

  it('metrics --network conflict --weighted: strengths on the threats, said under the table and in the JSON', () => {
    const text = runWithFiles(main, files, 'metrics', 'g.json', '--network', 'conflict', '--weighted', '--metrics', 'degree,betweenness,pn');
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/Strength/);
    expect(text.out).toContain('Network: conflict network: threat relations (PN: the whole signed network, as it is defined).');
    expect(text.out).toMatch(/Weighted by evidence: .*length 1\/w\); unweighted: PN\./);
    const json = runWithFiles(main, files, 'metrics', 'g.json', '--network', 'threat', '--weighted', '--metrics', 'degree', '--json');
    const parsed = JSON.parse(json.out) as { network: { network: string }; weighted: boolean; actors: Array<{ degree: number }> };
    expect(parsed.network.network).toBe('conflict');
    expect(parsed.weighted).toBe(true);
    expect(parsed.actors.map((a) => a.degree)).toEqual([0.5, 0, 1, 0.5, 0]);
  });

  it('metrics --network TYPE,TYPE, and a clear error for a bad value', () => {
    const json = runWithFiles(main, files, 'metrics', 'g.json', '--network', 'partner,other', '--metrics', 'degree', '--json');
    expect((JSON.parse(json.out) as { actors: Array<{ degree: number }> }).actors.map((a) => a.degree)).toEqual([1, 1, 1, 0, 1]);
    for (const bad of ['allies', 'threat,ally', ',']) {
      const run = runWithFiles(main, files, 'metrics', 'g.json', '--network', bad);
      expect(run.code, bad).toBe(2);
      expect(run.err, bad).toMatch(/--network(: .* is neither a network| needs cooperation, conflict, all)/);
    }
  });

  it('compare --network and --weighted reach the comparison and the stability rankings', () => {
    const run = runWithFiles(main, files, 'compare', 'g.json', '--actors', 'A,C', '--network', 'conflict', '--weighted', '--metrics', 'degree', '--json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as {
      network: { network: string };
      weighted: boolean;
      actors: Array<{ metrics: { degree: { value: number } } }>;
    };
    expect(json.network.network).toBe('conflict');
    expect(json.weighted).toBe(true);
    expect(json.actors.map((a) => a.metrics.degree.value)).toEqual([0.5, 1]);
    const text = runWithFiles(main, files, 'compare', 'g.json', '--actors', 'A,C', '--network', 'cooperation', '--weighted');
    expect(text.out).toContain('Network: cooperation network: partner, supplier and suspected-supporter relations.');
    expect(text.out).toMatch(/Strength/);
    expect(runWithFiles(main, files, 'compare', 'g.json', '--actors', 'A,C', '--network', 'friends').code).toBe(2);
  });
});
