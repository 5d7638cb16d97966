import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dataset } from '../../graph';
import type { HistoryEntry } from '../state/app-state';
import { explainSaveFailure } from './save-failure';
import { onWorkspaceNews } from './workspace-channel';
import { StaleWorkspaceError, errorName, saveWorkspace, type Workspace } from './workspace-store';

/** What another tab did to the workspace this tab shows. */
export type Overtaken = { deleted: true } | { deleted: false; version: number; savedAt?: string; change?: string };

export type SaveStatus =
  | { state: 'unchanged' }
  | { state: 'pending' }
  | { state: 'saving' }
  /** `note` when it was saved without something (the undo history that did not fit). */
  | { state: 'saved'; at: Date; note?: string }
  | { state: 'failed'; error: string }
  /** Another tab saved or deleted this workspace: this tab no longer writes it. */
  | { state: 'overtaken'; by: Overtaken; unsaved: boolean };

/** How long after a change the workspace is written. */
export const AUTOSAVE_DELAY_MS = 400;

/** What is saved: the dataset, its name and its undo history. */
interface Snapshot {
  name: string;
  dataset: Dataset;
  past: readonly HistoryEntry[];
  future: readonly HistoryEntry[];
}

export interface AutosaveStart {
  /** The version the opened dataset is (0: never saved). */
  version: number;
  /** When it was saved, if it was. */
  savedAt?: string;
}

/** The change a save records, from how the history moved since the last save. */
function changeBetween(before: Snapshot, after: Snapshot): string | undefined {
  const top = after.past.at(-1);
  if (top && top !== before.past.at(-1) && after.past.length >= before.past.length) {
    return after.future.length < before.future.length ? `redo ${top.label}` : top.label;
  }
  if (after.future.length > before.future.length) return `undo ${after.future.at(-1)!.label}`;
  if (after.name !== before.name) return `rename to ${after.name}`;
  return undefined;
}

/**
 * Saves the workspace (dataset, name, undo history) shortly after each change,
 * one save at a time, each on the version the last one wrote. When another tab
 * has saved the workspace since (told by its message, or found at write time),
 * this tab stops writing and says so: its edits stay on screen, to be kept as a
 * new workspace or given up for the newer version (see StaleWorkspaceBanner).
 * A failure is kept in the status in words and, like unsaved work, makes the
 * page ask before it is left.
 */
export function useAutosave(workspace: { id: string; name: string }, current: Snapshot, start: AutosaveStart): SaveStatus {
  const [status, setStatus] = useState<SaveStatus>(start.savedAt ? { state: 'saved', at: new Date(start.savedAt) } : { state: 'unchanged' });
  const latest = useRef(status);
  latest.current = status;
  const base = useRef(start.version);
  const lastSaved = useRef<Snapshot>(current);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const wanted = useRef(current);
  wanted.current = current;

  const overtaken = useCallback((by: Overtaken) => {
    setStatus({ state: 'overtaken', by, unsaved: differs(lastSaved.current, wanted.current) });
  }, []);

  // Told at once by the other tabs.
  useEffect(
    () =>
      onWorkspaceNews((news) => {
        if (news.id !== workspace.id) return;
        if (news.kind === 'deleted') overtaken({ deleted: true });
        else if (news.version > base.current) overtaken({ deleted: false, version: news.version, savedAt: news.savedAt, change: news.change });
      }),
    [workspace.id, overtaken],
  );

  const { name, dataset, past, future } = current;
  useEffect(() => {
    if (latest.current.state === 'overtaken') {
      // Still shown, and now with edits that are not saved anywhere.
      if (!latest.current.unsaved && differs(lastSaved.current, wanted.current)) setStatus({ ...latest.current, unsaved: true });
      return;
    }
    if (!differs(lastSaved.current, { name, dataset, past, future })) return;
    setStatus({ state: 'pending' });
    const timer = setTimeout(() => {
      queue.current = queue.current.then(() => saveLatest());
    }, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);

    async function saveLatest(): Promise<void> {
      const snapshot = wanted.current;
      if (latest.current.state === 'overtaken' || !differs(lastSaved.current, snapshot)) return;
      setStatus({ state: 'saving' });
      const change = changeBetween(lastSaved.current, snapshot);
      const record = { id: workspace.id, name: snapshot.name, dataset: snapshot.dataset };
      let saved: Workspace;
      let note: string | undefined;
      try {
        try {
          saved = await saveWorkspace(record, { base: base.current, change, history: { past: snapshot.past, future: snapshot.future } });
        } catch (err) {
          // Out of room with the history: the dataset alone may fit, and matters more.
          if (!(errorName(err) === 'QuotaExceededError' || errorName(err) === 'AbortError') || !(snapshot.past.length || snapshot.future.length)) throw err;
          saved = await saveWorkspace(record, { base: base.current, change });
          note = `without its undo history (${await explainSaveFailure(err, snapshot.dataset)})`;
        }
      } catch (err) {
        if (err instanceof StaleWorkspaceError) overtaken(err.latest ? { deleted: false, ...err.latest } : { deleted: true });
        else setStatus({ state: 'failed', error: await explainSaveFailure(err, snapshot.dataset) });
        return;
      }
      base.current = saved.version;
      lastSaved.current = snapshot;
      // A message from another tab may have come while this save ran.
      if (!isOvertaken(latest.current)) setStatus({ state: 'saved', at: new Date(saved.savedAt), note });
    }
  }, [name, dataset, past, future, workspace.id, overtaken]);

  useEffect(() => {
    const onLeave = (e: BeforeUnloadEvent) => {
      const s = latest.current;
      if (s.state === 'failed' || s.state === 'pending' || s.state === 'saving' || (s.state === 'overtaken' && s.unsaved)) {
        e.preventDefault();
        e.returnValue = '';
      }
    };
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, []);

  return status;
}

function differs(a: Snapshot, b: Snapshot): boolean {
  return a.name !== b.name || a.dataset !== b.dataset || a.past !== b.past || a.future !== b.future;
}

const isOvertaken = (s: SaveStatus) => s.state === 'overtaken';
