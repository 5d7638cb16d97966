/**
 * The encoding an HTML page declares in its first kilobyte (`<meta
 * charset="windows-1251">`, or `<meta http-equiv="Content-Type"
 * content="text/html; charset=…">`, as the HTML standard's prescan reads
 * them), for the one case where graph/io/decode.ts would otherwise guess: a
 * page with no byte-order mark whose bytes are not UTF-8. decode.ts then
 * reads Windows-1252 with a warning; a Russian or Tajik page saved as
 * Windows-1251 or KOI8-R would come out as Latin letters. The page's own
 * declaration is its word, as an XML declaration is in decode.ts; a
 * declaration the bytes do not fit, or that TextDecoder does not know, is not
 * used, and decode.ts's reading and warning stand.
 */

export interface DeclaredReading {
  text: string;
  encoding: string;
  label: string;
}

/** The label a page's head declares, or null. Read from the bytes as ASCII: every label is ASCII. */
export function declaredCharset(bytes: Uint8Array): string | null {
  let head = '';
  const end = Math.min(bytes.length, 1024);
  for (let i = 0; i < end; i++) head += String.fromCharCode(bytes[i]!);
  for (const meta of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = meta[0];
    const charset = /\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(tag);
    if (!charset) continue;
    // `charset=` in a content attribute counts only with http-equiv="Content-Type", as the standard reads it.
    if (!/^<meta\b[^>]*\scharset\s*=/i.test(tag) && !/http-equiv\s*=\s*["']?\s*content-type/i.test(tag)) continue;
    return charset[1]!;
  }
  return null;
}

/** The page read as it declares, when the declaration names a known 8-bit encoding other than UTF-8 and every byte fits it. */
export function readAsDeclared(bytes: Uint8Array): DeclaredReading | null {
  const label = declaredCharset(bytes);
  if (label === null) return null;
  let encoding: string;
  try {
    encoding = new TextDecoder(label).encoding;
  } catch {
    return null;
  }
  // UTF-16 in a meta is read as UTF-8 by browsers (the meta itself is ASCII); UTF-8 is decode.ts's own first choice.
  if (encoding === 'utf-8' || encoding === 'utf-16le' || encoding === 'utf-16be' || encoding === 'replacement') return null;
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding, label };
  } catch {
    return null;
  }
}
