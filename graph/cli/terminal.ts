/**
 * Text from a file printed on a terminal. Every command passes what the file
 * says (actor names and ids, relation ids, quotes, source titles) through
 * `clean` before printing it as text, so that a name holding an escape
 * sequence cannot recolour, move or clear the user's terminal, and a
 * bidirectional control (U+202E …) cannot show the rest of the line
 * backwards. JSON output is data and goes through `jsonText`: JSON.stringify
 * escapes U+0000–U+001F (ESC among them) but not the bidi controls, so those
 * are written as `\u202e` escapes — the same JSON value, harmless on screen.
 */
import { BIDI_CONTROL, codePointName } from '../schema/bidi';

/**
 * Control characters (escape sequences, newlines, C1 controls) become spaces,
 * a run of them one space; a bidi control is shown by its name, `<U+202E>`.
 */
export function clean(s: string): string {
  // Most text holds neither: one test instead of two replacements (a 10k-actor table cleans 30k cells).
  if (!NEEDS_CLEANING.test(s)) return s;
  return s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(BIDI_CONTROL, (c) => `<${codePointName(c)}>`);
}

/** Any character clean() changes: a control, or one of BIDI_CONTROL's (not global: test() keeps no state). */
const NEEDS_CLEANING = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** A command's `--json` answer, indented, with bidi controls escaped (see above). */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(BIDI_CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Names by actor id, cleaned for the terminal; an id the dataset lacks is shown (cleaned) as itself. */
export function actorNames(actors: ReadonlyArray<{ id: string; name: string }>): (id: string) => string {
  const names = new Map(actors.map((a) => [a.id, clean(a.name)] as const));
  return (id) => names.get(id) ?? clean(id);
}
