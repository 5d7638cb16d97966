/** The current workspace, its save status, and switching between workspaces. */
import { useDismiss } from './use-dismiss';
import { useEffect, useRef, useState } from 'react';
import { EMBEDDED_DATASETS } from '../data/embedded-datasets';
import type { SaveStatus } from '../storage/use-autosave';
import { deleteWorkspace, describeStorageError, listWorkspaces, type WorkspaceSummary } from '../storage/workspace-store';

interface WorkspaceMenuProps {
  workspace: { id: string; name: string };
  status: SaveStatus;
  onOpen: (id: string) => void;
  onNewFromEmbedded: (id: string) => void;
  onRename: (name: string) => void;
  datasetTitle: string;
}

export function WorkspaceMenu({ workspace, status, onOpen, onNewFromEmbedded, onRename, datasetTitle }: WorkspaceMenuProps) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useDismiss(box, open, () => setOpen(false));
  const [list, setList] = useState<WorkspaceSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    listWorkspaces().then(setList, (err) => setError(describeStorageError(err)));
  }, [open, status]);

  return (
    <div className="workspace" ref={box}>
      <button type="button" aria-expanded={open} aria-haspopup="true" onClick={() => setOpen(!open)} title={`Workspace “${workspace.name}”: ${datasetTitle}`}>
        {workspace.name} ▾
      </button>
      <SaveBadge status={status} />
      {open && (
        <div className="workspace-menu" role="dialog" aria-label="Workspaces">
          <p className="muted">Dataset: {datasetTitle}</p>
          {renaming === null ? (
            <button type="button" onClick={() => setRenaming(workspace.name)}>Rename this workspace…</button>
          ) : (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (renaming.trim()) onRename(renaming.trim());
                setRenaming(null);
              }}
            >
              <input aria-label="Workspace name" value={renaming} autoFocus onChange={(e) => setRenaming(e.target.value)} />
              <button type="submit">OK</button>
            </form>
          )}
          <h3>New workspace from an embedded dataset</h3>
          <ul className="embedded-datasets">
            {EMBEDDED_DATASETS.map((d) => (
              <li key={d.id}>
                <button type="button" className="link" onClick={() => { setOpen(false); onNewFromEmbedded(d.id); }}>
                  {d.title}
                </button>
              </li>
            ))}
          </ul>
          <h3>Saved workspaces</h3>
          {error && <p className="problems">{error}</p>}
          {list && list.length === 0 && <p className="muted">None yet: work is saved here as soon as you change something.</p>}
          <ul>
            {list?.map((w) => (
              <li key={w.id}>
                <button type="button" className="link" disabled={w.id === workspace.id} onClick={() => { setOpen(false); onOpen(w.id); }}>
                  {w.name}
                </button>{' '}
                <span className="muted">{w.actors} actors, {w.relations} relations · {new Date(w.savedAt).toLocaleString()}</span>
                {w.id !== workspace.id && (
                  <button
                    type="button"
                    className="small"
                    aria-label={`Delete workspace ${w.name}`}
                    onClick={() => deleteWorkspace(w.id).then(() => listWorkspaces().then(setList), (err) => setError(describeStorageError(err)))}
                  >
                    delete
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function SaveBadge({ status }: { status: SaveStatus }) {
  const text =
    status.state === 'saved' ? `Saved ${savedWhen(status.at)}${status.note ? ` ${status.note}` : ''}`
    : status.state === 'saving' || status.state === 'pending' ? 'Saving…'
    : status.state === 'failed' ? `Not saved: ${status.error}`
    : status.state === 'overtaken' ? (status.unsaved ? 'Not saved: another tab saved this workspace' : 'Another tab saved this workspace')
    : 'No changes';
  return (
    <span className={`save-status ${status.state}`} role="status" aria-label="Save status" title={text}>
      {text}
    </span>
  );
}

/** The time for today's saves, the date and time for older ones (a workspace reopened days later). */
function savedWhen(at: Date): string {
  return at.toDateString() === new Date().toDateString() ? at.toLocaleTimeString() : at.toLocaleString();
}
