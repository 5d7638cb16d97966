/**
 * Where a file's bytes stop being UTF-8, and where they are, in lines and
 * columns, for decode.ts. TextDecoder says only that bytes are invalid; these
 * scans say where, and run only after it has said so (or, for the mixed-file
 * hint, over a few thousand bytes).
 *
 * Lines count as the readers count them: LF, CRLF or a lone CR ends a line.
 */

/**
 * The length of the well-formed UTF-8 sequence at `i`, or 0 when the byte at
 * `i` starts none. The ranges are the Encoding Standard's UTF-8 decoder
 * (and Unicode's Table 3-7): no overlong forms, no surrogates, nothing above
 * U+10FFFF, so this agrees with `new TextDecoder('utf-8', { fatal: true })`.
 */
export function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const c = bytes[i + k];
    return c !== undefined && c >= lo && c <= hi;
  };
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const lo = b === 0xe0 ? 0xa0 : 0x80;
    const hi = b === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const lo = b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

export interface NonUtf8Bytes {
  /** How many bytes are not part of a well-formed UTF-8 sequence. */
  count: number;
  /** Offset of the first such byte. */
  first: number;
  /** 1-based lines holding such bytes, in order, each once, with their offsets there (the first `keep` lines only). */
  lines: Array<{ line: number; offsets: number[] }>;
  /** How many lines hold such bytes in all. */
  lineCount: number;
  /** Offset of the first well-formed multi-byte sequence, or -1: a file that has both may mix two encodings. */
  firstMultiByte: number;
  /** Offset of the first byte that no text uses (NUL, or one Windows-1252 leaves undefined), or -1. */
  firstBinary: number;
}

/** Bytes that Windows-1252 does not define (the Encoding Standard maps them to C1 controls). */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

export const isBinaryByte = (b: number): boolean => b === 0 || UNDEFINED_IN_1252.has(b);

/** One pass over the bytes: the bytes that are not UTF-8, by line (see NonUtf8Bytes). */
export function findNonUtf8(bytes: Uint8Array, keep = 5): NonUtf8Bytes {
  const out: NonUtf8Bytes = { count: 0, first: -1, lines: [], lineCount: 0, firstMultiByte: -1, firstBinary: -1 };
  let line = 1;
  let lastLine = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) line++;
      else if (b === 0 && out.firstBinary < 0) out.firstBinary = i;
      i++;
      continue;
    }
    const n = utf8SequenceLength(bytes, i);
    if (n > 0) {
      if (out.firstMultiByte < 0) out.firstMultiByte = i;
      i += n;
      continue;
    }
    if (out.first < 0) out.first = i;
    if (out.firstBinary < 0 && UNDEFINED_IN_1252.has(b)) out.firstBinary = i;
    out.count++;
    if (line !== lastLine) {
      out.lineCount++;
      lastLine = line;
      if (out.lines.length < keep) out.lines.push({ line, offsets: [] });
    }
    const last = out.lines[out.lines.length - 1];
    if (last && last.line === line && last.offsets.length < 3) last.offsets.push(i);
    i++;
  }
  return out;
}

/** 1-based line of a byte offset, and the offset where that line starts. */
export function lineOf(bytes: Uint8Array, offset: number): { line: number; start: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      start = i + 1;
    }
  }
  return { line, start };
}

/**
 * `line L:C` of a byte offset: the column counts UTF-16 units, as the
 * readers' columns do, of the line before it read in `encoding` (the bytes
 * before the first bad one are good in it).
 */
export function locateByte(bytes: Uint8Array, offset: number, encoding: string): string {
  const { line, start } = lineOf(bytes, offset);
  const before = new TextDecoder(encoding).decode(bytes.subarray(start, offset));
  return `line ${line}:${before.length + 1}`;
}

/** `0xE4` */
export const byteName = (b: number): string => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
