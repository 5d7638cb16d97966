/**
 * Promise client for the core worker. Each request gets an id; the answer
 * resolves it. A request superseded before it returns is simply ignored by
 * its caller (see useCore), so stale results never reach the screen; one that
 * must stop (a cancelled metrics run, an abandoned layout) ends with the
 * worker: terminate() rejects whatever is pending with a CancelledError.
 */
import type { Request, Response, Result } from '../../graph';
import type { WorkerMessage } from './core.worker';

/** The rejection of requests whose worker was terminated. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

export class CoreClient {
  private worker: Worker;
  private nextId = 1;
  private pending = new Map<number, { resolve: (r: Response<unknown>) => void; reject: (e: Error) => void }>();

  constructor() {
    this.worker = new Worker(new URL('./core.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<{ id: number; response: Response<unknown> }>) => {
      const entry = this.pending.get(event.data.id);
      if (!entry) return;
      this.pending.delete(event.data.id);
      entry.resolve(event.data.response);
    };
    this.worker.onerror = (event) => {
      const error = new Error(`core worker failed: ${event.message || 'unknown error'}`);
      for (const entry of this.pending.values()) entry.reject(error);
      this.pending.clear();
    };
  }

  /** `transfer`: buffers handed to the worker rather than copied (the caller must not use them afterwards). */
  async request<R extends Request>(request: R, transfer: Transferable[] = []): Promise<Result<R>> {
    const id = this.nextId++;
    const message: WorkerMessage = { id, request };
    const response = await new Promise<Response<unknown>>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage(message, transfer);
    });
    if (!response.ok) throw new Error(response.error);
    return response.result as Result<R>;
  }

  /** Whether a request is still waiting for its answer. */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  /** Stops the worker at once; pending requests reject with a CancelledError. */
  terminate(): void {
    this.worker.terminate();
    const error = new CancelledError();
    for (const entry of this.pending.values()) entry.reject(error);
    this.pending.clear();
  }
}
