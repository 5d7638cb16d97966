/**
 * Promise client for the core worker. Each request gets an id; the answer
 * resolves it. A request superseded before it returns is simply ignored by
 * its caller (see useMetrics), so stale results never reach the screen.
 */
import type { Request, Response, Result } from '../../graph';
import type { WorkerMessage } from './core.worker';

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

  async request<R extends Request>(request: R): Promise<Result<R>> {
    const id = this.nextId++;
    const message: WorkerMessage = { id, request };
    const response = await new Promise<Response<unknown>>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage(message);
    });
    if (!response.ok) throw new Error(response.error);
    return response.result as Result<R>;
  }

  terminate(): void {
    this.worker.terminate();
  }
}
