/**
 * The weights of the weighted metrics (`weighted: true`): each relation
 * weighs its confidence (weighRelation() in evidence.ts, 0..1; a relation
 * without claims 0.5), so a tie the evidence barely supports counts for
 * little and a well-witnessed one for nearly a whole relation.
 *
 * - Strength (weighted degree) adds each relation's confidence where degree
 *   adds 1: parallel relations each add theirs, as degree counts each.
 * - The power iterations (eigenvector, PageRank, HITS) run on the simple
 *   graph's ties, each weighing the sum of the confidences of the relations
 *   that make it (directed: a partner relation is an arc each way, each with
 *   its confidence; undirected: every relation between the two actors adds to
 *   their one edge). The sum, as tie strength sums (compare/tie-strength.ts):
 *   the expected number of the tie's relations that hold.
 */
import { isMutual, type Dataset } from '../../model/types';
import { arcWeights, type ArcWeights } from '../kernels/arc-weights';
import type { Csr } from '../kernels/csr';
import { relationConfidence } from '../evidence';

/** How the power iterations weigh a tie, for their conventions. */
export const TIE_WEIGHT =
  "weighted by evidence: a tie weighs the sum of the confidences of the relations that make it (a partner relation gives an arc each way with its confidence; 0.5 for a relation without claims)";

/** Each relation's confidence, in dataset order. */
export function relationWeights(dataset: Dataset): Float64Array {
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
