/** JSON text → value, with a syntax error located by line and column. */
import type { Problem } from '../schema/problems';

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; problem: Problem };

export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export function parseJsonText(text: string): JsonParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    return { ok: false, problem: { severity: 'error', path: 'line 1:1', message: 'the file is empty' } };
  }
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // V8 says "... at position 42" (sometimes with "(line 3 column 5)").
    const lc = /line (\d+) column (\d+)/.exec(message);
    const pos = /position (\d+)/.exec(message);
    let where: { line: number; column: number };
    if (lc) where = { line: Number(lc[1]), column: Number(lc[2]) };
    else if (pos) where = lineColumnAt(body, Number(pos[1]));
    else where = lineColumnAt(body, body.length); // "Unexpected end of JSON input"
    const reason = message.replace(/^JSON\.parse: /, '').replace(/,? ?(in JSON )?at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)/, '');
    return {
      ok: false,
      problem: { severity: 'error', path: `line ${where.line}:${where.column}`, message: `not valid JSON: ${reason}` },
    };
  }
}
