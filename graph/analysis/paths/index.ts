/** Paths: presets, k best loop-free paths between two actors, and who can reach an actor. */
export { kShortestPaths, DEFAULT_K, MAX_K, PATH_ENDS, type PathEnd, type PathQuery } from './k-shortest-paths';
export { PATH_PRESETS, PATH_PRESET_IDS, DEFAULT_PATH_PRESET, isPathPreset, presetQuery, type PathPreset, type PathPresetId } from './presets';
export { PATH_SIGN_RULE, PATH_CONFIDENCE_RULE, WEAK_HOP_RULE, type HopEvidence } from './path-rules';
export { whoCanReach, DEFAULT_MAX_HOPS, MAX_MAX_HOPS, DEFAULT_REACH_TYPES, type ReachQuery, type Reacher } from './reach';
export type { ActorPath, PathHop } from './actor-path';
