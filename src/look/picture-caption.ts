/**
 * The caption under an exported picture's legend: where the data comes from
 * and when the picture was made, so a picture passed on still says both.
 * Built from the dataset's sources and its meta's licence; drawn as text only.
 */
import type { Dataset, SourceRef } from '../../graph';

/** How many sources the caption names before it says "and N more". */
const NAMED = 2;

export function pictureCaption({ meta, sources }: Pick<Dataset, 'meta' | 'sources'>, madeOn: string): string {
  const named = sources.slice(0, NAMED).map(sourceText);
  const more = sources.length - named.length;
  const parts = [
    sources.length === 0 ? 'Source: none named in the dataset.' : `${sources.length === 1 ? 'Source' : 'Sources'}: ${named.join('; ')}${more > 0 ? `; and ${more} more` : ''}.`,
  ];
  if (meta.license) parts.push(`Licence: ${meta.license}.`);
  parts.push(`Picture made ${madeOn} with Actorscope.`);
  return parts.join(' ');
}

/** "Title, Publisher, 2023, https://…": what the source gives, in that order. */
function sourceText(source: SourceRef): string {
  return [source.title, source.publisher, source.date, source.url].filter((p): p is string => !!p && p.trim() !== '').join(', ');
}

/** Today in the user's own calendar day, as ISO YYYY-MM-DD (not UTC's, which is a day off in the evening west of Greenwich). */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
