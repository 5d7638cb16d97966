/**
 * What each CSV file is, before any row is read: its text split into rows
 * (rows.ts), its header — the first row, or the first after a preamble of
 * title lines — its column names, the role of each column (guessed, or the
 * user's mapping, checked), and so its kind: relations, actors, or one of our
 * own four files. inspectCsv() gives the UI the same for its mapping step.
 */
import type { Problem } from '../../schema/problems';
import { ProblemLog } from '../common/problem-log';
import {
  COLUMN_ROLES,
  ROLES_OF,
  fileKindOf,
  guessColumns,
  isDirectionColumn,
  normaliseHeader,
  type ColumnMapping,
  type ColumnRole,
} from './columns';
import { OWN_CLAIM_EXTRA, OWN_COLUMNS, ownFileKind, type OwnFileKind } from './own';
import { splitCsv, type CsvRow, type Delimiter } from './rows';
import type { At, AtColumn, Table, TableKind } from './table';
import type { InputFile } from '../format';

export interface CsvReadOptions {
  /** Column roles of the first (or only) file, one per header column: what `guessColumns()` returns, corrected by the user. */
  mapping?: ColumnMapping;
  /** Column roles per file, in the order of `files`; an undefined entry is guessed. Wins over `mapping`. */
  mappings?: ReadonlyArray<ColumnMapping | undefined>;
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
function findHeader(rows: readonly CsvRow[], mapping: ColumnMapping | undefined, problems: ProblemLog, at: At): number | null {
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
function columnNames(cells: readonly string[], line: number, problems: ProblemLog, at: At): string[] {
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
function checkMapping(mapping: ColumnMapping, names: readonly string[], line: number, problems: ProblemLog, at: At): Array<ColumnRole | null> | null {
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
export function readTables(files: readonly InputFile[], options: CsvReadOptions, problems: ProblemLog): Table[] {
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
      const table = ownTable(file, at, atColumn, own, header, rows, problems, split.delimiter);
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
    tables.push({ file, at, atColumn, kind, own: false, header, names, rows, roles, delimiter: split.delimiter });
  });
  return tables;
}

function ownTable(file: InputFile, at: At, atColumn: AtColumn, kind: OwnFileKind, header: CsvRow, rows: CsvRow[], problems: ProblemLog, delimiter: Delimiter): Table | null {
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
  const extra = kind === 'claims' ? OWN_CLAIM_EXTRA.filter((name, i) => names[fixed.length + i] === name).length : 0;
  if ((kind === 'claims' || kind === 'meta') && names.length > fixed.length + extra) {
    problems.warn(at(header.line, names[fixed.length + extra]), `an Actorscope ${kind} file has no further columns; ignored`);
  }
  return { file, at, atColumn, kind, own: true, header, names, rows, roles: [], delimiter };
}

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
  const problems = new ProblemLog();
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
