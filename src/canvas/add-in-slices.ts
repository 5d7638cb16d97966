/**
 * Adds a large graph's elements in slices of about `SLICE_MS` each, so that
 * the page answers while 60,000 elements go in. Each slice adds a chunk (its
 * style is computed when its batch ends) and then measures the chunk's
 * bounding boxes, which computes its rendered style (label boxes, haystack
 * projections): the work that `cy.fit()` or the first frame would otherwise
 * do for every element in one task (5.3 s at 10k/50k, measured 2026-12-03).
 *
 * Between slices Cytoscape must not draw: a frame with the elements so far
 * re-sorts them all by z-order and measures each against the viewport, which
 * grows to hundreds of milliseconds as they accumulate. Cytoscape's render
 * loop skips every frame while the instance is batching, so a batch is held
 * open across the gaps and closed only while a slice runs (each slice's own
 * batch then flushes at once).
 */
import type { Core, ElementDefinition } from 'cytoscape';
import { holdDrawing, nextSliceSize, nextTask, settle } from './slices';

const FIRST_CHUNK = 500;

export interface SliceProgress {
  added: number;
  total: number;
}

/**
 * Adds `elements` (nodes before the edges that join them) to `cy` in slices;
 * resolves true when all are in, false when `cy` was destroyed or `live()`
 * turned false on the way (what was added stays; the caller drops the instance).
 * `sliced` false adds them all in one batch.
 */
export async function addInSlices(
  cy: Core,
  elements: readonly ElementDefinition[],
  onProgress: (p: SliceProgress) => void,
  live: () => boolean = () => true,
  sliced = true,
): Promise<boolean> {
  if (!sliced) {
    // All at once (the `sliced` knob off, for measurement): one batch, styled when it ends.
    cy.batch(() => {
      cy.add(elements as ElementDefinition[]);
    });
    onProgress({ added: elements.length, total: elements.length });
    return !cy.destroyed() && live();
  }
  let at = 0;
  let chunk = FIRST_CHUNK;
  const drawing = holdDrawing(cy);
  try {
    while (at < elements.length) {
      if (cy.destroyed() || !live()) return false;
      drawing.release();
      const started = performance.now();
      const part = elements.slice(at, at + chunk);
      cy.startBatch();
      const added = cy.add(part);
      cy.endBatch();
      settle(cy, added);
      at += part.length;
      chunk = nextSliceSize(chunk, part.length, performance.now() - started, { min: 50 });
      onProgress({ added: at, total: elements.length });
      if (at < elements.length) {
        drawing.hold();
        await nextTask();
      }
    }
    return !cy.destroyed() && live();
  } finally {
    drawing.release();
  }
}

/** What the canvas says while a large graph's elements go in. */
export const drawingProgress = ({ added, total }: SliceProgress): string =>
  `Drawing: ${Math.floor((100 * added) / total)} % of ${total.toLocaleString('en')} elements in…`;
