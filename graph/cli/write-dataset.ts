/**
 * A dataset written where OUT says, in the format its extension names (or
 * `--to`): one file, or our CSV set of four next to OUT. Nothing is written
 * unless the whole output could be made, and no existing file is replaced
 * without `--force`. convert and add-source write through here.
 */
import type { Dataset } from '../model/types';
import type { FormatId } from '../io/format';
import { FORMAT_NAMES } from '../io/read-dataset';
import { UsageError, ask, fileErrorText, type Io } from './common';
import { clean } from './terminal';

/** OUT's extension → the format written; the first match wins. */
const OUTPUT_EXTENSIONS: ReadonlyArray<readonly [RegExp, FormatId]> = [
  [/\.graphology\.json$/i, 'graphology-json'],
  [/\.nodelink\.json$/i, 'node-link'],
  [/\.json$/i, 'actorscope-json'],
  [/\.cyjs$/i, 'cytoscape-json'],
  [/\.csv$/i, 'csv'],
  [/\.gexf$/i, 'gexf'],
  [/\.graphml$/i, 'graphml'],
];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `dir/name.ext` → `dir/` (Node-free: both separators). */
function folderOf(path: string): string {
  return path.slice(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** `--to`, else OUT's extension; `json` means our JSON. */
export function outputFormat(out: string, to: string | undefined): FormatId {
  if (to !== undefined) {
    if (!FORMAT_NAMES.includes(to)) throw new UsageError(`--to must be one of ${FORMAT_NAMES.join(', ')}, not "${to}"`);
    return to === 'json' ? 'actorscope-json' : (to as FormatId);
  }
  const found = OUTPUT_EXTENSIONS.find(([pattern]) => pattern.test(out));
  if (!found) {
    throw new UsageError(
      `cannot tell the output format from "${out}": end it with .json, .graphology.json, .nodelink.json, .cyjs, .csv, .gexf or .graphml, or give --to (${FORMAT_NAMES.join(', ')})`,
    );
  }
  return found[1];
}

/** The files to write, with the paths they go to. Throws the writer's Error (a character XML cannot carry). */
function outputFiles(dataset: Dataset, format: FormatId, out: string): { targets: Array<{ path: string; text: string }>; shown: string } {
  if (format !== 'csv') {
    const [file] = ask({ type: 'export', dataset, format, baseName: 'dataset' });
    return { targets: [{ path: out, text: file!.text }], shown: out };
  }
  const base = out.replace(/\.csv$/i, '');
  const folder = folderOf(base);
  const files = ask({ type: 'export', dataset, format: 'csv', baseName: base.slice(folder.length) });
  return { targets: files.map((f) => ({ path: `${folder}${f.name}`, text: f.text })), shown: base };
}

/** Writes the dataset to OUT; says what it wrote (stdout) or why it wrote nothing (stderr). False: exit 1. */
export function writeDataset(io: Io, dataset: Dataset, out: string, options: { format: FormatId; force: boolean }): boolean {
  const { format } = options;
  let planned: ReturnType<typeof outputFiles>;
  try {
    planned = outputFiles(dataset, format, out);
  } catch (err) {
    io.err(`${out}: ${clean(err instanceof Error ? err.message : String(err))}; nothing written`);
    return false;
  }
  const existing = options.force ? [] : planned.targets.filter((t) => io.exists(t.path));
  if (existing.length) {
    for (const t of existing) io.err(`${t.path}: exists already; give --force to overwrite it`);
    io.err(`${out}: nothing written`);
    return false;
  }
  const written: string[] = [];
  for (const target of planned.targets) {
    try {
      io.writeFile(target.path, target.text);
    } catch (err) {
      const why = fileErrorText(err, 'no such folder');
      io.err(`${target.path}: cannot write: ${why}${written.length ? ` (written before it: ${written.join(', ')})` : ''}`);
      return false;
    }
    written.push(target.path);
  }
  const what = `${plural(dataset.actors.length, 'actor')}, ${plural(dataset.relations.length, 'relation')}`;
  if (format === 'csv') {
    io.out(clean(`wrote ${what} to ${planned.shown} (csv, ${written.length} files):`));
    for (const path of written) io.out(`  ${clean(path)}`);
  } else {
    io.out(clean(`wrote ${what} to ${out} (${format})`));
  }
  return true;
}
