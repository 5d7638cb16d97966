/** What every analysis panel needs from the app, passed down as one object. */
import type { Dataset, EvidenceReport, EvidenceSetting, GraphFilter, Relation, TimeWindow } from '../../graph';
import type { Overlay, Selection } from '../state/app-state';

export interface AnalysisContext {
  /** The whole dataset (for looking up relations and their claims). */
  dataset: Dataset;
  /** The filtered dataset that is on screen; analyses run on it. */
  visible: Dataset;
  filter: GraphFilter;
  /** Which relations count: every analysis request carries it (the worker applies it after the filter). */
  evidence: EvidenceSetting;
  /** The time window every request runs in (null: all time); `visible` and `counted` are already in it. */
  window: TimeWindow | null;
  /** What it leaves out of `visible`, for the panels' footnotes (EvidenceFootnote). */
  evidenceReport: EvidenceReport;
  /** `visible` with only the relations that count. */
  counted: Dataset;
  setEvidence: (setting: EvidenceSetting) => void;
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
