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
import { addInSlices, drawingProgress } from './add-in-slices';
import { changesPending } from './change-slices';
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

  /** Adds the elements in slices (src/canvas/add-in-slices.ts), then lets the controllers see them; false if abandoned. */
  const addElements = async (elements: ElementDefinition[]): Promise<boolean> => {
    work.setProgress(`Drawing ${graph.graph.order.toLocaleString('en')} actors and ${graph.graph.size.toLocaleString('en')} relations…`);
    const done = await addInSlices(
      cy,
      elements,
      (p) => work.setProgress(drawingProgress(p)),
      () => live,
      knobs.sliced,
    );
    if (!done) return false;
    performance.mark('actorscope:elements-added');
    elementsAdded();
    return true;
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
        if (!(await addElements(elements))) return;
      } else {
        cy.batch(() => {
          keys.forEach((key, i) => {
            cy.getElementById(key).position({ x: p[2 * i]!, y: p[2 * i + 1]! });
          });
        });
      }
      // (Fitting reads every element's bounding box: the slices computed them as the elements went in, so this
      // takes 0.1–0.3 s at 10k/50k; all at once, it was the first style pass of all 60,000, 5.3 s, 2026-12-03.)
      cy.fit(undefined, 30);
      performance.mark('actorscope:layout-applied');
      rearranged(cy);
      whenDrawn(cy, knobs.webgl, () => {
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

/**
 * Calls back once Cytoscape has drawn a frame: the changes that follow the
 * elements in (src/canvas/change-slices.ts) hold drawing until they are all in,
 * so this can be seconds. A hidden tab draws no frames: there, after a second.
 * Cytoscape's WebGL renderer (the `webgl` knob) emits no `render` event
 * (3.34: only the canvas renderer's frame does): there, two animation frames
 * after the queued changes are all in, by which time its render loop, which
 * draws whenever it is not batching, has drawn.
 */
function whenDrawn(cy: Core, webgl: boolean, callback: () => void): void {
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    callback();
  };
  let timer = setTimeout(function fallback() {
    if (document.visibilityState === 'hidden') finish();
    else timer = setTimeout(fallback, 1000);
  }, 1000);
  if (!webgl) {
    cy.one('render', finish);
    return;
  }
  let framesClear = 0;
  const onFrame = () => {
    if (done || cy.destroyed()) return;
    framesClear = changesPending(cy) ? 0 : framesClear + 1;
    if (framesClear >= 2) finish();
    else requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
}
