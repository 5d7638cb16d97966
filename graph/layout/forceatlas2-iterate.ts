/**
 * The one function of graphology-layout-forceatlas2 we use: a single
 * ForceAtlas2 iteration over its typed matrices (10 numbers per node, 3 per
 * edge; see force-layout.ts). The package ships types for its public API
 * only, so this file gives the deep import its type.
 */
// @ts-expect-error: graphology-layout-forceatlas2 declares no types for iterate.js
import untypedIterate from 'graphology-layout-forceatlas2/iterate.js';

export const iterate = untypedIterate as (settings: Record<string, number | boolean>, nodes: Float32Array, edges: Float32Array) => void;
