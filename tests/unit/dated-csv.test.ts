/**
 * Dated CSV edge lists (graph/io/csv/dated-rows.ts, issue 14 §2): a `date`
 * (or `year`) column and a `weight` (or `value`, `tiv`) column make one
 * relation per source, target and type, with one dated claim per row. The
 * SIPRI-like slice is written by hand here, so every expected number is the
 * file's own: Russia → Kazakhstan 2015 120 and 2016 80 (rows 2 and 3),
 * China → Kazakhstan 2016 30, Russia → Tajikistan 2015 5.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { csvFormat, guessColumns, inspectCsv, type ColumnMapping } from '../../graph/io/csv/csv';
import { locatorText } from '../../graph/look/locator-text';
import type { FormatImportResult } from '../../graph/io/format';
import { ok, refused } from '../support/format-tests';

const SIPRI = 'supplier,recipient,year,tiv\nRussia,Kazakhstan,2015,120\nRussia,Kazakhstan,2016,80\nChina,Kazakhstan,2016,30\nRussia,Tajikistan,2015,5\n';
const one = (text: string, name = 'sipri.csv', mapping?: ColumnMapping) => csvFormat.read([{ name, text }], mapping ? { mapping } : undefined);
const errors = (result: FormatImportResult) => refused(result).filter((p) => p.severity === 'error');

describe('a dated edge list: one relation per source, target and type, one claim per row', () => {
  it('the SIPRI-like slice: 3 relations, the first with claims dated 2015 and 2016, weights 120 and 80, rows 2 and 3', () => {
    const { dataset, report } = ok(one(SIPRI));
    expect(dataset.relations.map((r) => [r.id, r.source, r.target, r.type, r.claims.length])).toEqual([
      ['r1', 'Russia', 'Kazakhstan', 'other', 2],
      ['r2', 'China', 'Kazakhstan', 'other', 1],
      ['r3', 'Russia', 'Tajikistan', 'other', 1],
    ]);
    expect(dataset.relations[0]!.claims).toEqual([
      { quote: 'Russia,Kazakhstan,2015,120', sourceId: 'sipri-csv', locator: { row: 2 }, assertedBy: 'sipri.csv', stance: 'supports', grade: 'F6', date: '2015', weight: 120 },
      { quote: 'Russia,Kazakhstan,2016,80', sourceId: 'sipri-csv', locator: { row: 3 }, assertedBy: 'sipri.csv', stance: 'supports', grade: 'F6', date: '2016', weight: 80 },
    ]);
    expect(dataset.relations.map((r) => r.claims.map((c) => [c.date, c.weight, c.locator.row]))).toEqual([
      [['2015', 120, 2], ['2016', 80, 3]],
      [['2016', 30, 4]],
      [['2015', 5, 5]],
    ]);
    // The file is the one source, and no row left an attribute behind.
    expect(dataset.sources).toEqual([{ id: 'sipri-csv', title: 'sipri.csv' }]);
    expect(dataset.relations.every((r) => r.attributes === undefined)).toBe(true);
    expect(report).toMatchObject({ actorsRead: 4, relationsRead: 4 });
    expect(locatorText(dataset.relations[0]!.claims[1]!.locator)).toBe('row 3');
  });

  it('each quote is the row exactly as the file writes it: quotes, spaces and CRLF line ends', () => {
    const text = 'supplier,recipient,year,tiv,weapon\r\n"Russia",Kazakhstan, 2015 ,120,"Mi-8, ""Hip"""\r\nRussia,Kazakhstan,2016,80,"Mi-8, ""Hip"""\r\n';
    const { dataset } = ok(one(text));
    const lines = text.split('\r\n');
    expect(dataset.relations.map((r) => r.claims.map((c) => c.quote))).toEqual([[lines[1], lines[2]]]);
    for (const c of dataset.relations[0]!.claims) expect(lines[c.locator.row! - 1]).toBe(c.quote);
    expect(dataset.relations[0]!.claims[0]!.date).toBe('2015');
    // A value every row of the relation shares is the relation's attribute.
    expect(dataset.relations[0]!.attributes).toEqual({ weapon: 'Mi-8, "Hip"' });
  });

  it('a header Year/Value (any case) is recognised; Gephi\'s Weight without a date stays an attribute, one relation per row', () => {
    expect(guessColumns(['Supplier', 'Recipient', 'Year', 'Value'])).toEqual(['source', 'target', 'date', 'weight']);
    expect(guessColumns(['Source', 'Target', 'DATE', 'TIV'])).toEqual(['source', 'target', 'date', 'weight']);
    expect(guessColumns(['Source', 'Target', 'Type', 'Weight'])).toEqual(['source', 'target', 'type', null]);
    const { dataset } = ok(one(SIPRI.replace('supplier,recipient,year,tiv', 'Supplier,Recipient,Year,Value')));
    expect(dataset.relations.map((r) => r.claims.map((c) => [c.date, c.weight]))).toEqual([[['2015', 120], ['2016', 80]], [['2016', 30]], [['2015', 5]]]);
    const undated = ok(one('source,target,type,weight\nA,B,supplier,1\nA,B,supplier,2\n'));
    expect(undated.dataset.relations.map((r) => [r.claims.length, r.attributes?.weight])).toEqual([[0, 1], [0, 2]]);
  });

  it('partner rows in both directions are one partnership; other types keep their direction', () => {
    const text = 'source,target,type,year\nKazakhstan,Russia,partner,2015\nRussia,Kazakhstan,partner,2016\nRussia,Kazakhstan,supplier,2015\nKazakhstan,Russia,supplier,2016\n';
    const { dataset } = ok(one(text, 'ties.csv'));
    expect(dataset.relations.map((r) => [r.source, r.target, r.type, r.claims.map((c) => c.date)])).toEqual([
      ['Kazakhstan', 'Russia', 'partner', ['2015', '2016']],
      ['Russia', 'Kazakhstan', 'supplier', ['2015']],
      ['Kazakhstan', 'Russia', 'supplier', ['2016']],
    ]);
  });

  it('months and days kept as written, empty cells leave a claim undated or unweighted, notes per claim, decimal commas in a ; file', () => {
    const { dataset } = ok(one('source;target;type;date;value;notes\nA;B;supplier;2015-03;1,5;first\nA;B;supplier;;;\nA;B;supplier;2016-02-29;1.234,5;\n'));
    expect(dataset.relations).toHaveLength(1);
    expect(dataset.relations[0]!.claims.map((c) => [c.date, c.weight, c.notes])).toEqual([
      ['2015-03', 1.5, 'first'],
      [undefined, undefined, undefined],
      ['2016-02-29', 1234.5, undefined],
    ]);
  });

  it('a bad year and a bad weight are errors at their line and column, and nothing is imported', () => {
    expect(errors(one(SIPRI.replace('2016,80', '15/3,80')))).toEqual([
      { severity: 'error', path: 'line 3, column year', message: '"15/3" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)' },
    ]);
    expect(errors(one(SIPRI.replace('2016,30', '2016,thirty').replace('2015,5', '2015,-5')))).toEqual([
      { severity: 'error', path: 'line 4, column tiv', message: '"thirty" is not a weight (a number, 0 or more)' },
      { severity: 'error', path: 'line 5, column tiv', message: '"-5" is not a weight (a number, 0 or more)' },
    ]);
  });

  it('a mapping chooses the date and weight roles for columns the guess does not know', () => {
    const text = 'ccode1,ccode2,styear,fatalities\n2,200,1902,3\n2,200,1903,0\n';
    expect(errors(one(text, 'mid.csv'))[0]!.message).toMatch(/^the header must name a source and a target column/);
    const { dataset } = ok(one(text, 'mid.csv', ['source', 'target', 'date', 'weight']));
    expect(dataset.relations.map((r) => r.claims.map((c) => [c.date, c.weight, c.locator.row]))).toEqual([[['1902', 3, 2], ['1903', 0, 3]]]);
  });

  it('the mapping preview proposes the two roles, for the UI to offer', () => {
    const r = inspectCsv('Supplier,Recipient,Year,TIV\nRussia,Kazakhstan,2015,120\n');
    expect(r.ok && r.preview.mapping).toEqual(['source', 'target', 'date', 'weight']);
    expect(r.ok && r.preview.kind).toBe('relations');
  });

  it('our own CSV export carries the claims and their rows back exactly', () => {
    const { dataset } = ok(one(SIPRI));
    const files = csvFormat.write(dataset, 'sipri');
    expect(ok(csvFormat.read(files)).dataset).toEqual(dataset);
  });
});

describe('the CLI reads a dated edge list through the same reader', () => {
  const ROOT = fileURLToPath(new URL('../..', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'actorscope-dated-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('validate counts one relation per pair and one claim per row (header Year/Value)', () => {
    const path = join(dir, 'sipri.csv');
    writeFileSync(path, 'Supplier,Recipient,Type,Year,Value\nRussia,Kazakhstan,supplier,2015,120\nRussia,Kazakhstan,supplier,2016,80\nChina,Kazakhstan,supplier,2016,30\nRussia,Tajikistan,supplier,2015,5\n');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'actorscope.mjs'), 'validate', path], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr.trim()).toBe('');
    expect(r.stdout.trim()).toBe(`${path}: valid: 4 actors, 3 relations, 4 claims`);
    expect(r.status).toBe(0);
  }, 60_000);
});
