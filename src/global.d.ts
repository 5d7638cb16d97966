import type { Core } from 'cytoscape';
import type { ScaleKnobs } from './canvas/scale';

declare global {
  interface Window {
    /** The live Cytoscape instance, set by the canvas (src/canvas/CanvasProvider.tsx) for the end-to-end tests; app code asks the canvas handle. */
    __actorscope?: { cy: Core };
    /** Overrides of the large-graph knobs, for measuring each one (src/canvas/scale.ts). */
    __actorscopeKnobs?: Partial<ScaleKnobs>;
  }
}
