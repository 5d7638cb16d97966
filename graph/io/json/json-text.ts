/** JSON text → value, with a syntax error located by line and column; one JSON file → its format's reader. */
import type { Problem } from '../../schema/problems';
import { readOneFile } from '../common/finish';
import type { FormatId, FormatImportResult, InputFile } from '../format';
import type { ProblemLog } from '../common/problem-log';
import { keyPath } from './bags';
import { locateJsonError, scanJson, type RoundedInteger } from './json-locate';

export type JsonParseResult = { ok: true; value: unknown; warnings: Problem[] } | { ok: false; problem: Problem };

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

/**
 * JSON text → value. Refused, at `line L:C`: a syntax error, a key repeated in
 * one object, lists and objects nested beyond MAX_JSON_DEPTH (json-locate.ts).
 * An integer JSON.parse would round (beyond ±2^53: `12345678901234567890`
 * becomes 12345678901234567000) is put back as the text of its digits, with a
 * warning at its JSON path: an id stays the id the file gives, and a value is
 * never changed without a word. JSON.parse cannot hand over a number's source
 * text in Node 20 (the reviver's `context.source` is not there), so the scan,
 * which runs after every parse anyway, finds the literals.
 */
export function parseJsonText(text: string): JsonParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    return { ok: false, problem: { severity: 'error', path: 'line 1:1', message: 'the file is empty' } };
  }
  const at = (offset: number) => {
    const { line, column } = lineColumnAt(body, offset);
    return `line ${line}:${column}`;
  };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (err) {
    // V8 does not always say where; our scanner always does.
    const located = locateJsonError(body);
    const offset = located?.offset ?? body.length;
    const reason = located?.message ?? (err instanceof Error ? err.message.split('\n')[0]! : String(err));
    return { ok: false, problem: { severity: 'error', path: at(offset), message: `not valid JSON: ${reason}` } };
  }
  // JSON.parse keeps the last of two equal keys: the first value would vanish without a word.
  const scan = scanJson(body, { duplicateKeys: true });
  if (scan.error) return { ok: false, problem: { severity: 'error', path: at(scan.error.offset), message: scan.error.message } };
  const warnings = scan.rounded.map((r) => keepDigits(value, r));
  return { ok: true, value, warnings };
}

/** Puts a rounded integer's digits back in place of the number; the warning that says so. */
function keepDigits(root: unknown, r: RoundedInteger): Problem {
  let holder = root as Record<string | number, unknown>;
  for (const step of r.steps.slice(0, -1)) holder = holder[step] as Record<string | number, unknown>;
  // defineProperty: a key such as __proto__ is an own data property of the parsed object.
  Object.defineProperty(holder, r.steps[r.steps.length - 1]!, { value: r.literal, writable: true, enumerable: true, configurable: true });
  const path = r.steps.reduce<string>((p, step) => (typeof step === 'number' ? `${p}[${step}]` : p === '' && /^[A-Za-z_$][\w$]*$/.test(step) ? step : keyPath(p, step)), '');
  return { severity: 'warning', path, message: `${r.literal} is beyond JavaScript's exact integers (±2^53): kept as the text "${r.literal}"` };
}

/** Logs the parse's warnings (rounded integers kept as text), capped as one shape. */
export function logParseWarnings(warnings: readonly Problem[], log: ProblemLog): void {
  for (const w of warnings) {
    log.warnCapped('rounded-integer', w.path, w.message, (more) => `${more} more integers beyond JavaScript's exact integers, each kept as the text of its digits`);
  }
}

/** One JSON file, parsed (a syntax error located by line:column) and handed to `readValue` with its name. */
export function readOneJsonFile(
  files: readonly InputFile[],
  format: FormatId,
  label: string,
  readValue: (value: unknown, name: string, parseWarnings: readonly Problem[]) => FormatImportResult,
): FormatImportResult {
  return readOneFile(files, format, label, (text, name) => {
    const parsed = parseJsonText(text);
    return parsed.ok ? readValue(parsed.value, name, parsed.warnings) : { ok: false, format, problems: [parsed.problem] };
  });
}
