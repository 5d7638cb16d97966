/**
 * Hover: the actor or relation and its neighbourhood stand out, the rest
 * fades. On a large graph, fading every other element restyles tens of
 * thousands on each move: it is highlighted only (`lightHover`).
 */
import type { EventObject } from 'cytoscape';
import { useEffect } from 'react';
import { useScene } from '../CanvasProvider';
import { listen } from '../listen';

export function HoverController() {
  const scene = useScene();
  const cy = scene?.cy;
  const light = scene?.knobs.lightHover ?? false;
  useEffect(() => {
    if (!cy) return;
    let hovered: EventObject['target'] | null = null;
    const over = (e: EventObject) => {
      const el = e.target;
      hovered = el;
      const near = el.isNode() ? el.closedNeighborhood() : el.union(el.connectedNodes());
      cy.batch(() => {
        if (!light) cy.elements().not(near).addClass('faded');
        near.addClass('highlighted');
      });
      const container = cy.container();
      if (container) container.style.cursor = 'pointer';
    };
    const out = () => {
      hovered = null;
      cy.batch(() => (light ? cy.$('.highlighted') : cy.elements()).removeClass('faded highlighted'));
      const container = cy.container();
      if (container) container.style.cursor = '';
    };
    // Leaving the canvas from over an element is the core's mouseout only: the element gets none.
    const left = (e: EventObject) => {
      if (e.target === cy) out();
    };
    // A hovered element deleted (by the keyboard or a form) gets no mouseout: the fading would stay until the mouse moved.
    const removed = (e: EventObject) => {
      if (hovered && (e.target === hovered || e.target.same(hovered))) out();
    };
    return listen(cy, [
      ['mouseover', 'node, edge', over],
      ['mouseout', 'node, edge', out],
      ['mouseout', left],
      ['remove', 'node, edge', removed],
    ]);
  }, [cy, light]);
  return null;
}
