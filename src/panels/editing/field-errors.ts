/**
 * A refused edit's problems, placed on the form's fields and said in words.
 * applyEdit() reports with the dataset's paths (`relations[15].claims[0]
 * .source.title: "" is not a title`); a form shows "Give the source
 * document's title" beside that field instead, and marks it aria-invalid.
 * A problem that belongs to no field stays in the list under the form.
 */
import type { Problem } from '../../../graph';

/** `source`, `target`, `type`, `notes`, or `claims.0.quote`, `claims.0.title`, … (the ClaimDraft field names). */
export type FieldKey = string;

export interface PlacedProblems {
  /** The words for each field with an error, in the order of the problems. */
  fields: Map<FieldKey, string>;
  /** Everything that belongs to no field. */
  rest: Problem[];
}

const CLAIM_FIELDS: Record<string, string> = {
  quote: 'quote',
  assertedBy: 'assertedBy',
  stance: 'stance',
  grade: 'grade',
  date: 'date',
  notes: 'notes',
  'source.title': 'title',
  'source.publisher': 'publisher',
  'source.date': 'sourceDate',
  'source.url': 'url',
  source: 'title',
  'locator.paragraph': 'paragraph',
  'locator.chars': 'chars',
};

/** The relation form's field of a problem path, or null. */
export function relationFieldOf(path: string): FieldKey | null {
  const rest = path.replace(/^relations\[\d+\]\.?/, '');
  const claim = /^claims\[(\d+)\]\.(.+)$/.exec(rest);
  if (claim) {
    const field = CLAIM_FIELDS[claim[2]!];
    return field ? `claims.${claim[1]}.${field}` : null;
  }
  return ['source', 'target', 'type', 'notes'].includes(rest) ? rest : null;
}

/** The actor form's field of a problem path, or null. */
export function actorFieldOf(path: string): FieldKey | null {
  // An alias's path (`aliases[2]`) belongs to the one aliases field.
  const field = path.replace(/^actors\[\d+\]\.?/, '').replace(/\[\d+\]$/, '');
  return ['id', 'name', 'kind', 'aliases', 'country', 'notes'].includes(field) ? field : null;
}

/** What to do about a field, by its last name: what a person fixes, not what the parser found. */
const WORDS: Record<string, (message: string) => string> = {
  quote: (m) => (/not found in the text/.test(m) ? 'Not in the document’s text: copy the quote word for word, its spaces and quotation marks too' : 'Give the quote, word for word as the source has it'),
  title: () => 'Give the source document’s title',
  grade: () => 'Choose the grade: the source’s reliability (A–F) and the information’s credibility (1–6)',
  date: () => 'Write the date as YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2023-04)',
  sourceDate: () => 'Write the publication date as YYYY, YYYY-MM or YYYY-MM-DD',
  url: () => 'Give a web address that starts with http:// or https://',
  paragraph: () => 'Give the paragraph as a whole number: 1, 2, …',
  chars: () => 'Give the characters as two whole numbers from 0, the first not after the second',
  assertedBy: (m) => `Say who asserts it (${m})`,
  source: (m) => (/not the id of any actor/.test(m) ? 'Choose the actor the relation comes from' : `From actor: ${m}`),
  target: (m) => (/not the id of any actor/.test(m) ? 'Choose the actor the relation goes to' : `To actor: ${m}`),
  name: () => 'Give the actor’s name',
  kind: () => 'Give the actor’s kind (state, armed group, person, …)',
  country: () => 'Give the country as two letters (ISO 3166-1, e.g. TJ), or leave it empty',
  id: (m) => `Id: ${m}`,
};

export function wordsFor(field: FieldKey, message: string): string {
  const last = field.split('.').pop()!;
  return (WORDS[last] ?? ((m: string) => m))(message);
}

/** Errors on fields (the first per field), the rest as they came. Warnings never block a save, so they stay in `rest`. */
export function placeProblems(problems: readonly Problem[], fieldOf: (path: string) => FieldKey | null): PlacedProblems {
  const fields = new Map<FieldKey, string>();
  const rest: Problem[] = [];
  for (const p of problems) {
    const field = p.severity === 'error' ? fieldOf(p.path) : null;
    if (field === null) rest.push(p);
    else if (!fields.has(field)) fields.set(field, wordsFor(field, p.message));
  }
  return { fields, rest };
}

/** The props that mark a field and tie it to its words (the words' element has id `${formId}-${field}-error`). */
export function invalidProps(formId: string, placed: PlacedProblems, field: FieldKey): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return placed.fields.has(field) ? { 'aria-invalid': true, 'aria-describedby': errorId(formId, field) } : {};
}

export const errorId = (formId: string, field: FieldKey) => `${formId}-${field.replace(/\./g, '-')}-error`;

/** A problem that belongs to no field, in the form's words: "Claim 2: …" rather than the dataset's path. */
export function restWords(p: Problem): string {
  const claim = /(?:^|\.)claims\[(\d+)\](?:\.(.+))?$/.exec(p.path);
  if (claim) {
    const n = Number(claim[1]) + 1;
    if (claim[2] === 'locator') return `Claim ${n}: no place in the source is given; add the paragraph (¶) or the characters, so a reader can find the quote`;
    return `Claim ${n}${claim[2] ? `, ${claim[2]}` : ''}: ${p.message}`;
  }
  const inner = p.path.replace(/^(relations|actors)\[\d+\]\.?/, '');
  return inner ? `${inner}: ${p.message}` : p.message;
}
