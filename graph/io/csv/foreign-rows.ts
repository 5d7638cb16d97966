/**
 * Rows of other tools' CSV files (an edge list, an actors file) → records
 * for the records-to-dataset step: cells are trimmed, a repeated id keeps its
 * first row, the columns with a role (header.ts) give their field, tagged,
 * and the other columns are attributes typed per column (numbers,
 * true/false, text). Kinds and relation types are mapped by the shared step
 * (unknown types kept as `other` with `attributes.originalType`).
 */
import type { ProblemLog } from '../common/problem-log';
import { commaNumber, typeColumn, typedValue, type ColumnRole, type TypedColumn } from './columns';
import type { CsvRow } from './rows';
import { addRecord, CellValue, resolveEnd, RowRelationRecord, type Ends, type Located, type Table, type TableRecords } from './table';
import type { RecordMapper } from '../common/records-to-dataset';
import type { Field, FileValue } from '../common/records';
import { readDatedRelations } from './dated-rows';

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
export function typeAttributes(table: Table, rows: readonly CsvRow[], columns: readonly number[], problems: ProblemLog): Map<number, TypedColumn> {
  const out = new Map<number, TypedColumn>();
  for (const c of columns) {
    const typed = typeColumn(
      rows.map((r) => r.cells[c]!.trim()),
      (k) => k,
      { decimalComma: table.delimiter === ';' },
    );
    const show = (value: string) => JSON.stringify(value.length > 30 ? `${value.slice(0, 27)}...` : value);
    if (typed.untyped) {
      const { row, value, reason, other } = typed.untyped;
      const shown = show(value);
      problems.warn(
        table.at(rows[row]!.line, table.names[c]),
        reason === 'too-long'
          ? `${shown} has more digits than a number holds exactly; the column is kept as text`
          : reason === 'mixed-commas'
            ? `${shown} has a decimal comma, but the column also holds ${show(other ?? '')}: the column is kept as text`
            : `${shown} is not a number; the column, otherwise numbers, is kept as text`,
      );
    }
    if (typed.example) {
      const { row, value } = typed.example;
      problems.warn(table.at(rows[row]!.line, table.names[c]), `read ${show(value)} as ${commaNumber(value)} (decimal comma), and the column's other values alike`);
    }
    out.set(c, typed);
  }
  return out;
}

export function readForeignActors(table: Table, rows: readonly CsvRow[], out: TableRecords, mapper: RecordMapper): void {
  const problems = mapper.log;
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
  const roleColumns: Array<[Field, number]> = [];
  for (const [field, i] of [['kind', kindCol], ['aliases', aliasCol], ['country', countryCol], ['notes', notesCol]] as const) if (i !== undefined) roleColumns.push([field, i]);
  for (const row of kept) {
    const cell = (i: number | undefined) => (i === undefined ? '' : row.cells[i]!.trim());
    const at = (i: number) => table.at(row.line, table.names[i]);
    const values: FileValue[] = roleColumns.map(([field, i]) => ({ name: table.names[i]!, value: cell(i), at: at(i), field }));
    for (const c of attributes) {
      const v = cell(c);
      if (v !== '') values.push({ name: table.names[c]!, value: typedValue(v, types.get(c)!.type), at: at(c) });
    }
    const id = cell(idCol);
    addRecord(out, id, mapper.actor({ id, at: table.at(row.line), names: [{ text: cell(nameCol) }], values }), located(row.line));
  }
  if (mapper.badCountries > 1) problems.warn(table.at(table.header.line, table.names[countryCol!]), `${mapper.badCountries} values are not country codes, all kept as attributes`);
}

/** The columns of a foreign relations file: by role, and the attribute key of each other column. */
export function relationColumns(table: Table, problems: ProblemLog) {
  const { byRole, attributes } = foreignColumns(table);
  const typeCol = byRole.get('type');
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
  return {
    sourceCol: byRole.get('source')!,
    targetCol: byRole.get('target')!,
    idCol: byRole.get('id'),
    typeCol,
    notesCol: byRole.get('notes'),
    attributes,
    attributeKey,
    columns,
    attributeColumns,
  };
}

export type RelationColumns = ReturnType<typeof relationColumns>;

/** The rows that make relations: both ends given and known, the id not used before (unless `repeatedIds`: a dated list repeats its relation's id); with their ids. */
export function keptRelationRows(table: Table, rows: readonly CsvRow[], cols: RelationColumns, ends: Ends, problems: ProblemLog, repeatedIds = false) {
  const name = (i: number) => table.names[i]!;
  const { sourceCol, targetCol, idCol } = cols;
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
    if (id !== '' && !repeatedIds) {
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
  return { kept, keptIds };
}

export function readForeignRelations(table: Table, rows: readonly CsvRow[], ends: Ends, out: TableRecords): void {
  if (table.roles.includes('date') || table.roles.includes('weight')) {
    readDatedRelations(table, rows, ends, out);
    return;
  }
  const problems = ends.mapper.log;
  const cols = relationColumns(table, problems);
  const { sourceCol, targetCol, typeCol, notesCol, attributes, attributeKey } = cols;
  const name = (i: number) => table.names[i]!;
  const { kept, keptIds } = keptRelationRows(table, rows, cols, ends, problems);
  const types = typeAttributes(table, kept, attributes, problems);
  const mapper = ends.mapper;
  const typeName = typeCol === undefined ? '' : name(typeCol);
  const notesName = notesCol === undefined ? '' : name(notesCol);
  // Per row: no closures, and the places of the record and its type and notes cells made only
  // when a message needs them (CellValue, RowRelationRecord): 50,000 rows at 10k/50k.
  for (let k = 0; k < kept.length; k++) {
    const row = kept[k]!;
    const cells = row.cells;
    const line = row.line;
    const values: FileValue[] = [];
    for (const c of attributes) {
      const v = cells[c]!.trim();
      if (v !== '') values.push(new CellValue(attributeKey.get(c)!, typedValue(v, types.get(c)!.type), undefined, table, line, name(c)));
    }
    if (typeCol !== undefined) values.push(new CellValue(typeName, cells[typeCol]!.trim(), 'type', table, line, typeName));
    if (notesCol !== undefined) values.push(new CellValue(notesName, cells[notesCol]!.trim(), 'notes', table, line, notesName));
    const id = keptIds[k]!;
    const record = new RowRelationRecord(id === '' ? null : id, cells[sourceCol]!.trim(), cells[targetCol]!.trim(), values, table, line);
    addRecord(out, id, mapper.relation(record), { table, line, columns: cols.columns, attributes: cols.attributeColumns });
  }
  if (typeCol !== undefined) {
    const untyped = mapper.untyped.count;
    mapper.typeTally.finish(table.atColumn(name(typeCol)));
    if (untyped > 0) problems.warn(table.atColumn(name(typeCol)), `${untyped} row${untyped === 1 ? ' has' : 's have'} no type: typed "other"`);
  }
}
