/**
 * Centrality over time: one metric per year for chosen actors. Each year of
 * the dataset's dated span (claimsPerYear, from the first year a dated claim
 * holds to the last, years without claims included) is a time window
 * (time-window.ts): that year, or with `span` N the N years ending with it (a
 * sliding window). The metric runs on the dataset as it stands in the window
 * exactly as computeMetrics runs it — filter, evidence setting, network,
 * weighting and any other MetricsOptions passed through untouched — so a
 * year's value is the centrality table's value with `--window` set to that year.
 * Undated claims (and relations without claims) hold always: they count in
 * every year, and the result says how many there are.
 */
import { applyFilter } from '../model/filter';
import type { Dataset } from '../model/types';
import type { EvidenceReport, LeftOut } from './evidence-setting';
import { computeMetrics, type MetricId, type MetricsOptions } from './metrics';
import type { NetworkReport } from './network';
import { claimSpan, claimsPerYear, windowDataset, type TimeWindow } from './time-window';
import { dateBounds, isPartialDate } from '../schema/dates';

export type TimelineOptions = Omit<MetricsOptions, 'metrics' | 'betweennessShare' | 'onProgress' | 'clock'> & {
  /** The actors followed, by id (each must be in the dataset). */
  actors: readonly string[];
  metric: MetricId;
  /** Only the years from this date on (a partial date); the first year's window starts there. */
  from?: string;
  /** Only the years up to this date; the last year's window ends there. */
  to?: string;
  /** Each year's window is the `span` years ending with it (a whole number ≥ 1; default 1, the year alone). */
  span?: number;
  /** Leave out undated claims, and relations without claims, from every year. */
  datedOnly?: boolean;
};

export interface TimelineSeries {
  actor: string;
  name: string;
  /** One value per year (null: n/a that year, or the actor hidden by the filter). */
  values: (number | null)[];
}

export interface TimelineResult {
  metric: MetricId;
  years: number[];
  /** The window each year's value ran on, in the order of `years`. */
  windows: TimeWindow[];
  span: number;
  series: TimelineSeries[];
  /** The metric's convention (as computeMetrics states it, weighted or not). */
  conventions: Partial<Record<MetricId, string>>;
  /** Years in which the metric is n/a for every actor, and why. */
  unavailable: Record<number, string>;
  weighted: boolean;
  network: NetworkReport;
  /**
   * Claims without a date or period in the filtered dataset: they hold in every
   * year, so they count in every year's value (0 with datedOnly).
   */
  undated: number;
  /** Relations without any claim in the filtered dataset: they too count in every year (0 with datedOnly). */
  undatedRelations: number;
  /** With `evidence`: the setting, and every relation it left out in at least one year. */
  evidence?: EvidenceReport;
}

const yearOf = (date: string) => Number(date.slice(0, 4));

export function computeTimeline(dataset: Dataset, options: TimelineOptions): TimelineResult {
  const { actors, metric, from, to, span: spanOption, datedOnly, ...metricsOptions } = options;
  const span = spanOption ?? 1;
  if (!(Number.isInteger(span) && span >= 1)) throw new RangeError(`span must be a whole number of at least 1, not ${span}`);
  for (const [name, value] of [['from', from], ['to', to]] as const) {
    if (value !== undefined && !isPartialDate(value)) throw new RangeError(`${name}: "${value}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  }
  if (from && to && dateBounds(from)[0] > dateBounds(to)[1]) throw new RangeError(`from ${from} is after to ${to}`);
  const names = new Map(dataset.actors.map((a) => [a.id, a.name]));
  for (const id of actors) if (!names.has(id)) throw new RangeError(`unknown actor "${id}"`);

  const counted = claimsPerYear(dataset);
  const dated = [...counted.keys()];
  let first = dated.length ? dated[0]! : 0;
  let last = dated.length ? dated[dated.length - 1]! : -1;
  if (from) first = Math.max(first, yearOf(from));
  if (to) last = Math.min(last, yearOf(to));
  const years: number[] = [];
  for (let y = first; y <= last; y++) years.push(y);

  const windows = years.map((y): TimeWindow => {
    const start = String(y - span + 1);
    const window: TimeWindow = { from: from && dateBounds(from)[0] > dateBounds(start)[0] ? from : start, to: to && yearOf(to) === y ? to : String(y) };
    if (datedOnly) window.datedOnly = true;
    return window;
  });

  const series: TimelineSeries[] = actors.map((id) => ({ actor: id, name: names.get(id)!, values: [] }));
  const unavailable: Record<number, string> = {};
  const leftOut = { contested: new Set<string>(), belowGrade: new Set<string>(), belowConfidence: new Set<string>() };
  let conventions: Partial<Record<MetricId, string>> | undefined;
  let network: NetworkReport | undefined;
  let setting: EvidenceReport['setting'] | undefined;
  windows.forEach((window, i) => {
    const result = computeMetrics(windowDataset(dataset, window).dataset, { ...metricsOptions, metrics: [metric] });
    conventions ??= result.conventions;
    network ??= { network: result.network.network, types: result.network.types, description: result.network.description };
    const values = new Map(result.actors.map((a) => [a.id, a[metric] ?? null]));
    for (const s of series) s.values.push(values.get(s.actor) ?? null);
    const why = result.unavailable[metric];
    if (why) unavailable[years[i]!] = why;
    if (result.evidence) {
      setting = result.evidence.setting;
      for (const key of Object.keys(leftOut) as (keyof LeftOut)[]) for (const id of result.evidence.leftOut[key]) leftOut[key].add(id);
    }
  });

  // With no year, the metric still says its convention and network (computed once on nothing).
  if (!conventions || !network) {
    const empty = computeMetrics({ ...dataset, actors: [], relations: [] }, { ...metricsOptions, metrics: [metric] });
    conventions = empty.conventions;
    network = { network: empty.network.network, types: empty.network.types, description: empty.network.description };
    setting ??= empty.evidence?.setting;
  }

  const visible = applyFilter(dataset, metricsOptions.filter);
  const undated = datedOnly ? 0 : visible.relations.reduce((n, r) => n + r.claims.filter((c) => !claimSpan(c)).length, 0);
  const undatedRelations = datedOnly ? 0 : visible.relations.filter((r) => r.claims.length === 0).length;
  const result: TimelineResult = {
    metric,
    years,
    windows,
    span,
    series,
    conventions,
    unavailable,
    weighted: metricsOptions.weighted ?? false,
    network,
    undated,
    undatedRelations,
  };
  if (setting) {
    // In dataset order, as every left-out list is.
    const inOrder = (ids: Set<string>) => dataset.relations.map((r) => r.id).filter((id) => ids.has(id));
    result.evidence = { setting, leftOut: { contested: inOrder(leftOut.contested), belowGrade: inOrder(leftOut.belowGrade), belowConfidence: inOrder(leftOut.belowConfidence) } };
  }
  return result;
}
