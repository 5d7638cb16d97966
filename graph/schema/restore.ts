/**
 * restore(): the one gate every dataset passes, whatever its origin (our file,
 * the embedded default, a worker message). It validates, fills defaults and
 * migrates, and reports every problem with its path, never just the first.
 */
import { DATASET_FORMAT, DATASET_VERSION, type Dataset, type DatasetMeta, type HistoryEntry } from '../model/types';
import { warnBidiControls } from './bidi';
import { warnNormalisationTwins } from './normalisation';
import { ProblemList, describeValue, type Problem } from './problems';
import { restoreActors } from './restore-actors';
import { checkQuotes } from './check-quotes';
import { restoreRelations } from './restore-relations';
import { restoreSources } from './restore-sources';
import { withSourceIds } from './version1-sources';
import { isObject, type Obj } from './restore-values';

export type RestoreResult =
  | { ok: true; dataset: Dataset; warnings: Problem[] }
  | { ok: false; problems: Problem[] };

/** Migrations from version N to N+1, applied in order. */
const MIGRATIONS: Record<number, (input: Obj) => Obj> = {
  // 1 → 2: the documents move from meta.sources to the top-level `sources`, each with an id (an
  // interviewee becomes the source's speaker); claims still citing them inline are matched to them by
  // citation in restoreClaim, as any inline citation is, so nothing is lost.
  1: (v1) => {
    const meta = isObject(v1.meta) ? { ...v1.meta } : v1.meta;
    const listed = isObject(meta) && Array.isArray(meta.sources) ? meta.sources : [];
    if (isObject(meta)) delete meta.sources;
    const sources = withSourceIds(listed);
    return { ...v1, meta, sources: Array.isArray(v1.sources) ? [...v1.sources, ...sources] : sources };
  },
};

/** What a caller that drops some of restore()'s notes anyway can spare it from making. */
export interface RestoreOptions {
  /**
   * false: no "this relation has no evidence" warning (`relations[N].claims`,
   * missing or empty) is made. Other tools' files cannot carry claims, and
   * their readers dropped all of them (finish.ts): 50,000 problem objects and
   * paths at 10k/50k, made to be thrown away. Default true.
   */
  evidenceNotes?: boolean;
}

export function restore(input: unknown, options: RestoreOptions = {}): RestoreResult {
  const problems = new ProblemList();
  if (!isObject(input)) {
    problems.error('', `expected a dataset object, found ${describeValue(input)}`);
    return { ok: false, problems: problems.items };
  }
  if (input.format !== DATASET_FORMAT) {
    problems.error(
      'format',
      `${describeValue(input.format)} is not "${DATASET_FORMAT}": this is not an Actorscope dataset`,
    );
    return { ok: false, problems: problems.items };
  }
  let data = input;
  let version = input.version;
  if (version === undefined) {
    // The first format had no sources list; read so, a file of either shape comes through (the migration keeps a top-level list).
    problems.warn('version', 'missing; read as version 1');
    version = 1;
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    problems.error('version', `${describeValue(version)} is not a format version`);
    return { ok: false, problems: problems.items };
  }
  if (version > DATASET_VERSION) {
    problems.error(
      'version',
      `${version} is newer than this program reads (${DATASET_VERSION}); update Actorscope`,
    );
    return { ok: false, problems: problems.items };
  }
  for (let v = version; v < DATASET_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (step) data = step(data);
  }

  const meta = restoreMeta(data.meta, problems);
  const sources = restoreSources(data.sources, problems);
  const actors = restoreActors(data.actors, problems);
  const actorIds = new Set(actors.map((a) => a.id));
  const relations = restoreRelations(data.relations, actorIds, problems, sources, options.evidenceNotes ?? true);
  checkQuotes(relations, sources, problems);

  if (problems.hasErrors) return { ok: false, problems: problems.items };
  warnBidiControls({ meta, sources: sources.list, actors, relations }, problems);
  warnNormalisationTwins(actors, problems);
  return {
    ok: true,
    dataset: { format: DATASET_FORMAT, version: DATASET_VERSION, meta, sources: sources.list, actors, relations },
    warnings: problems.warnings,
  };
}

function restoreMeta(value: unknown, problems: ProblemList): DatasetMeta {
  if (value === undefined) return { title: 'Untitled' };
  if (!isObject(value)) {
    problems.error('meta', `expected an object, found ${describeValue(value)}`);
    return { title: 'Untitled' };
  }
  const meta: DatasetMeta = { title: 'Untitled' };
  if (typeof value.title === 'string') {
    if (value.title.trim() !== '') meta.title = value.title;
    else problems.error('meta.title', 'is blank');
  } else if (value.title !== undefined) problems.error('meta.title', `expected text, found ${describeValue(value.title)}`);
  for (const key of ['description', 'method', 'license', 'created'] as const) {
    const v = value[key];
    if (v === undefined) continue;
    if (typeof v === 'string') meta[key] = v;
    else problems.error(`meta.${key}`, `expected text, found ${describeValue(v)}`);
  }
  if (value.history !== undefined) {
    const history = restoreHistory(value.history, problems);
    if (history) meta.history = history;
  }
  return meta;
}

/** `meta.history`: a list of `{date, note}`, both text and not blank. */
function restoreHistory(value: unknown, problems: ProblemList): HistoryEntry[] | undefined {
  if (!Array.isArray(value)) {
    problems.error('meta.history', `expected a list of {date, note}, found ${describeValue(value)}`);
    return undefined;
  }
  const out: HistoryEntry[] = [];
  value.forEach((entry: unknown, i) => {
    const path = `meta.history[${i}]`;
    if (!isObject(entry)) return problems.error(path, `expected {date, note}, found ${describeValue(entry)}`);
    let ok = true;
    for (const key of ['date', 'note'] as const) {
      const v = entry[key];
      if (typeof v !== 'string') {
        problems.error(`${path}.${key}`, v === undefined ? 'is missing' : `expected text, found ${describeValue(v)}`);
        ok = false;
      } else if (v.trim() === '') {
        problems.error(`${path}.${key}`, 'is blank');
        ok = false;
      }
    }
    if (ok) out.push({ date: entry.date as string, note: entry.note as string });
  });
  return out;
}
