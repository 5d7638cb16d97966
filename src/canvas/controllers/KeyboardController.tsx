/**
 * The graph by keyboard. The canvas takes the focus with Tab; then ←↑→↓ move
 * a focus ring to the nearest actor in that direction (spatial-step.ts), Enter
 * or Space opens the actor's details, Escape clears the selection and the
 * ring. Each move is announced (name, kind, degree, how many actors it is tied
 * to) in a polite live region, and the view follows an actor moved off screen.
 */
import type { NodeSingular } from 'cytoscape';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { kindStyle } from '../../look/encoding';
import type { Selection } from '../../state/app-state';
import { useScene } from '../CanvasProvider';
import { nearestTo, stepFrom, type Direction } from '../spatial-step';

const KEYS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };
const RING = 'kb-focus';

/**
 * What a screen reader hears for an actor: "Tajikistan, state: degree 7, 7
 * relations with 6 actors; 2 more drawn but not counted." Degree counts what
 * the analyses count (the table's figure): relations the evidence setting
 * leaves out (`uncounted`) are said apart.
 */
export function describeActor(node: NodeSingular): string {
  const shown = node.connectedEdges().filter((e) => e.visible());
  const counted = shown.filter((e) => !e.hasClass('uncounted'));
  const neighbours = counted.connectedNodes().filter((n) => n.id() !== node.id()).length;
  const kind = kindStyle(String(node.data('kind'))).label.toLowerCase();
  const n = counted.length;
  const ties = n === 0 ? 'no relation counted' : `${n} ${n === 1 ? 'relation' : 'relations'} with ${neighbours} ${neighbours === 1 ? 'actor' : 'actors'}`;
  const left = shown.length - n;
  return `${String(node.data('name'))}, ${kind}: degree ${n}, ${ties}${left ? `; ${left} more drawn but not counted` : ''}.`;
}

export function KeyboardController({ container, selection, onSelect }: { container: RefObject<HTMLDivElement | null>; selection: Selection; onSelect: (s: Selection) => void }) {
  const scene = useScene();
  const [spoken, setSpoken] = useState('');
  // Kept across selections and edits: Enter selects, and the ring stays where it was.
  const focusedRef = useRef<string | null>(null);
  const selectionRef = useRef(selection);
  selectionRef.current = selection;

  useEffect(() => {
    const el = container.current;
    if (!scene || !el) return;
    const { cy, graph } = scene;
    const nodeOf = (key: string | null) => (key ? cy.getElementById(key) : null);
    const shown = () => cy.nodes().filter((n) => n.visible());
    const place = (n: NodeSingular) => ({ id: n.id(), ...n.renderedPosition() });

    const focusOn = (key: string | null) => {
      cy.batch(() => {
        cy.nodes(`.${RING}`).removeClass(RING);
        if (key) cy.getElementById(key).addClass(RING);
      });
      focusedRef.current = key;
      const node = nodeOf(key);
      if (!node || node.empty()) return setSpoken('');
      setSpoken(describeActor(node));
      const p = node.renderedPosition();
      if (p.x < 0 || p.y < 0 || p.x > cy.width() || p.y > cy.height()) cy.animate({ center: { eles: node } }, { duration: 200 });
    };
    const start = () => {
      const selection = selectionRef.current;
      const selectedKey = selection?.kind === 'actor' ? graph.keyOfActor.get(selection.id) : undefined;
      if (selectedKey && cy.getElementById(selectedKey).visible()) return selectedKey;
      return nearestTo({ x: cy.width() / 2, y: cy.height() / 2 }, shown().map(place));
    };

    const onKey = (e: KeyboardEvent) => {
      const direction = KEYS[e.key];
      if (direction) {
        e.preventDefault();
        const current = nodeOf(focusedRef.current);
        if (!current || current.empty() || !current.visible()) return focusOn(start());
        const next = stepFrom(place(current), shown().map(place), direction);
        if (next) focusOn(next);
        else setSpoken(`No actor further ${direction === 'left' || direction === 'right' ? `to the ${direction}` : direction}.`);
      } else if ((e.key === 'Enter' || e.key === ' ') && focusedRef.current) {
        e.preventDefault();
        const node = nodeOf(focusedRef.current)!;
        onSelect({ kind: 'actor', id: String(node.data('actorId')) });
      } else if (e.key === 'Escape') {
        focusOn(null);
        onSelect(null);
      }
    };
    // Back on the graph: the ring where it was, if that actor is still shown.
    const onFocus = () => {
      const node = nodeOf(focusedRef.current);
      focusOn(node?.nonempty() && node.visible() ? node.id() : start());
    };
    const onBlur = () => {
      cy.nodes(`.${RING}`).removeClass(RING);
    };
    el.addEventListener('keydown', onKey);
    el.addEventListener('focus', onFocus);
    el.addEventListener('blur', onBlur);
    return () => {
      el.removeEventListener('keydown', onKey);
      el.removeEventListener('focus', onFocus);
      el.removeEventListener('blur', onBlur);
    };
  }, [scene, container, onSelect]);

  return (
    <p className="sr-only" aria-live="polite" data-testid="graph-announcer">
      {spoken}
    </p>
  );
}
