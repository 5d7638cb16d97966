/**
 * What the canvas's slices share (src/canvas/add-in-slices.ts,
 * src/canvas/change-slices.ts): the budget, holding Cytoscape's drawing
 * between slices, settling a slice's elements, sizing the next slice, and
 * yielding to the browser.
 */
import type { Core } from 'cytoscape';

/** Aim for slices of this many milliseconds (under the 50 ms of a long task, with room for the browser's own work). */
export const SLICE_MS = 30;

/**
 * The next slice's size from this one's: its work (elements, or elements
 * restyled) and what it cost, scaled to SLICE_MS; at most doubling, within
 * `min`..`max`.
 */
export function nextSliceSize(size: number, work: number, spentMs: number, { min, max = Infinity }: { min: number; max?: number }): number {
  return Math.max(min, Math.min(size * 2, max, Math.round((work * SLICE_MS) / Math.max(1, spentMs))));
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

/**
 * Resolves once the browser has had a frame (Cytoscape draws in its
 * requestAnimationFrame callback), or after 100 ms where frames do not come
 * (a hidden tab, Node).
 */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      void nextTask().then(resolve);
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(finish);
    setTimeout(finish, 100);
  });
}
