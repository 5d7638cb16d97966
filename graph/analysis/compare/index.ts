/** Comparing actors: side-by-side metrics, per-layer ranks, rank stability, explanations, and tie strength to one actor. */
export { rankValues, competitionRanks, fractionalRanks, spearman, RANK_TOLERANCE, type RankOptions } from './ranks';
export {
  compareActors,
  MIN_COMPARED,
  MAX_COMPARED,
  rankOptionsFor,
  type CompareOptions,
  type ComparedMetric,
  type ComparedActor,
  type Comparison,
} from './compare-actors';
export { layerRankings, DEFAULT_LAYERS, type LayerOptions, type LayerRanking, type LayerRow, type LayerResult } from './layers';
export { rankStability, type StabilityOptions, type StabilityMove, type StabilityResult } from './stability';
export {
  explainBetweenness,
  explainEigenvector,
  DEFAULT_EXPLAIN_LIMIT,
  DEFAULT_EXPLAIN_SEED,
  type ExplainOptions,
  type BetweennessExplainOptions,
  type BetweennessEstimate,
  type BetweennessPair,
  type BetweennessExplanation,
  type EigenvectorContribution,
  type EigenvectorExplanation,
} from './explain';
export { tieStrength, TIE_STRENGTH_RULE, type TieStrengthOptions, type TieStrength, type ActorTies, type Tie, type TieWitness, type LeftOutTie } from './tie-strength';
