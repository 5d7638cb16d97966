/**
 * A dated edge list — a relations file with a `date` (or `weight`) column,
 * such as SIPRI's supplier,recipient,year,tiv: the rows of one source, target
 * and type are ONE relation, each row one claim of it, not parallel relations.
 *
 * Rules:
 *  - Rows are grouped by source, target and relation type as mapped
 *    (relation-type.ts; an unknown type by its text). `partner` is mutual, so
 *    A,B and B,A are one partnership. The relation runs as its first row
 *    does, and takes the first non-empty id of its rows.
 *  - Each row is a claim: its quote the row exactly as the file writes it
 *    (so it can be checked against the file), the file as its source (by
 *    name), `locator.row` the line the row starts on (the header is line 1),
 *    asserted by the file, `supports`, graded F6 (the file says nothing about
 *    reliability). The date cell is the claim's `date` (YYYY, YYYY-MM or
 *    YYYY-MM-DD as written: `2015` stays a year); the weight cell its
 *    `weight` (a number ≥ 0; decimal commas in a `;` file, as the attribute
 *    columns read them); the notes cell its notes. An empty date or weight
 *    cell leaves the claim undated or unweighted; anything else is an error
 *    at its line and column.
 *  - Other columns: a value all rows of a relation agree on is an attribute
 *    of the relation; a column whose values differ within a relation is left
 *    out (it stays in each claim's quote), with one warning per column.
 */
import { isPartialDate } from '../../schema/dates';
import { mapRelationType } from '../common/relation-type';
import type { Bag, FileValue } from '../common/records';
import { numberCell, typedValue } from './columns';
import { keptRelationRows, relationColumns, typeAttributes } from './foreign-rows';
import type { CsvRow } from './rows';
import { addRecord, type Ends, type Table, type TableRecords } from './table';

/** The key rows of one relation share: ends (unordered for a partnership) and type. */
function groupKey(source: string, target: string, typeText: string): string {
  const mapped = typeText === '' ? null : mapRelationType(typeText);
  const type = mapped === null ? '' : mapped.known ? mapped.type : `other:${mapped.originalType}`;
  const [a, b] = mapped?.type === 'partner' && target < source ? [target, source] : [source, target];
  return JSON.stringify([a, b, type]);
}

export function readDatedRelations(table: Table, rows: readonly CsvRow[], ends: Ends, out: TableRecords): void {
  const problems = ends.mapper.log;
  const mapper = ends.mapper;
  const cols = relationColumns(table, problems);
  const { sourceCol, targetCol, typeCol, notesCol, attributes, attributeKey } = cols;
  const dateCol = table.roles.indexOf('date');
  const weightCol = table.roles.indexOf('weight');
  const name = (i: number) => table.names[i]!;
  const { kept, keptIds } = keptRelationRows(table, rows, cols, ends, problems, true);
  const types = typeAttributes(table, kept, attributes, problems);
  const decimalComma = table.delimiter === ';';

  const groups = new Map<string, number[]>();
  kept.forEach((row, k) => {
    const cell = (i: number | undefined) => (i === undefined ? '' : row.cells[i]!.trim());
    const key = groupKey(cell(sourceCol), cell(targetCol), cell(typeCol));
    const list = groups.get(key);
    if (list) list.push(k);
    else groups.set(key, [k]);
  });

  const varying = new Set<number>();
  for (const members of groups.values()) {
    const first = kept[members[0]!]!;
    const cell = (row: CsvRow, i: number) => row.cells[i]!.trim();
    const at = (row: CsvRow, i: number) => table.at(row.line, name(i));
    const claims: Bag[] = members.map((k) => {
      const row = kept[k]!;
      const claim: Bag = {
        quote: row.text,
        source: { title: table.file.name },
        locator: { row: row.line },
        assertedBy: table.file.name,
        stance: 'supports',
        grade: 'F6',
      };
      const date = dateCol < 0 ? '' : cell(row, dateCol);
      if (date !== '') {
        if (isPartialDate(date)) claim.date = date;
        else problems.error(at(row, dateCol), `${JSON.stringify(date)} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
      }
      const weight = weightCol < 0 ? '' : cell(row, weightCol);
      if (weight !== '') {
        const n = numberCell(weight, decimalComma);
        if (n !== null && n >= 0) claim.weight = n;
        else problems.error(at(row, weightCol), `${JSON.stringify(weight)} is not a weight (a number, 0 or more)`);
      }
      const notes = notesCol === undefined ? '' : cell(row, notesCol);
      if (notes !== '') claim.notes = notes;
      return claim;
    });
    const values: FileValue[] = [];
    for (const c of attributes) {
      const v = cell(first, c);
      if (members.some((k) => cell(kept[k]!, c) !== v)) {
        varying.add(c);
        continue;
      }
      if (v !== '') values.push({ name: attributeKey.get(c)!, value: typedValue(v, types.get(c)!.type), at: at(first, c) });
    }
    if (typeCol !== undefined) values.push({ name: name(typeCol), value: cell(first, typeCol), at: at(first, typeCol), field: 'type' });
    const id = members.map((k) => keptIds[k]!).find((x) => x !== '') ?? '';
    const record = { id: id === '' ? null : id, source: cell(first, sourceCol), target: cell(first, targetCol), at: table.at(first.line), directed: true, values };
    const relation = mapper.relation(record);
    relation.claims = claims;
    addRecord(out, id, relation, { table, line: first.line, columns: cols.columns, attributes: cols.attributeColumns });
  }
  for (const c of [...varying].sort((a, b) => a - b)) {
    problems.warn(table.atColumn(name(c)), 'differs between rows of one relation: not kept as an attribute (each claim quotes its row)');
  }
  if (typeCol !== undefined) {
    const untyped = mapper.untyped.count;
    mapper.typeTally.finish(table.atColumn(name(typeCol)));
    if (untyped > 0) problems.warn(table.atColumn(name(typeCol)), `${untyped} relation${untyped === 1 ? ' has' : 's have'} no type: typed "other"`);
  }
}
