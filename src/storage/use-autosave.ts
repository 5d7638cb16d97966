import { useEffect, useRef, useState } from 'react';
import type { Dataset } from '../../graph';
import { describeStorageError, saveWorkspace } from './workspace-store';

export type SaveStatus =
  | { state: 'unchanged' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved'; at: Date }
  | { state: 'failed'; error: string };

/** How long after a change the workspace is written. */
export const AUTOSAVE_DELAY_MS = 400;

/**
 * Saves the dataset to its workspace shortly after each change. A failure is
 * kept in the status (shown to the user) and, like unsaved work, makes the
 * page ask before it is left.
 */
export function useAutosave(workspace: { id: string; name: string }, dataset: Dataset, loaded: Dataset): SaveStatus {
  const [status, setStatus] = useState<SaveStatus>({ state: 'unchanged' });
  const latest = useRef(status);
  latest.current = status;

  useEffect(() => {
    if (dataset === loaded) return;
    setStatus({ state: 'pending' });
    let cancelled = false;
    const timer = setTimeout(() => {
      setStatus({ state: 'saving' });
      saveWorkspace({ id: workspace.id, name: workspace.name, dataset })
        .then(() => !cancelled && setStatus({ state: 'saved', at: new Date() }))
        .catch((err) => !cancelled && setStatus({ state: 'failed', error: describeStorageError(err) }));
    }, AUTOSAVE_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [dataset, loaded, workspace.id, workspace.name]);

  useEffect(() => {
    const onLeave = (e: BeforeUnloadEvent) => {
      const s = latest.current.state;
      if (s === 'failed' || s === 'pending' || s === 'saving') {
        e.preventDefault();
        e.returnValue = '';
      }
    };
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, []);

  return status;
}
