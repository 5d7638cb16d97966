/**
 * Bidirectional control characters in text from a file. They are invisible,
 * and the embeddings, overrides and isolates among them reorder what follows
 * them on the line: a name holding U+202E (RIGHT-TO-LEFT OVERRIDE) shows the
 * rest of a terminal line or report backwards (the "Trojan Source" attack,
 * CVE-2021-42574). The data keeps them (a right-to-left mark can be meant);
 * restore() warns where they are, and the CLI shows them as `<U+202E>`.
 */
import type { Dataset } from '../model/types';
import type { ProblemList } from './problems';

/** U+061C ALM, U+200E LRM, U+200F RLM, U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates: the terminal shows them all by name. */
export const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The ones restore() warns of: embeddings, overrides and isolates, which
 * reorder the rest of a line. The three marks (ALM, LRM, RLM) only set the
 * direction of the characters around them and are common in right-to-left
 * names; a warning on every such name would bury the ones that matter.
 */
const REORDERING = /[\u202a-\u202e\u2066-\u2069]/g;

/** `U+202E`, for a message or the terminal. */
export const codePointName = (c: string): string => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The distinct bidi controls in a text, in order of first appearance (empty when none). */
export function bidiControls(text: string, which: RegExp = BIDI_CONTROL): string[] {
  return [...new Set(text.match(which) ?? [])].map(codePointName);
}

/** REORDERING without the g flag, for test(): nearly no text holds one, and the test allocates nothing. */
const HAS_REORDERING = /[\u202a-\u202e\u2066-\u2069]/;

/** Whether check() would warn of the text. */
const has = (text: string | undefined): text is string => text !== undefined && HAS_REORDERING.test(text);

function check(problems: ProblemList, path: string, text: string | undefined): void {
  if (!has(text)) return;
  const found = bidiControls(text, REORDERING);
  if (found.length === 1) problems.warn(path, `contains a bidirectional control character ${found[0]}`);
  else if (found.length > 1) problems.warn(path, `contains bidirectional control characters ${found.join(', ')}`);
}

function checkAttributes(problems: ProblemList, path: string, attributes: Record<string, unknown> | undefined): void {
  if (attributes === undefined) return;
  for (const [key, value] of Object.entries(attributes)) {
    check(problems, `${path}.attributes`, key);
    if (typeof value === 'string') check(problems, `${path}.attributes.${key}`, value);
  }
}

/**
 * Warns at every text of a restored dataset holding a bidi control. Run on a
 * dataset restored without errors, where every actor, relation and claim
 * stands at its index in the input, so the paths are the input's.
 */
export function warnBidiControls(dataset: Pick<Dataset, 'meta' | 'sources' | 'actors' | 'relations'>, problems: ProblemList): void {
  const { meta } = dataset;
  check(problems, 'meta.title', meta.title);
  check(problems, 'meta.description', meta.description);
  // A source's own text is quoted as it is, controls and all; its citation is what reaches a line of output.
  dataset.sources.forEach((s, i) => {
    for (const key of ['id', 'title', 'publisher', 'author', 'speaker'] as const) check(problems, `sources[${i}].${key}`, s[key]);
  });
  // Each path made only where a control is found (`has`): at 10k/50k the paths of every
  // relation's id and notes were 150,000 strings made to be thrown away.
  dataset.actors.forEach((a, i) => {
    if (has(a.id)) check(problems, `actors[${i}].id`, a.id);
    if (has(a.name)) check(problems, `actors[${i}].name`, a.name);
    a.aliases.forEach((alias, j) => check(problems, `actors[${i}].aliases[${j}]`, alias));
    if (has(a.notes)) check(problems, `actors[${i}].notes`, a.notes);
    if (a.attributes) checkAttributes(problems, `actors[${i}]`, a.attributes);
  });
  dataset.relations.forEach((r, i) => {
    if (has(r.id)) check(problems, `relations[${i}].id`, r.id);
    if (has(r.notes)) check(problems, `relations[${i}].notes`, r.notes);
    if (r.attributes) checkAttributes(problems, `relations[${i}]`, r.attributes);
    // A loop: no closure per relation (an edge list's relations have no claims).
    for (let j = 0; j < r.claims.length; j++) {
      const c = r.claims[j]!;
      const at = `relations[${i}].claims[${j}]`;
      check(problems, `${at}.quote`, c.quote);
      check(problems, `${at}.assertedBy`, c.assertedBy);
      check(problems, `${at}.notes`, c.notes);
    }
  });
}
