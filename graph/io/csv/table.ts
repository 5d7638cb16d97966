/**
 * A CSV file once its header is known (header.ts): its kind, column names
 * and roles, and its rows; and what the readers of its rows share — the
 * CSV dialect of the records-to-dataset step, where a field lands (`line L,
 * column NAME`, for restore()'s problems), rows of the wrong width, and the
 * actors a relation's ends name.
 */
import type { ProblemLog } from '../common/problem-log';
import type { Dialect } from '../common/dialect';
import { RecordMapper } from '../common/records-to-dataset';
import type { Bag, Field, FileValue, RelationRecord } from '../common/records';
import type { InputFile } from '../format';
import type { ColumnRole, CsvFileKind } from './columns';
import { ATTRIBUTE_PREFIX } from './own';
import type { CsvRow, Delimiter } from './rows';

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
  /** The delimiter the file uses (`;` allows decimal commas in number columns). */
  delimiter: Delimiter;
}

/** `a; b | c` or a JSON list → names. */
function splitAliases(text: string): string[] | string {
  if (text.startsWith('[')) {
    try {
      const v: unknown = JSON.parse(text);
      if (Array.isArray(v) && v.every((a) => typeof a === 'string')) return v;
    } catch {
      // not JSON: split below
    }
  }
  return text.split(/[;|]/).map((a) => a.trim()).filter((a) => a !== '');
}

/**
 * The CSV dialect: the header gave each column its role, so the rows' values
 * come tagged with the field they give and no name is looked up; a country
 * that is no code is warned at its first row (the reader sums up the rest);
 * unknown types are warned at their first row and summed up per column.
 */
const CSV_DIALECT: Dialect = {
  match: 'exact',
  actor: { kind: { names: [] }, aliases: { names: [] }, country: { names: [] }, notes: { names: [] } },
  relation: { type: { names: [] }, typeAfterNative: { names: [] }, notes: { names: [] } },
  parseAliases: splitAliases,
  keepCountry(log, value, code, nth) {
    if (nth === 1) log.warn(value.at, `${JSON.stringify(code)} is not a two-letter country code (ISO 3166-1): kept as the attribute ${JSON.stringify(value.name)}`);
    return value.name;
  },
  unknownTypes: 'first-then-count',
  originalType: 'last',
  ownFields: 'as-written',
  ownPrefix: ATTRIBUTE_PREFIX,
};

export const csvMapper = (log: ProblemLog, own: { actors: boolean; relations: boolean }): RecordMapper => new RecordMapper(CSV_DIALECT, log, own);

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
  mapper: RecordMapper;
}

/** An end of a relation: an actor of the actors file, or (edge list alone) a new actor named by its id. */
export function resolveEnd(id: string, ends: Ends, table: Table, line: number, column: string, problems: ProblemLog): boolean {
  if (ends.actors.ids.has(id)) return true;
  if (ends.actorTable) {
    problems.error(table.at(line, column), `${JSON.stringify(id)} is not the id of any actor in ${ends.actorTable.file.name}`);
    return false;
  }
  const actor = ends.mapper.actor({ id, at: table.at(line, column), names: [], values: [] });
  addRecord(ends.actors, id, actor, { table, line, columns: endColumns(column), attributes: NO_ATTRIBUTES });
  return true;
}

/** An actor named by a relation's end has its id and name in that column: one map per column, shared (10,000 actors at 10k/50k). */
const END_COLUMNS = new Map<string, ReadonlyMap<string, string>>();
const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();

function endColumns(column: string): ReadonlyMap<string, string> {
  let columns = END_COLUMNS.get(column);
  if (!columns) END_COLUMNS.set(column, (columns = new Map([['id', column], ['name', column]])));
  return columns;
}

/**
 * A cell's value whose place (`line L, column NAME`) is made only when a
 * message asks for it: nearly none does, and at 10k/50k an edge list's type
 * cells made 50,000 such strings, kept until the import ended.
 */
export class CellValue implements FileValue {
  constructor(
    readonly name: string,
    readonly value: unknown,
    readonly field: Field | undefined,
    private readonly table: Table,
    private readonly line: number,
    private readonly column: string,
  ) {}

  get at(): string {
    return this.table.at(this.line, this.column);
  }
}

/** A relation record of a row, its place (`line L`) made only when asked for, as CellValue's. */
export class RowRelationRecord implements RelationRecord {
  readonly directed = true;
  constructor(
    readonly id: string | null,
    readonly source: string,
    readonly target: string,
    readonly values: FileValue[],
    private readonly table: Table,
    private readonly line: number,
  ) {}

  get at(): string {
    return this.table.at(this.line);
  }
}
