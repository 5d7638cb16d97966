/** What floats over the canvas: a notice, the "pick on graph" banner, the analysis highlight's bar. */
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
  }
}
