/**
 * Degree, in-degree and out-degree (graph/analysis/metrics/degree.ts) against
 * a plain reference, the Map-per-key count they replaced, on fast-check
 * datasets: self-relations, parallel relations, partner relations, repeated
 * actor ids, ends that are no actor, directed and undirected, unweighted and
 * weighted by arbitrary doubles. Equal exactly (Object.is), in actor order:
 * each actor's weights are added in relation order in both, so they round
 * alike. The hand-worked answers are in metrics.test.ts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { degree, inDegree, outDegree } from '../../graph/analysis/metrics/degree';
import type { MetricContext, Scores } from '../../graph/analysis/metrics';
import { csrMetricGraph } from '../../graph/analysis/metric-graph';
import { actorKey } from '../../graph/model/actor-graph';
import { isMutual, RELATION_TYPES, type Dataset, type Relation } from '../../graph/model/types';

/** The reference: one Map entry per actor key, updated per counted end. */
function reference(ctx: MetricContext, which: 'degree' | 'in' | 'out'): Map<string, number> {
  const index = new Map<string, string>();
  const out = new Map<string, number>();
  ctx.dataset.actors.forEach((a, i) => {
    index.set(a.id, actorKey(i));
    out.set(actorKey(i), 0);
  });
  ctx.dataset.relations.forEach((r, k) => {
    if (r.source === r.target) return;
    const w = ctx.relationWeights ? ctx.relationWeights[k]! : 1;
    const add = (id: string) => {
      const key = index.get(id);
      if (key !== undefined) out.set(key, out.get(key)! + w);
    };
    if (which === 'degree' || ctx.undirected || isMutual(r.type)) {
      add(r.source);
      add(r.target);
    } else add(which === 'out' ? r.source : r.target);
  });
  return out;
}

// Few ids, so that relations repeat, loop and (with 'ghost', never an actor) dangle; actors may share an id.
const IDS = ['A', 'B', 'C', 'D', 'E', '__proto__', 'ghost'];
const dataset = fc
  .record({
    actors: fc.array(fc.constantFrom(...IDS.slice(0, -1)), { maxLength: 8 }),
    relations: fc.array(fc.record({ source: fc.constantFrom(...IDS), target: fc.constantFrom(...IDS), type: fc.constantFrom(...RELATION_TYPES) }), { maxLength: 30 }),
  })
  .map(({ actors, relations }): Dataset => ({
    actors: actors.map((id) => ({ id, name: id, kind: 'group' })),
    relations: relations.map((r, k): Relation => ({ id: `r${k}`, ...r, claims: [] })),
  }) as unknown as Dataset);

describe('degree counts', () => {
  it('equal the Map-per-key reference exactly, in actor order, directed and undirected, weighted or not', () => {
    fc.assert(
      fc.property(dataset, fc.boolean(), fc.option(fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 30, maxLength: 30 }), { nil: undefined }), (data, undirected, w) => {
        const ctx: MetricContext = { dataset: data, graph: csrMetricGraph(data, undirected), undirected };
        if (w) ctx.relationWeights = Float64Array.from(w.slice(0, data.relations.length));
        const keys = data.actors.map((_, i) => actorKey(i));
        for (const [metric, which] of [[degree, 'degree'], [inDegree, 'in'], [outDegree, 'out']] as const) {
          const got: Scores = metric.compute(ctx);
          const want = reference(ctx, which);
          expect([...got.keys()]).toEqual(keys);
          expect([...got.values()]).toEqual([...want.values()]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('count a relation whose other end is no actor for the end that is', () => {
    const data = {
      actors: [{ id: 'A', name: 'A', kind: 'group' }],
      relations: [{ id: 'r1', source: 'A', target: 'ghost', type: 'threat', claims: [] }],
    } as unknown as Dataset;
    const ctx: MetricContext = { dataset: data, graph: csrMetricGraph(data), undirected: false };
    expect([degree, inDegree, outDegree].map((m) => m.compute(ctx).get('a0'))).toEqual([1, 0, 1]);
  });
});
