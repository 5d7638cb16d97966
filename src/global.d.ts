import type { Core } from 'cytoscape';
import type { ScaleKnobs } from './canvas/scale';

declare global {
  interface Window {
    /** The live Cytoscape instance, for end-to-end tests and curious users in the console. */
    __actorscope?: { cy: Core };
    /** Overrides of the large-graph knobs, for measuring each one (src/canvas/scale.ts). */
    __actorscopeKnobs?: Partial<ScaleKnobs>;
  }
}
