/**
 * A file's bytes → its text, the one decoding step of the explorer (its
 * worker, through importFiles) and the command line. Text is never guessed
 * silently and never holds U+FFFD that the file did not:
 *
 * 1. A byte-order mark decides: UTF-8, UTF-16 LE or UTF-16 BE (UTF-32 is refused).
 * 2. Else an XML declaration's `encoding="…"`, read from the file's ASCII
 *    start, decides, for any label TextDecoder knows; an unknown label, or
 *    bytes that are not valid in the declared encoding, are a located error.
 *    A file that declares UTF-8 and is not UTF-8 is refused at its first bad
 *    byte: the declaration is the file's own word, and reading it otherwise
 *    would change names without the file saying so.
 * 3. Else UTF-8, when every byte is UTF-8.
 * 4. Else, unless the bytes look binary (NUL, or a byte Windows-1252 does not
 *    define: 0x81 0x8D 0x8F 0x90 0x9D), Windows-1252 (the superset of
 *    ISO-8859-1 that Windows and Excel write), with a warning that names the
 *    lines; binary is refused at the first such byte.
 *
 * `new TextDecoder(label, { fatal: true })` does the decoding (it exists in
 * browsers, workers and Node); decode-scan.ts finds where bytes go wrong.
 */
import type { Problem } from '../schema/problems';
import { byteName, findNonUtf8, lineOf, locateByte, utf8SequenceLength } from './decode-scan';

export type DecodeResult =
  | {
      ok: true;
      text: string;
      /** The Encoding Standard's name of what was used: `utf-8`, `utf-16le`, `utf-16be`, `windows-1252` … */
      encoding: string;
      warnings: Problem[];
    }
  | { ok: false; problem: Problem };

/** How locations are worded: `line 4` alone, or `actors.csv, line 4` when several files are read together. */
export interface DecodeOptions {
  prefix?: string;
}

const fatalDecoder = (encoding: string) => new TextDecoder(encoding, { fatal: true });

/** The encoding a label names, or null when TextDecoder knows no such label. */
function knownEncoding(label: string): string | null {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/** `<?xml … encoding="X"` at the start of the bytes (after a UTF-8 BOM): the label and its column, or null. */
function xmlDeclaredEncoding(bytes: Uint8Array, from: number): { label: string; column: number } | null {
  let head = '';
  const end = Math.min(bytes.length, from + 512);
  for (let i = from; i < end; i++) {
    const b = bytes[i]!;
    if (b >= 0x80 || b === 0) break;
    head += String.fromCharCode(b);
  }
  const m = /^\s*<\?xml\s(?:[^?>]*?\s)?encoding\s*=\s*(["'])([^"'?>]*)\1/.exec(head);
  if (!m) return null;
  const label = m[2]!;
  return { label, column: m.index + m[0].length - label.length };
}

/** Files that announce themselves in their first bytes, for a friendlier refusal of binary. */
function binaryKind(bytes: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'a ZIP archive (an Excel .xlsx or .ods spreadsheet, or a compressed file?): save the sheet as CSV';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'an old Office document (an Excel .xls?): save the sheet as CSV';
  if (starts(0x1f, 0x8b)) return 'a gzip-compressed file: uncompress it first';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'a PDF document';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'a PNG image';
  return null;
}

/** Most bytes at even (or odd) offsets of the first kilobyte are NUL: UTF-16 without its mark. */
function looksLikeBomlessUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const half = n / 2;
  return (odd > 0.7 * half && even < 0.1 * half) || (even > 0.7 * half && odd < 0.1 * half);
}

/** What a few lines' bytes read as in Windows-1252: `4 (ö), 9 (ä, ü)`. */
function linesWithCharacters(bytes: Uint8Array, lines: Array<{ line: number; offsets: number[] }>): string {
  const cp1252 = new TextDecoder('windows-1252');
  return lines.map((l) => `${l.line} (${l.offsets.map((o) => cp1252.decode(bytes.subarray(o, o + 1))).join(', ')})`).join(', ');
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** A byte sequence that is UTF-8 in a file read otherwise: where, and what it would have been. */
function utf8Hint(bytes: Uint8Array, offset: number, encoding: string): string {
  const n = utf8SequenceLength(bytes, offset);
  const seq = bytes.subarray(offset, offset + n);
  return `"${new TextDecoder(encoding).decode(seq)}" (in UTF-8 "${new TextDecoder('utf-8').decode(seq)}")`;
}

function decodeBom(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be', at: (s: string) => string): DecodeResult {
  try {
    return { ok: true, text: fatalDecoder(encoding).decode(bytes), encoding, warnings: [] };
  } catch {
    if (encoding === 'utf-8') {
      const bad = findNonUtf8(bytes).first;
      return { ok: false, problem: { severity: 'error', path: at(locateByte(bytes, bad, 'utf-8')), message: `byte ${byteName(bytes[bad]!)} is not UTF-8, though the file starts with a UTF-8 byte-order mark: it mixes encodings or is damaged` } };
    }
    // An unpaired surrogate: the non-fatal reading shows where.
    const text = new TextDecoder(encoding).decode(bytes);
    const bad = text.indexOf('\ufffd');
    return { ok: false, problem: { severity: 'error', path: at(textLocation(text, bad)), message: `not valid ${encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'} here (an unpaired surrogate or an odd number of bytes), though the file starts with its byte-order mark: it is damaged` } };
  }
}

/** `line L:C` of an offset in decoded text (LF, CRLF or CR line ends; UTF-16 columns). */
function textLocation(text: string, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      start = i + 1;
    }
  }
  return `line ${line}:${offset - start + 1}`;
}

/** As the XML declaration says; `from` skips a UTF-8 BOM. */
function decodeDeclared(bytes: Uint8Array, declared: { label: string; column: number }, at: (s: string) => string): DecodeResult {
  const { label } = declared;
  const encoding = knownEncoding(label.trim());
  const declaration = `line 1:${declared.column}`;
  if (encoding === null || encoding === 'replacement') {
    return { ok: false, problem: { severity: 'error', path: at(declaration), message: `the XML declaration names the encoding "${label}", which is not one this program can decode; save the file as UTF-8` } };
  }
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    return { ok: false, problem: { severity: 'error', path: at(declaration), message: `the XML declaration says "${label}", but the file has no UTF-16 byte-order mark and its declaration is 8-bit text: fix the declaration (UTF-8?) or save the file as UTF-16 with a byte-order mark` } };
  }
  if (encoding === 'utf-8') {
    try {
      return { ok: true, text: fatalDecoder('utf-8').decode(bytes), encoding, warnings: [] };
    } catch {
      const found = findNonUtf8(bytes);
      return {
        ok: false,
        problem: {
          severity: 'error',
          path: at(locateByte(bytes, found.first, 'utf-8')),
          message: `byte ${byteName(bytes[found.first]!)} is not UTF-8, though the XML declaration says encoding="${label}" (${plural(found.count, 'such byte')} on ${plural(found.lineCount, 'line')}); if the file was saved as Windows-1252 or ISO-8859-1, say so in the declaration, or save it as UTF-8`,
        },
      };
    }
  }
  let text: string;
  try {
    text = fatalDecoder(encoding).decode(bytes);
  } catch {
    const loose = new TextDecoder(encoding).decode(bytes);
    const bad = loose.indexOf('\ufffd');
    return { ok: false, problem: { severity: 'error', path: at(textLocation(loose, Math.max(0, bad))), message: `these bytes are not valid ${label}, the encoding the XML declaration names: the declaration is wrong or the file is damaged` } };
  }
  const warnings: Problem[] = [];
  // A file saved as UTF-8 under an old declaration reads as "MÃ¼nchen": say where, so the user can tell.
  const found = findNonUtf8(bytes, 0);
  if (found.count === 0 && found.firstMultiByte >= 0) {
    const { line } = lineOf(bytes, found.firstMultiByte);
    warnings.push({ severity: 'warning', path: at(`line ${line}`), message: `read as ${label}, as the XML declaration says, but every byte is also valid UTF-8: ${utf8Hint(bytes, found.firstMultiByte, encoding)}; if the names look wrong, the declaration is, and the file is UTF-8` });
  }
  return { ok: true, text, encoding, warnings };
}

/** Bytes → text, by the rules in the header. */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodeResult {
  const at = (where: string) => `${options.prefix ?? ''}${where}`;
  const [b0, b1, b2, b3] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return { ok: false, problem: { severity: 'error', path: at('line 1:1'), message: 'this file is UTF-32 (it starts with its byte-order mark), which is not read: save it as UTF-8' } };
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return { ok: false, problem: { severity: 'error', path: at('line 1:1'), message: 'this file is UTF-32 BE (it starts with its byte-order mark), which is not read: save it as UTF-8' } };
  if (b0 === 0xff && b1 === 0xfe) return decodeBom(bytes, 'utf-16le', at);
  if (b0 === 0xfe && b1 === 0xff) return decodeBom(bytes, 'utf-16be', at);
  const utf8Bom = b0 === 0xef && b1 === 0xbb && b2 === 0xbf;
  const declared = xmlDeclaredEncoding(bytes, utf8Bom ? 3 : 0);
  if (utf8Bom) {
    const result = decodeBom(bytes, 'utf-8', at);
    const declaredAs = declared && knownEncoding(declared.label.trim());
    if (result.ok && declaredAs && declaredAs !== 'utf-8') {
      result.warnings.push({ severity: 'warning', path: at(`line 1:${declared.column}`), message: `the XML declaration says "${declared.label}", but the file starts with a UTF-8 byte-order mark: read as UTF-8` });
    }
    return result;
  }
  if (declared) return decodeDeclared(bytes, declared, at);

  try {
    const text = fatalDecoder('utf-8').decode(bytes);
    if (text.includes('\0') && looksLikeBomlessUtf16(bytes)) {
      return { ok: false, problem: { severity: 'error', path: at('line 1:1'), message: 'NUL bytes between the characters: this looks like UTF-16 text without a byte-order mark; save it as UTF-8 (or as UTF-16 with its byte-order mark)' } };
    }
    return { ok: true, text, encoding: 'utf-8', warnings: [] };
  } catch {
    // Not UTF-8: Windows-1252 below, unless it is binary.
  }
  const found = findNonUtf8(bytes);
  if (found.firstBinary >= 0) {
    const kind = binaryKind(bytes);
    const byte = bytes[found.firstBinary]!;
    const what = byte === 0 ? 'a NUL byte' : `byte ${byteName(byte)}, which no Windows text uses,`;
    return {
      ok: false,
      problem: {
        severity: 'error',
        path: at(locateByte(bytes, found.firstBinary, 'windows-1252')),
        message: kind ? `this is not a text file: it is ${kind}` : `${what} in a file that is not UTF-8: this is not a text file (a binary file, or text in an encoding this program does not guess); save it as UTF-8 text`,
      },
    };
  }
  const text = new TextDecoder('windows-1252').decode(bytes);
  const more = found.lineCount - found.lines.length;
  const warnings: Problem[] = [
    {
      severity: 'warning',
      path: at(`line ${found.lines[0]!.line}`),
      message: `read as Windows-1252, not UTF-8: ${plural(found.count, 'byte')} that UTF-8 does not allow, on line${found.lineCount === 1 ? '' : 's'} ${linesWithCharacters(bytes, found.lines)}${more > 0 ? ` and ${plural(more, 'more line')}` : ''}; if these characters are wrong, save the file as UTF-8`,
    },
  ];
  if (found.firstMultiByte >= 0) {
    const { line } = lineOf(bytes, found.firstMultiByte);
    warnings.push({ severity: 'warning', path: at(`line ${line}`), message: `this line holds UTF-8 too, now read as Windows-1252: ${utf8Hint(bytes, found.firstMultiByte, 'windows-1252')}; the file may mix two encodings` });
  }
  return { ok: true, text, encoding: 'windows-1252', warnings };
}
