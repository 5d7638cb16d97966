/**
 * What the XML reader refuses before xmldom sees the text, because xmldom
 * would let it through or treat it differently from other parsers:
 * - `<!DOCTYPE` and `<!ENTITY`: entity expansion differs between parsers
 *   (Node, Chromium) and is a denial-of-service vector; graph files never need it;
 * - characters XML 1.0 forbids (C0 controls other than tab/LF/CR, U+FFFE,
 *   U+FFFF, lone surrogates), also when written as `&#1;`;
 * - a bare `&` or an entity other than the five XML defines (xmldom accepts `a & b`).
 * Every refusal is located as `line L:C` (1-based, UTF-16 columns).
 */
import type { Problem } from '../../schema/problems';

/** Characters XML 1.0 (§2.2) does not allow anywhere in a document. */
export const FORBIDDEN_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Markup the prescan must see: comments, CDATA and processing instructions
 * are skipped whole (a `<!DOCTYPE` or `&` inside them is text), declarations
 * and references are checked.
 */
const MARKUP =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)|<!(DOCTYPE|ENTITY)\b(\s+html\b)?|&(?:#x([0-9a-fA-F]{1,8});|#([0-9]{1,10});|([A-Za-z_:][-\w.:]*);)?/gi;

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

export function isXmlChar(code: number): boolean {
  return (
    code === 0x9 || code === 0xa || code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** `U+0001` */
export function codePointName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** 1-based line and column of an offset; the text has `\n` line ends only. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function errorAt(text: string, offset: number, message: string): Problem {
  const { line, column } = lineColumn(text, offset);
  return { severity: 'error', path: `line ${line}:${column}`, message };
}

/** The checks xmldom does not make (see the header). Returns the first problem, or null. */
export function prescan(text: string): Problem | null {
  const bad = FORBIDDEN_CHAR.exec(text);
  if (bad) {
    const code = bad[0].codePointAt(0)!;
    const what = code >= 0xd800 && code <= 0xdfff ? `an unpaired surrogate (${codePointName(code)})` : `the control character ${codePointName(code)}`;
    return errorAt(text, bad.index, `${what} is not allowed in XML 1.0; the file is damaged or was written by a tool that does not escape it`);
  }
  MARKUP.lastIndex = 0;
  for (let m = MARKUP.exec(text); m !== null; m = MARKUP.exec(text)) {
    const token = m[0];
    if (token.startsWith('<!--') || token.startsWith('<?') || token.startsWith('<![')) continue;
    if (m[1] !== undefined) {
      const decl = m[1].toUpperCase();
      if (decl === 'DOCTYPE' && m[2] !== undefined) {
        return errorAt(text, m.index, 'this is an HTML page (<!DOCTYPE html>), not a graph file');
      }
      return errorAt(
        text,
        m.index,
        decl === 'DOCTYPE'
          ? 'a document type declaration (<!DOCTYPE …>) is not accepted: it can define entities that parsers expand differently; remove it'
          : 'an entity declaration (<!ENTITY …>) is not accepted: remove it',
      );
    }
    const hex = m[3];
    const dec = m[4];
    const name = m[5];
    if (hex !== undefined || dec !== undefined) {
      const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec!, 10);
      if (!isXmlChar(code)) {
        return errorAt(text, m.index, `${token} refers to ${code <= 0x10ffff ? codePointName(code) : 'no character'}, which XML 1.0 does not allow`);
      }
    } else if (name !== undefined) {
      if (!XML_ENTITIES.has(name)) {
        return errorAt(text, m.index, `${token} is not an XML entity (only &amp; &lt; &gt; &quot; &apos; exist without a DTD); write the character itself`);
      }
    } else {
      return errorAt(text, m.index, 'a bare "&" must be written &amp;');
    }
  }
  return null;
}
