/**
 * Every actor's position, reported shortly after the picture settles (a
 * drag, a layout, an edit's new actors), so that it can be saved: a drag or a
 * layout's animation is one report.
 */
import type { Position } from 'cytoscape';
import { useEffect } from 'react';
import { useScene } from '../CanvasProvider';
import { listen } from '../listen';
import { REARRANGED } from '../rearranged';

/** How long the picture must stay still before its positions are reported. */
const ARRANGED_DELAY_MS = 500;

export function SavedPositionsController({ onArranged }: { onArranged?: (positions: ReadonlyMap<string, Position>) => void }) {
  const cy = useScene()?.cy;
  useEffect(() => {
    if (!cy || !onArranged) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settled = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (cy.destroyed()) return;
        const at = new Map<string, Position>();
        cy.nodes().forEach((n) => {
          at.set(n.data('actorId'), { ...n.position() });
        });
        onArranged(at);
      }, ARRANGED_DELAY_MS);
    };
    const stop = listen(cy, [
      ['dragfree', 'node', settled],
      ['layoutstop', settled],
      [REARRANGED, settled],
    ]);
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [cy, onArranged]);
  return null;
}
