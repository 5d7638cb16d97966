/**
 * Start-up and workspaces: decides which dataset the explorer opens — a
 * `?data=` URL, a `?ws=` workspace, the last workspace used, or the embedded
 * default — and remounts the explorer when the user switches workspace.
 */
import { useCallback, useEffect, useState } from 'react';
import { formatProblem, type Dataset } from '../graph';
import { fetchFile } from './io/read-files';
import { importFilesInWorker } from './state/file-requests';
import { App } from './App';
import type { Opened } from './app/opened';
import { loadDefaultDataset } from './data/default-dataset';
import { readUrlView } from './state/url-state';
import { describeStorageError, lastWorkspaceId, loadLayout, loadWorkspace, newWorkspaceId, rememberLastWorkspace, saveWorkspace } from './storage/workspace-store';

/** Adds the workspace's saved arrangement; one that cannot be read is only a lost picture, never a failure to open. */
async function withLayout(opened: Opened): Promise<Opened> {
  if (opened.dataUrl) return opened;
  try {
    const positions = await loadLayout(opened.workspace.id);
    return positions?.size ? { ...opened, positions } : opened;
  } catch {
    return opened;
  }
}

/** The embedded dataset's own workspace; editing it saves a copy under this id, the bundle is never changed. */
const EMBEDDED_WORKSPACE = { id: 'tajikistan-2023', name: 'Tajikistan 2023' };

/** A `?data=` URL, fetched and read by the core worker like any imported file. */
async function fetchDataset(url: string): Promise<{ ok: true; dataset: Dataset } | { ok: false; message: string }> {
  let file;
  try {
    file = await fetchFile(url);
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  const result = await importFilesInWorker([file]);
  if (!result.ok) return { ok: false, message: `${url} could not be opened:\n${result.problems.map(formatProblem).join('\n')}` };
  return { ok: true, dataset: result.dataset };
}

export async function openAtStart(search: string): Promise<Opened> {
  const view = readUrlView(search);
  const embedded = (notice?: string): Opened => ({ workspace: EMBEDDED_WORKSPACE, dataset: loadDefaultDataset(), view, notice });
  if (view.data) {
    const r = await fetchDataset(view.data);
    if (!r.ok) return embedded(`${r.message}\nShowing the embedded dataset instead.`);
    return { workspace: { id: newWorkspaceId(), name: r.dataset.meta.title }, dataset: r.dataset, view, dataUrl: view.data };
  }
  const wanted = view.ws ?? lastWorkspaceId();
  if (wanted) {
    try {
      const ws = await loadWorkspace(wanted);
      if (ws) return { workspace: { id: ws.id, name: ws.name }, dataset: ws.dataset, view };
      if (view.ws) return embedded(`No saved workspace “${view.ws}” in this browser; showing the embedded dataset.`);
    } catch (err) {
      return embedded(`Saved work could not be read: ${describeStorageError(err)}. Showing the embedded dataset.`);
    }
  }
  return embedded();
}

export function Root() {
  const [opened, setOpened] = useState<Opened | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    openAtStart(location.search)
      .then(withLayout)
      .then(setOpened, (err) => setFailure(err instanceof Error ? err.message : String(err)));
  }, []);

  const openWorkspace = useCallback(async (id: string) => {
    try {
      const ws = await loadWorkspace(id);
      if (!ws) return;
      rememberLastWorkspace(ws.id);
      setOpened(await withLayout({ workspace: { id: ws.id, name: ws.name }, dataset: ws.dataset, view: {} }));
    } catch (err) {
      setOpened((o) => o && { ...o, notice: `Could not open the workspace: ${describeStorageError(err)}` });
    }
  }, []);

  const newFromEmbedded = useCallback(async () => {
    const dataset = loadDefaultDataset();
    const workspace = { id: newWorkspaceId(), name: `${EMBEDDED_WORKSPACE.name} (new)` };
    try {
      await saveWorkspace({ ...workspace, dataset });
    } catch (err) {
      setOpened((o) => o && { ...o, notice: `Could not create the workspace: ${describeStorageError(err)}` });
      return;
    }
    setOpened({ workspace, dataset, view: {} });
  }, []);

  if (failure) return <pre className="fatal">{failure}</pre>;
  if (!opened) return <p className="loading" aria-busy="true">Opening…</p>;
  return (
    <App
      key={opened.workspace.id}
      opened={opened}
      onOpenWorkspace={openWorkspace}
      onNewFromEmbedded={newFromEmbedded}
    />
  );
}
