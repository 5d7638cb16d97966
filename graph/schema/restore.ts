/**
 * restore(): the one gate every dataset passes, whatever its origin (our file,
 * the embedded default, a worker message). It validates, fills defaults and
 * migrates, and reports every problem with its path, never just the first.
 */
import { DATASET_FORMAT, DATASET_VERSION, type Dataset, type DatasetMeta } from '../model/types';
import { warnBidiControls } from './bidi';
import { warnNormalisationTwins } from './normalisation';
import { ProblemList, describeValue, type Problem } from './problems';
import { restoreActors } from './restore-actors';
import { restoreSource } from './restore-claims';
import { restoreRelations } from './restore-relations';
import { isObject, type Obj } from './restore-values';

export type RestoreResult =
  | { ok: true; dataset: Dataset; warnings: Problem[] }
  | { ok: false; problems: Problem[] };

/**
 * Migrations from version N to N+1, applied in order. Version 1 is the first
 * published format, so the table is empty; a version 2 adds its step here.
 */
const MIGRATIONS: Record<number, (input: Obj) => Obj> = {};

export function restore(input: unknown): RestoreResult {
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
    problems.warn('version', `missing; read as version ${DATASET_VERSION}`);
    version = DATASET_VERSION;
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
  const actors = restoreActors(data.actors, problems);
  const actorIds = new Set(actors.map((a) => a.id));
  const relations = restoreRelations(data.relations, actorIds, problems);

  if (problems.hasErrors) return { ok: false, problems: problems.items };
  warnBidiControls({ meta, actors, relations }, problems);
  warnNormalisationTwins(actors, problems);
  return {
    ok: true,
    dataset: { format: DATASET_FORMAT, version: DATASET_VERSION, meta, actors, relations },
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
  if (value.sources !== undefined) {
    if (!Array.isArray(value.sources)) {
      problems.error('meta.sources', `expected a list, found ${describeValue(value.sources)}`);
    } else {
      meta.sources = [];
      value.sources.forEach((s, i) => {
        const src = restoreSource(s, `meta.sources[${i}]`, problems);
        if (!src || !isObject(s)) return;
        const extra: { author?: string; interviewee?: string; notes?: string } = {};
        for (const key of ['author', 'interviewee', 'notes'] as const) {
          const v = s[key];
          if (typeof v === 'string') extra[key] = v;
          else if (v !== undefined) problems.error(`meta.sources[${i}].${key}`, `expected text, found ${describeValue(v)}`);
        }
        meta.sources!.push({ ...src, ...extra });
      });
    }
  }
  return meta;
}
