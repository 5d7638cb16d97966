/** Taps become selections: an actor, a relation, or nothing (the background). */
import type { EventObject } from 'cytoscape';
import { useEffect } from 'react';
import type { Selection } from '../../state/app-state';
import { useScene } from '../CanvasProvider';

export function PickingController({ onSelect }: { onSelect: (selection: Selection) => void }) {
  const cy = useScene()?.cy;
  useEffect(() => {
    if (!cy) return;
    const actor = (e: EventObject) => onSelect({ kind: 'actor', id: e.target.data('actorId') });
    const relation = (e: EventObject) => onSelect({ kind: 'relation', id: e.target.data('relationId') });
    const background = (e: EventObject) => {
      if (e.target === cy) onSelect(null);
    };
    cy.on('tap', 'node', actor);
    cy.on('tap', 'edge', relation);
    cy.on('tap', background);
    return () => {
      cy.off('tap', 'node', actor);
      cy.off('tap', 'edge', relation);
      cy.off('tap', background);
    };
  }, [cy, onSelect]);
  return null;
}
