/**
 * Cancelling a read. A cancelled read rejects, as fetch() does: with the
 * signal's reason (an `AbortError` DOMException when `controller.abort()` was
 * called without one), or with a ReadCancelledError (name `AbortError`) when
 * the signal carries no reason. Callers tell a cancel from a failure by
 * `error.name === 'AbortError'`; a refused document never rejects, it returns
 * `{ ok: false }`.
 */
import type { CancelSignal } from './types';

export class ReadCancelledError extends Error {
  constructor() {
    super('the document read was cancelled');
    this.name = 'AbortError';
  }
}

/** Throws if the signal has been aborted; called between steps (pages, parsing). */
export function throwIfCancelled(signal: CancelSignal | undefined): void {
  if (!signal?.aborted) return;
  throw signal.reason ?? new ReadCancelledError();
}

/** Whether an error is a cancellation (ours or the signal's), not a reason to refuse the document. */
export function isCancellation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
