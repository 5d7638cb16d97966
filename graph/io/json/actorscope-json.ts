/**
 * Our own format, `{ "format": "actorscope", "version": 1, meta, actors, relations }`:
 * read = parseJsonText (syntax errors at `line L:C`) + restore() (content errors
 * at JSON paths such as `relations[4].claims[0].grade`); write = pretty JSON.
 *
 * This file also holds the last step every importer shares, `finishImport()`:
 * the dataset a reader built goes through restore(), restore's paths are
 * translated back to places in the file (`elements.edges[3].data.claims[0].grade`,
 * `line 12, column grade`), repetitive problems are summarised, and the
 * result is refused whole if anything is an error.
 */
import { DATASET_FORMAT, DATASET_VERSION, type Dataset } from '../../model/types';
import { ProblemList, type Problem } from '../../schema/problems';
import { restore } from '../../schema/restore';
import type { FileFormat, FormatId, FormatImportResult, InputFile, OutputFile } from '../format';
import { parseJsonText } from './json-text';

/** What a reader hands to restore(): plain records, attributes as null-prototype objects. */
export interface RawDataset {
  version?: unknown;
  meta: unknown;
  actors: unknown[];
  relations: unknown[];
}

/**
 * Where restore()'s paths point in the file. `index` is the position in the
 * raw lists handed to restore(); `field` is what follows it (`name`,
 * `claims[0].grade`, `attributes.weight`, or `` for the record itself).
 */
export interface SourceMap {
  actor(index: number, field: string): string;
  relation(index: number, field: string): string;
  /** `meta.title`, `version`, … */
  other(path: string): string;
}

export const IDENTITY_MAP: SourceMap = {
  actor: (i, field) => `actors[${i}]${field ? `.${field}` : ''}`,
  relation: (i, field) => `relations[${i}]${field ? `.${field}` : ''}`,
  other: (path) => path,
};

const RECORD_PATH = /^(actors|relations)\[(\d+)\](?:\.(.*))?$/;

/** restore()'s path → the file's own place. */
export function relocate(problem: Problem, map: SourceMap): Problem {
  const m = RECORD_PATH.exec(problem.path);
  let path: string;
  if (m) {
    const index = Number(m[2]);
    const field = m[3] ?? '';
    path = m[1] === 'actors' ? map.actor(index, field) : map.relation(index, field);
  } else {
    path = map.other(problem.path);
  }
  return path === problem.path ? problem : { ...problem, path };
}

/** After this many problems of one shape, the rest are counted in one line. */
const SHOWN_PER_SHAPE = 10;
const SUMMARISE_OVER = 20;

/**
 * Keeps the first 10 problems of each shape (the message with its quoted
 * values and numbers blanked) when there are more than 20, and adds one
 * "N more like this" line: a 7,000-row file with 300 self-loops gives a
 * readable report, still located.
 */
export function summariseRepeats(problems: readonly Problem[]): Problem[] {
  const shape = (p: Problem) => `${p.severity}\u0000${p.message.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\d+/g, '0')}`;
  const counts = new Map<string, number>();
  for (const p of problems) counts.set(shape(p), (counts.get(shape(p)) ?? 0) + 1);
  if (![...counts.values()].some((n) => n > SUMMARISE_OVER)) return [...problems];
  const seen = new Map<string, number>();
  const out: Problem[] = [];
  for (const p of problems) {
    const key = shape(p);
    const total = counts.get(key)!;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (total <= SUMMARISE_OVER || n <= SHOWN_PER_SHAPE) out.push(p);
    else if (n === SHOWN_PER_SHAPE + 1) {
      out.push({ severity: p.severity, path: p.path, message: `${total - SHOWN_PER_SHAPE} more like this, the first here: ${p.message}` });
    }
  }
  return out;
}

/** restore()'s notes that a relation has no claims: expected, and noise, for files that cannot carry claims. */
const isEvidenceNote = (p: Problem) => p.severity === 'warning' && /^relations\[\d+\]\.claims$/.test(p.path) && / this relation has no evidence$/.test(p.message);

export interface FinishOptions {
  format: FormatId;
  raw: RawDataset;
  /** The reader's own problems, already located. Errors refuse the import (restore still runs, to report everything). */
  problems: ProblemList;
  map: SourceMap;
  actorsRead: number;
  relationsRead: number;
  /**
   * A file Actorscope wrote (it carries claims): restore()'s notes about
   * relations without evidence are kept, as for our JSON. For other tools'
   * files they are dropped.
   */
  own: boolean;
  /** Summarise repeated problems (default true). */
  summarise?: boolean;
}

/** The shared last step of every importer: restore(), relocate, summarise, refuse on any error. */
export function finishImport(options: FinishOptions): FormatImportResult {
  const { format, raw, problems, map, own } = options;
  const restored = restore({
    format: DATASET_FORMAT,
    version: raw.version ?? DATASET_VERSION,
    meta: raw.meta,
    actors: raw.actors,
    relations: raw.relations,
  });
  const fromRestore = (restored.ok ? restored.warnings : restored.problems).filter((p) => own || !isEvidenceNote(p));
  let all: Problem[] = [...problems.items, ...fromRestore.map((p) => relocate(p, map))];
  if (options.summarise !== false) all = summariseRepeats(all);
  if (!restored.ok || problems.hasErrors) {
    return { ok: false, format, problems: all };
  }
  return {
    ok: true,
    dataset: restored.dataset,
    report: { format, actorsRead: options.actorsRead, relationsRead: options.relationsRead, warnings: all },
  };
}

/** Refuses anything but one file, naming them. */
export function oneFile(files: readonly InputFile[], format: FormatId, label: string): InputFile | FormatImportResult {
  if (files.length === 1) return files[0]!;
  const names = files.map((f) => f.name).join(', ');
  return {
    ok: false,
    format,
    problems: [{ severity: 'error', path: names, message: files.length === 0 ? `no file given: no ${label} file to read` : `${files.length} files given: ${label} reads one file at a time` }],
  };
}

/** One JSON file, parsed (a syntax error located by line:column) and handed to `readValue` with its name. */
export function readOneJsonFile(
  files: readonly InputFile[],
  format: FormatId,
  label: string,
  readValue: (value: unknown, name: string) => FormatImportResult,
): FormatImportResult {
  const file = oneFile(files, format, label);
  if ('ok' in file) return file;
  const parsed = parseJsonText(file.text);
  if (!parsed.ok) return { ok: false, format, problems: [parsed.problem] };
  return readValue(parsed.value, file.name);
}

/** The file name without folders: the title of a dataset read from a file that has none. */
export function titleFromName(name: string): string {
  const base = name.replace(/^.*[\\/]/, '');
  return base.trim() === '' ? 'Untitled' : base;
}

/** An already-parsed value of our format → restored dataset; restore()'s paths are the file's paths. */
export function readActorscopeValue(value: unknown): FormatImportResult {
  const restored = restore(value);
  if (!restored.ok) return { ok: false, format: 'actorscope-json', problems: restored.problems };
  const count = (key: 'actors' | 'relations') => {
    const list = (value as Record<string, unknown>)[key];
    return Array.isArray(list) ? list.length : 0;
  };
  return {
    ok: true,
    dataset: restored.dataset,
    report: { format: 'actorscope-json', actorsRead: count('actors'), relationsRead: count('relations'), warnings: restored.warnings },
  };
}

export function writeActorscopeJson(dataset: Dataset): string {
  return `${JSON.stringify(dataset, null, 2)}\n`;
}

export const actorscopeJsonFormat: FileFormat = {
  id: 'actorscope-json',
  label: 'Actorscope dataset (JSON)',
  extensions: ['json'],
  sniff: (text) => /"format"\s*:\s*"actorscope"/.test(text.slice(0, 65536)),
  read: (files) => readOneJsonFile(files, 'actorscope-json', 'the Actorscope JSON format', (value) => readActorscopeValue(value)),
  write(dataset: Dataset, baseName: string): OutputFile[] {
    return [{ name: `${baseName}.json`, text: writeActorscopeJson(dataset), mime: 'application/json' }];
  },
};
