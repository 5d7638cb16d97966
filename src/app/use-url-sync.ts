/** The URL follows the view, so a link reopens it; `data=` only while the fetched dataset is unchanged. */
import { useEffect } from 'react';
import type { AppState } from '../state/app-state';
import { writeUrlView } from '../state/url-state';

export function useUrlSync(state: AppState, workspaceId: string, dataUrl: string | undefined): void {
  useEffect(() => {
    const data = dataUrl && state.past.length === 0 ? dataUrl : undefined;
    const search = writeUrlView(state, { ws: workspaceId, data });
    if (search !== location.search) history.replaceState(null, '', `${location.pathname}${search}${location.hash}`);
  }, [state, workspaceId, dataUrl]);
}
