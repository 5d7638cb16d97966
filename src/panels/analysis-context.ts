/** What every analysis panel needs from the app, passed down as one object. */
import type { Dataset, GraphFilter, Relation } from '../../graph';
import type { Overlay, Selection } from '../state/app-state';

export interface AnalysisContext {
  /** The whole dataset (for looking up relations and their claims). */
  dataset: Dataset;
  /** The filtered dataset that is on screen; analyses run on it. */
  visible: Dataset;
  filter: GraphFilter;
  actorName: (id: string) => string;
  relation: (id: string) => Relation | undefined;
  setOverlay: (overlay: Overlay | null) => void;
  overlay: Overlay | null;
  select: (selection: Selection) => void;
  /** Arms "pick on graph": the next actor clicked on the canvas goes to `onPick` instead of selecting it. */
  armPick: (field: string, onPick: (actorId: string) => void) => void;
  /** The field waiting for a pick on the graph, if any. */
  picking: string | null;
  /** The actor selected on the canvas, if any (panels offer "use selected"). */
  selectedActorId: string | null;
}

/** Per panel: is its tab shown, and has it ever been (panels compute nothing before they are first opened). */
export interface PanelVisibility {
  active: boolean;
  opened: boolean;
}
