/**
 * Workspaces in IndexedDB: each a named dataset, saved as the user works. The
 * embedded dataset lives in the bundle and is never written; a workspace made
 * from it is a copy. Storage that is full or refused raises an error that the
 * caller shows (see useAutosave), never a silent loss.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Dataset } from '../../graph';

export interface Workspace {
  id: string;
  name: string;
  dataset: Dataset;
  savedAt: string;
}

export type WorkspaceSummary = Omit<Workspace, 'dataset'> & { actors: number; relations: number };

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
}

const DB_NAME = 'actorscope';
const LAST_KEY = 'actorscope:last-workspace';

let db: Promise<IDBPDatabase<Schema>> | null = null;
function database(): Promise<IDBPDatabase<Schema>> {
  db ??= openDB<Schema>(DB_NAME, 2, {
    upgrade(d, oldVersion) {
      if (oldVersion < 1) d.createObjectStore('workspaces', { keyPath: 'id' });
      if (oldVersion < 2) d.createObjectStore('layouts', { keyPath: 'id' });
    },
  });
  return db;
}

export async function listWorkspaces(): Promise<WorkspaceSummary[]> {
  const all = await (await database()).getAll('workspaces');
  return all
    .map(({ dataset, ...rest }) => ({ ...rest, actors: dataset.actors.length, relations: dataset.relations.length }))
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

export async function loadWorkspace(id: string): Promise<Workspace | undefined> {
  return (await database()).get('workspaces', id);
}

export async function saveWorkspace(workspace: Omit<Workspace, 'savedAt'>): Promise<Workspace> {
  const saved = { ...workspace, savedAt: new Date().toISOString() };
  await (await database()).put('workspaces', saved);
  rememberLastWorkspace(workspace.id);
  return saved;
}

export async function deleteWorkspace(id: string): Promise<void> {
  const d = await database();
  await d.delete('workspaces', id);
  await d.delete('layouts', id);
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

/** A message a person can act on, from whatever IndexedDB threw. */
export function describeStorageError(err: unknown): string {
  const name = err instanceof DOMException || err instanceof Error ? err.name : '';
  if (name === 'QuotaExceededError') return 'the browser’s storage is full — export your work to a file, or delete old workspaces';
  if (name === 'SecurityError' || name === 'InvalidStateError') return 'the browser refuses to store data here (private mode or site settings) — export your work to a file';
  return err instanceof Error ? err.message : String(err);
}
