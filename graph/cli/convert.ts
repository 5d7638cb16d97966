/**
 * `actorscope convert IN OUT`: any format Actorscope reads to any it writes,
 * through the same import and export requests the explorer sends its worker,
 * so a file converted here reads back as the explorer would read it.
 *
 * - The input format comes from IN (its extension, then a look at its start;
 *   JSON by its shape); `--from FORMAT` forces it.
 * - The output format comes from OUT's extension: `.json` our format,
 *   `.graphology.json` graphology JSON, `.nodelink.json` node-link JSON
 *   (networkx, D3), `.cyjs` Cytoscape.js JSON, `.gexf`,
 *   `.graphml`, `.csv` our CSV set; `--to FORMAT` forces it. No format → exit 2.
 * - CSV out is four files (csvFormat.write): OUT is a base name, or a path
 *   ending in `.csv`, and BASE-actors.csv, -relations.csv, -claims.csv and
 *   -meta.csv are written next to it. CSV in: IN may name that base the same
 *   way (`out.csv` when only `out-*.csv` exist), or one file of the set, and
 *   the set's other files that exist are read with it, so nothing is lost.
 * - Nothing is written unless the whole input reads (errors: exit 1, each
 *   located) and the whole output could be made (a character GEXF/GraphML
 *   cannot carry: exit 1, naming the actor or relation). An existing file is
 *   not overwritten without `--force` (exit 1, nothing written).
 * - Warnings go to stderr; stdout says what was written.
 */
import type { ImportFile } from '../io/format';
import { FORMAT_NAMES, type ReadResult } from '../io/read-dataset';
import { UsageError, ask, parseCommandArgs, printProblems, readFileResult, readInputFile, type Io } from './common';
import { outputFormat, writeDataset } from './write-dataset';

export const CONVERT_USAGE = 'actorscope convert IN OUT [--from FORMAT] [--to FORMAT] [--force]';

/** The four files of our CSV export, by the suffix csvFormat.write gives them. */
const CSV_SET = ['actors', 'relations', 'claims', 'meta'] as const;
const CSV_MEMBER = /^(.*)-(actors|relations|claims|meta)\.csv$/i;

/**
 * The files of our CSV set that IN stands for, or null when IN is read as one
 * file: IN names a base whose BASE-*.csv exist (and IN itself does not), or IN
 * is one file of the set whose siblings exist.
 */
function csvSet(io: Io, input: string, from: string | undefined): string[] | null {
  if (from !== undefined && from !== 'csv') return null;
  const member = CSV_MEMBER.exec(input);
  const exists = io.exists(input);
  let base: string;
  if (member && exists) base = member[1]!;
  else if (!exists && (from === 'csv' || /\.csv$/i.test(input))) base = input.replace(/\.csv$/i, '');
  else return null;
  const present = CSV_SET.map((kind) => `${base}-${kind}.csv`).filter((path) => io.exists(path));
  // A set needs its actors or relations file; one file alone is read as itself.
  const core = present.some((p) => /-(actors|relations)\.csv$/i.test(p));
  return core && (present.length > 1 || !exists) ? present : null;
}

/** Reads IN (one file, or our CSV set); problems printed; null means exit 1. */
function readInput(io: Io, input: string, from: string | undefined): Extract<ReadResult, { ok: true }> | null {
  if (from !== undefined && !FORMAT_NAMES.includes(from)) {
    throw new UsageError(`--from must be one of ${FORMAT_NAMES.join(', ')}, not "${from}"`);
  }
  const set = csvSet(io, input, from);
  let read: ReadResult | null;
  if (set) {
    if (set.length > 1 || set[0] !== input) io.err(`${input}: reading the CSV files ${set.join(', ')} together`);
    const files: ImportFile[] = [];
    for (const path of set) {
      const file = readInputFile(io, path);
      if (!file) return null;
      files.push(file);
    }
    const result = ask({ type: 'import', files, options: { format: 'csv' } });
    read = result.ok
      ? { ok: true, dataset: result.dataset, warnings: result.report.warnings, format: result.report.format }
      : { ok: false, problems: result.problems, format: result.format };
  } else {
    read = readFileResult(io, input, from);
  }
  if (!read) return null;
  // With several files the problems name their file already.
  const label = set ? (set.length > 1 ? '' : set[0]!) : input;
  if (!read.ok) {
    printProblems(io, label, read.problems);
    io.err(`${input}: not converted; nothing written`);
    return null;
  }
  printProblems(io, label, read.warnings);
  return read;
}

export function runConvert(args: string[], io: Io): number {
  const { values, positionals } = parseCommandArgs(args, { from: 'string', to: 'string', force: 'boolean' });
  if (values.format !== undefined) throw new UsageError('convert takes --from FORMAT for IN and --to FORMAT for OUT, not --format');
  if (values.json) throw new UsageError('convert has no --json output');
  const [input, out, ...rest] = positionals;
  if (!input || !out) throw new UsageError('convert needs IN and OUT');
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
  const format = outputFormat(out, values.to);

  const read = readInput(io, input, values.from);
  if (!read) return 1;
  const { dataset } = read;

  return writeDataset(io, dataset, out, { format, force: values.force }) ? 0 : 1;
}
