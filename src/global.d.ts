import type { Core } from 'cytoscape';

declare global {
  interface Window {
    /** The live Cytoscape instance, for end-to-end tests and curious users in the console. */
    __actorscope?: { cy: Core };
  }
}
