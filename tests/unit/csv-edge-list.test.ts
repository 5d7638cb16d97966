/**
 * Text formats: parseEdgeListCsv (graph/io/csv-edge-list.ts) and readDataset
 * (graph/io/read-dataset.ts) on good and bad edge lists — BOM, CRLF, blank
 * lines, Kumu headers, missing and unknown types, extra columns, and errors
 * located on the right line; and parseJsonText (graph/io/json-text.ts), whose
 * `line L:C` must point at the actual syntax error (positions worked by hand).
 */
import { describe, it, expect } from 'vitest';
import { parseEdgeListCsv, type ImportResult } from '../../graph/io/csv-edge-list';
import { readDataset } from '../../graph/io/read-dataset';
import { detectFormat } from '../../graph/io/registry';
import { parseJsonText } from '../../graph/io/json-text';
import type { Dataset } from '../../graph/model/types';
import type { Problem } from '../../graph/schema/problems';

function ok(result: ImportResult): { dataset: Dataset; warnings: Problem[] } {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.problems)}`);
  return result;
}
function problems(result: ImportResult): Problem[] {
  if (result.ok) throw new Error('expected problems, the CSV was accepted');
  return result.problems;
}
/** Relations as [source, target, type] triples. */
const triples = (d: Dataset) => d.relations.map((r) => [r.source, r.target, r.type]);

const GOOD = 'source,target,type\nTajikistan,Russia,partner\nTaliban,Tajikistan,threat\nRussia,Tajikistan,supplier\n';
const GOOD_TRIPLES = [
  ['Tajikistan', 'Russia', 'partner'],
  ['Taliban', 'Tajikistan', 'threat'],
  ['Russia', 'Tajikistan', 'supplier'],
];

describe('parseEdgeListCsv: good files', () => {
  it('reads a plain edge list: actors in order of first mention, ids r1…, no warnings', () => {
    const { dataset, warnings } = ok(parseEdgeListCsv(GOOD, 'edges.csv'));
    expect(warnings).toEqual([]);
    expect(dataset.meta).toEqual({ title: 'edges.csv' });
    expect(dataset.actors).toEqual([
      { id: 'Tajikistan', name: 'Tajikistan', kind: 'organization', aliases: [] },
      { id: 'Russia', name: 'Russia', kind: 'organization', aliases: [] },
      { id: 'Taliban', name: 'Taliban', kind: 'organization', aliases: [] },
    ]);
    expect(dataset.relations).toEqual([
      { id: 'r1', source: 'Tajikistan', target: 'Russia', type: 'partner', claims: [] },
      { id: 'r2', source: 'Taliban', target: 'Tajikistan', type: 'threat', claims: [] },
      { id: 'r3', source: 'Russia', target: 'Tajikistan', type: 'supplier', claims: [] },
    ]);
  });

  it('ignores a byte-order mark', () => {
    const { dataset } = ok(parseEdgeListCsv(`\ufeff${GOOD}`));
    expect(triples(dataset)).toEqual(GOOD_TRIPLES);
    expect(dataset.actors[0]!.id).toBe('Tajikistan');
  });

  it('reads CRLF line ends, with and without a BOM', () => {
    const crlf = GOOD.replace(/\n/g, '\r\n');
    expect(triples(ok(parseEdgeListCsv(crlf)).dataset)).toEqual(GOOD_TRIPLES);
    expect(triples(ok(parseEdgeListCsv(`\ufeff${crlf}`)).dataset)).toEqual(GOOD_TRIPLES);
  });

  it('reads a file without a final newline', () => {
    expect(triples(ok(parseEdgeListCsv(GOOD.trimEnd())).dataset)).toEqual(GOOD_TRIPLES);
  });

  it('skips blank lines anywhere', () => {
    const text = 'source,target,type\n\nTajikistan,Russia,partner\n\n\nTaliban,Tajikistan,threat\nRussia,Tajikistan,supplier\n\n';
    expect(triples(ok(parseEdgeListCsv(text)).dataset)).toEqual(GOOD_TRIPLES);
  });

  it('skips blank lines in a CRLF file', () => {
    const text = 'source,target,type\r\n\r\nTajikistan,Russia,partner\r\n\r\n\r\nTaliban,Tajikistan,threat\r\nRussia,Tajikistan,supplier\r\n\r\n';
    expect(triples(ok(parseEdgeListCsv(text)).dataset)).toEqual(GOOD_TRIPLES);
  });

  it('recognises the Kumu header From,To,Type and normalises type spelling', () => {
    const { dataset, warnings } = ok(parseEdgeListCsv('From,To,Type\nA,B,Threat\nB,C,Suspected Supporter\nC,A,suspected_supporter\nA,C,PARTNER\n'));
    expect(warnings).toEqual([]);
    expect(triples(dataset)).toEqual([
      ['A', 'B', 'threat'],
      ['B', 'C', 'suspected-supporter'],
      ['C', 'A', 'suspected-supporter'],
      ['A', 'C', 'partner'],
    ]);
  });

  it('trims cells and header names', () => {
    const { dataset } = ok(parseEdgeListCsv(' source , target , type \n A , B , threat \n'));
    expect(triples(dataset)).toEqual([['A', 'B', 'threat']]);
  });

  it('keeps quoted cells with commas and newlines', () => {
    const { dataset } = ok(parseEdgeListCsv('source,target,type,note\n"Kabul, Taliban",Tajikistan,threat,"two\nlines"\n'));
    expect(dataset.relations[0]).toMatchObject({ source: 'Kabul, Taliban', target: 'Tajikistan' });
    expect(dataset.relations[0]!.attributes?.note).toBe('two\nlines');
  });

  it('a file without a type column types every relation "other", with a warning', () => {
    const { dataset, warnings } = ok(parseEdgeListCsv('source,target\nA,B\nB,C\n'));
    expect(triples(dataset)).toEqual([['A', 'B', 'other'], ['B', 'C', 'other']]);
    expect(warnings).toEqual([{ severity: 'warning', path: 'line 1', message: 'no type column: every relation is typed "other"' }]);
  });

  it('a file without a type column but with other columns: same warning, columns kept', () => {
    const { dataset, warnings } = ok(parseEdgeListCsv('source,target,weight\nA,B,2\nB,C,5\n'));
    expect(triples(dataset)).toEqual([['A', 'B', 'other'], ['B', 'C', 'other']]);
    expect({ ...dataset.relations[1]!.attributes }).toEqual({ weight: '5' });
    expect(warnings).toEqual([{ severity: 'warning', path: 'line 1', message: 'no type column: every relation is typed "other"' }]);
  });

  it('keeps an unknown type as "other" with attributes.originalType, warning once per type', () => {
    const { dataset, warnings } = ok(parseEdgeListCsv('source,target,type\nA,B,ally\nB,C,threat\nC,A,ally\nA,C,rival\n'));
    expect(triples(dataset)).toEqual([['A', 'B', 'other'], ['B', 'C', 'threat'], ['C', 'A', 'other'], ['A', 'C', 'other']]);
    expect({ ...dataset.relations[0]!.attributes }).toEqual({ originalType: 'ally' });
    expect(dataset.relations[1]!.attributes).toBeUndefined();
    expect({ ...dataset.relations[3]!.attributes }).toEqual({ originalType: 'rival' });
    expect(warnings).toEqual([
      { severity: 'warning', path: 'line 2, column type', message: '"ally" is not a relation type; kept as "other"' },
      { severity: 'warning', path: 'line 5, column type', message: '"rival" is not a relation type; kept as "other"' },
      { severity: 'warning', path: 'column type', message: '"ally" appears on 2 rows, all kept as "other"' },
    ]);
  });

  it('keeps extra columns as relation attributes (text), including a column named __proto__', () => {
    const { dataset } = ok(parseEdgeListCsv('source,target,type,weight,date,__proto__\nA,B,threat,3,2023-04,x\nB,A,partner,,2022,y\n'));
    const attrs = dataset.relations.map((r) => Object.entries(r.attributes ?? {}));
    expect(attrs).toEqual([
      [['weight', '3'], ['date', '2023-04'], ['__proto__', 'x']],
      [['weight', ''], ['date', '2022'], ['__proto__', 'y']],
    ]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('parseEdgeListCsv: errors are located', () => {
  it('a ragged row names its line', () => {
    expect(problems(parseEdgeListCsv('source,target,type\nA,B,threat\nB,C\nC,A,partner\n'))).toEqual([
      { severity: 'error', path: 'line 3', message: '2 cells where the header has 3' },
    ]);
  });

  it('every bad row is reported, not just the first', () => {
    expect(problems(parseEdgeListCsv('source,target,type\nA,B,threat\nB,C\nC,A,partner\n,A,threat\nA,B,threat,extra\n'))).toEqual([
      { severity: 'error', path: 'line 3', message: '2 cells where the header has 3' },
      { severity: 'error', path: 'line 5, column source', message: 'empty: a relation needs a source actor' },
      { severity: 'error', path: 'line 6', message: '4 cells where the header has 3' },
    ]);
  });

  it('an empty source or target names line and column', () => {
    expect(problems(parseEdgeListCsv('source,target,type\nA,B,threat\n,C,partner\nC, ,threat\n'))).toEqual([
      { severity: 'error', path: 'line 3, column source', message: 'empty: a relation needs a source actor' },
      { severity: 'error', path: 'line 4, column target', message: 'empty: a relation needs a target actor' },
    ]);
    // The column is named as the file names it.
    expect(problems(parseEdgeListCsv('From,To,Type\nA,,threat\n'))).toEqual([
      { severity: 'error', path: 'line 2, column To', message: 'empty: a relation needs a target actor' },
    ]);
  });

  it('an unclosed quote names the line where the quote opens', () => {
    expect(problems(parseEdgeListCsv('source,target,type,note\nA,B,threat,ok\nB,C,partner,"oops\nC,D,threat,x\n'))).toEqual([
      { severity: 'error', path: 'line 3', message: 'a quoted cell is never closed' },
    ]);
  });

  it('an empty file (or only a BOM and spaces) is an error on line 1', () => {
    for (const text of ['', '\ufeff', '  \n\n', '\r\n']) {
      expect(problems(parseEdgeListCsv(text))).toEqual([{ severity: 'error', path: 'line 1', message: 'the file is empty' }]);
    }
  });

  it('a header with no rows is an error on line 2', () => {
    expect(problems(parseEdgeListCsv('source,target,type\n'))).toEqual([
      { severity: 'error', path: 'line 2', message: 'the header is not followed by any relation' },
    ]);
    expect(problems(parseEdgeListCsv('source,target,type'))).toEqual([
      { severity: 'error', path: 'line 2', message: 'the header is not followed by any relation' },
    ]);
  });

  it('a header-only CRLF file with a trailing blank line is the same error', () => {
    expect(problems(parseEdgeListCsv('source,target,type\r\n\r\n'))).toEqual([
      { severity: 'error', path: 'line 2', message: 'the header is not followed by any relation' },
    ]);
  });

  it('a header without source and target columns is refused', () => {
    expect(problems(parseEdgeListCsv('a,b,type\nA,B,threat\n'))).toEqual([
      { severity: 'error', path: 'line 1', message: 'the header must name a source and a target column (source,target,type); found "a,b,type"' },
    ]);
  });
});

describe('parseEdgeListCsv: line numbers stay right', () => {
  // Each file has enough full rows that blank lines are a minority, so these
  // check the line counting on its own.
  const rows = 'A,B,threat\nB,C,threat\nC,D,threat\nD,E,threat\nE,F,threat\n';

  it('with CRLF line ends', () => {
    const text = `source,target,type\n${rows}X,Y\n`.replace(/\n/g, '\r\n');
    expect(problems(parseEdgeListCsv(text))).toEqual([{ severity: 'error', path: 'line 7', message: '2 cells where the header has 3' }]);
  });

  it('after a blank line', () => {
    const text = `source,target,type\n\n${rows}X,Y\n`;
    expect(problems(parseEdgeListCsv(text))).toEqual([{ severity: 'error', path: 'line 8', message: '2 cells where the header has 3' }]);
  });

  it('after a blank line with CRLF', () => {
    const text = `source,target,type\n${rows}\n,Y,threat\n`.replace(/\n/g, '\r\n');
    expect(problems(parseEdgeListCsv(text))).toEqual([
      { severity: 'error', path: 'line 8, column source', message: 'empty: a relation needs a source actor' },
    ]);
  });

  it('after a quoted cell spanning lines, LF and CRLF', () => {
    const text = `source,target,type,note\nA,B,threat,"one\ntwo\nthree"\n${rows.replace(/\n/g, ',x\n')}X,Y\n`;
    expect(problems(parseEdgeListCsv(text))).toEqual([{ severity: 'error', path: 'line 10', message: '2 cells where the header has 4' }]);
    expect(problems(parseEdgeListCsv(text.replace(/\n/g, '\r\n')))).toEqual([
      { severity: 'error', path: 'line 10', message: '2 cells where the header has 4' },
    ]);
  });

  it('for an unclosed quote after a blank line in a CRLF file with a BOM', () => {
    const text = `\ufeffsource,target,type,note\r\n${rows.replace(/\n/g, ',x\r\n')}\r\nB,C,partner,"oops\r\nC,D,threat,x\r\n`;
    expect(problems(parseEdgeListCsv(text))).toEqual([{ severity: 'error', path: 'line 8', message: 'a quoted cell is never closed' }]);
  });
});

describe('readDataset', () => {
  it('chooses the format by extension (JSON is told apart by shape when read)', () => {
    expect(['a.json', 'A.JSON', 'b.csv', 'c.tsv', 'd.txt', 'e.gexf', 'f.graphml', 'noext'].map((n) => detectFormat(n, ''))).toEqual([
      'actorscope-json', 'actorscope-json', 'csv', 'csv', 'csv', 'gexf', 'graphml', null,
    ]);
  });

  it('reads a CSV through restore(), titled by the file name, with the CSV warnings', () => {
    const r = readDataset('source,target,type\nA,B,ally\n', 'data/edges.csv');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.format).toBe('csv');
    expect(r.dataset.meta.title).toBe('edges.csv');
    expect(r.dataset.relations).toEqual([{ id: 'r1', source: 'A', target: 'B', type: 'other', claims: [], attributes: expect.objectContaining({ originalType: 'ally' }) }]);
    expect(r.warnings).toEqual([{ severity: 'warning', path: 'line 2, column type', message: '"ally" is not a relation type; kept as "other"' }]);
  });

  it('reports CSV problems with their lines', () => {
    expect(readDataset('source,target,type\nA,B\n', 'x.csv')).toEqual({
      ok: false,
      format: 'csv',
      problems: [{ severity: 'error', path: 'line 2', message: '2 cells where the header has 3' }],
    });
  });

  it('reads a JSON dataset and reports its JSON and schema problems', () => {
    const good = readDataset('{"format":"actorscope","version":1,"actors":[{"id":"A","name":"A","kind":"state"}],"relations":[]}', 'x.json');
    expect(good).toMatchObject({ ok: true, format: 'actorscope-json', warnings: [] });
    expect(readDataset('{"format":"actorscope",}', 'x.json')).toMatchObject({ ok: false, format: 'actorscope-json', problems: [{ path: 'line 1:24' }] });
    expect(readDataset('{"format":"gexf"}', 'x.json')).toMatchObject({ ok: false, problems: [{ path: 'format' }] });
  });

  it('refuses an unknown extension unless the format is forced', () => {
    expect(readDataset('source,target,type\nA,B,threat\n', 'edges.dat')).toEqual({
      ok: false,
      format: null,
      problems: [{ severity: 'error', path: 'edges.dat', message: 'unknown file type: expected .json (Actorscope, Cytoscape.js or graphology JSON), .csv/.tsv, .gexf or .graphml' }],
    });
    expect(readDataset('source,target,type\nA,B,threat\n', 'edges.dat', 'csv')).toMatchObject({ ok: true, format: 'csv' });
  });
});

describe('parseJsonText: line:column of syntax errors (worked by hand)', () => {
  it('parses good JSON, with or without a BOM', () => {
    expect(parseJsonText('{"a": [1, 2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
    expect(parseJsonText('\ufeff{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it('an empty file is line 1:1', () => {
    expect(parseJsonText(' \n ')).toEqual({ ok: false, problem: { severity: 'error', path: 'line 1:1', message: 'the file is empty' } });
  });

  it('a missing comma: the next key is at line 4, column 3', () => {
    // Line 4 is `  "actors": []`: two spaces, then the quote V8 did not expect.
    const text = '{\n  "format": "actorscope",\n  "version": 1\n  "actors": []\n}\n';
    const r = parseJsonText(text);
    expect(r).toMatchObject({ ok: false, problem: { severity: 'error', path: 'line 4:3' } });
    if (!r.ok) expect(r.problem.message).toMatch(/^not valid JSON: /);
  });

  it('the same with CRLF line ends: columns do not count the CR', () => {
    const text = '{\r\n  "format": "actorscope",\r\n  "version": 1\r\n  "actors": []\r\n}\r\n';
    expect(parseJsonText(text)).toMatchObject({ ok: false, problem: { path: 'line 4:3' } });
  });

  it('a truncated file: the error is just after the last character, line 4, column 15', () => {
    // Line 4 is `    {"id": "A"` (14 characters); the file ends there.
    const text = '{\n  "format": "actorscope",\n  "actors": [\n    {"id": "A"';
    expect(parseJsonText(text)).toMatchObject({ ok: false, problem: { path: 'line 4:15' } });
  });

  it('a trailing comma: the closing brace at line 4, column 1', () => {
    const text = '{\n "a": 1,\n "b": 2,\n}';
    expect(parseJsonText(text)).toMatchObject({ ok: false, problem: { path: 'line 4:1' } });
    // A BOM does not shift the column.
    expect(parseJsonText(`\ufeff${text}`)).toMatchObject({ ok: false, problem: { path: 'line 4:1' } });
  });

  it('an unexpected character is located where it stands, not at the end of the file', () => {
    // Line 4 is `  "actors": [}`: the `}` is the 14th character. Two more lines follow.
    const text = '{\n  "format": "actorscope",\n  "version": 1,\n  "actors": [},\n  "relations": []\n}\n';
    expect(parseJsonText(text)).toMatchObject({ ok: false, problem: { path: 'line 4:14' } });
  });

  it('a misspelt literal is located at the bad character', () => {
    // Line 2 is `  "a": tru,`: `tru` is followed by `,` at column 11.
    const text = '{\n  "a": tru,\n  "b": 2\n}\n';
    expect(parseJsonText(text)).toMatchObject({ ok: false, problem: { path: 'line 2:11' } });
  });
});
