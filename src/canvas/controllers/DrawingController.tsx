/**
 * Drawing mode: dragging from one actor to another proposes a relation. The
 * extension's own edge is only a gesture: it is removed, and the model gets
 * the relation through the form.
 */
import cytoscape, { type EventObject, type NodeSingular } from 'cytoscape';
import edgehandles from 'cytoscape-edgehandles';
import { useEffect } from 'react';
import { useScene } from '../CanvasProvider';

cytoscape.use(edgehandles);

interface EdgeHandles {
  enableDrawMode(): void;
  disableDrawMode(): void;
  destroy(): void;
}

export function DrawingController({ active, onDraw }: { active: boolean; onDraw: (sourceActorId: string, targetActorId: string) => void }) {
  const cy = useScene()?.cy;
  useEffect(() => {
    if (!cy || !active) return;
    const drawer = (cy as unknown as { edgehandles(o: object): EdgeHandles }).edgehandles({
      canConnect: (a: NodeSingular, b: NodeSingular) => !a.same(b),
      snap: true,
      hoverDelay: 100,
    });
    const complete = ((_e: EventObject, source: NodeSingular, target: NodeSingular, added: { remove(): void }) => {
      added.remove();
      onDraw(source.data('actorId'), target.data('actorId'));
    }) as unknown as (e: EventObject) => void;
    cy.on('ehcomplete', complete);
    drawer.enableDrawMode();
    return () => {
      cy.off('ehcomplete', complete);
      // A destroyed instance took the extension with it.
      if (cy.destroyed()) return;
      drawer.disableDrawMode();
      drawer.destroy();
    };
  }, [cy, active, onDraw]);
  return null;
}
