/**
 * Metric kernels over a compact typed-array adjacency (CSR): the fast path
 * behind the betweenness, closeness, eigenvector, PageRank, hub and authority
 * descriptors. Framework-free and allocation-light, so the same code runs in the
 * worker, the CLI and the tests; graphology-metrics stays the reference the
 * tests compare against (tests/unit/kernels.test.ts).
 */
export * from './csr';
export { arcWeights, rowSums, type ArcWeights } from './arc-weights';
export * from './convergence';
export * from './progress';
export { betweenness, betweennessScale, sampledBetweenness, BrandesWorkspace, type DependencyAccumulator } from './betweenness';
export type { BetweennessOptions, SampledBetweenness, SampledBetweennessOptions } from './betweenness';
export { closeness, type ClosenessOptions } from './closeness';
export { pagerank, type PagerankOptions } from './pagerank';
export type { IterativeResult } from './power-iteration';
export { eigenvector, type EigenvectorOptions } from './eigenvector';
export { hits, type HitsOptions, type HitsResult } from './hits';
export { bfsDistances } from './bfs';
export { signedAdjacency, type SignedAdjacency } from './signed-adjacency';
export { pnCentrality, DIRECT_UP_TO, type PnOptions, type PnResult } from './pn';
export { solveDense, conjugateGradient, type ConjugateGradientOptions, type ConjugateGradientResult } from './linear-solve';
export { lengthGraph, type LengthGraph } from './arc-lengths';
export { IndexedMinHeap } from './min-heap';
export { DijkstraWorkspace } from './dijkstra';
export { weightedBetweenness, sampledWeightedBetweenness, WeightedBrandesWorkspace } from './weighted-betweenness';
export { weightedCloseness, type WeightedClosenessOptions } from './weighted-closeness';
