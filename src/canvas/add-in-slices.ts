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

/** Aim for slices of this many milliseconds (under the 50 ms of a long task, with room for the browser's own work). */
export const SLICE_MS = 30;
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
      const spent = performance.now() - started;
      // The next chunk sized for the budget from this one's cost per element (at most doubling).
      chunk = Math.max(50, Math.min(chunk * 2, Math.round((part.length * SLICE_MS) / Math.max(1, spent))));
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

/**
 * Cytoscape's render loop skips its frames while the instance is batching:
 * `hold` opens a batch for the gap between two slices, `release` closes it
 * (at most one held at a time; release is safe to call twice).
 */
export function holdDrawing(cy: Core): { hold(): void; release(): void } {
  let holding = false;
  return {
    hold() {
      if (holding || cy.destroyed()) return;
      cy.startBatch();
      holding = true;
    },
    release() {
      if (holding && !cy.destroyed()) cy.endBatch();
      holding = false;
    },
  };
}

/**
 * Computes what Cytoscape's next frame would for `eles`: the renderer's queue
 * of dirty elements (which also re-dirties the edges of nodes it has not seen
 * with their edges: without this flush the first frame recomputed every edge's
 * projection again, 0.9 s at 10k/50k), then their bounding boxes (the frame
 * measures each against the viewport). `flushRenderedStyleQueue` is the
 * renderer's own hook for this (Cytoscape 3.x, not in its typings).
 */
export function settle(cy: Core, eles: ReturnType<Core['collection']>): void {
  const renderer = (cy as unknown as { renderer?(): { flushRenderedStyleQueue?(): void } | null }).renderer?.();
  renderer?.flushRenderedStyleQueue?.();
  eles.boundingBox();
}

/** Yields to the event loop (input, timers, rendering), as setTimeout(0) does but without its 4 ms clamp. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
