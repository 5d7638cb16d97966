/**
 * restore()'s sources: the documents the claims quote (format version 2), and
 * the table claims resolve their source in — by `sourceId`, or, for a claim
 * that cites its document inline (a version 1 file, another tool's file), by
 * the citation, which joins the source it matches or adds one.
 */
import { SOURCE_KINDS, type Source, type SourceRef } from '../model/types';
import { citationKey, sourceIdFromTitle } from '../sources/citation';
import { isPartialDate } from './dates';
import { describeValue, type ProblemList } from './problems';
import { isObject } from './restore-values';

export class SourceTable {
  readonly list: Source[] = [];
  private readonly byId = new Map<string, Source>();
  private readonly byCitation = new Map<string, Source>();

  add(source: Source): void {
    this.list.push(source);
    this.byId.set(source.id, source);
    const key = citationKey(source);
    if (!this.byCitation.has(key)) this.byCitation.set(key, source);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): Source | undefined {
    return this.byId.get(id);
  }

  /** The source an inline citation names: the one it matches, or a new one (with the id `id` when it is free). */
  intern(ref: SourceRef, id?: string): Source {
    const found = (id !== undefined ? this.byId.get(id) : undefined) ?? this.byCitation.get(citationKey(ref));
    if (found) return found;
    const source: Source = { id: id ?? sourceIdFromTitle(ref.title, new Set(this.byId.keys())), ...ref };
    this.add(source);
    return source;
  }
}

/** A citation's fields (title, publisher, date, url), checked; null when it has no title. */
export function restoreCitation(raw: unknown, path: string, problems: ProblemList): SourceRef | null {
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

const TEXT_FIELDS = ['author', 'speaker', 'notes', 'text'] as const;

export function restoreSources(value: unknown, problems: ProblemList): SourceTable {
  const table = new SourceTable();
  if (value === undefined) return table;
  if (!Array.isArray(value)) {
    problems.error('sources', `expected a list, found ${describeValue(value)}`);
    return table;
  }
  value.forEach((raw, i) => {
    const path = `sources[${i}]`;
    const citation = restoreCitation(raw, path, problems);
    if (!citation || !isObject(raw)) return;
    if (typeof raw.id !== 'string' || raw.id.trim() === '') {
      problems.error(`${path}.id`, `${describeValue(raw.id)} is not a source id (expected non-empty text)`);
      return;
    }
    if (table.has(raw.id)) {
      problems.error(`${path}.id`, `"${raw.id}" is already the id of a source`);
      return;
    }
    const source: Source = { id: raw.id, ...citation };
    for (const key of TEXT_FIELDS) {
      const v = raw[key];
      if (typeof v === 'string') source[key] = v;
      else if (v !== undefined) problems.error(`${path}.${key}`, `expected text, found ${describeValue(v)}`);
    }
    if (raw.kind !== undefined) {
      if (typeof raw.kind === 'string' && raw.kind.trim() !== '') source.kind = raw.kind;
      else problems.error(`${path}.kind`, `${describeValue(raw.kind)} is not a kind of source (${SOURCE_KINDS.join(', ')}, or your own word)`);
    }
    if (raw.pages !== undefined) {
      const pages = raw.pages;
      const length = source.text?.length;
      const valid =
        Array.isArray(pages) && pages.length > 0 && pages[0] === 0 &&
        pages.every((p, k) => typeof p === 'number' && Number.isInteger(p) && p >= 0 && (k === 0 || p > (pages[k - 1] as number)) && (length === undefined || p <= length));
      if (valid) source.pages = pages as number[];
      else problems.error(`${path}.pages`, 'expected the offset where each page starts in the text: 0 first, rising, none past the end of the text');
    }
    table.add(source);
  });
  return table;
}
