/**
 * An analysis overlay as Cytoscape classes: `dimmed`/`overlay-hidden` for what
 * is outside a focus, `focus` for what is in it, `bloc-N` for bloc colours,
 * `faction-a`/`faction-b` and `frustrated` for balance, `change-added`,
 * `change-removed`, `change-changed` and `change-replaced` for two windows
 * compared (the unchanged relations dimmed). Hover uses its own
 * `faded` class, so hovering never clears an overlay.
 */
import type { Core } from 'cytoscape';
import type { ActorGraph } from '../../graph';
import type { Overlay } from '../state/app-state';
import { BLOC_COLORS } from '../look/palette';

const BLOC_CLASSES = BLOC_COLORS.map((_, i) => `bloc-${i}`).concat('bloc-other');
const CHANGE_CLASSES = ['change-added', 'change-removed', 'change-changed', 'change-replaced'];
const CLASS_LIST = ['dimmed', 'overlay-hidden', 'focus', 'faction-a', 'faction-b', 'frustrated', ...CHANGE_CLASSES, ...BLOC_CLASSES];
const OVERLAY_CLASSES = CLASS_LIST.join(' ');
/** Only the elements that carry an overlay class: removeClass on all elements restyles every one of them
 * (60,000 at 10k/50k, about a second of UI thread), even those without the class. */
const WITH_OVERLAY = CLASS_LIST.map((c) => `.${c}`).join(', ');

export function applyOverlay(cy: Core, graph: ActorGraph, overlay: Overlay | null): void {
  const node = (id: string) => cy.getElementById(graph.keyOfActor.get(id) ?? '');
  const edge = (id: string) => cy.getElementById(graph.keyOfRelation.get(id) ?? '');
  cy.batch(() => {
    cy.elements(WITH_OVERLAY).removeClass(OVERLAY_CLASSES);
    if (!overlay) return;
    switch (overlay.kind) {
      case 'focus': {
        let inFocus = cy.collection();
        for (const id of overlay.actors) inFocus = inFocus.union(node(id));
        for (const id of overlay.relations) inFocus = inFocus.union(edge(id));
        inFocus.addClass('focus');
        cy.elements().not(inFocus).addClass(overlay.hideRest ? 'overlay-hidden' : 'dimmed');
        break;
      }
      case 'blocs':
        overlay.communities.forEach((members, i) => {
          const cls = i < BLOC_COLORS.length ? `bloc-${i}` : 'bloc-other';
          for (const id of members) node(id).addClass(cls);
        });
        break;
      case 'factions':
        for (const id of overlay.factions[0]) node(id).addClass('faction-a');
        for (const id of overlay.factions[1]) node(id).addClass('faction-b');
        for (const id of overlay.frustrated) edge(id).addClass('frustrated');
        break;
      case 'changes': {
        let changes = cy.collection();
        const mark = (ids: readonly string[], cls: string) => {
          for (const id of ids) changes = changes.union(edge(id).addClass(cls));
        };
        mark(overlay.added, 'change-added');
        mark(overlay.removed, 'change-removed');
        mark(overlay.changed, 'change-changed');
        mark(overlay.replaced, 'change-replaced');
        cy.edges().not(changes).addClass('dimmed');
        break;
      }
    }
  });
}
