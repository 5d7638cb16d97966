/**
 * Start-up and workspaces: decides which dataset the explorer opens — a
 * `?data=` URL, a `?dataset=` embedded dataset, a `?ws=` workspace, the last
 * workspace used, or the embedded default — and remounts the explorer when
 * the user switches workspace.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatProblem, type Dataset } from '../graph';
import { fetchFile, isCancelled, type ReadProgress } from './io/read-files';
import { ReadingProgress } from './panels/ReadingProgress';
import { importFilesInWorker } from './state/file-requests';
import { App } from './App';
import type { Opened } from './app/opened';
import { loadDefaultDataset } from './data/default-dataset';
import { DEFAULT_EMBEDDED, embeddedById, embeddedByWorkspace, EMBEDDED_DATASETS, type EmbeddedDataset } from './data/embedded-datasets';
import { readUrlView, type UrlView } from './state/url-state';
import { describeStorageError, lastWorkspaceId, loadHistory, loadLayout, loadWorkspace, newWorkspaceId, rememberLastWorkspace, saveWorkspace, type Workspace } from './storage/workspace-store';

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

/** A saved workspace as the explorer opens it, with its undo history (one that cannot be rebuilt is said, and undo starts afresh). */
async function openedFrom(ws: Workspace, view: UrlView): Promise<Opened> {
  const opened: Opened = { workspace: { id: ws.id, name: ws.name }, dataset: ws.dataset, view, version: ws.version, savedAt: ws.savedAt };
  try {
    const history = await loadHistory(ws.id, ws.dataset);
    return history ? { ...opened, history } : opened;
  } catch (err) {
    return { ...opened, notice: `The undo history of this workspace could not be read (${err instanceof Error ? err.message : String(err)}); undo starts from here.` };
  }
}

/** An embedded dataset in its own workspace (editing it saves a copy under that id; the bundle is never changed). */
async function openedEmbedded(bundled: EmbeddedDataset, view: UrlView, notice?: string): Promise<Opened> {
  return { workspace: bundled.workspace, dataset: await bundled.load(), view, notice, version: 0 };
}

/** How far a `?data=` download has come: bytes read, then the worker reading the file. */
export type StartProgress = { step: 'download'; url: string; progress: ReadProgress } | { step: 'parsing'; url: string };

interface StartOptions {
  onProgress?: (p: StartProgress) => void;
  /** Cancels a `?data=` download (or ignores its import): the start goes on as if there were no `?data=`. */
  signal?: AbortSignal;
}

type Fetched = { ok: true; dataset: Dataset } | { ok: false; message: string } | { ok: 'cancelled' };

/** A `?data=` URL, fetched as a stream and read by the core worker like any imported file. */
async function fetchDataset(url: string, { onProgress, signal }: StartOptions): Promise<Fetched> {
  let file;
  try {
    file = await fetchFile(url, (progress) => onProgress?.({ step: 'download', url, progress }), signal);
  } catch (err) {
    if (isCancelled(err)) return { ok: 'cancelled' };
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  onProgress?.({ step: 'parsing', url });
  const result = await importFilesInWorker([file]);
  if (signal?.aborted) return { ok: 'cancelled' };
  if (!result.ok) return { ok: false, message: `${url} could not be opened:\n${result.problems.map(formatProblem).join('\n')}` };
  return { ok: true, dataset: result.dataset };
}

export async function openAtStart(search: string, options: StartOptions = {}): Promise<Opened> {
  const view = readUrlView(search);
  const embedded = (notice?: string): Opened => ({ workspace: DEFAULT_EMBEDDED.workspace, dataset: loadDefaultDataset(), view, notice, version: 0 });
  let cancelled: string | undefined;
  let unknown: string | undefined;
  // ?dataset=ID is the workspace of that embedded dataset: the copy saved there, else the bundled file (a ?data= URL still comes first).
  if (view.dataset && !view.data) {
    const bundled = embeddedById(view.dataset);
    if (bundled) view.ws = bundled.workspace.id;
    else unknown = `No embedded dataset “${view.dataset}” (there are ${EMBEDDED_DATASETS.map((d) => d.id).join(', ')}).`;
  }
  if (view.data) {
    const r = await fetchDataset(view.data, options);
    if (r.ok === true) return { workspace: { id: newWorkspaceId(), name: r.dataset.meta.title }, dataset: r.dataset, view, dataUrl: view.data, version: 0 };
    if (r.ok === false) return embedded(`${r.message}\nShowing the embedded dataset instead.`);
    cancelled = `Opening ${view.data} was cancelled.`;
    view.data = undefined;
  }
  const opened = await openSaved(view, embedded);
  const first = [cancelled, unknown].filter(Boolean).join(' ');
  return first ? { ...opened, notice: [first, opened.notice].filter(Boolean).join(' ') } : opened;
}

/** The workspace the URL names, or the last one used, or the embedded dataset. */
async function openSaved(view: UrlView, embedded: (notice?: string) => Opened): Promise<Opened> {
  const wanted = view.ws ?? lastWorkspaceId();
  if (wanted) {
    const bundled = embeddedByWorkspace(wanted);
    let ws;
    try {
      ws = await loadWorkspace(wanted);
    } catch (err) {
      return embedded(`Saved work could not be read: ${describeStorageError(err)}. Showing the embedded dataset.`);
    }
    if (ws) return await openedFrom(ws, view);
    // An embedded dataset's workspace that was never edited is the bundled file.
    if (bundled) {
      try {
        return await openedEmbedded(bundled, view);
      } catch (err) {
        return embedded(`The embedded dataset “${bundled.title}” could not be loaded (${err instanceof Error ? err.message : String(err)}); showing the default one.`);
      }
    }
    if (view.ws) return embedded(`No saved workspace “${view.ws}” in this browser; showing the embedded dataset.`);
  }
  return embedded();
}

export function Root() {
  const [opened, setOpenedOnly] = useState<Opened | null>(null);
  // Counts the openings, so that reopening the same workspace (its newer version) starts a fresh explorer.
  const [generation, setGeneration] = useState(0);
  const setOpened = useCallback((next: Opened | null | ((o: Opened | null) => Opened | null)) => {
    setOpenedOnly(next);
    if (typeof next !== 'function') setGeneration((g) => g + 1);
  }, []);
  const [failure, setFailure] = useState<string | null>(null);
  const [start, setStart] = useState<StartProgress | null>(null);
  const starting = useRef<AbortController | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    starting.current = controller;
    openAtStart(location.search, { onProgress: setStart, signal: controller.signal })
      .then(withLayout)
      .then(setOpened, (err) => setFailure(err instanceof Error ? err.message : String(err)));
  }, []);

  const openWorkspace = useCallback(async (id: string) => {
    try {
      const ws = await loadWorkspace(id);
      if (!ws) return;
      rememberLastWorkspace(ws.id);
      setOpened(await withLayout(await openedFrom(ws, {})));
    } catch (err) {
      setOpened((o) => o && { ...o, notice: `Could not open the workspace: ${describeStorageError(err)}` });
    }
  }, [setOpened]);

  const newFromEmbedded = useCallback(async (id: string) => {
    const bundled = embeddedById(id) ?? DEFAULT_EMBEDDED;
    let dataset;
    try {
      dataset = await bundled.load();
    } catch (err) {
      setOpened((o) => o && { ...o, notice: `Could not load “${bundled.title}”: ${err instanceof Error ? err.message : String(err)}` });
      return;
    }
    const workspace = { id: newWorkspaceId(), name: `${bundled.workspace.name} (new)` };
    let saved;
    try {
      saved = await saveWorkspace({ ...workspace, dataset }, { base: 0, change: 'new workspace' });
    } catch (err) {
      setOpened((o) => o && { ...o, notice: `Could not create the workspace: ${describeStorageError(err)}` });
      return;
    }
    setOpened({ workspace, dataset, view: {}, version: saved.version, savedAt: saved.savedAt });
  }, [setOpened]);

  if (failure) return <pre className="fatal">{failure}</pre>;
  if (!opened) {
    if (!start) return <p className="loading" aria-busy="true">Opening…</p>;
    return (
      <div className="loading" role="status" aria-live="polite" aria-busy="true">
        <p>Opening {start.url}</p>
        {start.step === 'download' ? <ReadingProgress progress={start.progress} label="Downloading" /> : <><p>Reading the file… (in the background)</p><progress aria-label="Reading the file" /></>}
        <button type="button" onClick={() => starting.current?.abort()}>Cancel</button>
      </div>
    );
  }
  return (
    <App
      key={`${opened.workspace.id}:${generation}`}
      opened={opened}
      onOpenWorkspace={openWorkspace}
      onNewFromEmbedded={newFromEmbedded}
    />
  );
}
