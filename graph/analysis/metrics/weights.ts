/**
 * The weights of the weighted metrics (`weighted: true`), by one of two
 * measures (`weightBy`):
 *
 * - 'evidence': each relation weighs its confidence (weighRelation() in
 *   evidence.ts, 0..1; a relation without claims 0.5), so a tie the evidence
 *   barely supports counts for little and a well-witnessed one for nearly a
 *   whole relation.
 * - 'value': each relation weighs its value, the sum of its supporting
 *   claims' `weight`s (time-window.ts relationWeight: a SIPRI TIV, a
 *   casualty count; after windowDataset, the window's). A relation none of
 *   whose claims carries one has no value: it is left out of every weighted
 *   metric (it adds nothing to a strength or a tie), and the result says how
 *   many there were (MetricsResult.withoutValue).
 *
 * Without `weightBy`: 'value' when some relation the metrics run on has a
 * value, else 'evidence' (defaultWeightBy).
 *
 * - Strength (weighted degree) adds each relation's weight where degree
 *   adds 1: parallel relations each add theirs, as degree counts each.
 * - The power iterations (eigenvector, PageRank, HITS) run on the simple
 *   graph's ties, each weighing the sum of the weights of the relations that
 *   make it (directed: a partner relation is an arc each way, each with its
 *   weight; undirected: every relation between the two actors adds to their
 *   one edge). With confidences the sum is, as tie strength sums
 *   (compare/tie-strength.ts), the expected number of the tie's relations
 *   that hold.
 * - The path metrics (betweenness, closeness) take a tie of weight w as a
 *   step of length 1/w (kernels/arc-lengths.ts), and leave ties of weight 0 out.
 */
import { isMutual, type Dataset } from '../../model/types';
import { arcWeights, type ArcWeights } from '../kernels/arc-weights';
import type { Csr } from '../kernels/csr';
import { relationConfidence } from '../evidence';
import { relationWeight } from '../time-window';

/** What a weighted metric weighs a relation by: its confidence, or its value (claims' weights summed). */
export type WeightBy = 'evidence' | 'value';
export const WEIGHT_BY: readonly WeightBy[] = ['evidence', 'value'];

/** Relations of the dataset that carry a value. */
export function relationsWithValue(dataset: Dataset): number {
  let n = 0;
  for (const r of dataset.relations) if (relationWeight(r) !== null) n++;
  return n;
}

/** 'value' when some relation has a value, else 'evidence'. */
export function defaultWeightBy(dataset: Dataset): WeightBy {
  return dataset.relations.some((r) => relationWeight(r) !== null) ? 'value' : 'evidence';
}

/** What a relation weighs, for the conventions. */
export function relationWeighs(by: WeightBy): string {
  return by === 'value'
    ? "weighted by value: a relation weighs the sum of its supporting claims' values (e.g. SIPRI TIV; in a time window, the window's); a relation without a value is left out"
    : 'weighted by evidence: a relation weighs its confidence (0..1; 0.5 for a relation without claims)';
}

/** How the power iterations weigh a tie, for their conventions. */
export function tieWeight(by: WeightBy): string {
  return `${relationWeighs(by)}; a tie weighs the sum of its relations' weights (a partner relation gives an arc each way with its weight)`;
}

/** How the path metrics measure a tie, for their conventions. */
export function tieLength(by: WeightBy): string {
  return `${tieWeight(by)}; a tie of weight w is a step of length 1/w (networkx's weight= is a length there: give it 1/w), shortest paths by Dijkstra; ties of weight 0 are left out`;
}

/** The plural the descriptions use: "confidences" or "values". */
export const weightsWord = (by: WeightBy): string => (by === 'value' ? 'values' : 'confidences');

/** Each relation's weight, in dataset order: its confidence, or its value (0 without one). */
export function relationWeights(dataset: Dataset, by: WeightBy = 'evidence'): Float64Array {
  if (by === 'value') return Float64Array.from(dataset.relations, (r) => relationWeight(r) ?? 0);
  return Float64Array.from(dataset.relations, (r) => relationConfidence(r));
}

/**
 * The arc weights of a metric graph's CSR (CSR node i = dataset.actors[i], as
 * buildMetricGraph numbers them) from the relations' weights.
 */
export function metricArcWeights(dataset: Dataset, csr: Csr, undirected: boolean, weights: Float64Array): ArcWeights {
  const index = new Map<string, number>();
  dataset.actors.forEach((a, i) => index.set(a.id, i));
  const sources: number[] = [];
  const targets: number[] = [];
  const values: number[] = [];
  dataset.relations.forEach((r, k) => {
    const s = index.get(r.source);
    const t = index.get(r.target);
    if (s === undefined || t === undefined || s === t) return;
    sources.push(s);
    targets.push(t);
    values.push(weights[k]!);
    if (!undirected && isMutual(r.type)) {
      sources.push(t);
      targets.push(s);
      values.push(weights[k]!);
    }
  });
  return arcWeights(csr, sources, targets, values);
}
