/**
 * Reading one text file: readDataset (graph/io/read-dataset.ts) — the format
 * by extension, CSV and JSON through restore() with their located problems,
 * unknown extensions — and parseJsonText (graph/io/json/json-text.ts), whose
 * `line L:C` must point at the actual syntax error (positions worked by hand).
 * The CSV reader itself is tested in csv-format.test.ts.
 */
import { describe, it, expect } from 'vitest';
import { readDataset } from '../../graph/io/read-dataset';
import { detectFormat } from '../../graph/io/registry';
import { parseJsonText } from '../../graph/io/json/json-text';

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
      problems: [{ severity: 'error', path: 'edges.dat', message: 'unknown file type: expected .json (Actorscope, Cytoscape.js, graphology or node-link JSON), .csv/.tsv, .gexf or .graphml' }],
    });
    expect(readDataset('source,target,type\nA,B,threat\n', 'edges.dat', 'csv')).toMatchObject({ ok: true, format: 'csv' });
  });
});

describe('parseJsonText: line:column of syntax errors (worked by hand)', () => {
  it('parses good JSON, with or without a BOM', () => {
    expect(parseJsonText('{"a": [1, 2]}')).toEqual({ ok: true, value: { a: [1, 2] }, warnings: [] });
    expect(parseJsonText('\ufeff{"a": 1}')).toEqual({ ok: true, value: { a: 1 }, warnings: [] });
  });

  it('nesting: 256 levels read, the 257th refused at its bracket (line 2, column 257 - 1 + 1 = 257 on the second line)', () => {
    expect(parseJsonText(`${'['.repeat(256)}${']'.repeat(256)}`)).toMatchObject({ ok: true });
    const deep = parseJsonText(`\n${'['.repeat(257)}${']'.repeat(257)}`);
    expect(deep).toEqual({ ok: false, problem: { severity: 'error', path: 'line 2:257', message: expect.stringMatching(/^lists and objects nested more than 256 deep/) as string } });
  });

  it('integers JSON.parse would round: the digits kept as text, warned at their path; exact ones stay numbers', () => {
    // 2^53 + 1 = 9007199254740993 is no double (it rounds to 2^53, written 9007199254740992). 2^53 itself, 12345678901234567000
    // (the double 12345678901234567168, which JavaScript writes so) and 10^22 (written 1e+22) read back as the digits given: numbers.
    const parsed = parseJsonText('{"a": [9007199254740993, 9007199254740992, 12345678901234567000, -99999999999999999999, 1.5e300, 10000000000000000000000], "odd key": {"__proto__": 12345678901234567891}}');
    expect(parsed).toEqual({
      ok: true,
      value: { a: ['9007199254740993', 9007199254740992, 12345678901234567000, '-99999999999999999999', 1.5e300, 1e22], 'odd key': JSON.parse('{"__proto__": "12345678901234567891"}') as unknown },
      warnings: [
        { severity: 'warning', path: 'a[0]', message: '9007199254740993 is beyond JavaScript\'s exact integers (±2^53): kept as the text "9007199254740993"' },
        { severity: 'warning', path: 'a[3]', message: expect.stringContaining('kept as the text "-99999999999999999999"') as string },
        { severity: 'warning', path: '["odd key"].__proto__', message: expect.stringContaining('"12345678901234567891"') as string },
      ],
    });
    expect(Object.getPrototypeOf((parsed as { value: Record<string, object> }).value['odd key'])).toBe(Object.prototype);
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
