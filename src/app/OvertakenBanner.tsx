/**
 * Another tab saved (or deleted) the workspace this tab shows: this tab no
 * longer writes it, says so at once, and offers the two ways on — keep what is
 * on screen as a new workspace (its undo history with it), or open the newer
 * version (this tab's unsaved edits are given up, and the button says so).
 */
import type { SaveStatus } from '../storage/use-autosave';

interface OvertakenBannerProps {
  status: Extract<SaveStatus, { state: 'overtaken' }>;
  onKeepAsNew: () => void;
  onOpenLatest: () => void;
}

export function OvertakenBanner({ status, onKeepAsNew, onOpenLatest }: OvertakenBannerProps) {
  const { by, unsaved } = status;
  const what = by.deleted
    ? 'Another tab deleted this workspace.'
    : `Another tab saved this workspace${by.savedAt ? ` at ${new Date(by.savedAt).toLocaleTimeString()}` : ''}${by.change ? ` (${by.change})` : ''}.`;
  const here = unsaved ? 'The changes made in this tab since are not saved: keep them as a new workspace, or open the other version.' : 'This tab shows the version before it and no longer saves.';
  return (
    <div className="overtaken-banner" role="alert" aria-label="Workspace changed in another tab">
      <p>
        <strong>{what}</strong> {here}
      </p>
      <div className="overtaken-actions">
        <button type="button" onClick={onKeepAsNew}>
          Keep this tab’s version as a new workspace
        </button>
        {!by.deleted && (
          <button type="button" onClick={onOpenLatest}>
            {unsaved ? 'Open the newer version (drops this tab’s changes)' : 'Open the newer version'}
          </button>
        )}
      </div>
    </div>
  );
}
