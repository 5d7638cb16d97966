/**
 * The last step every reader ends in (through recordsToDataset,
 * records-to-dataset.ts; our JSON directly, as the file is the dataset): the
 * raw dataset goes through restore(), restore()'s problems are told in the
 * file's own terms, and the result is the dataset with its import report, or
 * a refusal with every located problem.
 *
 * Two ways of reporting, as the families have always reported:
 * - `together` (CSV, graphology, Cytoscape.js, our node-link): the reader's
 *   problems and restore()'s go out together, any error refuses the file, and
 *   more than 20 of one shape are summed up here;
 * - `reader-first` (GEXF, GraphML, other tools' node-link, our JSON): the
 *   reader counted its repeats as it went; its errors refuse the file before
 *   restore() runs, and a refusal by restore() is reported on its own.
 */
import { DATASET_FORMAT, DATASET_VERSION, type Dataset } from '../../model/types';
import type { Problem } from '../../schema/problems';
import { restore } from '../../schema/restore';
import type { FormatId, FormatImportResult, InputFile } from '../format';
import { ProblemLog, summariseRepeats } from './problem-log';

export type Reporting = 'together' | 'reader-first';

/** What a reader hands to restore(): plain records, attributes as null-prototype objects. */
export interface RawDataset {
  version?: unknown;
  meta: unknown;
  /** The documents the claims quote (claims may also cite theirs inline). */
  sources?: unknown[];
  actors: unknown[];
  relations: unknown[];
}

/** The dataset envelope restore() reads. */
export function envelope(raw: RawDataset): unknown {
  return { format: DATASET_FORMAT, version: raw.version ?? DATASET_VERSION, meta: raw.meta, sources: raw.sources, actors: raw.actors, relations: raw.relations };
}

export interface FinishOptions {
  format: FormatId;
  /** What restore() is given: `envelope(raw)`, or the parsed file itself for our JSON. */
  input: unknown;
  log: ProblemLog;
  /** restore()'s problems in the file's terms (placed, and dropped or summed up); `dataset` is null when restore() refused. */
  fromRestore: (problems: Problem[], dataset: Dataset | null) => Problem[];
  reporting: Reporting;
  /** false: fromRestore drops restore()'s "no evidence" notes, so restore() need not make them (RestoreOptions). */
  evidenceNotes?: boolean;
  actorsRead: number;
  relationsRead: number;
}

const refuse = (format: FormatId, problems: Problem[]): FormatImportResult => ({ ok: false, format, problems });

export function finishImport(o: FinishOptions): FormatImportResult {
  const { format, log } = o;
  const together = o.reporting === 'together';
  if (!together && log.hasErrors) return refuse(format, log.errors);
  const restored = restore(o.input, { evidenceNotes: o.evidenceNotes ?? true });
  const fromRestore = restored.ok ? o.fromRestore(restored.warnings, restored.dataset) : o.fromRestore(restored.problems, null);
  // Read after fromRestore, which may add its sums to the log.
  const fromReader = together || restored.ok ? log.items : [];
  const all = together ? summariseRepeats([...fromReader, ...fromRestore]) : [...fromReader, ...fromRestore];
  if (!restored.ok || log.hasErrors) return refuse(format, all);
  return {
    ok: true,
    dataset: restored.dataset,
    report: { format, actorsRead: o.actorsRead, relationsRead: o.relationsRead, warnings: all },
  };
}

/**
 * Where restore()'s paths point in a file of records. `index` is the position
 * in the raw lists handed to restore(); `field` is what follows it (`name`,
 * `claims[0].grade`, `attributes.weight`, or `` for the record itself).
 */
export interface SourceMap {
  actor(index: number, field: string): string;
  relation(index: number, field: string): string;
  /** `meta.title`, `version`, … */
  other(path: string): string;
}

const RECORD_PATH = /^(actors|relations)\[(\d+)\](?:\.(.*))?$/;

/** restore()'s path → the file's own place. */
function relocate(problem: Problem, map: SourceMap): Problem {
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

/** restore()'s notes that a relation has no claims: expected, and noise, for files that cannot carry claims. */
const isEvidenceNote = (p: Problem) => p.severity === 'warning' && p.message.endsWith(NO_EVIDENCE) && isClaimsPath(p.path);
const NO_EVIDENCE = ' this relation has no evidence';

/**
 * `relations[N].claims`, by hand: restore() notes every relation of an edge
 * list (50,000 at 10k/50k), and two regular expressions each took ~20 ms of
 * `actorscope metrics`' time (tests/bench/README.md, "CLI whole process").
 */
function isClaimsPath(path: string): boolean {
  const head = 'relations[';
  const tail = '].claims';
  if (path.length <= head.length + tail.length || !path.startsWith(head) || !path.endsWith(tail)) return false;
  for (let i = head.length; i < path.length - tail.length; i++) {
    const c = path.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * restore()'s problems for a file of records, relocated. A file Actorscope
 * wrote (`own`: it carries claims) keeps the notes about relations without
 * evidence, as our JSON does; other tools' files drop them.
 */
export function placeByPath(map: SourceMap, own: boolean): (problems: Problem[]) => Problem[] {
  return (problems) => problems.filter((p) => own || !isEvidenceNote(p)).map((p) => relocate(p, map));
}

/** Refuses anything but one file, naming them. */
function oneFile(files: readonly InputFile[], format: FormatId, label: string): InputFile | FormatImportResult {
  if (files.length === 1) return files[0]!;
  const names = files.map((f) => f.name).join(', ');
  return refuse(format, [
    { severity: 'error', path: names, message: files.length === 0 ? `no file given: no ${label} file to read` : `${files.length} files given: ${label} reads one file at a time` },
  ]);
}

/** One file, handed to `read` with its name; anything but one file is refused. */
export function readOneFile(files: readonly InputFile[], format: FormatId, label: string, read: (text: string, name: string) => FormatImportResult): FormatImportResult {
  const file = oneFile(files, format, label);
  return 'ok' in file ? file : read(file.text, file.name);
}

/** The file name without folders: the title of a dataset read from a file that has none. */
export function titleFromName(name: string): string {
  const base = name.replace(/^.*[\\/]/, '');
  return base.trim() === '' ? 'Untitled' : base;
}
