/** What floats over the canvas: a notice, the "pick on graph" banner, the analysis highlight's bar. */
import { CHANGE_KINDS, CHANGE_STYLES, type ChangeKind } from '../look/change-styles';
import { ChangeLine } from '../panels/changes/ChangeLine';
import type { Overlay } from '../state/app-state';

interface StageBannersProps {
  notice: string | null;
  onDismissNotice: () => void;
  picking: string | null;
  onCancelPick: () => void;
  overlay: Overlay | null;
  onClearOverlay: () => void;
}

export function StageBanners({ notice, onDismissNotice, picking, onCancelPick, overlay, onClearOverlay }: StageBannersProps) {
  return (
    <>
      {notice && (
        <div className="notice" role="status">
          {notice} <button type="button" aria-label="Dismiss" onClick={onDismissNotice}>×</button>
        </div>
      )}
      {picking && (
        <div className="banner" role="status">
          Click an actor on the graph for “{picking}”{' '}
          <button type="button" onClick={onCancelPick}>Cancel</button>
        </div>
      )}
      {overlay && (
        <div className="overlay-bar">
          <span>{overlayLabel(overlay)}</span>{' '}
          {overlay.kind === 'changes' && <ChangesLegend overlay={overlay} />}
          <button type="button" onClick={onClearOverlay}>Clear highlight</button>
        </div>
      )}
    </>
  );
}

function overlayLabel(overlay: Overlay): string {
  switch (overlay.kind) {
    case 'focus':
      return `Showing: ${overlay.label}`;
    case 'blocs':
      return `Actors coloured by bloc (${overlay.communities.length})`;
    case 'factions':
      return `Factions: blue A, red B; ${overlay.frustrated.length} relation${overlay.frustrated.length === 1 ? '' : 's'} against the split`;
    case 'changes':
      return `Changes ${overlay.label}:`;
  }
}

/** The changes overlay's legend: each kind's line as the canvas draws it (colour, dashes, outline), its word and count. */
function ChangesLegend({ overlay }: { overlay: Extract<Overlay, { kind: 'changes' }> }) {
  const count: Record<ChangeKind, number> = { added: overlay.added.length, removed: overlay.removed.length, changed: overlay.changed.length, replaced: overlay.replaced.length };
  return (
    <ul className="changes-legend" aria-label="Legend of the changes">
      {CHANGE_KINDS.filter((k) => k !== 'replaced' || count.replaced > 0).map((k) => (
        <li key={k}>
          <ChangeLine kind={k} /> {CHANGE_STYLES[k].label} <span className="muted-light">(“{CHANGE_STYLES[k].word}”, {count[k]})</span>
        </li>
      ))}
      <li><span className="muted-light">unchanged relations faded</span></li>
    </ul>
  );
}
