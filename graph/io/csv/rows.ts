/**
 * CSV text → rows, each with the line it starts on, whatever the line ends
 * (`\n`, `\r\n` or a lone `\r`) and however many lines a quoted cell spans.
 * papaparse does the parsing; this file chooses its delimiter and newline,
 * strips a byte-order mark, honours Excel's `sep=;` first line, skips blank
 * lines (a line whose cells are all empty, such as `,,`), and turns papaparse's
 * quote errors into located problems. It refuses text that is not CSV at all:
 * empty, binary (NUL characters), JSON or XML.
 */
import Papa from 'papaparse';
import type { ProblemLog } from '../common/problem-log';

export type Delimiter = ',' | ';' | '\t';

export interface CsvRow {
  cells: string[];
  /** 1-based line the row starts on, counting the BOM-less text as the file shows it. */
  line: number;
  /** The row as written in the file, without its line end (a dated edge list quotes it verbatim). */
  text: string;
}

export interface CsvText {
  delimiter: Delimiter;
  /** Non-blank rows, in order. */
  rows: CsvRow[];
}

/** Whether a row's cells are all empty or blanks (a blank line, or only delimiters). */
function blank(cells: readonly string[]): boolean {
  for (let i = 0; i < cells.length; i++) if (cells[i]!.trim() !== '') return false;
  return true;
}

/** `\n`, `\r\n` and a lone `\r` each end a line. */
export function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/** The first lines of a text split as CSV would (newlines inside quotes do not split), up to `max` non-blank ones. */
function firstLogicalLines(text: string, max: number): string[] {
  const lines: string[] = [];
  let start = 0;
  let quoted = false;
  const limit = Math.min(text.length, 1 << 16);
  for (let i = 0; i < limit && lines.length < max; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      const line = text.slice(start, i);
      if (line.trim() !== '') lines.push(line);
      if (c === '\r' && text[i + 1] === '\n') i++;
      start = i + 1;
    }
  }
  if (lines.length < max && start < limit) {
    const line = text.slice(start, limit);
    if (line.trim() !== '') lines.push(line);
  }
  return lines;
}

/** Occurrences of `d` outside quotes. */
function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === d) n++;
  }
  return n;
}

/**
 * Comma, semicolon or tab: the one that splits the first 20 non-blank lines
 * most consistently (the same count, above zero, on most lines), then the one
 * with the larger count. A title line without delimiters does not decide.
 */
export function guessDelimiter(text: string): Delimiter {
  const lines = firstLogicalLines(text, 20);
  let best: Delimiter = ',';
  let bestScore = [-1, -1];
  for (const d of [',', ';', '\t'] as const) {
    const counts = lines.map((l) => countOutsideQuotes(l, d)).filter((n) => n > 0);
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const n of counts) freq.set(n, (freq.get(n) ?? 0) + 1);
    let mode = 0;
    let modeCount = 0;
    for (const [n, f] of freq) if (f > modeCount || (f === modeCount && n > mode)) [mode, modeCount] = [n, f];
    const score = [modeCount, mode];
    if (score[0]! > bestScore[0]! || (score[0] === bestScore[0] && score[1]! > bestScore[1]!)) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** The line end of the first line break outside quotes. */
function guessNewline(text: string): '\n' | '\r\n' | '\r' {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '\r') return text[i + 1] === '\n' ? '\r\n' : '\r';
    else if (!quoted && c === '\n') return '\n';
  }
  return '\n';
}

export const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/**
 * Splits a CSV text into rows. `at(line)` words a location (`line 3`, or
 * `actors.csv, line 3` when several files are read). Returns null, with the
 * errors in `problems`, when the text is not CSV; quote errors are reported
 * but the rows are still returned, so a ragged row after them is reported too.
 */
export function splitCsv(text: string, problems: ProblemLog, at: (line: number) => string): CsvText | null {
  let body = stripBom(text);
  if (body.trim() === '') {
    problems.error(at(1), 'the file is empty');
    return null;
  }
  const nul = body.indexOf('\u0000');
  if (nul >= 0) {
    problems.error(at(1 + countLineBreaks(body, 0, nul)), 'this is not a text file (it holds NUL characters): save it as CSV (comma- or tab-separated text)');
    return null;
  }
  const firstChar = /\S/.exec(body)?.[0];
  if (firstChar === '{' || firstChar === '[') {
    problems.error(at(1), 'this looks like JSON, not CSV: open it as a JSON file');
    return null;
  }
  if (firstChar === '<') {
    problems.error(at(1), 'this looks like XML (GEXF or GraphML?), not CSV');
    return null;
  }

  let line = 1;
  let delimiter: Delimiter | null = null;
  // Excel's "sep=;" first line names the delimiter.
  const sep = /^sep=([,;\t])(\r\n|\r|\n)/.exec(body);
  if (sep) {
    delimiter = sep[1] as Delimiter;
    body = body.slice(sep[0].length);
    line = 2;
  }
  delimiter ??= guessDelimiter(body);

  const rows: CsvRow[] = [];
  let offset = 0;
  const newline = guessNewline(body);
  /** One row as papaparse gives it: its cells, the cursor after it and the line end that closes it, its errors. */
  const take = (cells: string[], cursor: number, errors: readonly Papa.ParseError[] | null, lineText?: string) => {
    const start = offset;
    offset = cursor;
    const rowLine = line;
    line += countLineBreaks(body, start, offset);
    if (errors !== null && errors.length > 0) {
      // After "text after a closing quote" papaparse also reports the quote as never closed: one cause, one error.
      const invalid = errors.some((e) => e.code === 'InvalidQuotes');
      for (const err of errors) {
        if (invalid && err.code === 'MissingQuotes') continue;
        const message =
          err.code === 'MissingQuotes'
            ? 'a quoted cell is never closed'
            : err.code === 'InvalidQuotes'
              ? 'a quoted cell has text after its closing quote (write a quote inside a quoted cell as "")'
              : err.message;
        if (!problems.items.some((p) => p.path === at(rowLine) && p.message === message)) problems.error(at(rowLine), message);
      }
    }
    if (blank(cells)) return; // blank line, or only delimiters
    // The row's text without the line end that closes it (by hand: a regular expression per row cost ~15 ms at 50k rows).
    let end = offset;
    if (end > start && body.charCodeAt(end - 1) === 10) end--;
    if (end > start && body.charCodeAt(end - 1) === 13 && (end === offset || body.charCodeAt(end) === 10)) end--;
    // The split's line is that text when no \r was cut off it: one string per row fewer, kept until the import ends.
    rows.push({ cells, line: rowLine, text: lineText !== undefined && lineText.length === end - start ? lineText : body.slice(start, end) });
  };
  if (body.indexOf('"') < 0 && newline === '\n' && body.indexOf('\r') < 0) {
    // No quote and no \r anywhere (most files written on Linux or macOS): each row is one line and
    // its text is the split's line, so take()'s count of line breaks and cut of the line end are
    // known: line + 1, and the line itself. The same rows (csv-fast-paths.test.ts).
    let from = 0;
    for (;;) {
      const to = body.indexOf('\n', from);
      const text = to < 0 ? body.slice(from) : body.slice(from, to);
      const cells = text.split(delimiter);
      if (!blank(cells)) rows.push({ cells, line, text });
      if (to < 0) break;
      line++;
      from = to + 1;
    }
    return { delimiter, rows };
  }
  if (body.indexOf('"') < 0) {
    // No quote anywhere: papaparse's own "fast mode" (papaparse.js, Parser.parse: the text split at
    // `newline`, each line at the delimiter, no errors possible), without its result object and
    // step call per row: ~40 ms less at 50,000 rows. The same rows and cursors (csv-format.test.ts).
    let from = 0;
    for (;;) {
      const to = body.indexOf(newline, from);
      const text = to < 0 ? body.slice(from) : body.slice(from, to);
      if (to < 0) {
        take(text.split(delimiter), body.length, null, text);
        break;
      }
      take(text.split(delimiter), to + newline.length, null, text);
      from = to + newline.length;
    }
    return { delimiter, rows };
  }
  Papa.parse<string[]>(body, {
    header: false,
    skipEmptyLines: false,
    delimiter,
    newline,
    // papaparse's cursor stands after the row and the line end that closes it.
    step: (result) => take(result.data, result.meta.cursor, result.errors),
  });
  return { delimiter, rows };
}
