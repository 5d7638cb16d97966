/**
 * Workspaces in IndexedDB: each a named dataset, saved as the user works. The
 * embedded dataset lives in the bundle and is never written; a workspace made
 * from it is a copy. Storage that is full or refused raises an error that the
 * caller shows (see useAutosave), never a silent loss.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Dataset } from '../../graph';
import { decodeHistory, encodeHistory, type History, type SavedHistory } from './saved-history';
import { THIS_TAB, announce } from './workspace-channel';

export interface Workspace {
  id: string;
  name: string;
  dataset: Dataset;
  savedAt: string;
  /** Counts the saves: a write names the version it was based on and is refused when that is no longer the latest. */
  version: number;
  /** The change that made this version ("add actor Hamas"), for the other tabs' notice. */
  change?: string;
  /** The tab that wrote it (THIS_TAB of that page). */
  savedBy?: string;
}

export type WorkspaceSummary = Pick<Workspace, 'id' | 'name' | 'savedAt'> & { actors: number; relations: number };

/** Where the user left the actors of a workspace (by actor id): the picture is part of the work. */
export interface SavedLayout {
  id: string;
  /** [actor id, x, y]: an array, so that no actor id is ever an object key. */
  positions: Array<[string, number, number]>;
  savedAt: string;
}

export type Positions = ReadonlyMap<string, { x: number; y: number }>;

interface Schema extends DBSchema {
  workspaces: { key: string; value: Workspace };
  layouts: { key: string; value: SavedLayout };
  /** Apart from the workspaces, so that listing them never reads a hundred steps of history each. */
  histories: { key: string; value: SavedHistory & { id: string } };
}

const DB_NAME = 'actorscope';
const LAST_KEY = 'actorscope:last-workspace';

let db: Promise<IDBPDatabase<Schema>> | null = null;
function database(): Promise<IDBPDatabase<Schema>> {
  db ??= openDB<Schema>(DB_NAME, 3, {
    upgrade(d, oldVersion) {
      if (oldVersion < 1) d.createObjectStore('workspaces', { keyPath: 'id' });
      if (oldVersion < 2) d.createObjectStore('layouts', { keyPath: 'id' });
      if (oldVersion < 3) d.createObjectStore('histories', { keyPath: 'id' });
    },
    // Another tab of a newer build wants to upgrade: let it, and open again on the next call.
    blocking() {
      void db?.then((d) => d.close());
      db = null;
    },
  });
  return db;
}

export async function listWorkspaces(): Promise<WorkspaceSummary[]> {
  const all = await (await database()).getAll('workspaces');
  return all
    .map(({ id, name, savedAt, dataset }) => ({ id, name, savedAt, actors: dataset.actors.length, relations: dataset.relations.length }))
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

export async function loadWorkspace(id: string): Promise<Workspace | undefined> {
  const ws = await (await database()).get('workspaces', id);
  // Saved before versions were counted: version 0, like a workspace not saved yet.
  return ws && { ...ws, version: ws.version ?? 0 };
}

/** The undo history saved with a workspace, rebuilt on its dataset; undefined when there is none. */
export async function loadHistory(id: string, dataset: Dataset): Promise<History | undefined> {
  const saved = await (await database()).get('histories', id);
  return saved && decodeHistory(dataset, saved);
}

/** A save refused because another tab saved (or deleted) the workspace since this one read it. */
export class StaleWorkspaceError extends Error {
  override name = 'StaleWorkspaceError';
  constructor(readonly latest: Pick<Workspace, 'version' | 'savedAt' | 'change' | 'savedBy'> | null) {
    super(latest ? `another tab saved this workspace (version ${latest.version})` : 'another tab deleted this workspace');
  }
}

export interface SaveOptions {
  /** The version this tab's dataset was based on (0 for a workspace never saved). */
  base: number;
  /** The change being saved, as the undo history labels it. */
  change?: string;
  /** Saved with it, so undo works after a reload; left out, the saved history is removed. */
  history?: History;
}

/**
 * Writes the workspace when its latest saved version is still `base`, in one
 * transaction, so that two tabs can never both write on the same version; then
 * tells the other tabs. Throws StaleWorkspaceError otherwise.
 */
export async function saveWorkspace(workspace: Pick<Workspace, 'id' | 'name' | 'dataset'>, options: SaveOptions): Promise<Workspace> {
  const d = await database();
  const tx = d.transaction(['workspaces', 'histories'], 'readwrite');
  const latest = await tx.objectStore('workspaces').get(workspace.id);
  const latestVersion = latest ? (latest.version ?? 0) : 0;
  if (latestVersion !== options.base || (!latest && options.base > 0)) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new StaleWorkspaceError(latest ? { version: latestVersion, savedAt: latest.savedAt, change: latest.change, savedBy: latest.savedBy } : null);
  }
  const saved: Workspace = { ...workspace, savedAt: new Date().toISOString(), version: options.base + 1, savedBy: THIS_TAB };
  if (options.change) saved.change = options.change;
  const writes: Promise<unknown>[] = [tx.objectStore('workspaces').put(saved)];
  if (options.history) writes.push(tx.objectStore('histories').put({ id: workspace.id, ...encodeHistory(workspace.dataset, options.history) }));
  else writes.push(tx.objectStore('histories').delete(workspace.id));
  await Promise.all([...writes, tx.done]);
  rememberLastWorkspace(workspace.id);
  announce({ kind: 'saved', id: saved.id, version: saved.version, savedAt: saved.savedAt, change: saved.change, by: THIS_TAB });
  return saved;
}

export async function deleteWorkspace(id: string): Promise<void> {
  const d = await database();
  const tx = d.transaction(['workspaces', 'layouts', 'histories'], 'readwrite');
  await Promise.all([tx.objectStore('workspaces').delete(id), tx.objectStore('layouts').delete(id), tx.objectStore('histories').delete(id), tx.done]);
  announce({ kind: 'deleted', id, by: THIS_TAB });
}

/** The actors' saved positions of a workspace (the embedded dataset's too: they are not the dataset). */
export async function loadLayout(id: string): Promise<Positions | undefined> {
  const saved = await (await database()).get('layouts', id);
  if (!saved) return undefined;
  return new Map(saved.positions.filter(([, x, y]) => Number.isFinite(x) && Number.isFinite(y)).map(([actor, x, y]) => [actor, { x, y }]));
}

export async function saveLayout(id: string, positions: Positions): Promise<void> {
  const list: Array<[string, number, number]> = [];
  for (const [actor, p] of positions) list.push([actor, p.x, p.y]);
  await (await database()).put('layouts', { id, positions: list, savedAt: new Date().toISOString() });
}

export function newWorkspaceId(): string {
  return `ws-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}

export function lastWorkspaceId(): string | null {
  try {
    return localStorage.getItem(LAST_KEY);
  } catch {
    return null;
  }
}

export function rememberLastWorkspace(id: string): void {
  try {
    localStorage.setItem(LAST_KEY, id);
  } catch {
    // Storage refused: the workspace is still saved; only "open the last one" is lost.
  }
}

/** A message a person can act on, from whatever IndexedDB threw (save-failure.ts adds the sizes when a save fails). */
export function describeStorageError(err: unknown): string {
  const name = errorName(err);
  if (name === 'QuotaExceededError') return 'the browser’s storage is full — export your work to a file, or delete old workspaces';
  if (name === 'SecurityError' || name === 'InvalidStateError') return 'the browser refuses to store data here (private mode or site settings) — export your work to a file';
  if (name === 'AbortError') return 'the browser stopped the write (AbortError, most often for want of room) — export your work to a file';
  return err instanceof Error ? err.message : String(err);
}

export function errorName(err: unknown): string {
  return err instanceof DOMException || err instanceof Error ? err.name : '';
}
