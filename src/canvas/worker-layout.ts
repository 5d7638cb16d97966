/**
 * The force-directed layout of a large graph: ForceAtlas2 in the layout
 * worker (src/state/layout-job.ts) on the visible structure, applied as
 * preset positions once the elements are in. Busy until the result is drawn;
 * a layout that is abandoned (another layout chosen, another graph) stops its
 * worker.
 */
import type { Core, ElementDefinition } from 'cytoscape';
import type { GraphFilter } from '../../graph';
import { startLayoutJob } from '../state/layout-job';
import type { Scene } from './CanvasProvider';
import type { LayoutWork } from './layout-work';
import { rearranged } from './rearranged';
import { layoutStructure } from './scale';

const OPTIONS = { theta: 1.2, timeBudgetMs: 5000, maxIterations: 400 };

/** Starts the layout; the returned function abandons it. `elementsAdded` is told when pending elements go in. */
export function layOutInWorker(scene: Scene, filter: GraphFilter, work: LayoutWork, elementsAdded: () => void): () => void {
  const { cy, graph, knobs } = scene;
  const { keys, edges } = layoutStructure(graph, filter);
  work.setProgress(`Laying out ${keys.length.toLocaleString('en')} actors in the background…`);
  let live = true;
  performance.mark('actorscope:layout-start');
  const job = startLayoutJob(keys.length, edges, OPTIONS);

  /** Adds the elements (a batch, or a batch per frame), then lets the controllers see them. */
  const addElements = (elements: ElementDefinition[]): Promise<void> => {
    const done = () => {
      performance.mark('actorscope:elements-added');
      elementsAdded();
    };
    if (knobs.chunkSize > 0 && elements.length > knobs.chunkSize) {
      work.setProgress(`Drawing ${graph.graph.order.toLocaleString('en')} actors and ${graph.graph.size.toLocaleString('en')} relations…`);
      return addInChunks(cy, elements, knobs.chunkSize).then(() => {
        if (!cy.destroyed()) done();
      });
    }
    cy.batch(() => {
      cy.add(elements);
    });
    done();
    return Promise.resolve();
  };

  job.result
    .then(async (result) => {
      if (!result || !live || cy.destroyed()) return;
      performance.mark('actorscope:layout-result');
      const p = result.positions;
      const elements = work.pending.current;
      if (elements) {
        work.pending.current = null;
        const at = new Map(keys.map((key, i) => [key, i]));
        for (const el of elements) {
          const i = el.group === 'nodes' ? at.get(el.data.id!) : undefined;
          if (i !== undefined) el.position = { x: p[2 * i]!, y: p[2 * i + 1]! };
        }
        await addElements(elements);
        if (!live || cy.destroyed()) return;
      } else {
        cy.batch(() => {
          keys.forEach((key, i) => {
            cy.getElementById(key).position({ x: p[2 * i]!, y: p[2 * i + 1]! });
          });
        });
      }
      // (Fitting measures every element's bounding box, which computes every element's style for the first time,
      // seconds at this size. A viewport computed from the positions alone only moves that work into the first
      // paint: measured again at 10k/50k, first paint 6.4–6.7 s with it against 5.6–7.1 s with the fit, the same
      // main-thread CPU (6.2–6.3 s against 5.4–6.2 s). The lean large-graph stylesheet is what shortens it.)
      cy.fit(undefined, 30);
      performance.mark('actorscope:layout-applied');
      rearranged(cy);
      whenDrawn(cy, () => {
        if (!live) return;
        performance.mark('actorscope:drawn');
        work.setBusy(false);
        work.setProgress(null);
      });
    })
    .catch((err: unknown) => {
      if (!live) return;
      console.warn(`Layout failed: ${err instanceof Error ? err.message : String(err)}; using a grid`);
      if (work.pending.current) {
        void addElements(work.pending.current);
        work.pending.current = null;
      }
      cy.layout({ name: 'grid', fit: true }).run();
      work.setProgress(null);
      work.setBusy(false);
    });
  return () => {
    live = false;
    job.cancel();
  };
}

/** Adds elements a batch per frame (nodes come first in `elements`, so every edge finds its ends). */
function addInChunks(cy: Core, elements: ElementDefinition[], size: number): Promise<void> {
  return new Promise((resolve) => {
    let at = 0;
    const step = () => {
      if (cy.destroyed()) return resolve();
      const chunk = elements.slice(at, at + size);
      cy.batch(() => {
        cy.add(chunk);
      });
      at += size;
      if (at < elements.length) requestAnimationFrame(step);
      else resolve();
    };
    step();
  });
}

/** Calls back once Cytoscape has drawn a frame (or after a second, if it draws none: a hidden tab). */
function whenDrawn(cy: Core, callback: () => void): void {
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    callback();
  };
  const timer = setTimeout(finish, 1000);
  cy.one('render', finish);
}
