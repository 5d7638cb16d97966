/** Actor size from the chosen metric (the node's `size` data, 0–1, which the stylesheet maps). */
import { useEffect } from 'react';
import { useScene } from '../CanvasProvider';
import { submitChanges, type Change } from '../change-slices';

export function SizesController({ sizes }: { sizes: ReadonlyMap<string, number | null> }) {
  const scene = useScene();
  useEffect(() => {
    if (!scene) return;
    const { cy, knobs } = scene;
    const changes: Change[] = [];
    cy.nodes().forEach((n) => {
      const size = sizes.get(n.data('actorId')) ?? 0;
      if (n.data('size') !== size) changes.push(() => n.data('size', size));
    });
    submitChanges(cy, 'sizes', changes, knobs.sliced);
  }, [scene, sizes]);
  return null;
}
