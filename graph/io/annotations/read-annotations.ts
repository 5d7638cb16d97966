/**
 * W3C Web Annotations read back into a dataset: each annotation becomes a
 * claim of the current dataset, through restore() (so its quote is checked
 * against its source's text, and re-anchored or refused as any claim is).
 *
 * What a file may be: a JSON array of annotations (what writeAnnotations and
 * Recogito write), one annotation, an AnnotationPage (`items`) or an
 * AnnotationCollection with its first page embedded (`first.items`).
 *
 * Each annotation needs:
 * - a target with a `source` and a TextQuoteSelector (the quote; its prefix
 *   and suffix become the claim's context); a TextPositionSelector (code
 *   points) gives the offsets when the source's text is known, else the
 *   structured body's UTF-16 offsets do;
 * - the structured body (`type: "actorscope:Claim"`, as writeAnnotations
 *   writes it): an annotation without one does not say which relation it is
 *   evidence of, and is refused rather than guessed from its tags.
 *
 * Matching, in this order:
 * - the source: `urn:actorscope:source:ID`; else the sources with that URL
 *   (several: the body's source id picks one); else the body's source title;
 *   else the body's source id. A source found nowhere is an error: add the
 *   document first (its text is what the quote is checked against).
 * - the actors: the body's actor ids, else their names. An actor found
 *   nowhere is an error, not a new actor: an annotation does not say its
 *   kind or aliases, and a misspelt name would make a second one.
 * - the relation: the body's relation id when that relation joins the same
 *   actors with the same type; else the first relation that does (either
 *   way round for the mutual `partner`); else one new relation, which every
 *   later annotation on that pair and type joins. Never a parallel duplicate.
 * - a claim the relation already had (the same source, quote, stance, who
 *   asserts it and offsets) is matched, not added again: importing a file
 *   twice adds nothing the second time.
 *
 * Every problem is located by the annotation's JSON path (`[3].target.selector[0].exact`);
 * what restore() finds in a new claim is moved to the annotation it came from.
 */
import { RELATION_TYPES, isMutual, type Claim, type Dataset, type Relation, type RelationType, type Source } from '../../model/types';
import { ProblemList, describeValue, type Problem } from '../../schema/problems';
import { restore } from '../../schema/restore';
import { isObject, type Obj } from '../../schema/restore-values';
import { parseJsonText } from '../json/json-text';
import { codePointIndex, type CodePointIndex } from './code-points';
import { ACTORSCOPE_VOCAB, CLAIM_BODY_TYPE, sourceIdOfIri } from './vocabulary';

export type AnnotationImport =
  | { ok: true; dataset: Dataset; added: number; matched: number; warnings: Problem[] }
  | { ok: false; problems: Problem[] };

/** `path` + key: `[2].target`, `body[0]["actorscope:from"]`. */
function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return path === '' ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

/** The annotations of the file, each with its path. */
function annotationList(root: unknown, problems: ProblemList): Array<{ value: unknown; path: string }> | null {
  const list = (items: unknown[], path: string) => items.map((value, i) => ({ value, path: at(path, i) }));
  if (Array.isArray(root)) return list(root, '');
  if (isObject(root)) {
    if (hasType(root, 'Annotation')) return [{ value: root, path: '' }];
    if (Array.isArray(root.items)) return list(root.items, 'items');
    if (isObject(root.first) && Array.isArray(root.first.items)) return list(root.first.items, 'first.items');
  }
  problems.error('', `expected a list of annotations, an Annotation, an AnnotationPage (items) or an AnnotationCollection with its first page (first.items), found ${describeValue(root)}`);
  return null;
}

function hasType(o: Obj, type: string): boolean {
  return o.type === type || (Array.isArray(o.type) && o.type.includes(type)) || o['@type'] === type || (Array.isArray(o['@type']) && o['@type'].includes(type));
}

/** An object or a list of them, each with its path. */
function oneOrMany(value: unknown, path: string): Array<{ value: Obj; path: string }> {
  if (Array.isArray(value)) return value.flatMap((v, i) => (isObject(v) ? [{ value: v, path: at(path, i) }] : []));
  return isObject(value) ? [{ value, path }] : [];
}

/** A term of ours, written compact (`actorscope:from`) or as its full IRI. */
function term(body: Obj, name: string): { value: unknown; key: string } {
  const compact = `actorscope:${name}`;
  if (Object.prototype.hasOwnProperty.call(body, compact)) return { value: body[compact], key: compact };
  return { value: body[`${ACTORSCOPE_VOCAB}${name}`], key: compact };
}

interface Parsed {
  path: string;
  source: Source;
  relation: { from: string; to: string; type: RelationType; id?: string };
  claim: Record<string, unknown>;
  /** Where restore()'s problems with this claim are put. */
  quotePath: string;
  charsPath: string;
  /** Whether the offsets came from a TextPositionSelector (code points), not the body (UTF-16). */
  charsFromPosition: boolean;
  bodyPath: string;
}

export function readAnnotations(text: string, dataset: Dataset): AnnotationImport {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
  const problems = new ProblemList();
  const list = annotationList(parsed.value, problems);
  if (!list) return { ok: false, problems: problems.items };
  const indexes = new Map<Source, CodePointIndex>();
  const indexOf = (source: Source, text: string) => {
    let index = indexes.get(source);
    if (!index) indexes.set(source, (index = codePointIndex(text)));
    return index;
  };
  const read = list.map(({ value, path }) => readOne(value, path, dataset, problems, indexOf)).filter((p): p is Parsed => p !== null);
  if (problems.hasErrors) return { ok: false, problems: problems.items };
  return place(read, dataset, problems);
}

type IndexOf = (source: Source, text: string) => CodePointIndex;

function readOne(value: unknown, path: string, dataset: Dataset, problems: ProblemList, indexOf: IndexOf): Parsed | null {
  if (!isObject(value)) {
    problems.error(path, `expected an annotation object, found ${describeValue(value)}`);
    return null;
  }
  if (!hasType(value, 'Annotation')) {
    problems.error(at(path, 'type'), `${describeValue(value.type)} is not "Annotation"`);
    return null;
  }
  const bodies = oneOrMany(value.body, at(path, 'body'));
  const body = bodies.find((b) => hasType(b.value, CLAIM_BODY_TYPE) || hasType(b.value, `${ACTORSCOPE_VOCAB}Claim`));
  if (!body) {
    problems.error(at(path, 'body'), `no body of type "${CLAIM_BODY_TYPE}": the annotation does not say which relation its quote is evidence of (Actorscope reads the annotations it writes, and others that carry that body)`);
    return null;
  }
  const targets = oneOrMany(value.target, at(path, 'target'));
  const target = targets.find((t) => t.value.source !== undefined && t.value.selector !== undefined);
  if (!target) {
    problems.error(at(path, 'target'), 'expected a target with a source and a selector (a TextQuoteSelector holding the quote)');
    return null;
  }
  const selectors = oneOrMany(target.value.selector, at(target.path, 'selector'));
  const quoteSelector = selectors.find((s) => hasType(s.value, 'TextQuoteSelector'));
  if (!quoteSelector) {
    problems.error(at(target.path, 'selector'), 'no TextQuoteSelector: the quote is what a claim is');
    return null;
  }
  const exact = quoteSelector.value.exact;
  if (typeof exact !== 'string' || exact.trim() === '') {
    problems.error(at(quoteSelector.path, 'exact'), `expected the quoted text, found ${describeValue(exact)}`);
    return null;
  }
  const source = matchSource(target.value.source, at(target.path, 'source'), body.value, dataset, problems);
  const from = matchActor(body.value, body.path, 'from', dataset, problems);
  const to = matchActor(body.value, body.path, 'to', dataset, problems);
  const typeTerm = term(body.value, 'relationType');
  const type = typeTerm.value;
  if (!(RELATION_TYPES as readonly unknown[]).includes(type)) {
    problems.error(at(body.path, typeTerm.key), `${describeValue(type)} is not a relation type (${RELATION_TYPES.join(', ')})`);
  }
  if (!source || from === undefined || to === undefined || !(RELATION_TYPES as readonly unknown[]).includes(type)) return null;

  const claim: Record<string, unknown> = { quote: exact, sourceId: source.id };
  const context: Record<string, unknown> = {};
  if (quoteSelector.value.prefix !== undefined) context.prefix = quoteSelector.value.prefix;
  if (quoteSelector.value.suffix !== undefined) context.suffix = quoteSelector.value.suffix;
  if (Object.keys(context).length) claim.context = context;
  const locator: Record<string, unknown> = {};
  const position = selectors.find((s) => hasType(s.value, 'TextPositionSelector'));
  const chars = offsets(position, source, body, problems, indexOf);
  if (chars) locator.chars = chars;
  for (const key of ['paragraph', 'page', 'row'] as const) {
    const v = term(body.value, key).value;
    if (v !== undefined) locator[key] = v;
  }
  claim.locator = locator;
  for (const key of ['assertedBy', 'stance', 'grade', 'date', 'weight', 'notes'] as const) {
    const v = term(body.value, key).value;
    if (v !== undefined) claim[key] = v;
  }
  const periodFrom = term(body.value, 'periodFrom').value;
  const periodTo = term(body.value, 'periodTo').value;
  if (periodFrom !== undefined || periodTo !== undefined) {
    claim.period = { ...(periodFrom !== undefined ? { from: periodFrom } : {}), ...(periodTo !== undefined ? { to: periodTo } : {}) };
  }
  const relationId = term(body.value, 'relation').value;
  return {
    path,
    source,
    relation: { from, to, type: type as RelationType, ...(typeof relationId === 'string' ? { id: relationId } : {}) },
    claim,
    quotePath: at(quoteSelector.path, 'exact'),
    charsPath: position?.path ?? body.path,
    charsFromPosition: position !== undefined && source.text !== undefined,
    bodyPath: body.path,
  };
}

/** [start, end) in UTF-16: the position selector's code points through the source's text, else the body's own offsets. */
function offsets(position: { value: Obj; path: string } | undefined, source: Source, body: { value: Obj; path: string }, problems: ProblemList, indexOf: IndexOf): [number, number] | undefined {
  const isOffset = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (position && source.text !== undefined) {
    const { start, end } = position.value;
    if (!isOffset(start) || !isOffset(end) || end < start) {
      problems.warn(position.path, `start ${describeValue(start)}, end ${describeValue(end)} are not a range of character numbers; the quote is looked for by its text`);
      return undefined;
    }
    const points = indexOf(source, source.text);
    const s = points.toUtf16(start);
    const e = points.toUtf16(end);
    if (s === undefined || e === undefined) {
      problems.warn(position.path, `[${start}, ${end}] is past the end of source "${source.id}"'s text (${[...source.text].length} characters); the quote is looked for by its text`);
      return undefined;
    }
    return [s, e];
  }
  const start = term(body.value, 'utf16Start').value;
  const end = term(body.value, 'utf16End').value;
  if (isOffset(start) && isOffset(end) && end >= start) return [start, end];
  if (start !== undefined || end !== undefined) problems.warn(body.path, `utf16Start ${describeValue(start)}, utf16End ${describeValue(end)} are not a range of offsets; left out`);
  if (position && isOffset(position.value.start) && isOffset(position.value.end)) {
    problems.warn(position.path, `source "${source.id}" has no text to count its characters by: the offsets are taken as given, unchecked`);
    return [position.value.start, position.value.end];
  }
  return undefined;
}

function matchSource(raw: unknown, path: string, body: Obj, dataset: Dataset, problems: ProblemList): Source | undefined {
  const iri = typeof raw === 'string' ? raw : isObject(raw) && typeof raw.id === 'string' ? raw.id : undefined;
  if (iri === undefined) {
    problems.error(path, `expected the source's IRI, found ${describeValue(raw)}`);
    return undefined;
  }
  const bodyId = term(body, 'source').value;
  const byId = (id: unknown) => dataset.sources.find((s) => s.id === id);
  const urnId = sourceIdOfIri(iri);
  if (urnId !== undefined) {
    const found = byId(urnId);
    if (found) return found;
  }
  const byUrl = dataset.sources.filter((s) => s.url === iri);
  if (byUrl.length === 1) return byUrl[0];
  if (byUrl.length > 1) {
    const picked = byUrl.find((s) => s.id === bodyId);
    if (picked) return picked;
    problems.error(path, `${byUrl.length} sources have the URL ${iri} (${byUrl.map((s) => `"${s.id}"`).join(', ')}) and the annotation does not say which (actorscope:source)`);
    return undefined;
  }
  const title = term(body, 'sourceTitle').value;
  if (typeof title === 'string') {
    const fold = (t: string) => t.trim().replace(/\s+/g, ' ').toLowerCase();
    const byTitle = dataset.sources.filter((s) => fold(s.title) === fold(title));
    if (byTitle.length === 1) return byTitle[0];
  }
  const found = byId(bodyId);
  if (found) return found;
  problems.error(path, `${describeValue(iri)} is none of this dataset's sources (by urn:actorscope:source:ID, URL${typeof title === 'string' ? `, title ${describeValue(title)}` : ''} or id); add the document first`);
  return undefined;
}

function matchActor(body: Obj, bodyPath: string, side: 'from' | 'to', dataset: Dataset, problems: ProblemList): string | undefined {
  const id = term(body, side);
  if (typeof id.value === 'string' && dataset.actors.some((a) => a.id === id.value)) return id.value;
  const name = term(body, `${side}Name`);
  if (typeof name.value === 'string') {
    const named = dataset.actors.filter((a) => a.name === name.value);
    if (named.length === 1) return named[0]!.id;
    if (named.length > 1) {
      problems.error(at(bodyPath, name.key), `${named.length} actors are named ${describeValue(name.value)} (${named.map((a) => `"${a.id}"`).join(', ')}) and the id ${describeValue(id.value)} is none of them`);
      return undefined;
    }
  }
  const said = [typeof id.value === 'string' ? `id ${describeValue(id.value)}` : undefined, typeof name.value === 'string' ? `name ${describeValue(name.value)}` : undefined].filter(Boolean).join(' or ');
  problems.error(at(bodyPath, id.key), `no actor in this dataset has the ${said || 'id (missing)'}; add the actor first (an annotation does not say an actor's kind)`);
  return undefined;
}

/** Claims into their relations, then restore(); restore's problems with a new claim moved to its annotation. */
function place(read: readonly Parsed[], dataset: Dataset, problems: ProblemList): AnnotationImport {
  const relations: Relation[] = dataset.relations.map((r) => ({ ...r, claims: [...r.claims] }));
  const before = new Map(relations.map((r, i) => [r, dataset.relations[i]!.claims]));
  const usedIds = new Set(relations.map((r) => r.id));
  // Indexes by id and by actors and type (the first relation of each): a file of 10,000 claims does not scan every relation for each.
  const pairKey = (type: RelationType, from: string, to: string) => JSON.stringify(isMutual(type) && to < from ? [type, to, from] : [type, from, to]);
  const byId = new Map(relations.map((r, i) => [r.id, i]));
  const byPair = new Map<string, number>();
  relations.forEach((r, i) => {
    const key = pairKey(r.type, r.source, r.target);
    if (!byPair.has(key)) byPair.set(key, i);
  });
  /** Where each new claim and relation came from: `relations[i].claims[j]` → the annotation. */
  const origin = new Map<string, Parsed>();
  let added = 0;
  let matched = 0;
  for (const p of read) {
    const key = pairKey(p.relation.type, p.relation.from, p.relation.to);
    const named = p.relation.id !== undefined ? byId.get(p.relation.id) : undefined;
    let index = named !== undefined && pairKey(relations[named]!.type, relations[named]!.source, relations[named]!.target) === key ? named : byPair.get(key);
    if (index === undefined) {
      let n = relations.length + 1;
      while (usedIds.has(`r${n}`)) n++;
      usedIds.add(`r${n}`);
      index = relations.push({ id: `r${n}`, source: p.relation.from, target: p.relation.to, type: p.relation.type, claims: [] }) - 1;
      byPair.set(key, index);
      origin.set(`relations[${index}]`, p);
    }
    const relation = relations[index]!;
    const old = before.get(relation) ?? [];
    const same = old.findIndex((c) => sameClaim(c, p.claim));
    if (same >= 0) {
      matched++;
      const differ = differences(old[same]!, p.claim);
      if (differ.length) {
        problems.warn(p.bodyPath, `the claim relations[${index}].claims[${same}] says the same (source, quote, stance, who asserts it, offsets) with another ${differ.join(', ')}; the dataset's is kept`);
      }
      continue;
    }
    origin.set(`relations[${index}].claims[${relation.claims.length}]`, p);
    relation.claims.push(p.claim as unknown as Claim);
    added++;
  }
  const restored = restore({ ...dataset, relations });
  const relocated = (restored.ok ? restored.warnings : restored.problems).flatMap((problem) => relocate(problem, origin));
  const all = [...problems.items, ...relocated];
  if (!restored.ok) return { ok: false, problems: all };
  return { ok: true, dataset: restored.dataset, added, matched, warnings: all.filter((p) => p.severity === 'warning') };
}

/** The same evidence: source, quote, stance, who asserts it, and offsets when both have them. */
function sameClaim(c: Claim, raw: Record<string, unknown>): boolean {
  const chars = (raw.locator as { chars?: [number, number] }).chars;
  return (
    c.sourceId === raw.sourceId && c.quote === raw.quote && c.stance === raw.stance && c.assertedBy === raw.assertedBy &&
    (!c.locator.chars || !chars || (c.locator.chars[0] === chars[0] && c.locator.chars[1] === chars[1]))
  );
}

/** The fields a matched claim keeps from the dataset while the annotation says otherwise. */
function differences(c: Claim, raw: Record<string, unknown>): string[] {
  const fields = ['grade', 'date', 'period', 'weight', 'notes'] as const;
  return fields.filter((f) => JSON.stringify(c[f]) !== JSON.stringify(raw[f]));
}

/** A problem of a new claim or relation, at its annotation; the dataset's own warnings (it had them before) left out. */
function relocate(problem: Problem, origin: ReadonlyMap<string, Parsed>): Problem[] {
  const m = /^(relations\[\d+\](?:\.claims\[\d+\])?)(.*)$/.exec(problem.path);
  const p = m ? origin.get(m[1]!) : undefined;
  if (!m || !p) return problem.severity === 'error' ? [problem] : [];
  const rest = m[2]!;
  const chars = rest.startsWith('.locator.chars');
  const path = rest === '.quote' ? p.quotePath : chars ? p.charsPath : p.bodyPath;
  const units = chars && p.charsFromPosition ? '; offsets in UTF-16 units, where the selector counts code points' : '';
  return [{ ...problem, path, message: `${problem.message} (as ${problem.path}${units})` }];
}
