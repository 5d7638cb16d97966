/**
 * Listeners on the Cytoscape instance, attached together and detached
 * together: a controller's effect returns what listen() answers, so no
 * listener outlives its effect and none is written twice.
 */
import type { Core, EventHandler } from 'cytoscape';

/** `[events, handler]` on the instance itself, or `[events, selector, handler]` on matching elements. */
export type Listener = [events: string, handler: EventHandler] | [events: string, selector: string, handler: EventHandler];

export function listen(cy: Core, listeners: readonly Listener[]): () => void {
  for (const l of listeners) {
    if (l.length === 2) cy.on(l[0], l[1]);
    else cy.on(l[0], l[1], l[2]);
  }
  return () => {
    for (const l of listeners) {
      if (l.length === 2) cy.off(l[0], l[1]);
      else cy.off(l[0], l[1], l[2]);
    }
  };
}
