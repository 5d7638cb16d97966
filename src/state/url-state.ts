/**
 * The view state in the URL, so a link opens the same view: the workspace or
 * dataset URL, the selection, filters, the metric that sizes actors, the tab,
 * and an open path query. Pure: search string ⇄ state; values a link cannot
 * mean (an unknown type, a missing actor) are ignored, never trusted.
 */
import { METRIC_IDS, RELATION_TYPES, evidenceText, isGrade, isPathPreset, parseEvidence, parseWindow, type EvidenceSetting, type EvidenceText, type MetricId, type RelationType, type TimeWindow } from '../../graph';
import { DEFAULT_PATH_QUERY, LAYOUTS, SIDE_TABS, type AppState, type LayoutName, type PathQueryState, type SideTab } from './app-state';

export interface UrlView {
  /** The workspace to open. */
  ws?: string;
  /** A dataset URL to load on start (?data=…). */
  data?: string;
  /** An embedded dataset to open on start (?dataset=central-asia-arms; src/data/embedded-datasets.ts). */
  dataset?: string;
  actor?: string;
  relation?: string;
  hide?: RelationType[];
  hideKinds?: string[];
  size?: MetricId;
  tab?: SideTab;
  layout?: LayoutName;
  path?: Partial<PathQueryState>;
  evidence?: EvidenceSetting;
  /** The source the Source tab reads (`read`), and the passage `at=START-END` in its text. */
  read?: { sourceId: string; focus: [number, number] | null };
  /** The time window: `window=2008..2012` (or `window=2015`, as of that year), `dated=only`. */
  window?: TimeWindow;
}

const list = (v: string | null) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);
const isType = (t: string): t is RelationType => (RELATION_TYPES as readonly string[]).includes(t);

export function readUrlView(search: string): UrlView {
  const p = new URLSearchParams(search);
  const view: UrlView = {};
  const text = (key: string) => p.get(key) ?? undefined;
  view.ws = text('ws');
  view.data = text('data');
  view.dataset = text('dataset');
  view.actor = text('actor');
  view.relation = text('relation');
  const read = text('read');
  if (read) {
    const at = /^(\d+)-(\d+)$/.exec(p.get('at') ?? '');
    const focus: [number, number] | null = at && Number(at[1]) <= Number(at[2]) ? [Number(at[1]), Number(at[2])] : null;
    view.read = { sourceId: read, focus };
  }
  if (p.has('hide')) view.hide = list(p.get('hide')).filter(isType);
  if (p.has('hideKinds')) view.hideKinds = list(p.get('hideKinds'));
  const size = p.get('size');
  if (size && (METRIC_IDS as readonly string[]).includes(size)) view.size = size as MetricId;
  const tab = p.get('tab');
  if (tab && SIDE_TABS.some((t) => t.id === tab)) view.tab = tab as SideTab;
  const layout = p.get('layout');
  if (layout && (LAYOUTS as readonly string[]).includes(layout)) view.layout = layout as LayoutName;
  if (p.has('from') || p.has('to')) {
    const path: Partial<PathQueryState> = { from: p.get('from'), to: p.get('to') };
    if (p.has('types')) path.types = list(p.get('types')).filter(isType);
    if (p.get('direction') === 'any') path.directed = false;
    // `preset=`; a link from before presets that names types or a direction asks for those.
    const preset = p.get('preset');
    if (preset === 'custom' || isPathPreset(preset)) path.preset = preset;
    else if (p.has('types') || p.has('direction')) path.preset = 'custom';
    const k = Number(p.get('k'));
    if (Number.isInteger(k) && k >= 1 && k <= 50) path.k = k;
    view.path = path;
  }
  const evidence = readEvidence(p);
  if (evidence) view.evidence = evidence;
  const window = p.get('window');
  const parsed = window ? parseWindow(window) : null;
  const datedOnly = p.get('dated') === 'only';
  if (parsed?.ok || datedOnly) view.window = { ...(parsed?.ok ? parsed.window : {}), ...(datedOnly ? { datedOnly: true } : {}) };
  for (const key of Object.keys(view) as (keyof UrlView)[]) if (view[key] === undefined) delete view[key];
  return view;
}

/**
 * The evidence setting a link asks for (`evidence=all`, `minConfidence=0.3`,
 * `minGrade=C3`), or none when it asks for nothing. A link from before the
 * one setting gave a path's grade as `grade`: it is read as `minGrade`. A
 * value that does not parse is dropped, the rest of the setting kept.
 */
function readEvidence(p: URLSearchParams): EvidenceSetting | undefined {
  const legacyGrade = p.get('grade')?.toUpperCase();
  const text: EvidenceText = {};
  const evidence = p.get('evidence');
  const minConfidence = p.get('minConfidence');
  const minGrade = p.get('minGrade') ?? (legacyGrade && isGrade(legacyGrade) && legacyGrade !== 'F6' ? legacyGrade : null);
  if (evidence !== null) text.evidence = evidence;
  if (minConfidence !== null) text.minConfidence = minConfidence;
  if (minGrade !== null) text.minGrade = minGrade;
  if (!Object.keys(text).length) return undefined;
  // Each failure names its field: drop it and read the rest (at most one pass per field).
  let parsed = parseEvidence(text);
  while (!parsed.ok) {
    delete text[parsed.field];
    parsed = parseEvidence(text);
  }
  return parsed.setting;
}

/** The state with what a link asks for; ids the dataset does not have are dropped. */
export function applyUrlView(state: AppState, view: UrlView): AppState {
  const actors = new Set(state.dataset.actors.map((a) => a.id));
  const next: AppState = { ...state };
  if (view.hide) next.hiddenRelationTypes = view.hide;
  if (view.hideKinds) next.hiddenActorKinds = view.hideKinds;
  if (view.size) next.sizeBy = view.size;
  if (view.layout) next.layout = view.layout;
  if (view.actor && actors.has(view.actor)) next.selection = { kind: 'actor', id: view.actor };
  else if (view.relation && state.dataset.relations.some((r) => r.id === view.relation)) next.selection = { kind: 'relation', id: view.relation };
  if (view.path) {
    const path = { ...DEFAULT_PATH_QUERY, ...view.path };
    if (path.from && !actors.has(path.from)) path.from = null;
    if (path.to && !actors.has(path.to)) path.to = null;
    next.pathQuery = path;
  }
  if (view.evidence) next.evidence = view.evidence;
  if (view.window) next.timeWindow = view.window;
  if (view.tab) next.tab = view.tab;
  // A source the dataset holds with its text; a passage inside that text.
  const source = view.read && state.dataset.sources.find((s) => s.id === view.read!.sourceId && s.text !== undefined);
  if (view.read && source) {
    const focus = view.read.focus && view.read.focus[1] <= source.text!.length ? view.read.focus : null;
    next.reading = { sourceId: source.id, focus, seq: 1 };
    next.tab = 'source';
  }
  return next;
}

/** The search string for the state; defaults are left out so links stay short. */
export function writeUrlView(state: AppState, where: { ws?: string; data?: string }): string {
  const p = new URLSearchParams();
  if (where.data) p.set('data', where.data);
  else if (where.ws) p.set('ws', where.ws);
  if (state.selection?.kind === 'actor') p.set('actor', state.selection.id);
  if (state.selection?.kind === 'relation') p.set('relation', state.selection.id);
  if (state.hiddenRelationTypes.length) p.set('hide', state.hiddenRelationTypes.join(','));
  if (state.hiddenActorKinds.length) p.set('hideKinds', state.hiddenActorKinds.join(','));
  if (state.sizeBy !== 'betweenness') p.set('size', state.sizeBy);
  if (state.layout !== 'fcose') p.set('layout', state.layout);
  if (state.tab !== 'details') p.set('tab', state.tab);
  const q = state.pathQuery;
  if (q.from || q.to) {
    if (q.from) p.set('from', q.from);
    if (q.to) p.set('to', q.to);
    if (q.preset !== DEFAULT_PATH_QUERY.preset) p.set('preset', q.preset);
    if (q.preset === 'custom' && q.types.length !== RELATION_TYPES.length) p.set('types', q.types.join(','));
    if (q.preset === 'custom' && !q.directed) p.set('direction', 'any');
    if (q.k !== DEFAULT_PATH_QUERY.k) p.set('k', String(q.k));
  }
  const evidence = evidenceText(state.evidence);
  if (evidence.evidence !== 'uncontested') p.set('evidence', evidence.evidence!);
  if (evidence.minConfidence !== undefined) p.set('minConfidence', evidence.minConfidence);
  if (evidence.minGrade !== undefined) p.set('minGrade', evidence.minGrade);
  const w = state.timeWindow;
  if (w?.from || w?.to) p.set('window', w.from === w.to ? w.from! : `${w.from ?? ''}..${w.to ?? ''}`);
  if (w?.datedOnly) p.set('dated', 'only');
  if (state.tab === 'source' && state.reading) {
    p.set('read', state.reading.sourceId);
    if (state.reading.focus) p.set('at', `${state.reading.focus[0]}-${state.reading.focus[1]}`);
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}
