/**
 * Promise client for the core worker. Each request gets an id; the answer
 * resolves it. A request on a graph sends the graph once per version
 * (graph/session.ts keeps it); if the worker has let that version go, it says
 * so and the client sends it again. A request superseded before it returns is
 * simply ignored by its caller (see useCore), so stale results never reach
 * the screen; one that must stop (a cancelled metrics run, an abandoned
 * layout) ends with the worker: terminate() rejects whatever is pending with
 * a CancelledError.
 */
import { ANSWERED_PER_VERSION, type Dataset, type Envelope, type Progress, type Request, type Result } from '../../graph';
import type { WorkerReply } from './core.worker';
import { datasetVersion } from './dataset-version';
import { transportOf } from './transport';

/** The rejection of requests whose worker was terminated. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

export interface RequestOptions {
  /** Buffers handed to the worker rather than copied (the caller must not use them afterwards). */
  transfer?: Transferable[];
  /** Called with the worker's progress reports for this request. */
  onProgress?: (progress: Progress) => void;
}

interface Pending {
  envelope: Envelope;
  dataset: Dataset | null;
  resolve: (result: unknown) => void;
  reject: (e: Error) => void;
  onProgress?: (progress: Progress) => void;
}

/**
 * The envelope of a request: one the protocol answers per dataset version goes
 * without its dataset, naming the dataset's version instead (the caller adds
 * the dataset as text when the worker may not hold it); any other carries its data.
 */
export function envelopeOf(id: number, request: Request): { envelope: Envelope; dataset: Dataset | null } {
  const dataset = ANSWERED_PER_VERSION.has(request.type) && 'dataset' in request ? request.dataset : null;
  if (!dataset) return { envelope: { id, request }, dataset: null };
  const bare = { ...request, dataset: undefined } as unknown as Request;
  return { envelope: { id, request: bare, version: datasetVersion(dataset) }, dataset };
}

export class CoreClient {
  private worker: Worker;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  /** Versions this worker has been sent (it may have dropped some since; it then asks again). */
  private sent = new Set<number>();

  constructor() {
    this.worker = new Worker(new URL('./core.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<WorkerReply>) => this.receive(event.data);
    this.worker.onerror = (event) => {
      const error = new Error(`core worker failed: ${event.message || 'unknown error'}`);
      for (const entry of this.pending.values()) entry.reject(error);
      this.pending.clear();
    };
  }

  async request<R extends Request>(request: R, options: RequestOptions = {}): Promise<Result<R>> {
    const id = this.nextId++;
    const { envelope, dataset } = envelopeOf(id, request);
    if (dataset && envelope.version !== undefined && !this.sent.has(envelope.version)) {
      envelope.datasetText = this.datasetText(dataset, envelope.version);
    }
    return new Promise<Result<R>>((resolve, reject) => {
      this.pending.set(id, { envelope, dataset, resolve: resolve as (r: unknown) => void, reject, onProgress: options.onProgress });
      this.worker.postMessage(envelope, options.transfer ?? []);
    });
  }

  private datasetText(dataset: Dataset, version: number): string {
    this.sent.add(version);
    return JSON.stringify(dataset);
  }

  private receive(reply: WorkerReply): void {
    const entry = this.pending.get(reply.id);
    if (!entry) return;
    if ('progress' in reply) {
      entry.onProgress?.(reply.progress);
      return;
    }
    if ('missing' in reply) {
      // The worker let this version go: send it again with the dataset.
      const envelope = { ...entry.envelope, datasetText: this.datasetText(entry.dataset!, reply.missing) };
      entry.envelope = envelope;
      this.worker.postMessage(envelope);
      return;
    }
    this.pending.delete(reply.id);
    const { response } = reply;
    if (!response.ok) entry.reject(new Error(response.error));
    else entry.resolve(transportOf(entry.envelope.request.type).unpack(response.result));
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
