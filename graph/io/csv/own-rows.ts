/**
 * Rows of our own CSV export (own.ts writes it): actors, relations,
 * claims and meta files, read strictly and exactly — no trimming, formula
 * escaping undone, attribute cells decoded as written — so that
 * read(write(d)) = d. Actor and relation rows become records whose fixed
 * columns are tagged as our fields; claims and meta rows are ours alone.
 */
import type { ProblemLog } from '../common/problem-log';
import { ATTRIBUTE_PREFIX, META_KEYS, OWN_CLAIM_EXTRA, OWN_COLUMNS, decodeAttribute, unneutralise } from './own';
import type { CsvRow } from './rows';
import { addRecord, resolveEnd, type Ends, type Located, type Table, type TableRecords } from './table';
import type { RecordMapper } from '../common/records-to-dataset';
import { hasOwn, type Bag, type Field, type FileValue } from '../common/records';

/** restore()'s claim fields → the claims file's columns. */
export const CLAIM_FIELD_COLUMNS: Readonly<Record<string, string>> = {
  quote: 'quote',
  source: 'source_title',
  'source.title': 'source_title',
  'source.publisher': 'source_publisher',
  'source.date': 'source_date',
  'source.url': 'source_url',
  locator: 'paragraph',
  'locator.paragraph': 'paragraph',
  'locator.chars': 'char_start',
  'locator.page': 'page',
  'locator.row': 'row',
  assertedBy: 'asserted_by',
  date: 'date',
  period: 'period_from',
  'period.from': 'period_from',
  'period.to': 'period_to',
  stance: 'stance',
  grade: 'grade',
  notes: 'notes',
};

function ownAttributes(table: Table, fixed: number): Array<{ column: number; key: string }> {
  return table.names.slice(fixed).map((name, k) => ({ column: fixed + k, key: name.startsWith(ATTRIBUTE_PREFIX) ? name.slice(ATTRIBUTE_PREFIX.length) : name }));
}

/** The attribute cells of a row as values (names as written: the mapping undoes `attr:`); a cell that cannot be decoded is an error. */
function decodeOwnAttributes(table: Table, row: CsvRow, columns: ReadonlyArray<{ column: number; key: string }>, problems: ProblemLog): FileValue[] {
  const out: FileValue[] = [];
  for (const { column } of columns) {
    const name = table.names[column]!;
    const decoded = decodeAttribute(unneutralise(row.cells[column]!));
    if (!decoded.ok) problems.error(table.at(row.line, name), decoded.message);
    else if (decoded.value !== undefined) out.push({ name, value: decoded.value, at: table.at(row.line, name) });
  }
  return out;
}

/** Our fields of a row, tagged: those always written, and the optional ones when not empty. */
function tagged(table: Table, line: number, cells: readonly string[], always: ReadonlyArray<[Field, number]>, optional: ReadonlyArray<[Field, number]>): FileValue[] {
  const value = (field: Field, i: number): FileValue => ({ name: table.names[i]!, value: field === 'aliases' ? parseJsonList(cells[i]!) : cells[i]!, at: table.at(line, table.names[i]), field });
  return [...always.map(([field, i]) => value(field, i)), ...optional.filter(([, i]) => cells[i] !== '').map(([field, i]) => value(field, i))];
}

function ownLocated(table: Table, fixedFields: readonly string[], attrColumns: ReadonlyArray<{ column: number; key: string }>) {
  const columns = new Map<string, string>(fixedFields.map((f, i) => [f, table.names[i]!]));
  const attributes = new Map<string, string>(attrColumns.map(({ column, key }) => [key, table.names[column]!]));
  return (line: number): Located => ({ table, line, columns, attributes });
}

export function readOwnActors(table: Table, rows: readonly CsvRow[], out: TableRecords, mapper: RecordMapper): void {
  const problems = mapper.log;
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
    const cells = [id, name, kind, aliases, country, notes];
    const values = [...tagged(table, row.line, cells, [['name', 1], ['kind', 2]], [['aliases', 3], ['country', 4], ['notes', 5]]), ...decodeOwnAttributes(table, row, attrColumns, problems)];
    addRecord(out, id, mapper.actor({ id, at: table.at(row.line), names: [], values }), located(row.line));
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

export function readOwnRelations(table: Table, rows: readonly CsvRow[], ends: Ends, out: TableRecords): void {
  const problems = ends.mapper.log;
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
    const values = [...tagged(table, row.line, [id, source, target, type, notes], [['type', 3]], [['notes', 4]]), ...decodeOwnAttributes(table, row, attrColumns, problems)];
    addRecord(out, id, ends.mapper.relation({ id, source, target, at: table.at(row.line), directed: true, values }), located(row.line));
  }
}

export function readOwnClaims(table: Table, rows: readonly CsvRow[], relations: Bag[], relationIds: Map<string, number>, claimLines: Map<number, number[]>, problems: ProblemLog): void {
  const pending = new Map<number, Array<{ n: number; line: number; claim: Bag }>>();
  // The columns a version 2 file adds after the fixed ones (header.ts checked their order).
  const extra = (name: (typeof OWN_CLAIM_EXTRA)[number]) => {
    const i = OWN_COLUMNS.claims.length + OWN_CLAIM_EXTRA.indexOf(name);
    return table.names[i] === name ? i : -1;
  };
  const [sourceIdAt, pageAt, prefixAt, suffixAt, weightAt, rowAt] = [extra('source_id'), extra('page'), extra('quote_prefix'), extra('quote_suffix'), extra('weight'), extra('row')];
  const cell = (row: CsvRow, i: number) => (i < 0 ? '' : unneutralise(row.cells[i] ?? ''));
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
    const page = cell(row, pageAt);
    if (page !== '') locator.page = /^\d+$/.test(page) ? Number(page) : page;
    const rowNumber = cell(row, rowAt);
    if (rowNumber !== '') locator.row = /^\d+$/.test(rowNumber) ? Number(rowNumber) : rowNumber;
    claim.locator = locator;
    const sourceId = cell(row, sourceIdAt);
    if (sourceId !== '') claim.sourceId = sourceId;
    const [prefix, suffix] = [cell(row, prefixAt), cell(row, suffixAt)];
    if (prefixAt >= 0 || suffixAt >= 0) claim.context = { prefix, suffix };
    const weight = cell(row, weightAt);
    if (weight !== '') claim.weight = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(weight) ? Number(weight) : weight;
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

export function readOwnMeta(table: Table, rows: readonly CsvRow[], lines: Map<string, number>, problems: ProblemLog, sources: unknown[]): Bag | null {
  const meta: Bag = {};
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
    } else if (key === 'history') {
      try {
        const history = (meta.history ??= []) as unknown[];
        history.push(JSON.parse(value));
        lines.set(`history[${history.length - 1}]`, row.line);
      } catch {
        problems.error(table.at(row.line, table.names[1]), 'a history entry is written as JSON ({"date": …, "note": …}); this is not valid JSON');
      }
    } else {
      problems.warn(table.at(row.line, table.names[0]), `${JSON.stringify(key)} is not a dataset field (${[...META_KEYS, 'source', 'history'].join(', ')}); ignored`);
    }
  }
  return Object.keys(meta).length > 0 ? meta : null;
}
