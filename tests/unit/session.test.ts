/**
 * The worker's session (graph/session.ts) and the metrics transport
 * (src/workers/metrics-transport.ts): a dataset sent once by version serves
 * later requests; a version the session let go is asked for again; answers
 * are kept per version and request (key order does not matter) and are the
 * same as handle()'s; failures are not kept; a packed metrics result unpacks
 * to the very result handle() gives.
 */
import { describe, expect, it } from 'vitest';
import { CoreSession, stableJson, type Envelope } from '../../graph/session';
import { handle, type Request } from '../../graph/protocol';
import type { Dataset } from '../../graph/model/types';
import { restore } from '../../graph/schema/restore';
import { packMetrics, unpackMetrics } from '../../src/workers/metrics-transport';
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
