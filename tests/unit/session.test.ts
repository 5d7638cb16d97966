/**
 * The worker's session (graph/session.ts), the client's envelopes
 * (src/workers/core-client.ts) and the metrics transport
 * (src/workers/metrics-transport.ts): a dataset sent once by version serves
 * later requests; a version the session let go is asked for again; answers
 * are kept per version and request (key order does not matter) and are the
 * same as handle()'s; failures are not kept; the client sends by version
 * exactly the requests the session keeps, and the screen's request key is the
 * session's; a packed metrics result unpacks to the very result handle() gives.
 */
import { describe, expect, it } from 'vitest';
import { CoreSession, type Envelope, type Reply } from '../../graph/session';
import { ANSWERED_PER_VERSION, handle, requestKey, stableJson, type Request, type RequestType } from '../../graph/protocol';
import type { Dataset } from '../../graph/model/types';
import { restore } from '../../graph/schema/restore';
import { versionedRequestKey } from '../../src/state/request-key';
import { envelopeOf } from '../../src/workers/core-client';
import { packMetrics, unpackMetrics } from '../../src/workers/metrics-transport';
import { transportOf } from '../../src/workers/transport';
import { bigDataset } from '../support/big-dataset';

function dataset(title: string): Dataset {
  const r = restore({
    format: 'actorscope',
    version: 1,
    meta: { title },
    actors: [
      { id: '__proto__', name: 'Proto', kind: 'state' },
      { id: 'b', name: 'B', kind: 'state' },
      { id: 'c', name: 'C', kind: 'person' },
    ],
    relations: [
      { source: '__proto__', target: 'b', type: 'partner', claims: [] },
      { source: 'b', target: 'c', type: 'threat', claims: [] },
    ],
  });
  if (!r.ok) throw new Error('fixture');
  return r.dataset;
}

/** The envelope a client sends for a request on `data` under `version`. */
function envelope(id: number, request: Request, version: number, data?: Dataset): Envelope {
  return { id, request: { ...request, dataset: undefined } as unknown as Request, version, datasetText: data ? JSON.stringify(data) : undefined };
}

describe('CoreSession', () => {
  it('answers a request by version as handle() does, and later ones without the dataset', () => {
    const session = new CoreSession();
    const data = dataset('one');
    const request: Request = { type: 'metrics', dataset: data };
    const first = session.receive(envelope(1, request, 7, data));
    expect(first).toEqual({ id: 1, response: handle(request) });
    const paths: Request = { type: 'paths', dataset: data, query: { from: '__proto__', to: 'c' } };
    const second = session.receive(envelope(2, paths, 7));
    expect(second).toEqual({ id: 2, response: handle(paths) });
    expect(session.held.datasets).toBe(1);
  });

  it('asks for a version it does not hold, and for one it let go', () => {
    const session = new CoreSession({ datasets: 2 });
    const request = (d: Dataset): Request => ({ type: 'communities', dataset: d });
    expect(session.receive(envelope(1, request(dataset('x')), 1))).toEqual({ id: 1, missing: 1 });
    for (const v of [1, 2, 3]) session.receive(envelope(v, request(dataset(`v${v}`)), v, dataset(`v${v}`)));
    // Two are kept: version 1 went first.
    expect(session.receive(envelope(9, request(dataset('v1')), 1))).toEqual({ id: 9, missing: 1 });
    expect('response' in session.receive(envelope(10, request(dataset('v3')), 3))).toBe(true);
  });

  it('keeps answers per version and request, whatever the key order; not failures', () => {
    const session = new CoreSession();
    const data = dataset('one');
    const a = session.receive(envelope(1, { type: 'metrics', dataset: data, undirected: true, metrics: ['degree'] }, 1, data));
    expect(session.held.answers).toBe(1);
    const b = session.receive(envelope(2, { type: 'metrics', metrics: ['degree'], undirected: true, dataset: data } as Request, 1));
    // The same answer object: it was not computed again.
    expect('response' in b && 'response' in a && b.response === a.response).toBe(true);
    expect(session.held.answers).toBe(1);
    // Another version is another question.
    session.receive(envelope(3, { type: 'metrics', dataset: data, undirected: true, metrics: ['degree'] }, 2, data));
    expect(session.held.answers).toBe(2);
    // A failure (unknown actor) is answered, not kept.
    const failed = session.receive(envelope(4, { type: 'compare', dataset: data, options: { actors: ['nobody', 'b'] } }, 1));
    expect('response' in failed && failed.response.ok).toBe(false);
    expect(session.held.answers).toBe(2);
  });

  it('says which dataset text it could not read', () => {
    const session = new CoreSession();
    const reply = session.receive({ id: 1, request: { type: 'metrics' } as unknown as Request, version: 4, datasetText: '{"actors": [' });
    expect(reply).toMatchObject({ id: 1, response: { ok: false } });
    expect('response' in reply && !reply.response.ok && reply.response.error).toMatch(/^dataset 4 could not be read/);
  });

  it('passes progress through to handle()', () => {
    const session = new CoreSession();
    const data = bigDataset({ actors: 300, relations: 900, seed: 3 });
    const seen: string[] = [];
    const reply = session.receive(envelope(1, { type: 'metrics', dataset: data }, 1, data), { onProgress: (p) => seen.push(p.stage) });
    expect('response' in reply && reply.response.ok).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
  });
});

/** One request of each type on `data` (typed so that a new request type needs one here). */
function everyRequest(data: Dataset): { [T in RequestType]: Extract<Request, { type: T }> } {
  return {
    restore: { type: 'restore', input: JSON.parse(JSON.stringify(data)) as unknown },
    import: { type: 'import', files: [{ name: 'x.json', text: JSON.stringify(data) }] },
    read: { type: 'read', text: JSON.stringify(data), name: 'x.json' },
    export: { type: 'export', dataset: data, format: 'actorscope-json', baseName: 'x' },
    inspectCsv: { type: 'inspectCsv', text: 'from,to\na,b\n' },
    metrics: { type: 'metrics', dataset: data, undirected: true },
    paths: { type: 'paths', dataset: data, query: { from: '__proto__', to: 'c' } },
    reach: { type: 'reach', dataset: data, query: { target: 'c' } },
    communities: { type: 'communities', dataset: data },
    ego: { type: 'ego', dataset: data, query: { actor: 'b', depth: 1 } },
    balance: { type: 'balance', dataset: data },
    compare: { type: 'compare', dataset: data, options: { actors: ['__proto__', 'b'] } },
    layers: { type: 'layers', dataset: data, options: { metric: 'degree' } },
    stability: { type: 'stability', dataset: data, options: { metric: 'degree', dropSuspected: true } },
    tieStrength: { type: 'tieStrength', dataset: data, options: { actors: ['__proto__', 'c'], to: 'b' } },
    explain: { type: 'explain', dataset: data, options: { actor: 'b' } },
    relations: { type: 'relations', dataset: data },
    diff: { type: 'diff', dataset: data, options: { before: { to: '2010' }, after: { from: '2011' } } },
    timeline: { type: 'timeline', dataset: data, options: { actors: ['__proto__', 'b'], metric: 'outDegree' } },
    layout: { type: 'layout', order: 3, edges: new Int32Array([0, 1, 1, 2]) },
  };
}

/** The same value with the keys of its objects in reverse order, at every depth (the dataset left as it is). */
function reordered<T>(value: T): T {
  if (!value || typeof value !== 'object' || Array.isArray(value) || ArrayBuffer.isView(value)) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, k === 'dataset' ? v : reordered(v)])) as T;
}

/** A reply without the layout's running time, which differs from run to run. */
function untimed(reply: Reply): Reply {
  if (!('response' in reply) || !reply.response.ok) return reply;
  const timed = reply.response.result;
  if (!timed || typeof timed !== 'object' || !('ms' in timed)) return reply;
  const { ms: _ms, ...result } = timed;
  return { ...reply, response: { ok: true, result } };
}

describe('the client and the session agree', () => {
  it('the client sends by version exactly the requests the session keeps, under the same key, with handle()\'s answers', () => {
    const session = new CoreSession({ answers: 100 });
    const data = dataset('agree');
    let id = 0;
    for (const request of Object.values(everyRequest(data)) as Request[]) {
      const { envelope } = envelopeOf(++id, request);
      const byVersion = envelope.version !== undefined;
      expect(byVersion, request.type).toBe(ANSWERED_PER_VERSION.has(request.type));
      if (byVersion) expect((envelope.request as { dataset?: unknown }).dataset, request.type).toBeUndefined();
      const before = session.held.answers;
      const reply = session.receive({ ...envelope, datasetText: byVersion ? JSON.stringify(data) : undefined });
      expect(untimed(reply), request.type).toEqual(untimed({ id, response: handle(request) }));
      expect('response' in reply && reply.response.ok, request.type).toBe(true);
      expect(session.held.answers - before, request.type).toBe(byVersion ? 1 : 0);
      if (!byVersion) continue;
      // Asked again, keys in another order: the client names the same version, the session finds the same answer.
      const again = envelopeOf(++id, reordered(request)).envelope;
      expect(again.version).toBe(envelope.version);
      expect(requestKey(again.request, again.version)).toBe(requestKey(request, envelope.version));
      // The screen names the question by the same key (src/state/request-key.ts).
      expect(versionedRequestKey(request)).toBe(requestKey(envelope.request, envelope.version));
      const second = session.receive(again);
      expect('response' in second && 'response' in reply && second.response === reply.response, request.type).toBe(true);
    }
  });

  it('every answer crosses its transport intact (metrics as columns, the rest as they are)', () => {
    const data = dataset('transport');
    for (const request of Object.values(everyRequest(data)) as Request[]) {
      const response = handle(request);
      if (!response.ok) throw new Error(response.error);
      // Packing may transfer (detach) the result's own buffers: compare with a copy made before.
      const expected = structuredClone(response.result);
      const transport = transportOf(request.type);
      const { sent, transfer } = transport.pack(response.result, ANSWERED_PER_VERSION.has(request.type));
      expect(transport.unpack(structuredClone(sent, { transfer })), request.type).toEqual(expected);
    }
  });
});

describe('stableJson', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    expect(stableJson({ b: 1, a: { d: [3, 1], c: null } })).toBe('{"a":{"c":null,"d":[3,1]},"b":1}');
  });
});

describe('metrics transport', () => {
  it('packs a result into transferable columns and unpacks it to the same result', () => {
    const data = bigDataset({ actors: 200, relations: 600, seed: 2 });
    const result = handle({ type: 'metrics', dataset: data });
    if (!result.ok) throw new Error(result.error);
    const { packed, transfer } = packMetrics(result.result);
    expect(transfer).toHaveLength(result.result.metrics.length);
    expect(unpackMetrics(structuredClone(packed, { transfer }))).toEqual(result.result);
  });

  it('keeps n/a as null, not NaN or 0', () => {
    const one = handle({ type: 'metrics', dataset: { ...dataset('x'), actors: [dataset('x').actors[1]!], relations: [] } });
    if (!one.ok) throw new Error(one.error);
    const back = unpackMetrics(packMetrics(one.result).packed);
    expect(back.actors[0]!.betweenness).toBeNull();
    expect(back).toEqual(one.result);
  });
});
