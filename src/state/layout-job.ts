/**
 * A large graph's force-directed layout in the core's `layout` lane, so that
 * the canvas asks for positions without reaching into the workers. Its edges
 * are transferred to the worker, not copied: the caller must not use them
 * afterwards.
 */
import type { ForceLayoutOptions, ForceLayoutResult } from '../../graph';
import { core, stopCore } from '../workers/core';
import { CancelledError } from '../workers/core-client';

export interface LayoutJob {
  /** The worker's answer; null when the job was cancelled. A failure rejects. */
  result: Promise<ForceLayoutResult | null>;
  /** Stops the worker if it is still computing. */
  cancel(): void;
}

/** Lays out `order` nodes joined by `edges` (pairs of node indices). */
export function startLayoutJob(order: number, edges: Int32Array, options: ForceLayoutOptions): LayoutJob {
  const result = core('layout')
    .request({ type: 'layout', order, edges, options }, { transfer: [edges.buffer] })
    .catch((err: unknown) => {
      if (err instanceof CancelledError) return null;
      throw err;
    });
  return {
    result,
    cancel: () => {
      if (core('layout').busy) stopCore('layout');
    },
  };
}
