/**
 * What every CLI command shares: the I/O seam, argument parsing, usage errors,
 * asking the core, and reading a dataset file. Node-free: graph/cli.ts
 * supplies the real I/O.
 */
import type { EvidenceReport } from '../analysis/evidence-setting';
import type { ImportFile } from '../io/format';
import { FORMAT_NAMES, type DatasetFormat, type ReadResult } from '../io/read-dataset';
import { handle, type Request, type Result } from '../protocol';
import { formatProblem, type Problem } from '../schema/problems';
import { clean } from './terminal';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /**
   * A file's bytes (decoded by the core, as the explorer's are: io/decode.ts),
   * or its text already decoded (the tests' fake files); throws an Error with
   * a `code` (ENOENT, EISDIR …), or with the reason in words (a device, too
   * large), when it cannot.
   */
  readFile: (path: string) => Uint8Array | string;
  /** Writes (creates or replaces) a file; throws like readFile. */
  writeFile: (path: string, text: string) => void;
  /** Whether anything (a file or a folder) is at the path. */
  exists: (path: string) => boolean;
  /** One of pdf.js's character maps (for PDFs in CJK fonts), from the installed pdfjs-dist. */
  pdfCMap?: (file: string) => Promise<Uint8Array>;
  /** A clock in milliseconds for `--time` (graph/cli.ts: performance.now); Date.now when absent. */
  now?: () => number;
}

/** Bad usage: exit 2 with the usage text. */
export class UsageError extends Error {}

/** A command's exit code; a command that reads documents (pdf.js) answers later. */
export type CommandRunner = (args: string[], io: Io) => number | Promise<number>;

export type OptionSpec = Record<string, 'boolean' | 'string'>;
type OptionValues<O extends OptionSpec> = {
  [K in keyof O]: O[K] extends 'boolean' ? boolean : string | undefined;
};

/**
 * `--flag`, `--name value`, `--name=value`, positionals, and `--` to end
 * options. `--json` and `--format` are common to every command. Unknown
 * options and missing values are usage errors.
 */
export function parseCommandArgs<O extends OptionSpec>(
  args: string[],
  spec: O,
): { values: OptionValues<O & { json: 'boolean'; format: 'string' }>; positionals: string[] } {
  const all: OptionSpec = { json: 'boolean', format: 'string', ...spec };
  const values: Record<string, boolean | string | undefined> = {};
  for (const [name, type] of Object.entries(all)) values[name] = type === 'boolean' ? false : undefined;
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const type = Object.prototype.hasOwnProperty.call(all, name) ? all[name] : undefined;
    if (!type) throw new UsageError(`unknown option --${name}`);
    if (type === 'boolean') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      values[name] = true;
    } else {
      const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
      values[name] = value;
    }
  }
  return { values: values as OptionValues<O & { json: 'boolean'; format: 'string' }>, positionals };
}

/** The one FILE argument of a command. */
export function fileArgument(command: string, positionals: string[]): string {
  const [file, ...rest] = positionals;
  if (!file) throw new UsageError(`${command} needs a FILE`);
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
  return file;
}

/** What a failed readFile/writeFile says, in words: `missing` for ENOENT (no such file, or no such folder). */
export function fileErrorText(err: unknown, missing: string): string {
  const code = (err as { code?: unknown }).code;
  if (code === 'ENOENT') return missing;
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return err instanceof Error ? err.message : String(err);
}

/** Each problem on stderr, after `FILE: ` (none when `file` is empty: the problems name their files). */
export function printProblems(io: Io, file: string, problems: readonly Problem[]): void {
  for (const p of problems) io.err(`${file === '' ? '' : `${file}: `}${clean(formatProblem(p))}`);
}

/**
 * The core's answer to a request: the same handle() the explorer's worker and
 * the tests call. A failure is thrown, and main() prints it as one line (exit 1).
 */
export function ask<R extends Request>(request: R): Result<R> {
  return askWeighed(request).result;
}

/** ask(), with what the request's evidence setting left out (no `evidence` when the request gave no setting). */
export function askWeighed<R extends Request>(request: R): { result: Result<R>; evidence?: EvidenceReport } {
  const response = handle(request);
  if (!response.ok) throw new Error(response.error);
  return response.evidence ? { result: response.result, evidence: response.evidence } : { result: response.result };
}

/** Reads and restores FILE; on failure prints the located problems and returns null. */
export function readFileResult(io: Io, file: string, format: string | undefined): ReadResult | null {
  if (format !== undefined && !FORMAT_NAMES.includes(format)) {
    throw new UsageError(`--format must be one of ${FORMAT_NAMES.join(', ')}, not "${format}"`);
  }
  const input = readInputFile(io, file);
  if (!input) return null;
  const forced = format as DatasetFormat | undefined;
  return ask('bytes' in input ? { type: 'read', bytes: input.bytes, name: file, format: forced } : { type: 'read', text: input.text, name: file, format: forced });
}

/** One input file as importFiles takes it; on failure the reason is printed and null returned. */
export function readInputFile(io: Io, path: string): ImportFile | null {
  let content: Uint8Array | string;
  try {
    content = io.readFile(path);
  } catch (err) {
    io.err(`${path}: ${fileErrorText(err, 'no such file')}`);
    return null;
  }
  return typeof content === 'string' ? { name: path, text: content } : { name: path, bytes: content };
}

/** Reads FILE as a dataset for an analysis command: problems go to stderr; null means exit 1. */
/**
 * An aligned text table: first `textColumns` columns left-aligned, the rest
 * right-aligned. Every cell is cleaned for the terminal (see terminal.ts).
 */
export function alignedTable(rawHeaders: string[], rawRows: string[][], textColumns = 2): string {
  const headers = rawHeaders.map(clean);
  const rows = rawRows.map((r) => r.map(clean));
  // A loop, not Math.max(...column): 10,000 rows as arguments cost more than the table.
  const widths = headers.map((h) => h.length);
  for (const r of rows) for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i]!, (r[i] ?? '').length);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i >= textColumns ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
