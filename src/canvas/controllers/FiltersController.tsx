/** Filters hide elements by the `filtered` class, so positions survive toggling. */
import { useEffect } from 'react';
import { visibleUnder, type GraphFilter } from '../../../graph';
import { useScene } from '../CanvasProvider';
import { submitChanges, type Change } from '../change-slices';

export function FiltersController({ filter }: { filter: GraphFilter }) {
  const scene = useScene();
  // By value: the app makes a new filter with each dataset, which the scene's change already covers.
  const filterKey = JSON.stringify(filter);
  useEffect(() => {
    if (!scene) return;
    const { cy, knobs } = scene;
    const shown = visibleUnder(filter);
    // Only elements whose class changes are touched: toggleClass restyles even when nothing changes,
    // which at 10k/50k is a second of UI thread on every filter change.
    const changes: Change[] = [];
    const actors = new Map<string, { kind: string }>();
    cy.nodes().forEach((n) => {
      const data = n.data();
      actors.set(n.id(), data);
      const hide = !shown.actor(data);
      if (n.hasClass('filtered') !== hide) changes.push(() => n.toggleClass('filtered', hide));
    });
    cy.edges().forEach((e) => {
      const data = e.data();
      const hide = !shown.relation(data, actors.get(data.source)!, actors.get(data.target)!);
      if (e.hasClass('filtered') !== hide) changes.push(() => e.toggleClass('filtered', hide));
    });
    submitChanges(cy, 'filters', changes, knobs.sliced);
  }, [scene, filterKey]);
  return null;
}
