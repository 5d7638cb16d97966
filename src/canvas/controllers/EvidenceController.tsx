/**
 * The relations the evidence setting leaves out get the `uncounted` class
 * (drawn faint and dotted), so the canvas shows what the analyses count
 * without hiding what they do not.
 */
import { useEffect } from 'react';
import { useScene } from '../CanvasProvider';

export function EvidenceController({ leftOut }: { leftOut: ReadonlySet<string> }) {
  const scene = useScene();
  useEffect(() => {
    if (!scene) return;
    const { cy } = scene;
    // Only edges whose class changes are touched (as FiltersController: toggleClass restyles regardless).
    cy.batch(() => {
      cy.edges().forEach((e) => {
        const out = leftOut.has(e.data('relationId'));
        if (e.hasClass('uncounted') !== out) e.toggleClass('uncounted', out);
      });
    });
  }, [scene, leftOut]);
  return null;
}
