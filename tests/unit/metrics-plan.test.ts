/**
 * The centrality table's steps (src/state/metrics-plan.ts): a small graph is
 * one exact request; a large one estimates betweenness first and refines it;
 * merging the steps' results gives exactly the one-request result, with the
 * estimate gone once the exact betweenness is in, an optional metric (PN)
 * and the network and weighting reports kept.
 */
import { describe, expect, it } from 'vitest';
import { computeMetrics, METRIC_IDS, type MetricsResult } from '../../graph';
import { addShares, BETWEENNESS_SAMPLES, betweennessWorkers, ESTIMATE_FROM_ACTORS, mergeMetrics, metricsPlan } from '../../src/state/metrics-plan';
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
    expect(plan.at(-1)!.split).toBeUndefined();
  });

  it('splits exact betweenness over two workers where there are two cores', () => {
    expect(metricsPlan(ESTIMATE_FROM_ACTORS, betweennessWorkers(2)).at(-1)!.split).toBe(2);
    expect(betweennessWorkers(1)).toBe(1);
    expect(betweennessWorkers(undefined)).toBe(1);
    expect(betweennessWorkers(16)).toBe(2);
  });
});

describe('addShares', () => {
  const data = bigDataset({ actors: 301, relations: 900, seed: 9 });
  it.each([1, 2, 3, 7])('adds %i shares of the sources up to the exact betweenness', (of) => {
    const parts = Array.from({ length: of }, (_, part) => computeMetrics(data, { metrics: ['betweenness'], betweennessShare: { part, of } }));
    for (const [part, result] of parts.entries()) expect(result.shares).toEqual({ betweenness: { part, of } });
    const whole = computeMetrics(data, { metrics: ['betweenness'] });
    const added = addShares(parts);
    expect(added.shares).toBeUndefined();
    added.actors.forEach((row, i) => expect(row.betweenness).toBeCloseTo(whole.actors[i]!.betweenness!, 12));
  });

  it('keeps n/a as n/a', () => {
    const one = { ...data, actors: data.actors.slice(0, 1), relations: [] };
    const parts = [0, 1].map((part) => computeMetrics(one, { metrics: ['betweenness'], betweennessShare: { part, of: 2 } }));
    expect(addShares(parts).actors[0]!.betweenness).toBeNull();
  });

  it('refuses a share that is not a part of a whole, or with sampling', () => {
    expect(() => computeMetrics(data, { betweennessShare: { part: 2, of: 2 } })).toThrow(/betweennessShare/);
    expect(() => computeMetrics(data, { betweennessShare: { part: 0, of: 0 } })).toThrow(/betweennessShare/);
    expect(() => computeMetrics(data, { betweennessShare: { part: 0, of: 2 }, betweennessSamples: 10 })).toThrow(/cannot be combined/);
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

  it('keeps an optional metric (PN, in a step of its own) and which metrics ignore the network and the weighting', () => {
    const options = { network: 'conflict' as const, weighted: true };
    const steps = [...metricsPlan(ESTIMATE_FROM_ACTORS).map((s) => s.options), { metrics: ['pn' as const] }].map((o) =>
      run({ ...o, ...options, betweennessSamples: undefined }),
    );
    const merged = steps.slice(1).reduce(mergeMetrics, steps[0]!);
    const whole = run({ ...options, metrics: [...METRIC_IDS, 'pn'] });
    expect(merged.metrics).toEqual(whole.metrics);
    expect(merged.actors).toEqual(whole.actors);
    expect(merged.conventions).toEqual(whole.conventions);
    expect(merged.network).toEqual(whole.network);
    expect(merged.unweighted).toEqual(['pn']);
    expect(merged.weightBy).toBe(whole.weightBy);
    expect(merged.weighted).toBe(true);
  });

  it('does not change the results it merges', () => {
    const a = run({ metrics: ['degree'] });
    const b = run({ metrics: ['pagerank'] });
    const before = structuredClone([a, b]);
    mergeMetrics(a, b);
    expect([a, b]).toEqual(before);
  });
});
