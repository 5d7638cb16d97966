/**
 * CSV import and export. Reads, from one or several files told apart by their
 * headers (never by their names):
 *
 *  1. an edge list alone: `source,target,type`, Kumu's `From,To,Type`, Gephi's
 *     `Source,Target,Type,Id,Label,Weight` …; actors are the ids it mentions,
 *     in order of first mention (name = id, kind `organization`);
 *  2. an actors file (an id column, no source/target) plus a relations file;
 *     an actors file alone gives actors and no relations (with a warning);
 *  3. our own export (csv-own.ts): actors, relations, claims and meta files,
 *     whose first header cell `actorscope:…` marks them.
 *
 * Which column holds what comes from `guessColumns()` (csv-columns.ts), or
 * from the mapping the user confirmed: `csvFormat.read(files, { mapping })`
 * for one file, `{ mappings: [...] }` for several (in the order of `files`).
 * Other columns become attributes, typed per column (numbers, true/false,
 * text). Gephi's edge `Type` column (directed/undirected) is recognised and
 * kept as an attribute. Our own files are read strictly and exactly: no
 * trimming, typed attribute cells, formula escaping undone.
 *
 * Text handling (csv-rows.ts): delimiter `,` `;` or tab, BOM, CRLF/CR, blank
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
 */
import type { Dataset } from '../model/types';
import { ProblemList, type Problem } from '../schema/problems';
import { finishImport, summariseRepeats, titleFromName, type RawDataset, type SourceMap } from './actorscope-json';
import {
  COLUMN_ROLES,
  ROLES_OF,
  fileKindOf,
  guessColumns,
  isDirectionColumn,
  normaliseHeader,
  typeColumn,
  typedValue,
  type ColumnMapping,
  type ColumnRole,
  type CsvFileKind,
  type TypedColumn,
} from './csv-columns';
import {
  ATTRIBUTE_PREFIX,
  META_KEYS,
  OWN_COLUMNS,
  decodeAttribute,
  ownFileKind,
  unneutralise,
  writeOwnCsv,
  type OwnFileKind,
} from './csv-own';
import { splitCsv, type CsvRow, type Delimiter } from './csv-rows';
import type { FileFormat, FormatImportResult, InputFile, OutputFile } from './format';
import { bag, hasOwn, type Bag } from './graphology-json';
import { UnknownTypeTally, mapActorKind } from './relation-type';

export { guessColumns, type ColumnMapping, type ColumnRole, type CsvFileKind } from './csv-columns';

export interface CsvReadOptions {
  /** Column roles of the first (or only) file, one per header column: what `guessColumns()` returns, corrected by the user. */
  mapping?: ColumnMapping;
  /** Column roles per file, in the order of `files`; an undefined entry is guessed. Wins over `mapping`. */
  mappings?: ReadonlyArray<ColumnMapping | undefined>;
}

export interface CsvFileFormat extends FileFormat {
  read(files: readonly InputFile[], options?: CsvReadOptions): FormatImportResult;
}

type At = (line: number, column?: string) => string;
/** `column NAME`, or `FILE, column NAME` when several files are read. */
type AtColumn = (column: string) => string;
type TableKind = CsvFileKind | 'claims' | 'meta';

interface Table {
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

const filledCells = (row: CsvRow) => row.cells.reduce((n, c) => n + (c.trim() !== '' ? 1 : 0), 0);
const preview = (cells: readonly string[]) => {
  const text = cells.join(',');
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
};

/**
 * The header row: the first, unless title lines precede it (a preamble). A
 * preamble is skipped with a warning when the first row with several cells is
 * a header we recognise (or the given mapping fits it), and is an error otherwise.
 */
function findHeader(rows: readonly CsvRow[], mapping: ColumnMapping | undefined, problems: ProblemList, at: At): number | null {
  const first = rows[0]!;
  if (ownFileKind(first.cells) !== null || filledCells(first) >= 2) return 0;
  let k = -1;
  for (let i = 1; i < Math.min(rows.length, 50); i++) {
    if (filledCells(rows[i]!) >= 2) {
      k = i;
      break;
    }
  }
  if (k < 0) return 0;
  const candidate = rows[k]!.cells.map((c) => c.trim());
  const fits = mapping ? mapping.length === candidate.length : fileKindOf(guessColumns(candidate)) !== null;
  const headerLine = rows[k]!.line;
  const lines = k === 1 ? `line ${first.line}` : `lines ${first.line}–${rows[k - 1]!.line}`;
  if (fits) {
    problems.warn(at(first.line), `${lines} skipped as a preamble (title lines before the header on line ${headerLine})`);
    return k;
  }
  // SIPRI's raw export: an empty corner cell, then years: a table of values, not a list of relations.
  const matrix = candidate[0] === '' && candidate.slice(1).filter((c) => /^\d+$/.test(c)).length >= 2;
  problems.error(
    at(first.line),
    `this looks like a preamble (${lines} before line ${headerLine}, the first with several cells); the header should be the first line: source,target,type for relations, or id,name for actors — and line ${headerLine} ${preview(candidate)} names no such columns${
      matrix ? ': it looks like a table of values (one row per actor, one column per year), not a list of relations' : ''
    }`,
  );
  return null;
}

/** Foreign header names: trimmed; empty ones become `column N`, repeated ones `NAME_2`, each with a warning. */
function columnNames(cells: readonly string[], line: number, problems: ProblemList, at: At): string[] {
  const names: string[] = [];
  const used = new Set<string>();
  cells.forEach((cell, i) => {
    let name = cell.trim();
    if (name === '') {
      name = `column ${i + 1}`;
      problems.warn(at(line, name), 'the header cell is empty; the column is called by its number');
    }
    if (used.has(name)) {
      let n = 2;
      while (used.has(`${name}_${n}`)) n++;
      problems.warn(at(line, name), `a second column of this name: renamed ${name}_${n}`);
      name = `${name}_${n}`;
    }
    used.add(name);
    names.push(name);
  });
  return names;
}

/** Checks a user's mapping against the header; returns the roles or null (errors reported). */
function checkMapping(mapping: ColumnMapping, names: readonly string[], line: number, problems: ProblemList, at: At): Array<ColumnRole | null> | null {
  if (mapping.length !== names.length) {
    problems.error(at(line), `the column mapping has ${mapping.length} entries where the header has ${names.length} columns`);
    return null;
  }
  const seen = new Map<ColumnRole, number>();
  let ok = true;
  mapping.forEach((role, i) => {
    if (role === null || role === 'skip') return;
    if (!COLUMN_ROLES.includes(role)) {
      problems.error(at(line, names[i]), `${JSON.stringify(role)} is not a column role (${COLUMN_ROLES.join(', ')})`);
      ok = false;
      return;
    }
    const j = seen.get(role);
    if (j !== undefined) {
      problems.error(at(line, names[i]), `mapped to ${role}, as column ${names[j]} is already`);
      ok = false;
    }
    seen.set(role, i);
  });
  return ok ? [...mapping] : null;
}

/** Tokenises each file and works out what it is. Errors refuse the import before any row is read. */
function readTables(files: readonly InputFile[], options: CsvReadOptions, problems: ProblemList): Table[] {
  const multi = files.length > 1;
  const tables: Table[] = [];
  files.forEach((file, index) => {
    const prefix = multi ? `${file.name}, ` : '';
    const at: At = (line, column) => `${prefix}line ${line}${column === undefined ? '' : `, column ${column}`}`;
    const atColumn: AtColumn = (column) => `${prefix}column ${column}`;
    const errorsBefore = problems.errors.length;
    const split = splitCsv(file.text, problems, (line) => at(line));
    // Quote errors make the rows after them meaningless: stop at them.
    if (!split || problems.errors.length > errorsBefore) return;
    if (split.rows.length === 0) {
      problems.error(at(1), 'the file holds only empty cells');
      return;
    }
    const mapping = options.mappings?.[index] ?? (index === 0 ? options.mapping : undefined);
    const h = findHeader(split.rows, mapping, problems, at);
    if (h === null) return;
    const header = split.rows[h]!;
    const rows = split.rows.slice(h + 1);
    const own = ownFileKind(header.cells);
    if (own !== null) {
      const table = ownTable(file, at, atColumn, own, header, rows, problems);
      if (table) tables.push(table);
      return;
    }
    const trimmed = header.cells.map((c) => c.trim());
    const names = columnNames(header.cells, header.line, problems, at);
    const roles = mapping ? checkMapping(mapping, names, header.line, problems, at) : guessColumns(trimmed, rows.map((r) => r.cells));
    if (!roles) return;
    const kind = fileKindOf(roles);
    if (kind === null) {
      problems.error(
        at(header.line),
        `the header must name a source and a target column (source,target,type), or an id column for an actors file (id,name); found ${preview(trimmed)}`,
      );
      return;
    }
    const misplaced = roles.findIndex((r) => r !== null && !ROLES_OF[kind].has(r));
    if (misplaced >= 0) {
      problems.error(at(header.line, names[misplaced]), `${roles[misplaced]} is not a column of a ${kind} file`);
      return;
    }
    if (!mapping) {
      // The guess found a Gephi direction column: say so.
      trimmed.forEach((name, i) => {
        if (roles[i] === null && normaliseHeader(name) === 'type' && isDirectionColumn(rows.map((r) => r.cells), i)) {
          problems.warn(at(header.line, names[i]), `holds directed/undirected (Gephi's edge direction), not relation types: kept as the attribute ${JSON.stringify(names[i])}`);
        }
      });
    }
    tables.push({ file, at, atColumn, kind, own: false, header, names, rows, roles });
  });
  return tables;
}

function ownTable(file: InputFile, at: At, atColumn: AtColumn, kind: OwnFileKind, header: CsvRow, rows: CsvRow[], problems: ProblemList): Table | null {
  const fixed = OWN_COLUMNS[kind];
  for (let i = 0; i < fixed.length; i++) {
    if (header.cells[i] !== fixed[i]) {
      problems.error(
        at(header.line, header.cells[i] ?? `${i + 1}`),
        `an Actorscope ${kind} file starts with the columns ${fixed.join(',')}; column ${i + 1} is ${header.cells[i] === undefined ? 'missing' : JSON.stringify(header.cells[i])}`,
      );
      return null;
    }
  }
  const names = [...header.cells];
  if ((kind === 'claims' || kind === 'meta') && names.length > fixed.length) {
    problems.warn(at(header.line, names[fixed.length]), `an Actorscope ${kind} file has no further columns; ignored`);
  }
  return { file, at, atColumn, kind, own: true, header, names, rows, roles: [] };
}

/** Rows whose cell count matches the header; the others are reported. */
function fullRows(table: Table, problems: ProblemList): CsvRow[] {
  const width = table.header.cells.length;
  const out: CsvRow[] = [];
  for (const row of table.rows) {
    if (row.cells.length === width) out.push(row);
    else problems.error(table.at(row.line), `${row.cells.length} cells where the header has ${width}`);
  }
  return out;
}

/** Where restore()'s field of an actor or relation lands in a table: the column name, if any. */
interface Located {
  table: Table;
  line: number;
  /** field ('id', 'name', 'source', …) → column name */
  columns: ReadonlyMap<string, string>;
  /** attribute key → column name */
  attributes: ReadonlyMap<string, string>;
}

const CLAIM_FIELD_COLUMNS: Readonly<Record<string, string>> = {
  quote: 'quote',
  source: 'source_title',
  'source.title': 'source_title',
  'source.publisher': 'source_publisher',
  'source.date': 'source_date',
  'source.url': 'source_url',
  locator: 'paragraph',
  'locator.paragraph': 'paragraph',
  'locator.chars': 'char_start',
  assertedBy: 'asserted_by',
  date: 'date',
  period: 'period_from',
  'period.from': 'period_from',
  'period.to': 'period_to',
  stance: 'stance',
  grade: 'grade',
  notes: 'notes',
};

function locate(where: Located | undefined, field: string, fallback: string): string {
  if (!where) return fallback;
  let column: string | undefined;
  if (field.startsWith('attributes.')) column = where.attributes.get(field.slice('attributes.'.length));
  else if (field !== '') column = where.columns.get(field) ?? where.columns.get(/^[^.[]+/.exec(field)?.[0] ?? field);
  return where.table.at(where.line, column);
}

/** Columns of a foreign table by role, and attribute columns by key. */
function foreignColumns(table: Table): { byRole: Map<ColumnRole, number>; attributes: number[] } {
  const byRole = new Map<ColumnRole, number>();
  const attributes: number[] = [];
  table.roles.forEach((role, i) => {
    if (role === null) attributes.push(i);
    else if (role !== 'skip') byRole.set(role, i);
  });
  return { byRole, attributes };
}

/** Types the attribute columns of a foreign table over its rows; warns where a column stays text. */
function typeAttributes(table: Table, rows: readonly CsvRow[], columns: readonly number[], problems: ProblemList): Map<number, TypedColumn> {
  const out = new Map<number, TypedColumn>();
  for (const c of columns) {
    const typed = typeColumn(
      rows.map((r) => r.cells[c]!.trim()),
      (k) => k,
    );
    if (typed.untyped) {
      const { row, value, reason } = typed.untyped;
      const shown = JSON.stringify(value.length > 30 ? `${value.slice(0, 27)}...` : value);
      problems.warn(
        table.at(rows[row]!.line, table.names[c]),
        reason === 'too-long'
          ? `${shown} has more digits than a number holds exactly; the column is kept as text`
          : `${shown} is not a number; the column, otherwise numbers, is kept as text`,
      );
    }
    out.set(c, typed);
  }
  return out;
}

function readCsv(files: readonly InputFile[], options: CsvReadOptions = {}): FormatImportResult {
  const problems = new ProblemList();
  const fail = (): FormatImportResult => ({ ok: false, format: 'csv', problems: summariseRepeats(problems.items) });
  if (files.length === 0) {
    problems.error('', 'no file given');
    return fail();
  }
  const tables = readTables(files, options, problems);
  if (problems.hasErrors) return fail();

  const byKind = new Map<TableKind, Table>();
  for (const table of tables) {
    const other = byKind.get(table.kind);
    if (other) {
      problems.error(table.file.name, `a second ${table.kind} file (after ${other.file.name}): give one ${table.kind} file`);
      continue;
    }
    byKind.set(table.kind, table);
  }
  const actorTable = byKind.get('actors');
  const relationTable = byKind.get('relations');
  const claimTable = byKind.get('claims');
  const metaTable = byKind.get('meta');
  if (!actorTable && !relationTable) {
    problems.error(files[0]!.name, 'no actors or relations file among the files given');
  }
  if (claimTable && !relationTable) problems.error(claimTable.file.name, 'a claims file needs the relations file it belongs to');
  if (problems.hasErrors) return fail();

  // Actors.
  const actors: Bag[] = [];
  const actorWhere: Located[] = [];
  const actorIds = new Map<string, number>();
  let actorsRead = 0;
  if (actorTable) {
    const rows = fullRows(actorTable, problems);
    actorsRead = actorTable.rows.length;
    if (!actorTable.own && actorTable.rows.length === 0) {
      problems.error(actorTable.at(actorTable.header.line + 1), 'the header is not followed by any actor');
    }
    if (actorTable.own) readOwnActors(actorTable, rows, actors, actorWhere, actorIds, problems);
    else readForeignActors(actorTable, rows, actors, actorWhere, actorIds, problems);
  }

  // Relations.
  const relations: Bag[] = [];
  const relationWhere: Located[] = [];
  const relationIds = new Map<string, number>();
  let relationsRead = 0;
  if (relationTable) {
    const rows = fullRows(relationTable, problems);
    relationsRead = relationTable.rows.length;
    if (!relationTable.own && relationTable.rows.length === 0) {
      problems.error(relationTable.at(relationTable.header.line + 1), 'the header is not followed by any relation');
    }
    const ends = { actors, actorWhere, actorIds, actorTable };
    if (relationTable.own) readOwnRelations(relationTable, rows, ends, relations, relationWhere, relationIds, problems);
    else readForeignRelations(relationTable, rows, ends, relations, relationWhere, relationIds, problems);
    if (!actorTable) actorsRead = actors.length;
  } else if (actorTable && actors.length > 0) {
    problems.warn(actorTable.at(actorTable.header.line), `an actors file alone: ${actors.length} actors and no relations`);
  }

  // Claims.
  const claimLines = new Map<number, number[]>();
  if (claimTable) readOwnClaims(claimTable, fullRows(claimTable, problems), relations, relationIds, claimLines, problems);

  // Meta.
  const metaLines = new Map<string, number>();
  let meta: Bag = { title: titleFromName((relationTable ?? actorTable)!.file.name) };
  if (metaTable) meta = readOwnMeta(metaTable, fullRows(metaTable, problems), metaLines, problems) ?? meta;

  const claimWhere = (i: number, j: number): Located | undefined => {
    const line = claimLines.get(i)?.[j];
    return line === undefined || !claimTable ? undefined : { table: claimTable, line, columns: new Map(Object.entries(CLAIM_FIELD_COLUMNS)), attributes: new Map() };
  };
  const map: SourceMap = {
    actor: (i, field) => locate(actorWhere[i], field, `actors[${i}]`),
    relation: (i, field) => {
      const claim = /^claims\[(\d+)\](?:\.(.*))?$/.exec(field);
      if (claim) return locate(claimWhere(i, Number(claim[1])), claim[2] ?? '', `relations[${i}].${field}`);
      return locate(relationWhere[i], field, `relations[${i}]`);
    },
    other: (path) => {
      if (!metaTable) return path;
      const key = /^meta\.(sources\[\d+\]|\w+)/.exec(path)?.[1];
      const line = key === undefined ? undefined : metaLines.get(key);
      return line === undefined ? path : metaTable.at(line, 'value');
    },
  };
  const raw: RawDataset = { meta, actors, relations };
  const own = (relationTable ?? actorTable)!.own;
  return finishImport({ format: 'csv', raw, problems, map, own, actorsRead, relationsRead });
}

// ---------------------------------------------------------------- actors

function readForeignActors(table: Table, rows: readonly CsvRow[], actors: Bag[], where: Located[], ids: Map<string, number>, problems: ProblemList): void {
  const { byRole, attributes } = foreignColumns(table);
  const col = (role: ColumnRole) => byRole.get(role);
  const idCol = col('id')!;
  const nameCol = col('name');
  const kindCol = col('kind');
  const aliasCol = col('aliases');
  const countryCol = col('country');
  const notesCol = col('notes');
  const columns = new Map<string, string>();
  for (const [role, i] of byRole) columns.set(role, table.names[i]!);
  const attributeColumns = new Map<string, string>(attributes.map((i) => [table.names[i]!, table.names[i]!]));
  if (countryCol !== undefined) attributeColumns.set(table.names[countryCol]!, table.names[countryCol]!);
  const located = (line: number): Located => ({ table, line, columns, attributes: attributeColumns });

  const kept: CsvRow[] = [];
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    const id = row.cells[idCol]!.trim();
    if (id === '') {
      problems.error(table.at(row.line, table.names[idCol]), 'empty: an actor needs an id');
      continue;
    }
    const first = firstLine.get(id);
    if (first !== undefined) {
      problems.warn(table.at(row.line, table.names[idCol]), `${JSON.stringify(id)} is used already on line ${first}: the first is kept, this row is dropped`);
      continue;
    }
    firstLine.set(id, row.line);
    kept.push(row);
  }
  const types = typeAttributes(table, kept, attributes, problems);
  let badCountries = 0;
  for (const row of kept) {
    const cell = (i: number | undefined) => (i === undefined ? '' : row.cells[i]!.trim());
    const id = cell(idCol);
    const actor: Bag = { id, name: cell(nameCol) || id, kind: cell(kindCol) === '' ? 'organization' : mapActorKind(cell(kindCol)) };
    const attrs = bag();
    const aliases = cell(aliasCol);
    if (aliases !== '') actor.aliases = splitAliases(aliases);
    const country = cell(countryCol);
    if (/^[A-Za-z]{2}$/.test(country)) actor.country = country.toUpperCase();
    else if (country !== '') {
      if (badCountries++ === 0) problems.warn(table.at(row.line, table.names[countryCol!]), `${JSON.stringify(country)} is not a two-letter country code (ISO 3166-1): kept as the attribute ${JSON.stringify(table.names[countryCol!])}`);
      attrs[table.names[countryCol!]!] = country;
    }
    const notes = cell(notesCol);
    if (notes !== '') actor.notes = notes;
    for (const c of attributes) {
      const v = row.cells[c]!.trim();
      if (v !== '') attrs[table.names[c]!] = typedValue(v, types.get(c)!.type);
    }
    if (Object.keys(attrs).length > 0) actor.attributes = attrs;
    ids.set(id, actors.length);
    actors.push(actor);
    where.push(located(row.line));
  }
  if (badCountries > 1) problems.warn(table.at(table.header.line, table.names[countryCol!]), `${badCountries} values are not country codes, all kept as attributes`);
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

function ownAttributes(table: Table, fixed: number): Array<{ column: number; key: string }> {
  return table.names.slice(fixed).map((name, k) => ({ column: fixed + k, key: name.startsWith(ATTRIBUTE_PREFIX) ? name.slice(ATTRIBUTE_PREFIX.length) : name }));
}

function decodeOwnAttributes(table: Table, row: CsvRow, columns: ReadonlyArray<{ column: number; key: string }>, problems: ProblemList): Bag | undefined {
  const attrs = bag();
  let any = false;
  for (const { column, key } of columns) {
    const decoded = decodeAttribute(unneutralise(row.cells[column]!));
    if (!decoded.ok) problems.error(table.at(row.line, table.names[column]), decoded.message);
    else if (decoded.value !== undefined) {
      attrs[key] = decoded.value;
      any = true;
    }
  }
  return any ? attrs : undefined;
}

function ownLocated(table: Table, fixedFields: readonly string[], attrColumns: ReadonlyArray<{ column: number; key: string }>) {
  const columns = new Map<string, string>(fixedFields.map((f, i) => [f, table.names[i]!]));
  const attributes = new Map<string, string>(attrColumns.map(({ column, key }) => [key, table.names[column]!]));
  return (line: number): Located => ({ table, line, columns, attributes });
}

function readOwnActors(table: Table, rows: readonly CsvRow[], actors: Bag[], where: Located[], ids: Map<string, number>, problems: ProblemList): void {
  const attrColumns = ownAttributes(table, OWN_COLUMNS.actors.length);
  const located = ownLocated(table, ['id', 'name', 'kind', 'aliases', 'country', 'notes'], attrColumns);
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    const [id, name, kind, aliases, country, notes] = row.cells.slice(0, 6).map(unneutralise) as [string, string, string, string, string, string];
    if (id === '') {
      problems.error(table.at(row.line, table.names[0]), 'empty: an actor needs an id');
      continue;
    }
    const first = firstLine.get(id);
    if (first !== undefined) {
      problems.warn(table.at(row.line, table.names[0]), `${JSON.stringify(id)} is used already on line ${first}: the first is kept, this row is dropped`);
      continue;
    }
    firstLine.set(id, row.line);
    const actor: Bag = { id, name, kind };
    if (aliases !== '') actor.aliases = parseJsonList(aliases);
    if (country !== '') actor.country = country;
    if (notes !== '') actor.notes = notes;
    const attrs = decodeOwnAttributes(table, row, attrColumns, problems);
    if (attrs) actor.attributes = attrs;
    ids.set(id, actors.length);
    actors.push(actor);
    where.push(located(row.line));
  }
}

/** A JSON list of names, or the text itself (restore() then reports it, located). */
function parseJsonList(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

// ---------------------------------------------------------------- relations

interface Ends {
  actors: Bag[];
  actorWhere: Located[];
  actorIds: Map<string, number>;
  actorTable: Table | undefined;
}

/** An end of a relation: an actor of the actors file, or (edge list alone) a new actor named by its id. */
function resolveEnd(id: string, ends: Ends, table: Table, line: number, column: string, problems: ProblemList): boolean {
  if (ends.actorIds.has(id)) return true;
  if (ends.actorTable) {
    problems.error(table.at(line, column), `${JSON.stringify(id)} is not the id of any actor in ${ends.actorTable.file.name}`);
    return false;
  }
  ends.actorIds.set(id, ends.actors.length);
  ends.actors.push({ id, name: id, kind: 'organization' });
  ends.actorWhere.push({ table, line, columns: new Map([['id', column], ['name', column]]), attributes: new Map() });
  return true;
}

function readForeignRelations(
  table: Table,
  rows: readonly CsvRow[],
  ends: Ends,
  relations: Bag[],
  where: Located[],
  ids: Map<string, number>,
  problems: ProblemList,
): void {
  const { byRole, attributes } = foreignColumns(table);
  const sourceCol = byRole.get('source')!;
  const targetCol = byRole.get('target')!;
  const idCol = byRole.get('id');
  const typeCol = byRole.get('type');
  const notesCol = byRole.get('notes');
  const name = (i: number) => table.names[i]!;
  if (typeCol === undefined) problems.warn(table.at(table.header.line), 'no type column: every relation is typed "other"');
  // An attribute column named originalType would clash with the unknown types' originalType.
  const attributeKey = new Map<number, string>();
  for (const c of attributes) {
    let key = name(c);
    if (key === 'originalType' && typeCol !== undefined) {
      key = 'originalType_2';
      problems.warn(table.at(table.header.line, name(c)), 'renamed originalType_2: originalType holds the unknown relation types');
    }
    attributeKey.set(c, key);
  }
  const columns = new Map<string, string>();
  for (const [role, i] of byRole) columns.set(role, name(i));
  const attributeColumns = new Map<string, string>([...attributeKey].map(([c, key]) => [key, name(c)]));
  if (typeCol !== undefined) attributeColumns.set('originalType', name(typeCol));

  const tally = new UnknownTypeTally(problems);
  const kept: CsvRow[] = [];
  const keptIds: string[] = [];
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    const source = row.cells[sourceCol]!.trim();
    const target = row.cells[targetCol]!.trim();
    if (source === '') problems.error(table.at(row.line, name(sourceCol)), 'empty: a relation needs a source actor');
    if (target === '') problems.error(table.at(row.line, name(targetCol)), 'empty: a relation needs a target actor');
    if (source === '' || target === '') continue;
    const id = idCol === undefined ? '' : row.cells[idCol]!.trim();
    if (id !== '') {
      const first = firstLine.get(id);
      if (first !== undefined) {
        problems.warn(table.at(row.line, name(idCol!)), `${JSON.stringify(id)} is used already on line ${first}: the first is kept, this row is dropped`);
        continue;
      }
      firstLine.set(id, row.line);
    }
    const okSource = resolveEnd(source, ends, table, row.line, name(sourceCol), problems);
    const okTarget = resolveEnd(target, ends, table, row.line, name(targetCol), problems);
    if (!okSource || !okTarget) continue;
    kept.push(row);
    keptIds.push(id);
  }
  const types = typeAttributes(table, kept, attributes, problems);
  let untyped = 0;
  kept.forEach((row, k) => {
    const relation: Bag = {};
    if (keptIds[k] !== '') relation.id = keptIds[k];
    relation.source = row.cells[sourceCol]!.trim();
    relation.target = row.cells[targetCol]!.trim();
    relation.type = 'other';
    relation.claims = [];
    const attrs = bag();
    for (const c of attributes) {
      const v = row.cells[c]!.trim();
      if (v !== '') attrs[attributeKey.get(c)!] = typedValue(v, types.get(c)!.type);
    }
    if (typeCol !== undefined) {
      const raw = row.cells[typeCol]!.trim();
      if (raw === '') untyped++;
      else {
        const mapped = tally.map(raw, table.at(row.line, name(typeCol)));
        relation.type = mapped.type;
        if (!mapped.known) attrs.originalType = mapped.originalType;
      }
    }
    const notes = notesCol === undefined ? '' : row.cells[notesCol]!.trim();
    if (notes !== '') relation.notes = notes;
    if (Object.keys(attrs).length > 0) relation.attributes = attrs;
    if (keptIds[k] !== '') ids.set(keptIds[k]!, relations.length);
    relations.push(relation);
    where.push({ table, line: row.line, columns, attributes: attributeColumns });
  });
  if (typeCol !== undefined) {
    tally.finish(table.atColumn(name(typeCol)));
    if (untyped > 0) problems.warn(table.atColumn(name(typeCol)), `${untyped} row${untyped === 1 ? ' has' : 's have'} no type: typed "other"`);
  }
}

function readOwnRelations(
  table: Table,
  rows: readonly CsvRow[],
  ends: Ends,
  relations: Bag[],
  where: Located[],
  ids: Map<string, number>,
  problems: ProblemList,
): void {
  const attrColumns = ownAttributes(table, OWN_COLUMNS.relations.length);
  const located = ownLocated(table, ['id', 'source', 'target', 'type', 'notes'], attrColumns);
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    const [id, source, target, type, notes] = row.cells.slice(0, 5).map(unneutralise) as [string, string, string, string, string];
    let bad = false;
    for (const [value, column, what] of [[id, 0, 'an id'], [source, 1, 'a source actor'], [target, 2, 'a target actor']] as const) {
      if (value === '') {
        problems.error(table.at(row.line, table.names[column]), `empty: a relation needs ${what}`);
        bad = true;
      }
    }
    if (bad) continue;
    const first = firstLine.get(id);
    if (first !== undefined) {
      problems.warn(table.at(row.line, table.names[0]), `${JSON.stringify(id)} is used already on line ${first}: the first is kept, this row is dropped`);
      continue;
    }
    firstLine.set(id, row.line);
    const okSource = resolveEnd(source, ends, table, row.line, table.names[1]!, problems);
    const okTarget = resolveEnd(target, ends, table, row.line, table.names[2]!, problems);
    if (!okSource || !okTarget) continue;
    const relation: Bag = { id, source, target, type, claims: [] };
    if (notes !== '') relation.notes = notes;
    const attrs = decodeOwnAttributes(table, row, attrColumns, problems);
    if (attrs) relation.attributes = attrs;
    ids.set(id, relations.length);
    relations.push(relation);
    where.push(located(row.line));
  }
}

// ---------------------------------------------------------------- claims and meta

function readOwnClaims(table: Table, rows: readonly CsvRow[], relations: Bag[], relationIds: Map<string, number>, claimLines: Map<number, number[]>, problems: ProblemList): void {
  const pending = new Map<number, Array<{ n: number; line: number; claim: Bag }>>();
  for (const row of rows) {
    const c = row.cells.slice(0, OWN_COLUMNS.claims.length).map(unneutralise);
    const [number, relationId, quote, title, publisher, sourceDate, url, paragraph, charStart, charEnd, assertedBy, date, from, to, stance, grade, notes] = c as string[] as [
      string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string,
    ];
    const n = /^\d+$/.test(number) ? Number(number) : NaN;
    if (!(n >= 1)) {
      problems.error(table.at(row.line, table.names[0]), `${JSON.stringify(number)} is not a claim number (1, 2, … within its relation)`);
      continue;
    }
    const index = relationIds.get(relationId);
    if (index === undefined) {
      problems.error(table.at(row.line, table.names[1]), `${JSON.stringify(relationId)} is not the id of any relation in the relations file`);
      continue;
    }
    const source: Bag = { title };
    if (publisher !== '') source.publisher = publisher;
    if (sourceDate !== '') source.date = sourceDate;
    if (url !== '') source.url = url;
    const claim: Bag = { quote, source: title === '' && Object.keys(source).length === 1 ? undefined : source, assertedBy };
    const locator: Bag = {};
    if (paragraph !== '') locator.paragraph = /^\d+$/.test(paragraph) ? Number(paragraph) : paragraph;
    if (charStart !== '' || charEnd !== '') {
      const num = (s: string) => (/^\d+$/.test(s) ? Number(s) : s === '' ? null : s);
      locator.chars = [num(charStart), num(charEnd)];
    }
    claim.locator = locator;
    if (date !== '') claim.date = date;
    if (from !== '' || to !== '') {
      const period: Bag = {};
      if (from !== '') period.from = from;
      if (to !== '') period.to = to;
      claim.period = period;
    }
    if (stance !== '') claim.stance = stance;
    if (grade !== '') claim.grade = grade;
    if (notes !== '') claim.notes = notes;
    const list = pending.get(index) ?? [];
    list.push({ n, line: row.line, claim });
    pending.set(index, list);
  }
  for (const [index, list] of pending) {
    list.sort((a, b) => a.n - b.n); // stable: equal numbers keep the row order
    relations[index]!.claims = list.map((c) => c.claim);
    claimLines.set(index, list.map((c) => c.line));
  }
}

function readOwnMeta(table: Table, rows: readonly CsvRow[], lines: Map<string, number>, problems: ProblemList): Bag | null {
  const meta: Bag = {};
  const sources: unknown[] = [];
  for (const row of rows) {
    const [key, value] = row.cells.slice(0, 2).map(unneutralise) as [string, string];
    if ((META_KEYS as readonly string[]).includes(key)) {
      if (hasOwn(meta, key)) problems.warn(table.at(row.line, table.names[0]), `${key} is given already on line ${lines.get(key)}: the first is kept`);
      else {
        meta[key] = value;
        lines.set(key, row.line);
      }
    } else if (key === 'source') {
      try {
        sources.push(JSON.parse(value));
        lines.set(`sources[${sources.length - 1}]`, row.line);
      } catch {
        problems.error(table.at(row.line, table.names[1]), 'a source is written as JSON ({"title": …}); this is not valid JSON');
      }
    } else {
      problems.warn(table.at(row.line, table.names[0]), `${JSON.stringify(key)} is not a dataset field (${[...META_KEYS, 'source'].join(', ')}); ignored`);
    }
  }
  if (sources.length > 0) meta.sources = sources;
  return Object.keys(meta).length > 0 ? meta : null;
}

// ---------------------------------------------------------------- the format

export interface CsvPreview {
  delimiter: Delimiter;
  /** 1-based line of the header row (after any preamble). */
  headerLine: number;
  header: string[];
  /** The proposed column roles (null: attribute). */
  mapping: Array<ColumnRole | null>;
  /** relations, actors, one of our own files, or null when the header is not recognised. */
  kind: TableKind | null;
  own: boolean;
  /** Warnings so far (a skipped preamble). */
  warnings: Problem[];
}

/** For the UI's mapping step: the header of a CSV text and the proposed mapping, before reading it. */
export function inspectCsv(text: string): { ok: true; preview: CsvPreview } | { ok: false; problems: Problem[] } {
  const problems = new ProblemList();
  const at: At = (line, column) => `line ${line}${column === undefined ? '' : `, column ${column}`}`;
  const split = splitCsv(text, problems, (line) => at(line));
  if (!split || split.rows.length === 0) {
    if (split) problems.error(at(1), 'the file holds only empty cells');
    return { ok: false, problems: problems.items };
  }
  const h = findHeader(split.rows, undefined, problems, at);
  const header = split.rows[h ?? 0]!;
  const own = ownFileKind(header.cells);
  const trimmed = header.cells.map((c) => c.trim());
  const mapping = guessColumns(trimmed, split.rows.slice((h ?? 0) + 1).map((r) => r.cells));
  return {
    ok: true,
    preview: {
      delimiter: split.delimiter,
      headerLine: header.line,
      header: trimmed,
      mapping,
      kind: own ?? fileKindOf(mapping),
      own: own !== null,
      warnings: problems.items,
    },
  };
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
