/** Escaping for the GEXF and GraphML writers. */
import { FORBIDDEN_CHAR, codePointName } from './prescan';

/**
 * Text → XML, for the writers. A character XML 1.0 cannot carry (a C0 control,
 * U+FFFE/U+FFFF, an unpaired surrogate) cannot be escaped either (`&#1;` is not
 * allowed), so the writer throws an Error naming the actor or relation: the
 * user removes the character, rather than getting a file no tool opens.
 */
export function assertWritable(value: string, where: () => string): void {
  const bad = FORBIDDEN_CHAR.exec(value);
  if (bad) {
    const code = bad[0].codePointAt(0)!;
    throw new Error(
      `cannot write ${where()}: it contains ${codePointName(code)} at position ${bad.index + 1}, a character XML 1.0 does not allow; remove it and export again`,
    );
  }
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;' };

/**
 * Escapes element content: `&`, `<`, `>` (so `]]>` never appears), and CR,
 * which a parser would otherwise turn into LF.
 */
export function xmlText(value: string, where: () => string): string {
  assertWritable(value, where);
  return /[&<>\r]/.test(value) ? value.replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c]!) : value;
}

/**
 * Escapes an attribute value for double quotes; tab, LF and CR become
 * character references, which survive attribute-value normalisation.
 */
export function xmlAttr(value: string, where: () => string): string {
  assertWritable(value, where);
  return /[&<>"\t\n\r]/.test(value) ? value.replace(/[&<>"\t\n\r]/g, (c) => TEXT_ESCAPES[c]!) : value;
}
