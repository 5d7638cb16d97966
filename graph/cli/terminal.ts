/**
 * Text from a file printed on a terminal. Every command passes what the file
 * says (actor names and ids, relation ids, quotes, source titles) through
 * `clean` before printing it as text, so that a name holding an escape
 * sequence cannot recolour, move or clear the user's terminal. JSON output
 * is data and is left as it is (JSON.stringify escapes U+0000–U+001F, ESC
 * among them).
 */

/** Control characters (escape sequences, newlines, C1 controls) become spaces; a run of them one space. */
export function clean(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
}

/** Names by actor id, cleaned for the terminal; an id the dataset lacks is shown (cleaned) as itself. */
export function actorNames(actors: ReadonlyArray<{ id: string; name: string }>): (id: string) => string {
  const names = new Map(actors.map((a) => [a.id, clean(a.name)] as const));
  return (id) => names.get(id) ?? clean(id);
}
