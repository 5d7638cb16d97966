/**
 * CSV import and export. Reads, from one or several files told apart by their
 * headers (never by their names):
 *
 *  1. an edge list alone: `source,target,type`, Kumu's `From,To,Type`, Gephi's
 *     `Source,Target,Type,Id,Label,Weight` …; actors are the ids it mentions,
 *     in order of first mention (name = id, kind `organization`);
 *  2. an actors file (an id column, no source/target) plus a relations file;
 *     an actors file alone gives actors and no relations (with a warning);
 *  3. our own export (own.ts): actors, relations, claims and meta files,
 *     whose first header cell `actorscope:…` marks them.
 *
 * Which column holds what comes from `guessColumns()` (columns.ts), or
 * from the mapping the user confirmed: `csvFormat.read(files, { mapping })`
 * for one file, `{ mappings: [...] }` for several (in the order of `files`).
 * Other columns become attributes, typed per column (numbers, true/false,
 * text). Gephi's edge `Type` column (directed/undirected) is recognised and
 * kept as an attribute. Our own files are read strictly and exactly: no
 * trimming, typed attribute cells, formula escaping undone.
 *
 * Text handling (rows.ts): delimiter `,` `;` or tab, BOM, CRLF/CR, blank
 * lines, Excel's `sep=;` line. A **preamble** (title lines before the header,
 * as in SIPRI's raw exports) is skipped with a warning when the first row with
 * several cells is a header we recognise (or the mapping fits it); otherwise
 * it is an error on line 1 that says so — never a silent misreading.
 *
 * Problems are located `line L, column NAME` (prefixed `FILE, ` when several
 * files are read), also for what restore() finds. Ragged rows, unclosed
 * quotes, empty ids and ends, ends that are no actor of the actors file are
 * errors, and any error refuses the whole import. Duplicate actor ids and
 * duplicate relation ids: the first row wins, the others are dropped with a
 * warning (as Gephi does).
 *
 * The parts, one concept a file: rows.ts (text → rows: delimiter, BOM,
 * line ends, quotes), header.ts (each file's header, preamble, column
 * roles and kind; inspectCsv for the UI), columns.ts (guessing roles,
 * typing attribute columns), foreign-rows.ts and own-rows.ts (the rows of
 * other tools' files and of ours, as records for the one records-to-dataset
 * step, common/records-to-dataset.ts), dated-rows.ts (an edge list with a
 * date or weight column: one relation per source, target and type, one
 * dated claim per row), table.ts (what those share, the CSV
 * dialect among it), own.ts (our four-file export). This file puts them
 * together: readCsv and the format.
 */
import type { Dataset } from '../../model/types';
import { titleFromName, type SourceMap } from '../common/finish';
import { recordsToDataset, type RecordMapper } from '../common/records-to-dataset';
import { ProblemLog, summariseRepeats } from '../common/problem-log';
import type { Bag } from '../common/records';
import type { FileFormat, FormatImportResult, InputFile, OutputFile } from '../format';
import { readForeignActors, readForeignRelations } from './foreign-rows';
import { readTables, type CsvReadOptions } from './header';
import { writeOwnCsv } from './own';
import { withSourceIds } from '../../schema/version1-sources';
import { CLAIM_FIELD_COLUMNS, readOwnActors, readOwnClaims, readOwnMeta, readOwnRelations } from './own-rows';
import { csvMapper, fullRows, locate, tableRecords, type Ends, type Located, type Table, type TableKind, type TableRecords } from './table';

export { guessColumns, type ColumnMapping, type ColumnRole, type CsvFileKind } from './columns';
export { inspectCsv, type CsvPreview, type CsvReadOptions } from './header';

export interface CsvFileFormat extends FileFormat {
  read(files: readonly InputFile[], options?: CsvReadOptions): FormatImportResult;
}

/** The files by kind, one of each; errors when two share a kind or the set cannot make a dataset. */
function tablesByKind(tables: readonly Table[], files: readonly InputFile[], log: ProblemLog): Map<TableKind, Table> {
  const byKind = new Map<TableKind, Table>();
  for (const table of tables) {
    const other = byKind.get(table.kind);
    if (other) {
      log.error(table.file.name, `a second ${table.kind} file (after ${other.file.name}): give one ${table.kind} file`);
      continue;
    }
    byKind.set(table.kind, table);
  }
  const claimTable = byKind.get('claims');
  if (!byKind.has('actors') && !byKind.has('relations')) {
    log.error(files[0]!.name, 'no actors or relations file among the files given');
  }
  if (claimTable && !byKind.has('relations')) log.error(claimTable.file.name, 'a claims file needs the relations file it belongs to');
  return byKind;
}

/** Records read so far, each with where its fields are in the files. */
interface CsvRecords {
  actors: TableRecords;
  actorsRead: number;
  relations: TableRecords;
  relationsRead: number;
}

function readActorTable(actorTable: Table | undefined, mapper: RecordMapper): CsvRecords {
  const log = mapper.log;
  const r: CsvRecords = { actors: tableRecords(), actorsRead: 0, relations: tableRecords(), relationsRead: 0 };
  if (!actorTable) return r;
  const rows = fullRows(actorTable, log);
  r.actorsRead = actorTable.rows.length;
  if (!actorTable.own && actorTable.rows.length === 0) {
    log.error(actorTable.at(actorTable.header.line + 1), 'the header is not followed by any actor');
  }
  if (actorTable.own) readOwnActors(actorTable, rows, r.actors, mapper);
  else readForeignActors(actorTable, rows, r.actors, mapper);
  return r;
}

function readRelationTable(relationTable: Table | undefined, actorTable: Table | undefined, r: CsvRecords, mapper: RecordMapper): void {
  const log = mapper.log;
  if (!relationTable) {
    if (actorTable && r.actors.records.length > 0) log.warn(actorTable.at(actorTable.header.line), `an actors file alone: ${r.actors.records.length} actors and no relations`);
    return;
  }
  const rows = fullRows(relationTable, log);
  r.relationsRead = relationTable.rows.length;
  if (!relationTable.own && relationTable.rows.length === 0) {
    log.error(relationTable.at(relationTable.header.line + 1), 'the header is not followed by any relation');
  }
  const ends: Ends = { actors: r.actors, actorTable, mapper };
  if (relationTable.own) readOwnRelations(relationTable, rows, ends, r.relations);
  else readForeignRelations(relationTable, rows, ends, r.relations);
  if (!actorTable) r.actorsRead = r.actors.records.length;
}

/** restore()'s paths → `line L, column NAME` in the file each record came from. */
function csvSourceMap(r: CsvRecords, claimTable: Table | undefined, claimLines: Map<number, number[]>, metaTable: Table | undefined, metaLines: Map<string, number>): SourceMap {
  const claimWhere = (i: number, j: number): Located | undefined => {
    const line = claimLines.get(i)?.[j];
    return line === undefined || !claimTable ? undefined : { table: claimTable, line, columns: new Map(Object.entries(CLAIM_FIELD_COLUMNS)), attributes: new Map() };
  };
  return {
    actor: (i, field) => locate(r.actors.where[i], field, `actors[${i}]`),
    relation: (i, field) => {
      const claim = /^claims\[(\d+)\](?:\.(.*))?$/.exec(field);
      if (claim) return locate(claimWhere(i, Number(claim[1])), claim[2] ?? '', `relations[${i}].${field}`);
      return locate(r.relations.where[i], field, `relations[${i}]`);
    },
    other: (path) => {
      if (!metaTable) return path;
      const m = /^(sources\[\d+\])|^meta\.(history\[\d+\]|\w+)/.exec(path);
      const key = m?.[1] ?? m?.[2];
      const line = key === undefined ? undefined : metaLines.get(key);
      return line === undefined ? path : metaTable.at(line, 'value');
    },
  };
}

function readCsv(files: readonly InputFile[], options: CsvReadOptions = {}): FormatImportResult {
  const log = new ProblemLog();
  const fail = (): FormatImportResult => ({ ok: false, format: 'csv', problems: summariseRepeats(log.items) });
  if (files.length === 0) {
    log.error('', 'no file given');
    return fail();
  }
  const tables = readTables(files, options, log);
  if (log.hasErrors) return fail();
  const byKind = tablesByKind(tables, files, log);
  if (log.hasErrors) return fail();
  const actorTable = byKind.get('actors');
  const relationTable = byKind.get('relations');
  const claimTable = byKind.get('claims');
  const metaTable = byKind.get('meta');

  const mapper = csvMapper(log, { actors: actorTable?.own ?? false, relations: relationTable?.own ?? false });
  const records = readActorTable(actorTable, mapper);
  readRelationTable(relationTable, actorTable, records, mapper);
  const claimLines = new Map<number, number[]>();
  if (claimTable) readOwnClaims(claimTable, fullRows(claimTable, log), records.relations.records, records.relations.ids, claimLines, log);
  const metaLines = new Map<string, number>();
  let meta: Bag = { title: titleFromName((relationTable ?? actorTable)!.file.name) };
  const sources: unknown[] = [];
  if (metaTable) meta = readOwnMeta(metaTable, fullRows(metaTable, log), metaLines, log, sources) ?? meta;

  return recordsToDataset({
    format: 'csv',
    log,
    meta,
    sources: withSourceIds(sources),
    actors: records.actors.records,
    relations: records.relations.records,
    placement: { by: 'field', map: csvSourceMap(records, claimTable, claimLines, metaTable, metaLines), own: (relationTable ?? actorTable)!.own },
    actorsRead: records.actorsRead,
    relationsRead: records.relationsRead,
  });
}

export const csvFormat: CsvFileFormat = {
  id: 'csv',
  label: 'CSV (edge list, actors + relations, or Actorscope export)',
  extensions: ['csv', 'tsv', 'txt'],
  sniff(text) {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const first = body.split(/\r\n|\r|\n/, 50).find((l) => l.trim() !== '') ?? '';
    return !/^\s*[{[<]/.test(first) && /[,;\t]/.test(first);
  },
  read: readCsv,
  write(dataset: Dataset, baseName: string): OutputFile[] {
    return writeOwnCsv(dataset, baseName);
  },
};
