/**
 * Layout: for a new instance that asks for one, on a new layout choice, on
 * "lay out again", and (concentric) when sizes change. A large graph's
 * force-directed layout runs in the worker (src/canvas/worker-layout.ts),
 * every other one here.
 */
import { useEffect } from 'react';
import type { GraphFilter } from '../../../graph';
import type { LayoutName } from '../../state/app-state';
import { useCanvasInstance } from '../CanvasProvider';
import type { LayoutWork } from '../layout-work';
import { layoutOptions } from '../layouts';
import { layOutInWorker } from '../worker-layout';

interface Props {
  layout: LayoutName;
  /** Bumped to run the chosen layout again (0: never asked). */
  again: number;
  /** The concentric layout's rings follow the sizes. */
  sizes: ReadonlyMap<string, number | null>;
  /** The worker lays out only what these filters show. */
  filter: GraphFilter;
  work: LayoutWork;
}

export function LayoutController({ layout, again, sizes, filter, work }: Props) {
  const { scene, elementsAdded } = useCanvasInstance();
  const concentricKey = layout === 'concentric' ? sizes : null;
  // The scene and the filter are read as they are when a layout starts: a filter change does not lay out again.
  useEffect(() => {
    if (!scene || (work.runs === 0 && again === 0)) return;
    const { cy, knobs } = scene;
    work.setBusy(true);
    if (knobs.workerLayout && layout === 'fcose') return layOutInWorker(scene, filter, work, elementsAdded);
    if (work.pending.current) {
      // Another layout was chosen before the worker's arrived: the elements go in now.
      const elements = work.pending.current;
      work.pending.current = null;
      cy.batch(() => {
        cy.add(elements);
      });
      elementsAdded();
    }
    const visible = cy.elements().not('.filtered');
    const run = visible.layout(layoutOptions(layout));
    run.one('layoutstop', () => {
      work.setBusy(false);
      work.setProgress(null);
    });
    // Let the browser paint "busy" before a synchronous layout blocks it.
    const timer = setTimeout(() => run.run(), 0);
    return () => {
      clearTimeout(timer);
      run.stop();
    };
  }, [layout, work.runs, again, concentricKey]);

  return null;
}
