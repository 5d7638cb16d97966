/**
 * When two citations are one document: the same URL (however the title is
 * spelled), or else the same title, publisher and date up to case and space.
 * Two editions with different dates are two documents. restore() uses it to
 * give claims that cite a document inline (version 1 files, other tools' files)
 * one source in the dataset's `sources`.
 */
import type { SourceRef } from '../model/types';
import { idFromName } from '../model/unique-id';

/** The same text up to case and runs of white space. */
export function fold(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function citationKey(source: SourceRef): string {
  const url = source.url?.trim();
  if (url) return `url ${url}`;
  return `doc ${fold(source.title)}\u0000${fold(source.publisher ?? '')}\u0000${(source.date ?? '').trim()}`;
}

/** An id for a new source from its title: lower-case words joined by hyphens, unique among `used`. */
export function sourceIdFromTitle(title: string, used: ReadonlySet<string>): string {
  return idFromName(title, used, 'source', 48);
}
