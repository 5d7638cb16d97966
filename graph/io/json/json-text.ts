/** JSON text → value, with a syntax error located by line and column; one JSON file → its format's reader. */
import type { Problem } from '../../schema/problems';
import { readOneFile } from '../common/finish';
import type { FormatId, FormatImportResult, InputFile } from '../format';
import { locateJsonError } from './json-locate';

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; problem: Problem };

export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  // \n, \r\n and a lone \r each end a line, as in the CSV and XML readers.
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
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
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (err) {
    // V8 does not always say where; our scanner always does.
    const located = locateJsonError(body);
    const offset = located?.offset ?? body.length;
    const reason = located?.message ?? (err instanceof Error ? err.message.split('\n')[0]! : String(err));
    const { line, column } = lineColumnAt(body, offset);
    return { ok: false, problem: { severity: 'error', path: `line ${line}:${column}`, message: `not valid JSON: ${reason}` } };
  }
  // JSON.parse keeps the last of two equal keys: the first value would vanish without a word.
  const duplicate = locateJsonError(body, { duplicateKeys: true });
  if (duplicate) {
    const { line, column } = lineColumnAt(body, duplicate.offset);
    return { ok: false, problem: { severity: 'error', path: `line ${line}:${column}`, message: duplicate.message } };
  }
  return { ok: true, value };
}

/** One JSON file, parsed (a syntax error located by line:column) and handed to `readValue` with its name. */
export function readOneJsonFile(
  files: readonly InputFile[],
  format: FormatId,
  label: string,
  readValue: (value: unknown, name: string) => FormatImportResult,
): FormatImportResult {
  return readOneFile(files, format, label, (text, name) => {
    const parsed = parseJsonText(text);
    return parsed.ok ? readValue(parsed.value, name) : { ok: false, format, problems: [parsed.problem] };
  });
}
