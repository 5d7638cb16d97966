/**
 * A Cytoscape event of ours: the picture moved without a drag or a Cytoscape
 * layout (new actors placed by an edit, the worker's layout applied), so the
 * saved-positions controller saves it like those.
 */
import type { Core } from 'cytoscape';

export const REARRANGED = 'rearranged';

export function rearranged(cy: Core): void {
  cy.emit(REARRANGED);
}
