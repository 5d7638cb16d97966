/** Taps become selections: an actor, a relation, or nothing (the background). */
import type { EventObject } from 'cytoscape';
import { useEffect } from 'react';
import type { Selection } from '../../state/app-state';
import { useScene } from '../CanvasProvider';
import { listen } from '../listen';

export function PickingController({ onSelect }: { onSelect: (selection: Selection) => void }) {
  const cy = useScene()?.cy;
  useEffect(() => {
    if (!cy) return;
    const actor = (e: EventObject) => onSelect({ kind: 'actor', id: e.target.data('actorId') });
    const relation = (e: EventObject) => onSelect({ kind: 'relation', id: e.target.data('relationId') });
    const background = (e: EventObject) => {
      if (e.target === cy) onSelect(null);
    };
    return listen(cy, [
      ['tap', 'node', actor],
      ['tap', 'edge', relation],
      ['tap', background],
    ]);
  }, [cy, onSelect]);
  return null;
}
