/**
 * The column-mapping step of CSV import: which column holds what.
 *
 * `guessColumns(header, rows?)` proposes a role per column — `source`,
 * `target`, `type`, `id`, `name`, `kind`, `aliases`, `country`, `notes`,
 * `skip` — or `null` for "keep as an attribute named after the column". The
 * UI shows the proposal, the user corrects it, and passes it back as
 * `csvFormat.read(files, { mapping })`. Without a mapping, `read` uses the
 * guess.
 *
 * Recognised headers (case, spaces, `_`, `-`, `.` and `:` ignored; the first
 * name in each list wins when several are present, the others stay attributes):
 *  - relations: source = source, from, src, start, sourceid, actor1, node1,
 *    supplier, exporter, sender; target = target, to, dst, end, targetid,
 *    actor2, node2, recipient, importer, receiver; type = type, relationtype,
 *    relation, relationship, kind, interaction, label; id = id, relationid,
 *    edgeid, key; notes = notes; date = date, year; weight = weight, value,
 *    tiv — weight only beside a date column (dated-rows.ts), so that Gephi's
 *    `Weight` stays the attribute it was. Deliberately not `start`/`end`
 *    (source and target above), `time` or `when` (too often something else).
 *    (Kumu: From, To, Type. Gephi: Source, Target, Type, Id, Label, Weight.)
 *  - actors (an id column and no source/target): id = id, actorid, nodeid,
 *    key; name = name, label, actorname; kind = kind, type, actortype,
 *    category; aliases = aliases, alias; country = country, countrycode,
 *    iso2, isoa2; notes = notes.
 *
 * Given the rows, the guess also recognises Gephi's edge `Type` column, whose
 * values `directed`/`undirected`/`mutual` say how to draw an edge, not what
 * it means: that column stays an attribute and the next candidate (`kind`,
 * then `label`) types the relations. An explicit mapping is taken as given.
 *
 * Attribute columns are typed per column (`typeColumn`): all values
 * true/false → booleans, all numbers → numbers, otherwise text. A column that
 * is mostly numbers with a few that are not, or numbers too long to hold
 * exactly (Gephi's 54-digit "bigint"), stays text, with a warning. Codes with
 * leading zeros (`007`) stay text silently. An empty cell sets nothing.
 *
 * Decimal commas: in a `;`-separated file (the CSV of locales that write
 * `0,75`, where `,` cannot be the delimiter) a column whose every value is an
 * integer or a decimal-comma number (`0,75`, `-3,5`, and `1.234,5` /
 * `1.234` with thousands points), at least one with a comma, is read as
 * numbers (`comma-number`): points dropped, the comma a decimal point; the
 * reader says so once per column with an example. A `;` column that mixes
 * decimal commas with anything else stays text, with a warning naming both.
 * In a `,` file a quoted "0,75" is text, as written (a comma there is as
 * likely a list as a decimal).
 */
import { isDirectionWord } from '../common/relation-type';

export type ColumnRole = 'id' | 'name' | 'kind' | 'aliases' | 'country' | 'notes' | 'source' | 'target' | 'type' | 'date' | 'weight' | 'skip';
/** One entry per header column: a role, or null to keep the column as an attribute. */
export type ColumnMapping = ReadonlyArray<ColumnRole | null>;
export type CsvFileKind = 'relations' | 'actors';

export const COLUMN_ROLES: readonly ColumnRole[] = ['id', 'name', 'kind', 'aliases', 'country', 'notes', 'source', 'target', 'type', 'date', 'weight', 'skip'];

const RELATION_ALIASES: ReadonlyArray<[ColumnRole, readonly string[]]> = [
  ['source', ['source', 'from', 'src', 'start', 'sourceid', 'actor1', 'node1', 'supplier', 'exporter', 'sender']],
  ['target', ['target', 'to', 'dst', 'end', 'targetid', 'actor2', 'node2', 'recipient', 'importer', 'receiver']],
  ['id', ['id', 'relationid', 'actorscoperelationid', 'edgeid', 'key']],
  ['type', ['type', 'relationtype', 'relation', 'relationship', 'kind', 'interaction', 'label']],
  ['notes', ['notes']],
  ['date', ['date', 'year']],
  // Last: proposed only when a date column was found (guessColumns).
  ['weight', ['weight', 'value', 'tiv']],
];
const ACTOR_ALIASES: ReadonlyArray<[ColumnRole, readonly string[]]> = [
  ['id', ['id', 'actorid', 'actorscopeactorid', 'nodeid', 'key']],
  ['name', ['name', 'label', 'actorname']],
  ['kind', ['kind', 'type', 'actortype', 'category']],
  ['aliases', ['aliases', 'alias']],
  ['country', ['country', 'countrycode', 'iso2', 'isoa2']],
  ['notes', ['notes']],
];

export const normaliseHeader = (name: string): string => name.trim().toLowerCase().replace(/[\s_\-.:]+/g, '');

/** The first column (not yet taken) whose name is the earliest alias in the list. */
function pick(names: readonly string[], aliases: readonly string[], taken: ReadonlySet<number>, refused: ReadonlySet<number> = new Set()): number {
  for (const alias of aliases) {
    const i = names.findIndex((n, j) => n === alias && !taken.has(j) && !refused.has(j));
    if (i >= 0) return i;
  }
  return -1;
}

/**
 * Proposes a role for each column (null: keep as an attribute). With `rows`
 * (the data rows' cells), a type column holding only directed/undirected is
 * recognised as Gephi's edge direction and left an attribute.
 */
export function guessColumns(header: readonly string[], rows?: ReadonlyArray<readonly string[]>): Array<ColumnRole | null> {
  const names = header.map(normaliseHeader);
  const roles: Array<ColumnRole | null> = names.map(() => null);
  const taken = new Set<number>();
  const source = pick(names, RELATION_ALIASES[0]![1], taken);
  if (source >= 0) taken.add(source);
  const target = pick(names, RELATION_ALIASES[1]![1], taken);
  const isRelations = source >= 0 && target >= 0;
  if (!isRelations) taken.clear();
  const table = isRelations ? RELATION_ALIASES : ACTOR_ALIASES;
  for (const [role, aliases] of table) {
    if (role === 'weight' && !roles.includes('date')) continue;
    let i = role === 'source' ? source : role === 'target' ? target : pick(names, aliases, taken);
    if (role === 'type' && rows && i >= 0) {
      const refused = new Set<number>();
      while (i >= 0 && isDirectionColumn(rows, i)) {
        refused.add(i);
        i = pick(names, aliases, taken, refused);
      }
    }
    if (i >= 0) {
      roles[i] = role;
      taken.add(i);
    }
  }
  return roles;
}

/** Every non-empty value is directed, undirected or mutual (Gephi's edge Type). */
export function isDirectionColumn(rows: ReadonlyArray<readonly string[]>, column: number): boolean {
  let any = false;
  for (const cells of rows) {
    const v = (cells[column] ?? '').trim();
    if (v === '') continue;
    if (!isDirectionWord(v)) return false;
    any = true;
  }
  return any;
}

/** What a mapping describes: relations (a source and a target), actors (an id, no ends), or neither. */
export function fileKindOf(mapping: ColumnMapping): CsvFileKind | null {
  if (mapping.includes('source') && mapping.includes('target')) return 'relations';
  if (mapping.includes('id') && !mapping.includes('source') && !mapping.includes('target')) return 'actors';
  return null;
}

/** Roles a file kind can use; others in a mapping are an error. */
export const ROLES_OF: Readonly<Record<CsvFileKind, ReadonlySet<ColumnRole>>> = {
  relations: new Set<ColumnRole>(['id', 'source', 'target', 'type', 'notes', 'date', 'weight', 'skip']),
  actors: new Set<ColumnRole>(['id', 'name', 'kind', 'aliases', 'country', 'notes', 'skip']),
};

// ---------------------------------------------------------------- typing attribute columns

export type ColumnType = 'text' | 'number' | 'comma-number' | 'boolean';
export interface TypedColumn {
  type: ColumnType;
  /** Why a column that looked typed stays text: the first value that could not be typed, and its row (`other`: with a decimal comma, the value that is not one). */
  untyped?: { row: number; value: string; reason: 'not-a-number' | 'too-long' | 'mixed-commas'; other?: string };
  /** A `comma-number` column: its first value with a decimal comma, and its row. */
  example?: { row: number; value: string };
}

const COMMA_DECIMAL = /^-?\d+,\d+$/;
const THOUSANDS = /^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const INTEGER = /^-?\d+$/;

/** `1.234,5` → 1234.5 (points group thousands, the comma is the decimal point). */
export const commaNumber = (v: string): number => Number(v.replace(/\./g, '').replace(',', '.'));

/** One number cell as the attribute columns read it (a decimal comma only in a `;` file); null when it is none. */
export function numberCell(v: string, decimalComma: boolean): number | null {
  if (decimalComma && (COMMA_DECIMAL.test(v) || THOUSANDS.test(v))) return commaNumber(v);
  return NUMBER.test(v) && fitsANumber(v) ? Number(v) : null;
}

/** A `;` file's column as decimal-comma numbers, a column that mixes them with other values, or null when it has no decimal comma. */
function typeCommaColumn(values: readonly string[], rowOf: (k: number) => number): TypedColumn | null {
  let example = -1;
  let other = -1;
  values.forEach((v, k) => {
    if (v === '') return;
    if (v.includes(',') && (COMMA_DECIMAL.test(v) || THOUSANDS.test(v))) {
      if (example < 0) example = k;
    } else if (!(INTEGER.test(v) || THOUSANDS.test(v)) || LEADING_ZERO.test(v)) {
      if (other < 0) other = k;
    }
  });
  if (example < 0) return null;
  if (other >= 0) return { type: 'text', untyped: { row: rowOf(example), value: values[example]!, reason: 'mixed-commas', other: values[other]! } };
  const tooLong = values.findIndex((v) => v.replace(/[^\d]/g, '').replace(/^0+/, '').length > 17 || (!v.includes(',') && !Number.isSafeInteger(commaNumber(v))));
  if (tooLong >= 0) return { type: 'text', untyped: { row: rowOf(tooLong), value: values[tooLong]!, reason: 'too-long' } };
  return { type: 'comma-number', example: { row: rowOf(example), value: values[example]! } };
}

const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const LEADING_ZERO = /^-?0\d/;
const BOOLEAN = /^(?:true|false)$/i;
/** Share of numbers above which a few non-numbers are worth a warning. */
const MOSTLY = 0.8;

/** Integers beyond 2^53 and decimals of more than 17 significant digits cannot be held exactly. */
function fitsANumber(v: string): boolean {
  const digits = v.replace(/^-/, '').split(/[eE]/)[0]!.replace('.', '').replace(/^0+/, '');
  if (!/[.eE]/.test(v)) return Number.isSafeInteger(Number(v));
  return digits.length <= 17;
}

/**
 * Decides the type of one attribute column from its (trimmed) values; `rowOf(k)` gives the row index of value k.
 * `decimalComma`: the file is `;`-separated, so `0,75` may be a number (see the header).
 */
export function typeColumn(values: readonly string[], rowOf: (k: number) => number, options: { decimalComma?: boolean } = {}): TypedColumn {
  if (options.decimalComma) {
    const comma = typeCommaColumn(values, rowOf);
    if (comma) return comma;
  }
  let numbers = 0;
  let booleans = 0;
  let filled = 0;
  let firstNonNumber = -1;
  let firstTooLong = -1;
  let leadingZero = false;
  values.forEach((v, k) => {
    if (v === '') return;
    filled++;
    if (BOOLEAN.test(v)) booleans++;
    if (NUMBER.test(v)) {
      numbers++;
      if (LEADING_ZERO.test(v)) leadingZero = true;
      else if (firstTooLong < 0 && !fitsANumber(v)) firstTooLong = k;
    } else if (firstNonNumber < 0) firstNonNumber = k;
  });
  if (filled === 0) return { type: 'text' };
  if (booleans === filled) return { type: 'boolean' };
  if (numbers === filled) {
    if (leadingZero) return { type: 'text' };
    if (firstTooLong >= 0) return { type: 'text', untyped: { row: rowOf(firstTooLong), value: values[firstTooLong]!, reason: 'too-long' } };
    return { type: 'number' };
  }
  if (numbers >= MOSTLY * filled && numbers >= 4 && !leadingZero) {
    return { type: 'text', untyped: { row: rowOf(firstNonNumber), value: values[firstNonNumber]!, reason: 'not-a-number' } };
  }
  return { type: 'text' };
}

export function typedValue(value: string, type: ColumnType): string | number | boolean {
  if (type === 'number') return Number(value);
  if (type === 'comma-number') return commaNumber(value);
  if (type === 'boolean') return value.toLowerCase() === 'true';
  return value;
}
