/**
 * The centrality table's steps (src/state/metrics-plan.ts): a small graph is
 * one exact request; a large one estimates betweenness first and refines it;
 * merging the steps' results gives exactly the one-request result, with the
 * estimate gone once the exact betweenness is in.
 */
import { describe, expect, it } from 'vitest';
import { computeMetrics, METRIC_IDS, type MetricsResult } from '../../graph';
import { BETWEENNESS_SAMPLES, ESTIMATE_FROM_ACTORS, mergeMetrics, metricsPlan } from '../../src/state/metrics-plan';
import { bigDataset } from '../support/big-dataset';

describe('metricsPlan', () => {
  it('computes a small graph in one exact step', () => {
    expect(metricsPlan(ESTIMATE_FROM_ACTORS - 1)).toEqual([{ label: 'metrics', options: {} }]);
  });

  it('estimates betweenness first on a large graph, computes every metric, and ends with exact betweenness', () => {
    const plan = metricsPlan(ESTIMATE_FROM_ACTORS);
    expect(plan[0]!.options).toMatchObject({ betweennessSamples: BETWEENNESS_SAMPLES });
    expect(plan[0]!.options.metrics).toContain('betweenness');
    expect(new Set(plan.flatMap((s) => s.options.metrics ?? []))).toEqual(new Set(METRIC_IDS));
    expect(plan.at(-1)!.options).toEqual({ metrics: ['betweenness'] });
  });
});

describe('mergeMetrics', () => {
  const data = bigDataset({ actors: 400, relations: 1200, seed: 5 });
  const run = (options: Parameters<typeof computeMetrics>[1]): MetricsResult => computeMetrics(data, options);

  it('merges the steps of the large-graph plan into the one-request result', () => {
    const steps = metricsPlan(ESTIMATE_FROM_ACTORS).map((s) => run({ ...s.options, betweennessSamples: s.options.betweennessSamples && 50 }));
    const first = steps[0]!;
    expect(Object.keys(first.estimates ?? {})).toEqual(['betweenness']);
    const two = mergeMetrics(first, steps[1]!);
    // After step 2 betweenness is still the estimate; the other metrics are exact.
    expect(two.estimates?.betweenness).toBeDefined();
    expect(two.metrics).toEqual([...METRIC_IDS]);
    const all = mergeMetrics(two, steps[2]!);
    const whole = run({});
    expect(all.estimates).toBeUndefined();
    expect(all.actors).toEqual(whole.actors);
    expect(all.metrics).toEqual(whole.metrics);
    expect(all.conventions).toEqual(whole.conventions);
    expect(all.unavailable).toEqual(whole.unavailable);
    expect(all.graph).toEqual(whole.graph);
  });

  it('does not change the results it merges', () => {
    const a = run({ metrics: ['degree'] });
    const b = run({ metrics: ['pagerank'] });
    const before = structuredClone([a, b]);
    mergeMetrics(a, b);
    expect([a, b]).toEqual(before);
  });
});
