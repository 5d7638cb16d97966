/**
 * An analysis overlay as Cytoscape classes: `dimmed`/`overlay-hidden` for what
 * is outside a focus, `focus` for what is in it, `bloc-N` for bloc colours,
 * `faction-a`/`faction-b` and `frustrated` for balance, `change-added`,
 * `change-removed`, `change-changed` and `change-replaced` for two windows
 * compared (the unchanged relations dimmed). Hover uses its own
 * `faded` class, so hovering never clears an overlay.
 */
import type { Core, SingularElementArgument } from 'cytoscape';
import type { ActorGraph } from '../../graph';
import type { Overlay } from '../state/app-state';
import { BLOC_COLORS } from '../look/palette';
import type { Change } from './change-slices';

const BLOC_CLASSES = BLOC_COLORS.map((_, i) => `bloc-${i}`).concat('bloc-other');
const CHANGE_CLASSES = ['change-added', 'change-removed', 'change-changed', 'change-replaced'];
const CLASS_LIST = ['dimmed', 'overlay-hidden', 'focus', 'faction-a', 'faction-b', 'frustrated', ...CHANGE_CLASSES, ...BLOC_CLASSES];
const OVERLAY_CLASSES = CLASS_LIST.join(' ');
/** Only the elements that carry an overlay class: removeClass on all elements restyles every one of them
 * (60,000 at 10k/50k, about a second of UI thread), even those without the class. */
const WITH_OVERLAY = CLASS_LIST.map((c) => `.${c}`).join(', ');

/**
 * The overlay's classes as changes (src/canvas/change-slices.ts): each
 * element whose overlay classes differ from what `overlay` wants gets them
 * replaced; the others are not touched (a class change restyles even when it
 * changes nothing).
 */
export function overlayChanges(cy: Core, graph: ActorGraph, overlay: Overlay | null): Change[] {
  const wanted = wantedClasses(cy, graph, overlay);
  const changes: Change[] = [];
  const change = (el: SingularElementArgument, classes: string | undefined) => {
    changes.push(() => {
      el.removeClass(OVERLAY_CLASSES);
      if (classes) el.addClass(classes);
      return el;
    });
  };
  const carrying = new Set<string>();
  cy.elements(WITH_OVERLAY).forEach((el) => {
    carrying.add(el.id());
    const classes = wanted.get(el.id());
    if (classes === undefined || !sameClasses(el, classes)) change(el, classes);
  });
  for (const [id, classes] of wanted) {
    if (carrying.has(id)) continue;
    const el = cy.getElementById(id);
    if (el.nonempty()) change(el, classes);
  }
  return changes;
}

/** Whether `el`'s overlay classes are exactly `classes` (space-separated). */
function sameClasses(el: SingularElementArgument, classes: string): boolean {
  const want = classes.split(' ');
  return want.every((c) => el.hasClass(c)) && CLASS_LIST.filter((c) => el.hasClass(c)).length === want.length;
}

/** Element id → the overlay classes it should carry (space-separated); elements not in the map carry none. */
function wantedClasses(cy: Core, graph: ActorGraph, overlay: Overlay | null): Map<string, string> {
  const out = new Map<string, string>();
  if (!overlay) return out;
  const nodeKey = (id: string) => graph.keyOfActor.get(id);
  const edgeKey = (id: string) => graph.keyOfRelation.get(id);
  const add = (key: string | undefined, cls: string) => {
    if (key === undefined) return;
    const had = out.get(key);
    out.set(key, had ? `${had} ${cls}` : cls);
  };
  switch (overlay.kind) {
    case 'focus': {
      const inFocus = new Set<string>();
      for (const key of [...overlay.actors.map(nodeKey), ...overlay.relations.map(edgeKey)]) {
        if (key === undefined) continue;
        add(key, 'focus');
        inFocus.add(key);
      }
      const rest = overlay.hideRest ? 'overlay-hidden' : 'dimmed';
      cy.elements().forEach((el) => {
        if (!inFocus.has(el.id())) add(el.id(), rest);
      });
      break;
    }
    case 'blocs':
      overlay.communities.forEach((members, i) => {
        const cls = i < BLOC_COLORS.length ? `bloc-${i}` : 'bloc-other';
        for (const id of members) add(nodeKey(id), cls);
      });
      break;
    case 'factions':
      for (const id of overlay.factions[0]) add(nodeKey(id), 'faction-a');
      for (const id of overlay.factions[1]) add(nodeKey(id), 'faction-b');
      for (const id of overlay.frustrated) add(edgeKey(id), 'frustrated');
      break;
    case 'changes': {
      const marked = new Set<string>();
      const mark = (ids: readonly string[], cls: string) => {
        for (const id of ids) {
          const key = edgeKey(id);
          add(key, cls);
          if (key !== undefined) marked.add(key);
        }
      };
      mark(overlay.added, 'change-added');
      mark(overlay.removed, 'change-removed');
      mark(overlay.changed, 'change-changed');
      mark(overlay.replaced, 'change-replaced');
      cy.edges().forEach((e) => {
        if (!marked.has(e.id())) add(e.id(), 'dimmed');
      });
      break;
    }
  }
  return out;
}
