/**
 * Text from a dataset into the briefing's HTML and SVG: escaped, never markup.
 * A character XML cannot carry (a C0 control, an unpaired surrogate) is shown
 * by name, `⟨U+0001⟩`, rather than dropped or replaced by U+FFFD: the reader
 * sees that the name holds it. Names go inside <bdi> (see brief-html.ts), so a
 * bidi control in one cannot reorder the rest of the line.
 */
import { FORBIDDEN_CHAR, codePointName } from '../io/xml/prescan';

/** The characters XML 1.0 cannot carry, as the XML writers refuse them, every one of them. */
const NOT_XML = new RegExp(FORBIDDEN_CHAR.source, 'g');
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** For element content and double-quoted attribute values alike. */
export function esc(value: string): string {
  return value.replace(NOT_XML, (c) => `⟨${codePointName(c.codePointAt(0)!)}⟩`).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Cuts a label to `max` characters (whole code points), with an ellipsis. */
export function cut(value: string, max: number): string {
  const chars = [...value.trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
