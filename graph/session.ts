/**
 * A long-lived core session, as a worker runs it: it keeps the last few
 * datasets by version, so that a request names the graph it runs on instead of
 * carrying it, and remembers answers per graph version, so that asking again
 * (back to an earlier filter, another panel wanting the same paths) costs
 * nothing. handle() stays pure; this is the memory around it.
 *
 * Why: at 10,000 actors / 50,000 relations, copying the dataset into the
 * worker with every request cost about 100 ms of the UI thread each time
 * (structured clone); sent once per version as JSON text it is a ~30 ms
 * JSON.stringify, and the worker parses it on its own thread.
 */
import type { Dataset } from './model/types';
import { ANSWERED_PER_VERSION, handle, requestKey, type HandleContext, type Request, type Response } from './protocol';

/** What a client sends: a request, and for requests on a graph the graph's version (and the graph itself, the first time). */
export interface Envelope {
  id: number;
  /** For a request on a graph sent by version, `dataset` is left out and `version` names it. */
  request: Request;
  version?: number;
  /** The dataset of `version` as JSON text, when the session may not hold it yet. */
  datasetText?: string;
}

/** What the session answers: a response, or that it no longer holds the version (send the dataset again). */
export type Reply = { id: number; response: Response<unknown> } | { id: number; missing: number };

export interface SessionOptions {
  /** Datasets kept (the current one and the few before it, for undo). */
  datasets?: number;
  /** Answers kept, over all versions. */
  answers?: number;
}

export class CoreSession {
  private readonly datasets: Lru<number, Dataset>;
  private readonly answers: Lru<string, Response<unknown>>;

  constructor(options: SessionOptions = {}) {
    this.datasets = new Lru(options.datasets ?? 3);
    this.answers = new Lru(options.answers ?? 32);
  }

  receive(envelope: Envelope, context: HandleContext = {}): Reply {
    const { id, version, datasetText } = envelope;
    let request = envelope.request;
    if (version !== undefined) {
      if (datasetText !== undefined) {
        try {
          this.datasets.set(version, JSON.parse(datasetText) as Dataset);
        } catch (err) {
          return { id, response: { ok: false, error: `dataset ${version} could not be read: ${(err as Error).message}` } };
        }
      }
      const dataset = this.datasets.get(version);
      if (!dataset) return { id, missing: version };
      request = { ...request, dataset } as Request;
    }
    const key = version !== undefined && ANSWERED_PER_VERSION.has(request.type) ? requestKey(envelope.request, version) : null;
    const known = key === null ? undefined : this.answers.get(key);
    if (known) return { id, response: known };
    const response = handle(request, context);
    // Failures are not kept: a cancelled or failed run must be able to run again.
    if (key !== null && response.ok) this.answers.set(key, response);
    return { id, response };
  }

  /** How many datasets and answers are held (for tests and diagnostics). */
  get held(): { datasets: number; answers: number } {
    return { datasets: this.datasets.size, answers: this.answers.size };
  }
}

/** A map that forgets its least recently used entry beyond `capacity`. */
class Lru<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as K);
  }

  get size(): number {
    return this.map.size;
  }
}
