/**
 * A CSV file once its header is known (header.ts): its kind, column names
 * and roles, and its rows; and what the readers of its rows share — where a
 * field lands (`line L, column NAME`, for restore()'s problems), rows of the
 * wrong width, and the actors a relation's ends name.
 */
import type { ProblemLog } from '../common/problem-log';
import type { ColumnRole, CsvFileKind } from './columns';
import type { CsvRow } from './rows';
import type { InputFile } from '../format';
import type { Bag } from '../common/records';

export type At = (line: number, column?: string) => string;
/** `column NAME`, or `FILE, column NAME` when several files are read. */
export type AtColumn = (column: string) => string;
export type TableKind = CsvFileKind | 'claims' | 'meta';

export interface Table {
  file: InputFile;
  at: At;
  atColumn: AtColumn;
  kind: TableKind;
  own: boolean;
  header: CsvRow;
  /** Column names for messages and attribute keys (foreign: trimmed, empty and repeated names renamed). */
  names: string[];
  rows: CsvRow[];
  /** Foreign files: the role of each column (null: attribute). Own files: derived from the fixed columns. */
  roles: Array<ColumnRole | null>;
}

/** Rows whose cell count matches the header; the others are reported. */
export function fullRows(table: Table, problems: ProblemLog): CsvRow[] {
  const width = table.header.cells.length;
  const out: CsvRow[] = [];
  for (const row of table.rows) {
    if (row.cells.length === width) out.push(row);
    else problems.error(table.at(row.line), `${row.cells.length} cells where the header has ${width}`);
  }
  return out;
}

/** Where restore()'s field of an actor or relation lands in a table: the column name, if any. */
export interface Located {
  table: Table;
  line: number;
  /** field ('id', 'name', 'source', …) → column name */
  columns: ReadonlyMap<string, string>;
  /** attribute key → column name */
  attributes: ReadonlyMap<string, string>;
}

/** The `line L, column NAME` of a restore() field (`name`, `attributes.KEY`, `locator.chars`…) of a located item; `fallback` when it has none. */
export function locate(where: Located | undefined, field: string, fallback: string): string {
  if (!where) return fallback;
  let column: string | undefined;
  if (field.startsWith('attributes.')) column = where.attributes.get(field.slice('attributes.'.length));
  else if (field !== '') column = where.columns.get(field) ?? where.columns.get(/^[^.[]+/.exec(field)?.[0] ?? field);
  return where.table.at(where.line, column);
}

/** Records read from a table: each with where its fields are, and the index of each id. */
export interface TableRecords {
  records: Bag[];
  where: Located[];
  ids: Map<string, number>;
}

export const tableRecords = (): TableRecords => ({ records: [], where: [], ids: new Map() });

/** Adds a record read on a row; `id` (if any) names it for the rows that refer to it. */
export function addRecord(out: TableRecords, id: string, record: Bag, where: Located): void {
  if (id !== '') out.ids.set(id, out.records.length);
  out.records.push(record);
  out.where.push(where);
}

/** The actors read so far, which the ends of relations must name (or, for an edge list alone, add). */
export interface Ends {
  actors: TableRecords;
  actorTable: Table | undefined;
}

/** An end of a relation: an actor of the actors file, or (edge list alone) a new actor named by its id. */
export function resolveEnd(id: string, ends: Ends, table: Table, line: number, column: string, problems: ProblemLog): boolean {
  if (ends.actors.ids.has(id)) return true;
  if (ends.actorTable) {
    problems.error(table.at(line, column), `${JSON.stringify(id)} is not the id of any actor in ${ends.actorTable.file.name}`);
    return false;
  }
  addRecord(ends.actors, id, { id, name: id, kind: 'organization' }, { table, line, columns: new Map([['id', column], ['name', column]]), attributes: new Map() });
  return true;
}
