/** Actor size from the chosen metric (the node's `size` data, 0–1, which the stylesheet maps). */
import { useEffect } from 'react';
import { useScene } from '../CanvasProvider';

export function SizesController({ sizes }: { sizes: ReadonlyMap<string, number | null> }) {
  const scene = useScene();
  useEffect(() => {
    if (!scene) return;
    const { cy } = scene;
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const size = sizes.get(n.data('actorId')) ?? 0;
        if (n.data('size') !== size) n.data('size', size);
      });
    });
  }, [scene, sizes]);
  return null;
}
