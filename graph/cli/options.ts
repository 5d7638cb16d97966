/**
 * The option values the commands share, parsed one way each: comma lists,
 * relation types, metrics, grades, numbers, the evidence setting, required
 * options and actor ids.
 * Every message names its option (`--types: …`, `--k must be …`) and is a
 * UsageError (exit 2). A parser given no value returns undefined, so the
 * caller's `?? default` says what the default is.
 */
import { type TimeWindow } from '../analysis/time-window';
import { dateBounds, isPartialDate } from '../schema/dates';
import { parseEvidence, type EvidenceSetting, type EvidenceText } from '../analysis/evidence-setting';
import { METRIC_IDS, OPTIONAL_METRIC_IDS, WEIGHT_BY, type MetricId, type WeightBy } from '../analysis/metrics';
import { NAMED_NETWORKS, type Network } from '../analysis/network';
import { RELATION_TYPES, type Dataset, type Grade, type RelationType } from '../model/types';
import { isGrade } from '../schema/grade';
import { UsageError } from './common';

/** `a, b,,c` → ['a', 'b', 'c']: items trimmed, empty ones dropped. */
export function splitList(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

/** A comma list of known names (relation types, metrics); at least one. `alsoAccepted`: names taken too but not listed in the message. */
function knownList<T extends string>(option: string, value: string, known: readonly T[], what: string, alsoAccepted: readonly T[] = []): T[] {
  const items = splitList(value);
  if (!items.length) throw new UsageError(`--${option} needs at least one ${what}`);
  for (const item of items) {
    if (!(known as readonly string[]).includes(item) && !(alsoAccepted as readonly string[]).includes(item)) {
      throw new UsageError(`--${option}: unknown ${what} "${item}" (known: ${known.join(', ')})`);
    }
  }
  return items as T[];
}

/** Relation types, e.g. `--types threat,suspected-supporter`. */
export function relationTypesOption(option: string, value: string | undefined): RelationType[] | undefined {
  return value === undefined ? undefined : knownList(option, value, RELATION_TYPES, 'relation type');
}

/**
 * `--network cooperation|conflict|all|TYPE,TYPE`: a named network, or a comma
 * list of relation types (analysis/network.ts).
 */
export function networkOption(value: string | undefined): Network | undefined {
  if (value === undefined) return undefined;
  const name = value.trim();
  if ((NAMED_NETWORKS as readonly string[]).includes(name)) return name as Network;
  const items = splitList(value);
  if (!items.length) throw new UsageError(`--network needs ${NAMED_NETWORKS.join(', ')} or a comma list of relation types`);
  for (const item of items) {
    if (!(RELATION_TYPES as readonly string[]).includes(item)) {
      throw new UsageError(
        `--network: "${item}" is neither a network (${NAMED_NETWORKS.join(', ')}) nor a relation type (${RELATION_TYPES.join(', ')})`,
      );
    }
  }
  return items as RelationType[];
}

/**
 * Metric ids, e.g. `--metrics betweenness,pagerank`: the default set, and with
 * `optional` also the optional metrics (OPTIONAL_METRIC_IDS, e.g. `pn`), which
 * the message's "known" list leaves to the usage line.
 */
export function metricsOption(option: string, value: string | undefined, optional = false): MetricId[] | undefined {
  if (value === undefined) return undefined;
  return knownList(option, value, METRIC_IDS, 'metric', optional ? OPTIONAL_METRIC_IDS : []);
}

/** An Admiralty grade, case and surrounding spaces ignored: `c3` is C3. */
export function gradeOption(option: string, value: string | undefined): Grade | undefined {
  if (value === undefined) return undefined;
  const grade = value.trim().toUpperCase();
  if (!isGrade(grade)) throw new UsageError(`--${option}: "${value}" is not an Admiralty grade (A1 … F6, e.g. C3)`);
  return grade;
}

/**
 * The evidence setting and the time window (windowOption) for the commands
 * whose --from/--to name actors (paths, reach, brief): time by --window or
 * --at only. Their values go to loadDataset through withoutActorEnds.
 */
export const EVIDENCE_OPTIONS_ACTOR_ENDS = { evidence: 'string', 'min-confidence': 'string', window: 'string', at: 'string', 'dated-only': 'boolean' } as const;

/** The options every other analysis command takes for the evidence setting and the time window (`--from`/`--to` dates too), for its option spec (with `min-grade` where the command takes it). */
export const EVIDENCE_OPTIONS = { ...EVIDENCE_OPTIONS_ACTOR_ENDS, from: 'string', to: 'string' } as const;

/** A command's values with its actor ends (--from/--to) taken out, so that loadDataset does not read them as dates. */
export function withoutActorEnds<T extends { from?: string | undefined; to?: string | undefined }>(values: T): Omit<T, 'from' | 'to'> {
  const { from: _from, to: _to, ...rest } = values;
  return rest;
}

const EVIDENCE_OPTION_NAMES: Record<keyof EvidenceText, string> = { evidence: 'evidence', minConfidence: 'min-confidence', minGrade: 'min-grade' };

/**
 * `--evidence all|uncontested` (default uncontested), `--min-confidence X`
 * (0 to 1) and, where the command takes it, `--min-grade G` as one setting.
 * Compare's --min-grade means something else (a stability variant) and stays out.
 */
export function evidenceOption(values: { evidence?: string | undefined; 'min-confidence'?: string | undefined; 'min-grade'?: string | undefined }): EvidenceSetting {
  const parsed = parseEvidence({ evidence: values.evidence, minConfidence: values['min-confidence'], minGrade: values['min-grade'] });
  if (!parsed.ok) throw new UsageError(`--${EVIDENCE_OPTION_NAMES[parsed.field]}: ${parsed.problem}`);
  return parsed.setting;
}

/** A whole number written in digits (a minus sign allowed), from range.min to range.max where a range is given. */
export function wholeNumberOption(
  option: string,
  value: string | undefined,
  range?: { min: number; max: number },
): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN;
  if (Number.isNaN(n) || (range && !(n >= range.min && n <= range.max))) {
    const within = range ? ` from ${range.min} to ${range.max}` : '';
    throw new UsageError(`--${option} must be a whole number${within}, not "${value}"`);
  }
  return n;
}

/** A finite number above zero, e.g. `--resolution 0.5`. */
export function positiveNumberOption(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const x = value.trim() === '' ? NaN : Number(value);
  if (!(Number.isFinite(x) && x > 0)) throw new UsageError(`--${option} must be a positive number, not "${value}"`);
  return x;
}

/** An option the command cannot run without (checked before FILE is read). */
export function requireOption(option: string, value: string | undefined): string {
  if (value === undefined) throw new UsageError(`--${option} is required`);
  return value;
}

/** Actor ids from a comma-separated option, checked against the dataset. */
export function actorIdsOption(dataset: Dataset, option: string, value: string | undefined): string[] {
  if (value === undefined || value.trim() === '') throw new UsageError(`--${option} needs actor ids`);
  const ids = splitList(value);
  const known = new Set(dataset.actors.map((a) => a.id));
  for (const id of ids) if (!known.has(id)) throw new UsageError(`--${option}: "${id}" is not an actor id in this file`);
  return ids;
}

/** One actor id: the exact id if the file has it (ids may hold commas or spaces), else checked as actorIdsOption does. */
export function actorIdOption(dataset: Dataset, option: string, value: string | undefined): string {
  if (value !== undefined && dataset.actors.some((a) => a.id === value)) return value;
  const ids = actorIdsOption(dataset, option, value);
  if (ids.length !== 1) throw new UsageError(`--${option} takes one actor id, not ${ids.length}`);
  return ids[0]!;
}

/**
 * The time window every analysis command takes (in EVIDENCE_OPTIONS):
 * `--window FROM..TO` or `--from DATE` / `--to DATE` (partial dates, either
 * end open: `2015..`, `--from 2015`), `--at DATE` (that day, month or year),
 * `--dated-only` (undated claims left out). --window and --from/--to are two
 * spellings of one range, so giving both is a usage error, and --at excludes
 * either. Paths, reach and brief use --from/--to for actors (EVIDENCE_OPTIONS_ACTOR_ENDS).
 */
export function windowOption(values: {
  window?: string | undefined;
  at?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  'dated-only'?: boolean | undefined;
}): TimeWindow | undefined {
  const range = values.from !== undefined || values.to !== undefined;
  if (values.window !== undefined && values.at !== undefined) throw new UsageError('give --window FROM..TO or --at DATE, not both');
  if (range && values.window !== undefined) throw new UsageError('give --from/--to or --window FROM..TO, not both (they say the same range)');
  if (range && values.at !== undefined) throw new UsageError('give --from/--to or --at DATE, not both');
  const date = (option: string, value: string) => {
    if (!isPartialDate(value)) throw new UsageError(`--${option}: "${value}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
    return value;
  };
  const window: TimeWindow = {};
  if (values.at !== undefined) {
    window.from = date('at', values.at);
    window.to = window.from;
  } else if (values.window !== undefined) {
    const m = /^\s*([^.]*?)\s*\.\.\s*([^.]*?)\s*$/.exec(values.window);
    if (!m) throw new UsageError(`--window: "${values.window}" is not FROM..TO (e.g. 2008..2012, 2015.., ..2020)`);
    if (m[1]) window.from = date('window', m[1]);
    if (m[2]) window.to = date('window', m[2]);
    if (window.from && window.to && dateBounds(window.from)[0] > dateBounds(window.to)[1]) throw new UsageError(`--window: ${window.from} is after ${window.to}`);
  } else if (range) {
    if (values.from !== undefined) window.from = date('from', values.from.trim());
    if (values.to !== undefined) window.to = date('to', values.to.trim());
    if (window.from && window.to && dateBounds(window.from)[0] > dateBounds(window.to)[1]) throw new UsageError(`--from ${window.from} is after --to ${window.to}`);
  }
  if (values['dated-only']) window.datedOnly = true;
  return Object.keys(window).length ? window : undefined;
}

export { windowText } from '../analysis/time-window';

/**
 * `--weight-by evidence|value` with `--weighted`: what a relation weighs
 * (MetricsOptions.weightBy); absent, value when the relations carry values
 * (claims' weights, e.g. SIPRI TIV), else evidence.
 */
export function weightByOption(value: string | undefined, weighted: boolean | undefined): WeightBy | undefined {
  if (value === undefined) return undefined;
  if (!weighted) throw new UsageError('--weight-by goes with --weighted (it says what the weights are)');
  const by = value.trim();
  if (!(WEIGHT_BY as readonly string[]).includes(by)) throw new UsageError(`--weight-by: "${value}" is neither ${WEIGHT_BY.join(' nor ')}`);
  return by as WeightBy;
}
