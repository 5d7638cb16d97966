/** The app's selection as Cytoscape's selected state, brought into view when it is off screen. */
import { useEffect } from 'react';
import type { Selection } from '../../state/app-state';
import { useScene } from '../CanvasProvider';

export function SelectionController({ selection }: { selection: Selection }) {
  const scene = useScene();
  useEffect(() => {
    if (!scene) return;
    const { cy, graph } = scene;
    cy.elements(':selected').unselect();
    if (!selection) return;
    const key = selection.kind === 'actor' ? graph.keyOfActor.get(selection.id) : graph.keyOfRelation.get(selection.id);
    if (!key) return;
    const el = cy.getElementById(key);
    el.select();
    // Bring it into view if it is off screen (a pick from the search box or the table).
    const bb = el.renderedBoundingBox();
    if (bb.x2 < 0 || bb.y2 < 0 || bb.x1 > cy.width() || bb.y1 > cy.height()) {
      cy.animate({ center: { eles: el } }, { duration: 250 });
    }
  }, [scene, selection]);
  return null;
}
