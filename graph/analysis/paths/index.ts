/** Threat paths: k best loop-free paths between two actors, and who can reach an actor. */
export { kShortestPaths, DEFAULT_K, MAX_K, type PathQuery } from './k-shortest-paths';
export { whoCanReach, DEFAULT_MAX_HOPS, MAX_MAX_HOPS, DEFAULT_REACH_TYPES, type ReachQuery, type Reacher } from './reach';
export type { ActorPath, PathHop } from './actor-path';
