/**
 * The explorer's state and its pure transitions (state => state). React holds
 * it in a reducer; the tests drive the transitions without React.
 */
import {
  DEFAULT_EVIDENCE,
  DEFAULT_PATH_PRESET,
  RELATION_TYPES,
  METRIC_IDS,
  type Dataset,
  type EvidenceSetting,
  type GraphFilter,
  type Locator,
  type QuoteContext,
  type MetricId,
  type PathPresetId,
  type RelationType,
  type TimeWindow,
  visibleUnder,
} from '../../graph';

export type LayoutName = 'fcose' | 'circle' | 'concentric' | 'grid';
export const LAYOUTS: readonly LayoutName[] = ['fcose', 'circle', 'concentric', 'grid'];

export type Selection = { kind: 'actor'; id: string } | { kind: 'relation'; id: string } | null;

export type SideTab = 'details' | 'paths' | 'blocs' | 'balance' | 'compare' | 'changes' | 'source';
export const SIDE_TABS: ReadonlyArray<{ id: SideTab; label: string }> = [
  { id: 'details', label: 'Details' },
  { id: 'paths', label: 'Paths' },
  { id: 'blocs', label: 'Blocs' },
  { id: 'balance', label: 'Balance' },
  { id: 'compare', label: 'Compare' },
  { id: 'changes', label: 'Changes' },
  { id: 'source', label: 'Source' },
];

/**
 * What an analysis shows on the canvas. The canvas turns it into classes;
 * nothing of it is written into the model.
 */
export type Overlay =
  /** A path, an ego network or a triad: these elements stand out, the rest fades (or hides). */
  | { kind: 'focus'; label: string; actors: readonly string[]; relations: readonly string[]; hideRest?: boolean }
  /** Alliance blocs: actors coloured by bloc. */
  | { kind: 'blocs'; communities: readonly (readonly string[])[] }
  /** Structural balance: the two factions, and the relations that violate the split. */
  | { kind: 'factions'; factions: readonly [readonly string[], readonly string[]]; frustrated: readonly string[] }
  /** Two windows compared: relations added, removed, changed (`replaced`: the earlier relation of a type change); the rest fades. */
  | { kind: 'changes'; label: string; added: readonly string[]; removed: readonly string[]; changed: readonly string[]; replaced: readonly string[] };

export interface SortState {
  column: 'name' | MetricId;
  descending: boolean;
}

/** One step of the undo history: the dataset before a change, and what the change was. */
export interface HistoryEntry {
  dataset: Dataset;
  label: string;
}

/** A claim begun from a passage of a source text (the reader's "Claim from selection"). */
export interface ClaimSeed {
  quote: string;
  sourceId: string;
  locator: Locator;
  context?: QuoteContext;
  /** Who speaks in the source, offered as who asserts the claim. */
  speaker?: string;
  /** Actors named in the passage's paragraph, offered first as its ends. */
  mentioned: readonly string[];
}

/** Which form the details tab shows: a new or existing actor or relation (a new actor may start from a name, a new relation from a passage). */
export type Editing =
  | { kind: 'actor'; id: string | null; name?: string }
  | { kind: 'relation'; id: string | null; source?: string; target?: string; seed?: ClaimSeed }
  | null;

/** The source text the Source tab shows, and the passage to bring into view (`seq` tells a second request for the same passage). */
export interface Reading {
  sourceId: string;
  focus: [number, number] | null;
  seq: number;
}

/** The open path query (kept here, not in the panel, so a link can carry it). */
export interface PathQueryState {
  from: string | null;
  to: string | null;
  /** A named question (graph/analysis/paths/presets.ts), or 'custom': `types` and `directed` as chosen. */
  preset: PathPresetId | 'custom';
  /** Used when preset is 'custom'. */
  types: readonly RelationType[];
  directed: boolean;
  k: number;
}

export const DEFAULT_PATH_QUERY: PathQueryState = {
  from: null,
  to: null,
  preset: DEFAULT_PATH_PRESET,
  types: RELATION_TYPES,
  directed: true,
  k: 5,
};

/** Undo reaches this far back; older steps are dropped. */
export const HISTORY_LIMIT = 200;

export interface AppState {
  dataset: Dataset;
  /** Earlier datasets, newest last, each with the label of the change that followed it. */
  past: readonly HistoryEntry[];
  /** Undone changes, next redo last. */
  future: readonly HistoryEntry[];
  editing: Editing;
  hiddenRelationTypes: readonly RelationType[];
  hiddenActorKinds: readonly string[];
  selection: Selection;
  /** The metric that sizes actors on the canvas and orders the concentric layout. */
  sizeBy: MetricId;
  sort: SortState;
  layout: LayoutName;
  /** Metrics treat every relation as mutual. */
  undirected: boolean;
  tab: SideTab;
  overlay: Overlay | null;
  pathQuery: PathQueryState;
  /** Which relations count, for the canvas and every analysis (graph/analysis/evidence-setting.ts). */
  evidence: EvidenceSetting;
  reading: Reading | null;
  /**
   * The time window everything runs in (the canvas, the table, every
   * analysis, the briefing): graph/analysis/time-window.ts. Null: all time.
   * From = to is "as of" that date.
   */
  timeWindow: TimeWindow | null;
}

export function initialState(dataset: Dataset, history?: { past: readonly HistoryEntry[]; future: readonly HistoryEntry[] }): AppState {
  return {
    dataset,
    past: history?.past ?? [],
    future: history?.future ?? [],
    editing: null,
    hiddenRelationTypes: [],
    hiddenActorKinds: [],
    selection: null,
    sizeBy: 'betweenness',
    sort: { column: 'betweenness', descending: true },
    layout: 'fcose',
    undirected: false,
    tab: 'details',
    overlay: null,
    pathQuery: DEFAULT_PATH_QUERY,
    evidence: DEFAULT_EVIDENCE,
    reading: null,
    timeWindow: null,
  };
}

export function graphFilter(state: AppState): GraphFilter {
  const filter: GraphFilter = {};
  if (state.hiddenRelationTypes.length) {
    filter.relationTypes = RELATION_TYPES.filter((t) => !state.hiddenRelationTypes.includes(t));
  }
  if (state.hiddenActorKinds.length) {
    const kinds = [...new Set(state.dataset.actors.map((a) => a.kind))];
    filter.actorKinds = kinds.filter((k) => !state.hiddenActorKinds.includes(k));
  }
  return filter;
}

export type Action =
  | { type: 'toggleRelationType'; relationType: RelationType }
  | { type: 'toggleActorKind'; kind: string }
  | { type: 'select'; selection: Selection }
  | { type: 'sizeBy'; metric: MetricId }
  | { type: 'sort'; column: SortState['column'] }
  | { type: 'layout'; layout: LayoutName }
  | { type: 'undirected'; undirected: boolean }
  | { type: 'tab'; tab: SideTab }
  /** A change already checked by applyEdit(): the new dataset and its label. */
  | { type: 'commit'; dataset: Dataset; label: string }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'edit'; editing: Editing }
  | { type: 'pathQuery'; query: Partial<PathQueryState> }
  | { type: 'evidence'; evidence: EvidenceSetting }
  | { type: 'overlay'; overlay: Overlay | null }
  /** The time window; null for all time. */
  | { type: 'timeWindow'; window: TimeWindow | null }
  /** Show a source text, at a passage when given. */
  | { type: 'read'; sourceId: string; focus?: [number, number] | null };

const toggle = <T,>(list: readonly T[], item: T): T[] =>
  list.includes(item) ? list.filter((x) => x !== item) : [...list, item];

export function reduce(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'toggleRelationType': {
      const next = { ...state, hiddenRelationTypes: toggle(state.hiddenRelationTypes, action.relationType) };
      return dropHiddenSelection(next);
    }
    case 'toggleActorKind': {
      const next = { ...state, hiddenActorKinds: toggle(state.hiddenActorKinds, action.kind) };
      return dropHiddenSelection(next);
    }
    case 'select':
      // A selection shows its details; the analysis tabs keep their state meanwhile.
      return withTab({ ...state, selection: action.selection }, action.selection ? 'details' : state.tab);
    case 'sizeBy':
      return { ...state, sizeBy: action.metric };
    case 'sort': {
      // A second click on the same column flips the order; a new column starts
      // descending for metrics (top actors first) and ascending for names.
      const same = state.sort.column === action.column;
      const descending = same ? !state.sort.descending : action.column !== 'name';
      const sizeBy = action.column !== 'name' && METRIC_IDS.includes(action.column) ? action.column : state.sizeBy;
      return { ...state, sort: { column: action.column, descending }, sizeBy };
    }
    case 'layout':
      return { ...state, layout: action.layout };
    case 'undirected':
      return { ...state, undirected: action.undirected };
    case 'tab':
      return withTab(state, action.tab);
    case 'commit':
      return afterDatasetChange({
        ...state,
        dataset: action.dataset,
        past: [...state.past, { dataset: state.dataset, label: action.label }].slice(-HISTORY_LIMIT),
        future: [],
        editing: null,
      });
    case 'undo': {
      const last = state.past.at(-1);
      if (!last) return state;
      return afterDatasetChange({
        ...state,
        dataset: last.dataset,
        past: state.past.slice(0, -1),
        future: [...state.future, { dataset: state.dataset, label: last.label }],
        editing: null,
      });
    }
    case 'redo': {
      const next = state.future.at(-1);
      if (!next) return state;
      return afterDatasetChange({
        ...state,
        dataset: next.dataset,
        past: [...state.past, { dataset: state.dataset, label: next.label }],
        future: state.future.slice(0, -1),
        editing: null,
      });
    }
    case 'pathQuery':
      return { ...state, pathQuery: { ...state.pathQuery, ...action.query } };
    case 'evidence':
      return { ...state, evidence: action.evidence };
    case 'edit':
      return withTab({ ...state, editing: action.editing }, action.editing ? 'details' : state.tab);
    case 'overlay':
      return { ...state, overlay: action.overlay };
    case 'timeWindow':
      return { ...state, timeWindow: action.window && Object.keys(action.window).length ? action.window : null };
    case 'read':
      return withTab({ ...state, reading: { sourceId: action.sourceId, focus: action.focus ?? null, seq: (state.reading?.seq ?? 0) + 1 } }, 'source');
  }
}

/**
 * Another tab shown: the highlight of the tab left goes with it (every overlay
 * belongs to the tab that drew it, and that tab draws it again when shown).
 */
function withTab(state: AppState, tab: SideTab): AppState {
  return tab === state.tab ? state : { ...state, tab, overlay: null };
}

/** After the dataset changes: a selection that no longer exists goes, and so does an analysis overlay (its panel redraws it). */
function afterDatasetChange(state: AppState): AppState {
  return dropHiddenSelection({ ...state, overlay: null });
}

/** A selection hidden by a filter (or gone) is dropped, so the panel never shows what the canvas hides. */
function dropHiddenSelection(state: AppState): AppState {
  const sel = state.selection;
  if (!sel) return state;
  const shown = visibleUnder(graphFilter(state));
  const actor = (id: string) => state.dataset.actors.find((x) => x.id === id);
  if (sel.kind === 'actor') {
    const a = actor(sel.id);
    return a && shown.actor(a) ? state : { ...state, selection: null };
  }
  const r = state.dataset.relations.find((x) => x.id === sel.id);
  const source = r && actor(r.source);
  const target = r && actor(r.target);
  const visible = !!r && !!source && !!target && shown.relation(r, source, target);
  return visible ? state : { ...state, selection: null };
}
