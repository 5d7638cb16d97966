/**
 * The relation under the pointer, for its tooltip: published to the hover
 * feed (src/app/relation-hover.ts) on entering, moving along and leaving an
 * edge, and cleared when the instance goes or the view moves under the
 * pointer. The tooltip itself is the app's (src/app/RelationTooltip.tsx).
 */
import type { EventObject } from 'cytoscape';
import { useEffect } from 'react';
import { useHoverFeed } from '../../app/relation-hover';
import { useScene } from '../CanvasProvider';
import { listen } from '../listen';

export function RelationHoverController() {
  const cy = useScene()?.cy;
  const feed = useHoverFeed();
  useEffect(() => {
    if (!cy) return;
    const at = (e: EventObject) => feed.publish({ relationId: e.target.data('relationId'), x: e.renderedPosition.x, y: e.renderedPosition.y });
    const clear = () => feed.publish(null);
    // The pointer leaving the canvas is the core's mouseout only, not the edge's.
    const left = (e: EventObject) => {
      if (e.target === cy) clear();
    };
    const stop = listen(cy, [
      ['mouseover mousemove', 'edge', at],
      ['mouseout', 'edge', clear],
      ['mouseout', left],
      // A wheel zoom or a drag moves the edge away without a mouseout; an edit may remove it.
      ['viewport remove', clear],
    ]);
    return () => {
      stop();
      clear();
    };
  }, [cy, feed]);
  return null;
}
