/**
 * The relations the evidence setting leaves out get the `uncounted` class
 * (drawn faint and dotted), so the canvas shows what the analyses count
 * without hiding what they do not.
 */
import { useEffect } from 'react';
import { useScene } from '../CanvasProvider';
import { submitChanges, type Change } from '../change-slices';

export function EvidenceController({ leftOut }: { leftOut: ReadonlySet<string> }) {
  const scene = useScene();
  useEffect(() => {
    if (!scene) return;
    const { cy, knobs } = scene;
    // Only edges whose class changes are touched (as FiltersController: toggleClass restyles regardless).
    const changes: Change[] = [];
    cy.edges().forEach((e) => {
      const out = leftOut.has(e.data('relationId'));
      if (e.hasClass('uncounted') !== out) changes.push(() => e.toggleClass('uncounted', out));
    });
    submitChanges(cy, 'evidence', changes, knobs.sliced);
  }, [scene, leftOut]);
  return null;
}
