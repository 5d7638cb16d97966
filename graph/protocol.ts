/**
 * Requests the core answers, as plain data: their types, which of them are
 * answered per dataset version, the key that names a request, and the pure
 * handle() that answers them. The UI's Web Worker (through session.ts), the
 * CLI and the tests all call handle(), so the numbers are the same wherever
 * they are computed. Analyses run on the dataset after `filter`, i.e. on the
 * graph the user sees, and then on the relations that count under `evidence`
 * (analysis/evidence-setting.ts). A request with a time `window` runs on the
 * dataset as it stands in it (analysis/time-window.ts), before anything else:
 * the filter and the evidence setting then apply within the window, and every
 * answer (paths, blocs, metrics…) is the window's own.
 *
 * `evidence` absent means every relation counts: handle() does what the
 * request says and chooses nothing itself, so a caller that sends no setting
 * gets the answers it always got. The callers choose the default: the CLI
 * and the explorer's Evidence control send DEFAULT_EVIDENCE (uncontested
 * relations) unless told otherwise. An answer
 * to a request that gave a setting carries `evidence: { setting, leftOut }`
 * beside its result (Response), the same for every request on a graph.
 */
import { structuralBalance, type BalanceOptions, type BalanceResult } from './analysis/balance';
import { detectCommunities, type CommunityOptions, type CommunityResult } from './analysis/communities';
import {
  compareActors,
  explainBetweenness,
  explainEigenvector,
  layerRankings,
  rankStability,
  tieStrength,
  type CompareOptions,
  type Comparison,
  type LayerOptions,
  type StabilityOptions,
  type StabilityResult,
  type TieStrength,
  type TieStrengthOptions,
} from './analysis/compare';
import { egoNetwork, type EgoQuery, type EgoResult } from './analysis/ego';
import { ALL_EVIDENCE, applyEvidence, type EvidenceReport, type EvidenceSetting } from './analysis/evidence-setting';
import { diffWindows, type DiffOptions, type WindowDiff } from './analysis/time-diff';
import { listRelations, type RelationRow } from './analysis/relation-list';
import { windowDataset, type TimeWindow } from './analysis/time-window';
import { computeMetrics, type MetricsOptions, type MetricsResult } from './analysis/metrics';
import { computeTimeline, type TimelineOptions, type TimelineResult } from './analysis/timeline';
import { forceLayout, type ForceLayoutOptions, type ForceLayoutResult } from './layout/force-layout';
import { kShortestPaths, whoCanReach, type ActorPath, type PathQuery, type ReachQuery, type Reacher } from './analysis/paths';
import { inspectCsv, type CsvPreview } from './io/csv/csv';
import { readDataset, type DatasetFormat, type ReadResult } from './io/read-dataset';
import { decodeBytes } from './io/decode';
import type { FormatId, FormatImportResult, ImportFile, OutputFile } from './io/format';
import { exportDataset, importFiles, type ImportOptions } from './io/registry';
import { applyFilter, type GraphFilter } from './model/filter';
import type { Problem } from './schema/problems';
import type { Dataset } from './model/types';
import { restore, type RestoreResult } from './schema/restore';

interface OnGraph {
  dataset: Dataset;
  filter?: GraphFilter;
  /** Which relations count, applied after the filter; all when absent (see above). */
  evidence?: EvidenceSetting;
  /** The time window, applied first (see above); all time when absent. */
  window?: TimeWindow;
}

export interface ExplainResult {
  betweenness: ReturnType<typeof explainBetweenness>;
  eigenvector: ReturnType<typeof explainEigenvector>;
}

/** Each request type with what it carries and what it answers. */
interface Requests {
  restore: { in: { input: unknown }; out: RestoreResult };
  /** Files → dataset with a report, or located problems (the caller's graph is never touched). */
  import: { in: { files: ImportFile[]; options?: ImportOptions }; out: FormatImportResult };
  /** One file's text or bytes → dataset, as the CLI reads it: `format` may force one, or `json` (any JSON, by its shape). */
  read: { in: { name: string; format?: DatasetFormat } & ({ text: string } | { bytes: Uint8Array }); out: ReadResult };
  export: { in: { dataset: Dataset; format: FormatId; baseName: string }; out: OutputFile[] };
  /** The header and proposed column roles of a CSV text, for the mapping step. */
  inspectCsv: { in: { text: string } | { bytes: Uint8Array }; out: { ok: true; preview: CsvPreview } | { ok: false; problems: Problem[] } };
  /** `network` (which relation types) and `weighted` (by evidence) are MetricsOptions, so part of the request key. */
  metrics: { in: OnGraph & MetricsOptions; out: MetricsResult };
  paths: { in: OnGraph & { query: PathQuery }; out: ActorPath[] };
  reach: { in: OnGraph & { query: ReachQuery }; out: Reacher[] };
  communities: { in: OnGraph & { options?: CommunityOptions }; out: CommunityResult };
  ego: { in: OnGraph & { query: EgoQuery }; out: EgoResult };
  balance: { in: OnGraph & { options?: BalanceOptions }; out: BalanceResult };
  /** `options.network` and `options.weighted` as in metrics; the comparison reports them. */
  compare: { in: OnGraph & { options: CompareOptions }; out: Comparison };
  layers: { in: OnGraph & { options: LayerOptions }; out: ReturnType<typeof layerRankings> };
  stability: { in: OnGraph & { options: StabilityOptions }; out: StabilityResult };
  /** Each actor's ties to `to`: relations, claims, witnesses (each once), strength, best grade; strongest first. */
  tieStrength: { in: OnGraph & { options: Pick<TieStrengthOptions, 'actors' | 'to'> }; out: TieStrength };
  /**
   * Why an actor scores what it scores. On large graphs the betweenness explanation samples its
   * sources unless `samples` says otherwise (at least the actors that reach it: exact); `seed` picks
   * them. The result says `exact` and, when sampled, carries the `estimate`. `limit` caps the pairs listed.
   */
  explain: {
    in: OnGraph & { options: { actor: string; undirected?: boolean; samples?: number; seed?: number; limit?: number } };
    out: ExplainResult;
  };
  /** Every relation that counts, with its confidence, witnesses, claims for and against, and whether it is contested. */
  relations: { in: OnGraph; out: RelationRow[] };
  /**
   * What changed between two time windows (analysis/time-diff.ts): relations, ranks, blocs, triads
   * and threat paths. Each window is weighed with `evidence` after the filter (every relation counts
   * when it is absent), so the answer carries no one `evidence` report: each window has its own.
   */
  diff: { in: OnGraph & { options: DiffRequestOptions }; out: WindowDiff };
  /**
   * A metric per year for chosen actors (analysis/timeline.ts): each year of the dated span a window,
   * the metric run on it as `metrics` runs it (the request's filter and evidence, the options' network,
   * weighting and the rest of MetricsOptions). The evidence report lists what was left out in any year.
   */
  timeline: { in: OnGraph & { options: Omit<TimelineOptions, 'filter' | 'evidence'> }; out: TimelineResult };
  /**
   * Positions for a large graph, computed off the UI thread. It takes the bare
   * structure (a node count and an edge list of node indices, typed arrays the
   * caller can transfer) rather than a dataset, and answers x, y pairs in node order.
   */
  layout: { in: { order: number; edges: Int32Array; options?: ForceLayoutOptions }; out: ForceLayoutResult };
}

/** diff's options: the two windows, and DiffOptions but the evidence setting (the request's own). */
export type DiffRequestOptions = { before: TimeWindow; after: TimeWindow } & Omit<DiffOptions, 'evidence'>;

export type RequestType = keyof Requests;
export type Request = { [T in RequestType]: { type: T } & Requests[T]['in'] }[RequestType];
export type Result<R extends Request> = Requests[R['type']]['out'];
/** An answer, or why there is none. `evidence`: what the request's evidence setting left out, when it gave one. */
export type Response<T = unknown> = { ok: true; result: T; evidence?: EvidenceReport } | { ok: false; error: string };

/**
 * Every request type, and whether it is answered per dataset version. Such a
 * request runs on a dataset that a session keeps by version (the client sends
 * the dataset once, then only names its version), and its answer depends only
 * on that dataset and the request, so the session keeps it. The others carry
 * their data (files, text, an edge list, the dataset to export) and are
 * answered afresh. A record, so that a new request type has to say which it is.
 */
const PER_VERSION: { readonly [T in RequestType]: boolean } = {
  restore: false,
  import: false,
  read: false,
  export: false,
  inspectCsv: false,
  metrics: true,
  paths: true,
  reach: true,
  communities: true,
  ego: true,
  balance: true,
  compare: true,
  layers: true,
  stability: true,
  tieStrength: true,
  explain: true,
  relations: true,
  diff: true,
  timeline: true,
  layout: false,
};

export const REQUEST_TYPES: readonly RequestType[] = Object.keys(PER_VERSION) as RequestType[];
export const ANSWERED_PER_VERSION: ReadonlySet<RequestType> = new Set(REQUEST_TYPES.filter((type) => PER_VERSION[type]));

/**
 * The key of a request: the request without its dataset, as stable JSON, and
 * under the dataset's version when one is given. Two requests with the same
 * key ask the same question, so the session keeps answers by it and the UI
 * tells by it which question a result answers. Without a version the key does
 * not tell datasets apart.
 */
export function requestKey(request: Request, version?: number): string {
  const { dataset: _dataset, ...rest } = request as Request & { dataset?: unknown };
  const text = stableJson(rest);
  return version === undefined ? text : `${version}|${text}`;
}

/** JSON with object keys sorted, so that {a, b} and {b, a} are the same question. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * What a caller may hand a long request besides the request itself: a progress
 * listener (the worker forwards it to the UI; the CLI and tests may leave it out).
 */
export interface HandleContext {
  onProgress?: (progress: Progress) => void;
}

/** How far a long request has got: `done` of `total` units of `stage` (e.g. sources of betweenness). */
export interface Progress {
  stage: string;
  done: number;
  total: number;
}

type Handlers = {
  [T in RequestType]: (request: { type: T } & Requests[T]['in'], context: HandleContext, graph: GraphView) => Requests[T]['out'];
};

/**
 * The graph a request on a graph runs on, worked out at most once per request,
 * and what its evidence setting left out (`report`, for the answer).
 */
class GraphView {
  report: EvidenceReport | undefined;
  private weighed: { visible: Dataset; whole: Dataset } | undefined;

  constructor(private readonly request: Partial<OnGraph>) {}

  /** The dataset after the filter, with only the relations that count. */
  visible(): Dataset {
    return this.weigh().visible;
  }

  /**
   * The whole dataset without the relations the setting left out of the
   * filtered one, for the analyses that apply the filter themselves (so that
   * an actor it hides is "hidden by the filter"). The setting removes no
   * actor, so filtering this gives visible().
   */
  whole(): Dataset {
    return this.weigh().whole;
  }

  private weigh(): { visible: Dataset; whole: Dataset } {
    if (this.weighed) return this.weighed;
    const { dataset, filter, evidence } = this.request as OnGraph;
    const filtered = applyFilter(dataset, filter);
    if (evidence === undefined) return (this.weighed = { visible: filtered, whole: dataset });
    const { dataset: visible, leftOut, setting } = applyEvidence(filtered, evidence);
    this.report = { setting, leftOut };
    const counted = new Set(visible.relations);
    const dropped = new Set(filtered.relations.filter((r) => !counted.has(r)));
    const whole = dropped.size ? { ...dataset, relations: dataset.relations.filter((r) => !dropped.has(r)) } : dataset;
    return (this.weighed = { visible, whole });
  }
}

const HANDLERS: Handlers = {
  restore: (r) => restore(r.input),
  import: (r) => importFiles(r.files, r.options),
  read: (r) => readDataset('bytes' in r ? r.bytes : r.text, r.name, r.format),
  export: (r) => exportDataset(r.dataset, r.format, r.baseName),
  inspectCsv: (r) => {
    if (!('bytes' in r)) return inspectCsv(r.text);
    const decoded = decodeBytes(r.bytes);
    return decoded.ok ? inspectCsv(decoded.text) : { ok: false, problems: [decoded.problem] };
  },
  // Metrics filter and weigh themselves: their result reports the filter and the evidence setting it ran with.
  metrics: ({ type: _type, dataset, ...options }, { onProgress }, graph) => {
    const result = computeMetrics(dataset, { ...options, onProgress });
    graph.report = result.evidence;
    return result;
  },
  paths: (r, _c, graph) => kShortestPaths(graph.visible(), r.query),
  reach: (r, _c, graph) => whoCanReach(graph.visible(), r.query),
  communities: (r, _c, graph) => detectCommunities(graph.visible(), r.options),
  ego: (r, _c, graph) => egoNetwork(graph.visible(), r.query),
  balance: (r, _c, graph) => structuralBalance(graph.visible(), r.options),
  // compare, layers, stability and explain take the request's filter with the whole dataset, so that an
  // actor the filter hides is reported as "hidden by the filter" rather than unknown. (With a filter in
  // their options as well, the request's applies first, then that one, as before.)
  compare: (r, _c, g) => (r.options.filter ? compareActors(g.visible(), r.options) : compareActors(g.whole(), { ...r.options, filter: r.filter })),
  layers: (r, _c, g) => (r.options.filter ? layerRankings(g.visible(), r.options) : layerRankings(g.whole(), { ...r.options, filter: r.filter })),
  stability: (r, _c, g) => (r.options.filter ? rankStability(g.visible(), r.options) : rankStability(g.whole(), { ...r.options, filter: r.filter })),
  // Like metrics, it filters and weighs itself (the whole dataset, so a hidden actor is "hidden by the
  // filter"), to say which of each pair's relations the setting left out.
  tieStrength: (r, _c, graph) => {
    const result = tieStrength(r.dataset, { ...r.options, filter: r.filter, evidence: r.evidence });
    graph.report = result.evidence;
    return result;
  },
  layout: (r) => forceLayout(r.order, r.edges, r.options),
  explain: (r, _c, graph) => {
    const options = { undirected: r.options.undirected, filter: r.filter };
    const { samples, seed, limit } = r.options;
    const dataset = graph.whole();
    return {
      betweenness: explainBetweenness(dataset, r.options.actor, { ...options, samples, seed, limit }),
      eigenvector: explainEigenvector(dataset, r.options.actor, options),
    };
  },
  relations: (_r, _c, graph) => listRelations(graph.visible()),
  diff: (r) => {
    const { before, after, ...options } = r.options;
    return diffWindows(applyFilter(r.dataset, r.filter), before, after, { ...options, evidence: r.evidence ?? ALL_EVIDENCE });
  },
  // Like metrics, it filters and weighs itself, per year.
  timeline: (r, _c, graph) => {
    const result = computeTimeline(r.dataset, { ...r.options, filter: r.filter, evidence: r.evidence });
    graph.report = result.evidence;
    return result;
  },
};

/** The request on the dataset as it stands in its window (the same request when it gives none). */
function inWindow<R extends Request>(request: R): R {
  const { window, dataset } = request as Partial<OnGraph>;
  if (!window || !dataset) return request;
  return { ...request, dataset: windowDataset(dataset, window).dataset };
}

export function handle<R extends Request>(request: R, context: HandleContext = {}): Response<Result<R>> {
  const handler = (HANDLERS as Record<string, ((r: R, c: HandleContext, g: GraphView) => Result<R>) | undefined>)[(request as { type?: unknown }).type as string];
  if (typeof handler !== 'function' || !Object.prototype.hasOwnProperty.call(HANDLERS, request.type)) {
    return { ok: false, error: `unknown request ${JSON.stringify((request as { type?: unknown }).type)}` };
  }
  try {
    const windowed = inWindow(request);
    const graph = new GraphView(windowed as Partial<OnGraph>);
    const result = handler(windowed, context, graph);
    return graph.report ? { ok: true, result, evidence: graph.report } : { ok: true, result };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
