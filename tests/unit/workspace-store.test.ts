/**
 * Workspaces in IndexedDB (fake-indexeddb, the in-memory IndexedDB written to
 * the W3C spec) shared by tabs: a save names the version it was based on and
 * is refused when another tab wrote since; the other tabs are told by a
 * BroadcastChannel message (Node's, the same API as the browser's); the undo
 * history saved with the workspace comes back step for step; and a save that
 * does not fit is explained with its sizes.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdit, applyPatch, diffDatasets, restore, type Dataset } from '../../graph';
import type { HistoryEntry } from '../../src/state/app-state';
import { megabytes, saveFailureWords } from '../../src/storage/save-failure';
import { SAVED_HISTORY_LIMIT, decodeHistory, encodeHistory } from '../../src/storage/saved-history';
import { THIS_TAB, type WorkspaceNews } from '../../src/storage/workspace-channel';
import { StaleWorkspaceError, deleteWorkspace, loadHistory, loadWorkspace, saveWorkspace } from '../../src/storage/workspace-store';
import { arbitraryDataset } from '../support/arbitrary-dataset';

// Through restore(), as every dataset the explorer holds is (its records' keys in one order).
const base: Dataset = restored({
  format: 'actorscope',
  version: 1,
  meta: { title: 'Two tabs' },
  actors: [
    { id: 'a', name: 'Alpha', kind: 'state' },
    { id: 'b', name: 'Beta', kind: 'state' },
  ],
  relations: [],
});

function restored(input: unknown): Dataset {
  const r = restore(input);
  if (!r.ok) throw new Error(r.problems[0]!.message);
  return r.dataset;
}

function edited(dataset: Dataset, name: string): { dataset: Dataset; label: string } {
  const r = applyEdit(dataset, { op: 'addActor', actor: { id: name.toLowerCase(), name, kind: 'person', aliases: [] } });
  if (!r.ok) throw new Error(r.problems[0]!.message);
  return r;
}

/** The messages the store sends to other tabs, as another tab would receive them. */
function listen(): { news: WorkspaceNews[]; close: () => void } {
  const channel = new BroadcastChannel('actorscope:workspaces');
  const news: WorkspaceNews[] = [];
  channel.onmessage = (e) => news.push(e.data as WorkspaceNews);
  return { news, close: () => channel.close() };
}
const tick = () => new Promise((r) => setTimeout(r, 30));

describe('dataset patches', () => {
  it('rebuild the later dataset from the earlier one, for any two datasets', () => {
    fc.assert(
      fc.property(arbitraryDataset, arbitraryDataset, (a, b) => {
        expect(applyPatch(a, diffDatasets(a, b))).toEqual(b);
      }),
      { numRuns: 150 },
    );
  });

  it('write an edit as runs of kept records and the one that changed', () => {
    const after = edited(base, 'Gamma').dataset;
    const patch = diffDatasets(after, base);
    // Undoing "add Gamma": both old actors are one run [0, 2]; nothing else.
    expect(patch).toEqual({ actors: [[0, 2]], relations: [] });
    const forward = diffDatasets(base, after);
    expect(forward.actors).toEqual([[0, 2], { record: after.actors[2] }]);
  });

  it('refuse a run that does not fit its list', () => {
    expect(() => applyPatch(base, { actors: [[1, 5]], relations: [] })).toThrow(/records 1–5 of a list of 2/);
  });
});

describe('the saved undo history', () => {
  it('comes back as the same steps, bounded to the last SAVED_HISTORY_LIMIT', () => {
    let dataset = base;
    const past: HistoryEntry[] = [];
    for (let i = 0; i < SAVED_HISTORY_LIMIT + 5; i++) {
      const next = edited(dataset, `Actor${i}`);
      past.push({ dataset, label: next.label });
      dataset = next.dataset;
    }
    const saved = encodeHistory(dataset, { past, future: [] });
    expect(saved.past).toHaveLength(SAVED_HISTORY_LIMIT);
    // Each step holds the one record it changed, not a dataset.
    expect(saved.past.every((s) => s.patch.actors.length === 1 && Array.isArray(s.patch.actors[0]))).toBe(true);
    const back = decodeHistory(dataset, saved);
    expect(back.past.map((e) => e.label)).toEqual(past.slice(-SAVED_HISTORY_LIMIT).map((e) => e.label));
    expect(back.past.map((e) => e.dataset)).toEqual(past.slice(-SAVED_HISTORY_LIMIT).map((e) => e.dataset));
  });

  it('keeps the redo side next to the present', () => {
    const one = edited(base, 'One');
    const two = edited(one.dataset, 'Two');
    // Undone twice: present is `base`, redo next is "add One", then "add Two".
    const history = { past: [] as HistoryEntry[], future: [{ dataset: two.dataset, label: two.label }, { dataset: one.dataset, label: one.label }] };
    const back = decodeHistory(base, encodeHistory(base, history));
    expect(back.future).toEqual(history.future);
  });

  it('says what is wrong with a history that does not fit its dataset', () => {
    expect(() => decodeHistory(base, { past: [{ label: 'x', patch: { actors: [[0, 9]], relations: [] } }], future: [] })).toThrow(/a list of 2/);
    expect(() => decodeHistory(base, { past: 3 } as never)).toThrow(/not a list of steps/);
  });
});

describe('workspaces shared by tabs', () => {
  it('refuse a save based on a version another tab has replaced, in the same transaction as the write', async () => {
    const id = 'ws-two-tabs';
    const first = await saveWorkspace({ id, name: 'Two tabs', dataset: base }, { base: 0 });
    expect(first.version).toBe(1);
    // Both tabs opened version 1; tab A saves version 2 …
    const a = edited(base, 'FromTabA');
    const fromA = await saveWorkspace({ id, name: 'Two tabs', dataset: a.dataset }, { base: 1, change: a.label });
    expect(fromA.version).toBe(2);
    // … and tab B, still on 1, is refused, naming what A did.
    const b = edited(base, 'FromTabB');
    const refused = await saveWorkspace({ id, name: 'Two tabs', dataset: b.dataset }, { base: 1, change: b.label }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StaleWorkspaceError);
    expect((refused as StaleWorkspaceError).latest).toMatchObject({ version: 2, change: 'add actor FromTabA', savedBy: THIS_TAB });
    const stored = await loadWorkspace(id);
    expect(stored?.dataset.actors.map((x) => x.name)).toEqual(['Alpha', 'Beta', 'FromTabA']);
  });

  it('never let two saves on the same version both land, however they interleave', async () => {
    const id = 'ws-race';
    await saveWorkspace({ id, name: 'Race', dataset: base }, { base: 0 });
    const results = await Promise.allSettled(
      ['P', 'Q', 'R', 'S'].map((n) => saveWorkspace({ id, name: 'Race', dataset: edited(base, n).dataset }, { base: 1 })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof StaleWorkspaceError)).toHaveLength(3);
    expect((await loadWorkspace(id))?.version).toBe(2);
  });

  it('refuse a save on a workspace deleted by another tab, and a second "new" workspace under an id in use', async () => {
    const id = 'ws-deleted';
    await saveWorkspace({ id, name: 'D', dataset: base }, { base: 0 });
    const again = await saveWorkspace({ id, name: 'D', dataset: base }, { base: 0 }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(StaleWorkspaceError);
    await deleteWorkspace(id);
    const gone = await saveWorkspace({ id, name: 'D', dataset: base }, { base: 1 }).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(StaleWorkspaceError);
    expect((gone as StaleWorkspaceError).latest).toBeNull();
    expect(await loadWorkspace(id)).toBeUndefined();
  });

  it('tell the other tabs of every save and delete', async () => {
    const other = listen();
    try {
      const saved = await saveWorkspace({ id: 'ws-news', name: 'N', dataset: base }, { base: 0, change: 'new workspace' });
      await deleteWorkspace('ws-news');
      await tick();
      expect(other.news).toEqual([
        { kind: 'saved', id: 'ws-news', version: 1, savedAt: saved.savedAt, change: 'new workspace', by: THIS_TAB },
        { kind: 'deleted', id: 'ws-news', by: THIS_TAB },
      ]);
    } finally {
      other.close();
    }
  });

  it('keep the undo history with the workspace, and drop it when a save leaves it out', async () => {
    const id = 'ws-history';
    const one = edited(base, 'One');
    const two = edited(one.dataset, 'Two');
    const past = [
      { dataset: base, label: one.label },
      { dataset: one.dataset, label: two.label },
    ];
    await saveWorkspace({ id, name: 'H', dataset: two.dataset }, { base: 0, history: { past, future: [] } });
    const ws = await loadWorkspace(id);
    const history = await loadHistory(id, ws!.dataset);
    expect(history?.past.map((e) => e.label)).toEqual(['add actor One', 'add actor Two']);
    expect(history?.past.map((e) => e.dataset)).toEqual([base, one.dataset]);
    await saveWorkspace({ id, name: 'H', dataset: two.dataset }, { base: 1 });
    expect(await loadHistory(id, two.dataset)).toBeUndefined();
  });

  it('read a workspace saved before versions were counted as version 0', async () => {
    const { openDB } = await import('idb');
    const db = await openDB('actorscope');
    await db.put('workspaces', { id: 'ws-old', name: 'Old', dataset: base, savedAt: '2026-01-01T00:00:00.000Z' });
    db.close();
    expect((await loadWorkspace('ws-old'))?.version).toBe(0);
    expect((await saveWorkspace({ id: 'ws-old', name: 'Old', dataset: base }, { base: 0 })).version).toBe(1);
  });
});

describe('a save that does not fit', () => {
  it('says the workspace size and what the browser allows', () => {
    expect(megabytes(52 * 1024 * 1024)).toBe('52 MB');
    expect(megabytes(1.25 * 1024 * 1024)).toBe('1.3 MB');
    expect(megabytes(20_000)).toBe('20 kB');
    expect(saveFailureWords('QuotaExceededError', 52 * 1024 * 1024, { quota: 40 * 1024 * 1024, usage: 12 * 1024 * 1024 })).toBe(
      'the browser’s storage for this site is full: the workspace is 52 MB; this browser lets this site keep 40 MB, 12 MB of it already used — export your work to a file (Export), or delete old workspaces (workspace menu)',
    );
    expect(saveFailureWords('AbortError', 3 * 1024 * 1024, {})).toMatch(/^the browser stopped the write: the workspace is 3\.0 MB, more than this browser will keep/);
    // An estimate that leaves room is not repeated as if it explained the failure.
    expect(saveFailureWords('QuotaExceededError', 32_000, { quota: 4096 * 1024 * 1024, usage: 42_000 })).toMatch(
      /^the browser’s storage for this site is full: the workspace is 31 kB, and the browser reports 4096 MB free for this site yet refused it \(the disk may be full\)/,
    );
  });
});
