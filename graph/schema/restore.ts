/**
 * restore(): the one gate every dataset passes, whatever its origin (our file,
 * the embedded default, a worker message). It validates, fills defaults and
 * migrates, and reports every problem with its path, never just the first.
 */
import {
  ACTOR_KINDS,
  DATASET_FORMAT,
  DATASET_VERSION,
  RELATION_TYPES,
  type Actor,
  type Attributes,
  type Claim,
  type Dataset,
  type DatasetMeta,
  type Locator,
  type Period,
  type Relation,
  type RelationType,
  type SourceRef,
} from '../model/types';
import { isGrade } from './grade';
import { ProblemList, describeValue, type Problem } from './problems';

export type RestoreResult =
  | { ok: true; dataset: Dataset; warnings: Problem[] }
  | { ok: false; problems: Problem[] };

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const ISO_PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** YYYY, YYYY-MM or YYYY-MM-DD, and a day that exists in its month (no 2023-02-30). */
export function isPartialDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_PARTIAL_DATE.test(value)) return false;
  if (value.length < 10) return true;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The first and last day a partial date can mean: 2023 runs from 2023-01-01 to 2023-12-31. */
function dateBounds(value: string): [string, string] {
  if (value.length === 4) return [`${value}-01-01`, `${value}-12-31`];
  if (value.length === 7) {
    const [y, m] = value.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return [`${value}-01`, `${value}-${String(last).padStart(2, '0')}`];
  }
  return [value, value];
}

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
  if (typeof value.title === 'string' && value.title.trim() !== '') meta.title = value.title;
  else if (value.title !== undefined) problems.error('meta.title', `expected text, found ${describeValue(value.title)}`);
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

function restoreActors(value: unknown, problems: ProblemList): Actor[] {
  if (value === undefined) {
    problems.error('actors', 'missing: a dataset needs a list of actors (it may be empty)');
    return [];
  }
  if (!Array.isArray(value)) {
    problems.error('actors', `expected a list, found ${describeValue(value)}`);
    return [];
  }
  const seen = new Map<string, number>();
  const actors: Actor[] = [];
  value.forEach((raw, i) => {
    const path = `actors[${i}]`;
    if (!isObject(raw)) {
      problems.error(path, `expected an actor object, found ${describeValue(raw)}`);
      return;
    }
    const id = raw.id;
    if (typeof id !== 'string' || id === '') {
      problems.error(`${path}.id`, `${describeValue(id)} is not an id (expected non-empty text)`);
      return;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      problems.error(`${path}.id`, `${describeValue(id)} is used already by actors[${first}]`);
      return;
    }
    seen.set(id, i);
    const actor: Actor = { id, name: id, kind: 'organization', aliases: [] };
    if (typeof raw.name === 'string' && raw.name.trim() !== '') actor.name = raw.name;
    else if (raw.name === undefined) problems.warn(`${path}.name`, `missing; the id ${describeValue(id)} is shown instead`);
    else problems.error(`${path}.name`, `expected text, found ${describeValue(raw.name)}`);

    if (typeof raw.kind === 'string' && raw.kind !== '') {
      actor.kind = raw.kind;
      if (!(ACTOR_KINDS as readonly string[]).includes(raw.kind)) {
        problems.warn(`${path}.kind`, `${describeValue(raw.kind)} is not a known kind (${ACTOR_KINDS.join(', ')}); kept as written`);
      }
    } else if (raw.kind === undefined) {
      problems.warn(`${path}.kind`, 'missing; set to "organization"');
    } else {
      problems.error(`${path}.kind`, `expected text, found ${describeValue(raw.kind)}`);
    }

    if (raw.aliases !== undefined) {
      if (Array.isArray(raw.aliases) && raw.aliases.every((a) => typeof a === 'string')) actor.aliases = [...raw.aliases];
      else problems.error(`${path}.aliases`, 'expected a list of names');
    }
    if (raw.country !== undefined) {
      if (typeof raw.country === 'string' && /^[A-Z]{2}$/.test(raw.country)) actor.country = raw.country;
      else problems.error(`${path}.country`, `${describeValue(raw.country)} is not an ISO 3166-1 alpha-2 code`);
    }
    if (raw.notes !== undefined) {
      if (typeof raw.notes === 'string') actor.notes = raw.notes;
      else problems.error(`${path}.notes`, `expected text, found ${describeValue(raw.notes)}`);
    }
    const attributes = restoreAttributes(raw.attributes, `${path}.attributes`, problems);
    if (attributes) actor.attributes = attributes;
    actors.push(actor);
  });
  return actors;
}

function restoreRelations(value: unknown, actorIds: Set<string>, problems: ProblemList): Relation[] {
  if (value === undefined) {
    problems.error('relations', 'missing: a dataset needs a list of relations (it may be empty)');
    return [];
  }
  if (!Array.isArray(value)) {
    problems.error('relations', `expected a list, found ${describeValue(value)}`);
    return [];
  }
  const explicitIds = new Set(
    value.filter(isObject).map((r) => r.id).filter((id): id is string => typeof id === 'string'),
  );
  const seen = new Map<string, number>();
  let nextId = 1;
  const relations: Relation[] = [];
  value.forEach((raw, i) => {
    const path = `relations[${i}]`;
    if (!isObject(raw)) {
      problems.error(path, `expected a relation object, found ${describeValue(raw)}`);
      return;
    }
    let id: string;
    if (raw.id === undefined) {
      while (explicitIds.has(`r${nextId}`) || seen.has(`r${nextId}`)) nextId++;
      id = `r${nextId++}`;
    } else if (typeof raw.id === 'string' && raw.id !== '') {
      id = raw.id;
      const first = seen.get(id);
      if (first !== undefined) problems.error(`${path}.id`, `${describeValue(id)} is used already by relations[${first}]`);
    } else {
      problems.error(`${path}.id`, `${describeValue(raw.id)} is not an id (expected non-empty text)`);
      return;
    }
    seen.set(id, i);

    for (const end of ['source', 'target'] as const) {
      const v = raw[end];
      if (typeof v !== 'string' || v === '') problems.error(`${path}.${end}`, `${describeValue(v)} is not an actor id`);
      else if (!actorIds.has(v)) problems.error(`${path}.${end}`, `${describeValue(v)} is not the id of any actor`);
    }
    if (typeof raw.source === 'string' && raw.source === raw.target) {
      problems.warn(path, `relates ${describeValue(raw.source)} to itself; kept, but metrics ignore self-relations`);
    }
    const type = raw.type;
    if (!(RELATION_TYPES as readonly unknown[]).includes(type)) {
      problems.error(`${path}.type`, `${describeValue(type)} is not a relation type (${RELATION_TYPES.join(', ')})`);
    }
    const claims: Claim[] = [];
    if (raw.claims === undefined) {
      problems.warn(`${path}.claims`, 'missing: this relation has no evidence');
    } else if (!Array.isArray(raw.claims)) {
      problems.error(`${path}.claims`, `expected a list, found ${describeValue(raw.claims)}`);
    } else {
      if (raw.claims.length === 0) problems.warn(`${path}.claims`, 'empty: this relation has no evidence');
      raw.claims.forEach((c, j) => {
        const claim = restoreClaim(c, `${path}.claims[${j}]`, problems);
        if (claim) claims.push(claim);
      });
    }
    const relation: Relation = {
      id,
      source: String(raw.source),
      target: String(raw.target),
      type: type as RelationType,
      claims,
    };
    if (raw.notes !== undefined) {
      if (typeof raw.notes === 'string') relation.notes = raw.notes;
      else problems.error(`${path}.notes`, `expected text, found ${describeValue(raw.notes)}`);
    }
    const attributes = restoreAttributes(raw.attributes, `${path}.attributes`, problems);
    if (attributes) relation.attributes = attributes;
    relations.push(relation);
  });
  return relations;
}

function restoreClaim(raw: unknown, path: string, problems: ProblemList): Claim | null {
  if (!isObject(raw)) {
    problems.error(path, `expected a claim object, found ${describeValue(raw)}`);
    return null;
  }
  if (typeof raw.quote !== 'string' || raw.quote.trim() === '') {
    problems.error(`${path}.quote`, `${describeValue(raw.quote)} is not a quote (expected non-empty text)`);
  }
  const source = restoreSource(raw.source, `${path}.source`, problems);
  const locator = restoreLocator(raw.locator, `${path}.locator`, problems);

  let assertedBy = '';
  if (typeof raw.assertedBy === 'string') assertedBy = raw.assertedBy;
  else if (raw.assertedBy === undefined) problems.warn(`${path}.assertedBy`, 'missing: nobody is named as asserting this');
  else problems.error(`${path}.assertedBy`, `expected text, found ${describeValue(raw.assertedBy)}`);

  let stance: Claim['stance'] = 'supports';
  if (raw.stance === 'supports' || raw.stance === 'disputes') stance = raw.stance;
  else if (raw.stance !== undefined) problems.error(`${path}.stance`, `${describeValue(raw.stance)} is not a stance (supports, disputes)`);

  let grade: Claim['grade'] = 'F6';
  if (isGrade(raw.grade)) grade = raw.grade;
  else if (raw.grade === undefined) problems.warn(`${path}.grade`, 'missing; graded F6 (cannot be judged)');
  else problems.error(`${path}.grade`, `${describeValue(raw.grade)} is not a grade (A–F then 1–6, e.g. "B2")`);

  const claim: Claim = {
    quote: typeof raw.quote === 'string' ? raw.quote : '',
    source: source ?? { title: '' },
    locator,
    assertedBy,
    stance,
    grade,
  };
  if (raw.date !== undefined) {
    if (isPartialDate(raw.date)) claim.date = raw.date;
    else problems.error(`${path}.date`, `${describeValue(raw.date)} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  }
  if (raw.period !== undefined) {
    const period = restorePeriod(raw.period, `${path}.period`, problems);
    if (period) claim.period = period;
  }
  if (raw.notes !== undefined) {
    if (typeof raw.notes === 'string') claim.notes = raw.notes;
    else problems.error(`${path}.notes`, `expected text, found ${describeValue(raw.notes)}`);
  }
  return claim;
}

function restoreSource(raw: unknown, path: string, problems: ProblemList): SourceRef | null {
  if (typeof raw === 'string' && raw.trim() !== '') return { title: raw };
  if (!isObject(raw)) {
    problems.error(path, `expected a source (an object with a title), found ${describeValue(raw)}`);
    return null;
  }
  if (typeof raw.title !== 'string' || raw.title.trim() === '') {
    problems.error(`${path}.title`, `${describeValue(raw.title)} is not a title (expected non-empty text)`);
    return null;
  }
  const source: SourceRef = { title: raw.title };
  if (raw.publisher !== undefined) {
    if (typeof raw.publisher === 'string') source.publisher = raw.publisher;
    else problems.error(`${path}.publisher`, `expected text, found ${describeValue(raw.publisher)}`);
  }
  if (raw.date !== undefined) {
    if (isPartialDate(raw.date)) source.date = raw.date;
    else problems.error(`${path}.date`, `${describeValue(raw.date)} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  }
  if (raw.url !== undefined) {
    // Only web links: a `javascript:` URL from a file must never become a live link.
    if (typeof raw.url === 'string' && /^https?:\/\/\S+$/i.test(raw.url)) source.url = raw.url;
    else problems.error(`${path}.url`, `${describeValue(raw.url)} is not an http(s) address`);
  }
  return source;
}

function restoreLocator(raw: unknown, path: string, problems: ProblemList): Locator {
  if (raw === undefined) {
    problems.warn(path, 'missing: nothing says where in the source the quote stands');
    return {};
  }
  if (!isObject(raw)) {
    problems.error(path, `expected an object with paragraph and/or chars, found ${describeValue(raw)}`);
    return {};
  }
  const locator: Locator = {};
  if (raw.paragraph !== undefined) {
    if (typeof raw.paragraph === 'number' && Number.isInteger(raw.paragraph) && raw.paragraph >= 1) locator.paragraph = raw.paragraph;
    else problems.error(`${path}.paragraph`, `${describeValue(raw.paragraph)} is not a paragraph number (1, 2, …)`);
  }
  if (raw.chars !== undefined) {
    const c = raw.chars;
    if (
      Array.isArray(c) && c.length === 2 &&
      c.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0) &&
      (c[0] as number) <= (c[1] as number)
    ) {
      locator.chars = [c[0] as number, c[1] as number];
    } else {
      problems.error(`${path}.chars`, 'expected [start, end] with 0 ≤ start ≤ end');
    }
  }
  if (locator.paragraph === undefined && locator.chars === undefined && raw.paragraph === undefined && raw.chars === undefined) {
    problems.warn(path, 'empty: give a paragraph number or a character range');
  }
  return locator;
}

function restorePeriod(raw: unknown, path: string, problems: ProblemList): Period | null {
  if (!isObject(raw)) {
    problems.error(path, `expected {from, to}, found ${describeValue(raw)}`);
    return null;
  }
  const period: Period = {};
  for (const key of ['from', 'to'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (isPartialDate(v)) period[key] = v;
    else problems.error(`${path}.${key}`, `${describeValue(v)} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  }
  // Compared at their widest: from 2023-05 to 2023 is fine (2023 runs to December).
  if (period.from && period.to && dateBounds(period.from)[0] > dateBounds(period.to)[1]) {
    problems.error(path, `starts (${period.from}) after it ends (${period.to})`);
  }
  return period;
}

function restoreAttributes(raw: unknown, path: string, problems: ProblemList): Attributes | undefined {
  if (raw === undefined) return undefined;
  if (!isObject(raw)) {
    problems.error(path, `expected an object, found ${describeValue(raw)}`);
    return undefined;
  }
  // A null-prototype object, so that keys such as __proto__ stay plain data.
  const out: Attributes = Object.create(null) as Attributes;
  for (const [key, v] of Object.entries(raw)) {
    if (v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) out[key] = v;
    else problems.error(`${path}.${key}`, `${describeValue(v)} is not a plain value (text, number, true/false or null)`);
  }
  return out;
}
