/**
 * Large graphs: zoomed in far enough for an actor's label to be read, the
 * actors in view get theirs (`.labelled`). Labels by class rather than on
 * every node: measured at 10k/50k in a standalone page, the fit's first style
 * pass took 2.2–2.5 s without the label's properties on every node against
 * 2.6–2.9 s with them.
 */
import { useEffect } from 'react';
import { useScene } from '../CanvasProvider';
import { LARGE_LABEL_MIN_ZOOM } from '../stylesheet';

export function ZoomLabelsController() {
  const scene = useScene();
  useEffect(() => {
    if (!scene || !scene.knobs.labelLevelOfDetail) return;
    const { cy } = scene;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      const had = cy.nodes('.labelled');
      let want = cy.collection();
      if (cy.zoom() >= LARGE_LABEL_MIN_ZOOM) {
        // The view and a margin of half a view around it, so that a short pan finds labels already there.
        const { x1, y1, w, h } = cy.extent();
        const [left, top, right, bottom] = [x1 - w / 2, y1 - h / 2, x1 + 1.5 * w, y1 + 1.5 * h];
        want = cy.nodes().filter((n) => {
          const p = n.position();
          return p.x >= left && p.x <= right && p.y >= top && p.y <= bottom;
        });
      }
      const gone = had.difference(want);
      const added = want.difference(had);
      if (gone.empty() && added.empty()) return;
      cy.batch(() => {
        gone.removeClass('labelled');
        added.addClass('labelled');
      });
    };
    const onViewport = () => {
      clearTimeout(timer);
      timer = setTimeout(update, 100);
    };
    cy.on('viewport', onViewport);
    update();
    return () => {
      clearTimeout(timer);
      cy.off('viewport', onViewport);
    };
  }, [scene]);
  return null;
}
