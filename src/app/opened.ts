/** What the explorer opens with: chosen at start-up or on a switch of workspace (src/Root.tsx), shown by src/App.tsx. */
import type { Dataset } from '../../graph';
import type { UrlView } from '../state/url-state';
import type { History } from '../storage/saved-history';
import type { Positions } from '../storage/workspace-store';

export interface Opened {
  workspace: { id: string; name: string };
  dataset: Dataset;
  view: UrlView;
  /** Set when the dataset came from `?data=`. */
  dataUrl?: string;
  /** Something the user should know about how this was opened. */
  notice?: string;
  /** The saved version this dataset is (0: never saved), and when it was saved. */
  version: number;
  savedAt?: string;
  /** The undo history saved with it. */
  history?: History;
  /** Where the user left the actors last time (saved per workspace). */
  positions?: Positions;
}
