/**
 * The CSV format (graph/io/csv/): edge lists with
 * our, Kumu's and Gephi's headers; actors + relations files told apart by
 * their headers; our own four-file export with formula escaping undone and
 * typed attribute cells; the column mapping (guessColumns, read with a
 * mapping, inspectCsv); typed attribute columns; every bad input refused
 * whole with its `line L, column NAME`; fixtures that reproduce real files
 * (tests/fixtures/csv-json/README.md); and a 100,000-relation import read
 * whole (its time is measured by npm run bench:import).
 */
import { describe, expect, it } from 'vitest';
import { csvFormat, guessColumns, inspectCsv, type ColumnMapping } from '../../graph/io/csv/csv';
import type { FormatImportResult, InputFile } from '../../graph/io/format';
import { readDataset } from '../../graph/io/read-dataset';
import type { Dataset } from '../../graph/model/types';
import { formatProblem, type Problem } from '../../graph/schema/problems';
import { fixtureText, ok, refused } from '../support/format-tests';

const fixture = (name: string): InputFile => ({ name, text: fixtureText('csv-json', name) });
const one = (text: string, name = 'edges.csv', mapping?: ColumnMapping) => csvFormat.read([{ name, text }], mapping ? { mapping } : undefined);
const errors = (result: FormatImportResult) => refused(result).filter((p) => p.severity === 'error');
const triples = (d: Dataset) => d.relations.map((r) => [r.source, r.target, r.type]);
const attrs = (item: { attributes?: Record<string, unknown> }) => ({ ...item.attributes });
const warning = (path: string, message: string): Problem => ({ severity: 'warning', path, message });
const error = (path: string, message: string): Problem => ({ severity: 'error', path, message });

describe('an edge list alone', () => {
  it('source,target,type: actors in order of first mention, ids r1…, typed attribute columns', () => {
    const { dataset, report } = ok(one('source,target,type,weight,since,active,code\nTajikistan,Russia,partner,2.5,1992,true,007\nTaliban,Tajikistan,threat,1,2021,FALSE,010\n'));
    expect(dataset.meta).toEqual({ title: 'edges.csv' });
    expect(dataset.actors).toEqual([
      { id: 'Tajikistan', name: 'Tajikistan', kind: 'organization', aliases: [] },
      { id: 'Russia', name: 'Russia', kind: 'organization', aliases: [] },
      { id: 'Taliban', name: 'Taliban', kind: 'organization', aliases: [] },
    ]);
    expect(dataset.relations).toEqual([
      { id: 'r1', source: 'Tajikistan', target: 'Russia', type: 'partner', claims: [], attributes: { weight: 2.5, since: 1992, active: true, code: '007' } },
      { id: 'r2', source: 'Taliban', target: 'Tajikistan', type: 'threat', claims: [], attributes: { weight: 1, since: 2021, active: false, code: '010' } },
    ]);
    expect(report).toEqual({ format: 'csv', actorsRead: 3, relationsRead: 2, warnings: [] });
  });

  it("Kumu's From,To,Type with BOM and CRLF; types normalised; an unknown type kept as other, warned once then counted", () => {
    const { dataset, report } = ok(csvFormat.read([fixture('kumu-connections.csv')]));
    expect(triples(dataset)).toEqual([
      ['Russia', 'Tajikistan', 'supplier'],
      ['Taliban', 'Tajikistan', 'threat'],
      ['Jamaat Ansarullah', 'Taliban', 'suspected-supporter'],
      ['Tajikistan', 'Russia', 'other'],
    ]);
    expect(attrs(dataset.relations[3]!)).toEqual({ Strength: 3, originalType: 'ally' });
    expect(report.warnings).toEqual([warning('line 5, column Type', '"ally" is not a relation type; kept as "other"')]);
  });

  it('a type used on several rows: one located warning, then one count', () => {
    const { report } = ok(one('source,target,type\nA,B,ally\nB,C,ally\nC,A,\n'));
    expect(report.warnings).toEqual([
      warning('line 2, column type', '"ally" is not a relation type; kept as "other"'),
      warning('column type', '"ally" appears on 2 rows, all kept as "other"'),
      warning('column type', '1 row has no type: typed "other"'),
    ]);
  });

  it('semicolons, tabs, a lone CR, Excel\'s sep= line, blank lines and delimiter-only lines', () => {
    const expected = [['A', 'B', 'threat'], ['B', 'C', 'partner']];
    for (const text of [
      'source;target;type;weight\nA;B;threat;1,5\nB;C;partner;2\n',
      'source\ttarget\ttype\nA, Inc.\tB\tthreat\nB\tC\tpartner\n'.replace('A, Inc.', 'A'),
      'source,target,type\rA,B,threat\rB,C,partner\r',
      'sep=;\r\nsource;target;type\r\nA;B;threat\r\nB;C;partner\r\n',
      '\n\nsource,target,type\n\n,,\nA,B,threat\n , , \n\nB,C,partner\n\n',
    ]) {
      expect(triples(ok(one(text)).dataset), JSON.stringify(text)).toEqual(expected);
    }
    // A decimal comma in a semicolon file is a number, said once for the column (issue 11 §7); the sep= line counts as line 1.
    const comma = ok(one('source;target;type;weight\nA;B;threat;1,5\nB;C;partner;2\n'));
    expect(comma.dataset.relations.map(attrs)).toEqual([{ weight: 1.5 }, { weight: 2 }]);
    expect(comma.report.warnings).toContainEqual({ severity: 'warning', path: 'line 2, column weight', message: 'read "1,5" as 1.5 (decimal comma), and the column\'s other values alike' });
    expect(errors(one('sep=;\nsource;target;type\nA;B\n'))).toEqual([error('line 3', '2 cells where the header has 3')]);
  });

  it('the same edge list with a BOM, CRLF (with and without a BOM), no final newline, blank lines (LF and CRLF)', () => {
    const good = 'source,target,type\nTajikistan,Russia,partner\nTaliban,Tajikistan,threat\nRussia,Tajikistan,supplier\n';
    const expected = [['Tajikistan', 'Russia', 'partner'], ['Taliban', 'Tajikistan', 'threat'], ['Russia', 'Tajikistan', 'supplier']];
    const crlf = good.replace(/\n/g, '\r\n');
    const blanks = 'source,target,type\n\nTajikistan,Russia,partner\n\n\nTaliban,Tajikistan,threat\nRussia,Tajikistan,supplier\n\n';
    for (const text of [`\ufeff${good}`, crlf, `\ufeff${crlf}`, good.trimEnd(), blanks, blanks.replace(/\n/g, '\r\n')]) {
      const { dataset, report } = ok(one(text));
      expect(triples(dataset), JSON.stringify(text)).toEqual(expected);
      expect(dataset.actors[0]!.id).toBe('Tajikistan');
      expect(report.warnings).toEqual([]);
    }
  });

  it('type spelling is normalised: case, spaces and underscores (no warning)', () => {
    const { dataset, report } = ok(one('From,To,Type\nA,B,Threat\nB,C,Suspected Supporter\nC,A,suspected_supporter\nA,C,PARTNER\n'));
    expect(report.warnings).toEqual([]);
    expect(triples(dataset)).toEqual([
      ['A', 'B', 'threat'],
      ['B', 'C', 'suspected-supporter'],
      ['C', 'A', 'suspected-supporter'],
      ['A', 'C', 'partner'],
    ]);
  });

  it('cells and header names are trimmed; quoted cells keep their commas and newlines', () => {
    expect(triples(ok(one(' source , target , type \n A , B , threat \n')).dataset)).toEqual([['A', 'B', 'threat']]);
    const { dataset } = ok(one('source,target,type,note\n"Kabul, Taliban",Tajikistan,threat,"two\nlines"\n'));
    expect(dataset.relations[0]).toMatchObject({ source: 'Kabul, Taliban', target: 'Tajikistan' });
    expect(dataset.relations[0]!.attributes?.note).toBe('two\nlines');
  });

  it('each unknown type is kept as "other" with attributes.originalType and warned at its first row', () => {
    const { dataset, report } = ok(one('source,target,type\nA,B,ally\nB,C,threat\nC,A,ally\nA,C,rival\n'));
    expect(triples(dataset)).toEqual([['A', 'B', 'other'], ['B', 'C', 'threat'], ['C', 'A', 'other'], ['A', 'C', 'other']]);
    expect(attrs(dataset.relations[0]!)).toEqual({ originalType: 'ally' });
    expect(dataset.relations[1]!.attributes).toBeUndefined();
    expect(attrs(dataset.relations[3]!)).toEqual({ originalType: 'rival' });
    expect(report.warnings).toEqual([
      warning('line 2, column type', '"ally" is not a relation type; kept as "other"'),
      warning('line 5, column type', '"rival" is not a relation type; kept as "other"'),
      warning('column type', '"ally" appears on 2 rows, all kept as "other"'),
    ]);
  });

  it('formula cells in other tools’ files are text, never evaluated or unescaped', () => {
    const { dataset } = ok(one("source,target,type,note\n=cmd|' /C calc'!A0,B,threat,=1+1\n'=x,B,threat,@SUM(A1)\n"));
    expect(dataset.actors.map((a) => a.id)).toEqual(["=cmd|' /C calc'!A0", 'B', "'=x"]);
    expect(dataset.relations.map((r) => r.attributes?.note)).toEqual(['=1+1', '@SUM(A1)']);
  });

  it('ids such as __proto__ and constructor, and a column named __proto__, are data', () => {
    const { dataset } = ok(one('source,target,type,__proto__\n__proto__,constructor,threat,1\ntoString,__proto__,partner,2\n'));
    expect(dataset.actors.map((a) => a.id)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.entries(dataset.relations[0]!.attributes!)).toEqual([['__proto__', 1]]);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });

  it('header names: trimmed; empty → column N; repeated → NAME_2; originalType renamed when types may need it', () => {
    const { dataset, report } = ok(one('source,target,type,w,w,,originalType\nA,B,ally,1,2,x,y\n'));
    expect(attrs(dataset.relations[0]!)).toEqual({ w: 1, w_2: 2, 'column 6': 'x', originalType_2: 'y', originalType: 'ally' });
    expect(report.warnings.map(formatProblem)).toEqual([
      'warning: line 1, column w: a second column of this name: renamed w_2',
      'warning: line 1, column column 6: the header cell is empty; the column is called by its number',
      'warning: line 1, column originalType: renamed originalType_2: originalType holds the unknown relation types',
      'warning: line 2, column type: "ally" is not a relation type; kept as "other"',
    ]);
  });

  it('a column of mostly numbers with a few others stays text, with a warning at the first other', () => {
    const { dataset, report } = ok(one('source,target,type,value\nA,B,supplier,1\nA,B,supplier,2\nA,B,supplier,n/a\nA,B,supplier,4\nA,B,supplier,5\n'));
    expect(dataset.relations.map((r) => r.attributes?.value)).toEqual(['1', '2', 'n/a', '4', '5']);
    expect(report.warnings).toEqual([warning('line 4, column value', '"n/a" is not a number; the column, otherwise numbers, is kept as text')]);
  });

  it('duplicate relation ids: the first row wins, the others are dropped with a warning', () => {
    const { dataset, report } = ok(csvFormat.read([fixture('gephi-edges-repeated-with-ids.csv')]));
    expect(dataset.relations.map((r) => [r.id, r.source, r.target, r.attributes?.weight])).toEqual([
      ['x', '10', '20', 1],
      ['y', '30', '40', 2],
      ['z', '20', '30', 2],
    ]);
    expect(report).toMatchObject({ actorsRead: 4, relationsRead: 4 });
    expect(report.warnings).toEqual([
      warning('line 1', 'no type column: every relation is typed "other"'),
      warning('line 4, column id', '"x" is used already on line 2: the first is kept, this row is dropped'),
    ]);
  });

  it('the same pair several times without ids: all kept (a multigraph), weights typed', () => {
    const { dataset } = ok(csvFormat.read([fixture('gephi-edges-repeated-without-ids.csv')]));
    expect(dataset.relations.map((r) => [r.id, r.source, r.target, r.attributes?.weight])).toEqual([
      ['r1', '10', '20', 1],
      ['r2', '30', '40', 2],
      ['r3', '10', '20', 5],
      ['r4', '20', '30', 2],
      ['r5', '10', '20', 1.5],
    ]);
  });

  it("Gephi's edge Type column (directed/undirected) is kept as an attribute; kind types the relations", () => {
    const { dataset, report } = ok(csvFormat.read([fixture('gephi-edges-types.csv')]));
    expect(dataset.relations).toEqual([
      { id: '1', source: '1', target: '2', type: 'other', claims: [], attributes: { label: 1, type: 'directed', weight: 2, originalType: '8' } },
      { id: '2', source: '2', target: '1', type: 'other', claims: [], attributes: { label: 2, type: 'undirected', weight: 2, originalType: '1' } },
    ]);
    expect(report.warnings[0]).toEqual(warning('line 1, column type', 'holds directed/undirected (Gephi\'s edge direction), not relation types: kept as the attribute "type"'));
  });

  it('self-relations are kept and warned, and hundreds of the same warning are summarised', () => {
    const rows = Array.from({ length: 30 }, () => 'A,A,threat').join('\n');
    const { dataset, report } = ok(one(`source,target,type\n${rows}\nA,B,threat\n`));
    expect(dataset.relations).toHaveLength(31);
    expect(report.warnings).toHaveLength(11);
    expect(report.warnings[0]).toEqual(warning('line 2', 'relates "A" to itself; kept, but metrics ignore self-relations'));
    expect(report.warnings[10]).toEqual(warning('line 12', '20 more like this, the first here: relates "A" to itself; kept, but metrics ignore self-relations'));
  });
});

describe('bad inputs: refused whole, located', () => {
  const cases: Array<[string, string, Problem[]]> = [
    ['an empty file', '', [error('line 1', 'the file is empty')]],
    ['only a BOM and blank lines', '\ufeff\r\n\r\n', [error('line 1', 'the file is empty')]],
    ['only a BOM', '\ufeff', [error('line 1', 'the file is empty')]],
    ['only spaces and blank lines', '  \n\n', [error('line 1', 'the file is empty')]],
    ['a lone CRLF', '\r\n', [error('line 1', 'the file is empty')]],
    ['only delimiters', ',,\n,,\n', [error('line 1', 'the file holds only empty cells')]],
    ['a header and nothing else', 'source,target,type\r\n', [error('line 2', 'the header is not followed by any relation')]],
    ['a header and nothing else, LF', 'source,target,type\n', [error('line 2', 'the header is not followed by any relation')]],
    ['a header without a line end', 'source,target,type', [error('line 2', 'the header is not followed by any relation')]],
    ['a header, then a blank CRLF line', 'source,target,type\r\n\r\n', [error('line 2', 'the header is not followed by any relation')]],
    ['a ragged row', 'source,target,type\nA,B,threat\nB,C\nC,A,partner,x\n', [error('line 3', '2 cells where the header has 3'), error('line 4', '4 cells where the header has 3')]],
    ['an unclosed quote', 'source,target,type\nA,B,threat\n"B,C,partner\nC,A,threat\n', [error('line 3', 'a quoted cell is never closed')]],
    ['text after a closing quote', 'source,target,type\nA,"B"x,threat\n', [error('line 2', 'a quoted cell has text after its closing quote (write a quote inside a quoted cell as "")')]],
    ['an empty end', 'From,To,Type\nA,,threat\n , B,threat\n', [error('line 2, column To', 'empty: a relation needs a target actor'), error('line 3, column From', 'empty: a relation needs a source actor')]],
    ['no source/target header', 'a,b,type\nA,B,threat\n', [error('line 1', 'the header must name a source and a target column (source,target,type), or an id column for an actors file (id,name); found "a,b,type"')]],
    ['JSON given as CSV', '{"elements": []}', [error('line 1', 'this looks like JSON, not CSV: open it as a JSON file')]],
    ['XML given as CSV', '<?xml version="1.0"?><gexf/>', [error('line 1', 'this looks like XML (GEXF or GraphML?), not CSV')]],
    ['a binary file', 'source,target\nA,B\n\u0000\u0001PK', [error('line 3', 'this is not a text file (it holds NUL characters): save it as CSV (comma- or tab-separated text)')]],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(errors(one(text))).toEqual(expected);
  });

  it('a truncated row with fewer cells is an error, not a shorter graph', () => {
    expect(errors(one('source,target,type\nA,B,threat\nB,C'))).toEqual([error('line 3', '2 cells where the header has 3')]);
  });

  it('line numbers stay right after CRLF, blank lines and quoted cells spanning lines', () => {
    const text = '\ufeffsource,target,type,note\r\n\r\nA,B,threat,"one\r\ntwo\r\nthree"\r\n\r\nB,C,partner,"x\ny"\r\nC,D\r\n';
    expect(errors(one(text))).toEqual([error('line 9', '2 cells where the header has 4')]);
    expect(errors(one(text.replace(/\r\n/g, '\r')))).toEqual([error('line 9', '2 cells where the header has 4')]);
  });

  describe('line numbers stay right', () => {
    // Enough full rows that blank lines are a minority, so these check the line counting on its own.
    const rows = 'A,B,threat\nB,C,threat\nC,D,threat\nD,E,threat\nE,F,threat\n';
    const spanning = `source,target,type,note\nA,B,threat,"one\ntwo\nthree"\n${rows.replace(/\n/g, ',x\n')}X,Y\n`;
    const lineCases: Array<[string, string, Problem]> = [
      ['with CRLF line ends', `source,target,type\n${rows}X,Y\n`.replace(/\n/g, '\r\n'), error('line 7', '2 cells where the header has 3')],
      ['after a blank line', `source,target,type\n\n${rows}X,Y\n`, error('line 8', '2 cells where the header has 3')],
      ['after a blank line with CRLF', `source,target,type\n${rows}\n,Y,threat\n`.replace(/\n/g, '\r\n'), error('line 8, column source', 'empty: a relation needs a source actor')],
      ['after a quoted cell spanning lines (LF)', spanning, error('line 10', '2 cells where the header has 4')],
      ['after a quoted cell spanning lines (CRLF)', spanning.replace(/\n/g, '\r\n'), error('line 10', '2 cells where the header has 4')],
      [
        'for an unclosed quote after a blank line in a CRLF file with a BOM',
        `\ufeffsource,target,type,note\r\n${rows.replace(/\n/g, ',x\r\n')}\r\nB,C,partner,"oops\r\nC,D,threat,x\r\n`,
        error('line 8', 'a quoted cell is never closed'),
      ],
    ];
    it.each(lineCases)('%s', (_name, text, expected) => {
      expect(errors(one(text))).toEqual([expected]);
    });
  });

  it('with several files, problems name the file', () => {
    const actors = { name: 'actors.csv', text: 'id,name\nA,Alpha\nB,Bravo\n' };
    const relations = { name: 'relations.csv', text: 'source,target,type\nA,B,threat\nB,Z,threat\n' };
    expect(refused(csvFormat.read([actors, relations]))).toEqual([error('relations.csv, line 3, column target', '"Z" is not the id of any actor in actors.csv')]);
  });

  it('a bad mapping is refused: wrong length, a role twice, a role the file kind has not', () => {
    expect(errors(one('a,b\nA,B\n', 'x.csv', ['source']))).toEqual([error('line 1', 'the column mapping has 1 entries where the header has 2 columns')]);
    expect(errors(one('a,b\nA,B\n', 'x.csv', ['source', 'source']))).toEqual([error('line 1, column b', 'mapped to source, as column a is already')]);
    expect(errors(one('a,b,c\nA,B,C\n', 'x.csv', ['source', 'target', 'name']))).toEqual([error('line 1, column c', 'name is not a column of a relations file')]);
  });
});

describe('preamble', () => {
  it("SIPRI's raw export (title lines, then a year matrix): an error on line 1 that says why", () => {
    expect(refused(csvFormat.read([fixture('sipri-raw-preamble.csv')]))).toEqual([
      error(
        'line 1',
        'this looks like a preamble (lines 1–9 before line 11, the first with several cells); the header should be the first line: source,target,type for relations, or id,name for actors — and line 11 ",2015,2016,2017,2018,2019,2020,2021,Total" names no such columns: it looks like a table of values (one row per actor, one column per year), not a list of relations',
      ),
    ]);
  });

  it('title lines before a header we recognise are skipped, with a warning; line numbers still count them', () => {
    const text = 'Arms transfers,,\r\nGenerated 2024,,\r\n,,\r\nsource,target,type\r\nA,B,supplier\r\nB,C\r\n';
    expect(errors(one(text))).toEqual([error('line 6', '2 cells where the header has 3')]);
    const { dataset, report } = ok(one(text.replace('B,C\r\n', 'B,C,threat\r\n')));
    expect(triples(dataset)).toEqual([['A', 'B', 'supplier'], ['B', 'C', 'threat']]);
    expect(report.warnings).toEqual([warning('line 1', 'lines 1–2 skipped as a preamble (title lines before the header on line 4)')]);
  });

  it('with a mapping that fits the first wide row, the preamble is skipped too', () => {
    const { dataset } = ok(one('My export\nfrom_id;to_id;what\nA;B;threat\n', 'x.csv', ['source', 'target', 'type']));
    expect(triples(dataset)).toEqual([['A', 'B', 'threat']]);
  });
});

describe('actors and relations files', () => {
  const actors = { name: 'nodes.csv', text: 'Id,Label,Kind,Aliases,Country,notes,population\nTJ,Tajikistan,State,Tojikiston; Таджикистан,tj,landlocked,10\nTB,Taliban,armed group,,AF,,\nRU,Russia,state,,Russia,,144\nTJ,Again,state,,,,\n' };
  const relations = { name: 'edges.csv', text: 'Source,Target,Type,Weight\nTB,TJ,threat,3\nRU,TJ,partner,1\n' };

  it('told apart by their headers, in either order; names, kinds, aliases, countries; first of a repeated id wins', () => {
    for (const files of [[actors, relations], [relations, actors]]) {
      const { dataset, report } = ok(csvFormat.read(files));
      expect(dataset.meta.title).toBe('edges.csv');
      expect(dataset.actors).toEqual([
        { id: 'TJ', name: 'Tajikistan', kind: 'state', aliases: ['Tojikiston', 'Таджикистан'], country: 'TJ', notes: 'landlocked', attributes: { population: 10 } },
        { id: 'TB', name: 'Taliban', kind: 'armed-group', aliases: [], country: 'AF' },
        { id: 'RU', name: 'Russia', kind: 'state', aliases: [], attributes: { Country: 'Russia', population: 144 } },
      ]);
      expect(triples(dataset)).toEqual([['TB', 'TJ', 'threat'], ['RU', 'TJ', 'partner']]);
      expect(report).toMatchObject({ actorsRead: 4, relationsRead: 2 });
      expect(report.warnings).toEqual([
        warning('nodes.csv, line 5, column Id', '"TJ" is used already on line 2: the first is kept, this row is dropped'),
        warning('nodes.csv, line 4, column Country', '"Russia" is not a two-letter country code (ISO 3166-1): kept as the attribute "Country"'),
      ]);
    }
  });

  it('an actors file alone gives actors and no relations, with a warning', () => {
    const { dataset, report } = ok(csvFormat.read([actors]));
    expect(dataset.relations).toEqual([]);
    expect(report.warnings.at(-1)).toEqual(warning('line 1', 'an actors file alone: 3 actors and no relations'));
  });

  it('two relations files are refused', () => {
    expect(refused(csvFormat.read([relations, { ...relations, name: 'more.csv' }]))).toEqual([error('more.csv', 'a second relations file (after edges.csv): give one relations file')]);
  });

  it("Gephi's nodes table: a blank first line, blank rows, a row of spaces, typed columns, a 54-digit number kept as text", () => {
    const { dataset, report } = ok(csvFormat.read([fixture('gephi-nodes-types.csv')]));
    expect(dataset.actors.map((a) => [a.id, a.name])).toEqual([['1', '1'], ['2', '2'], ['3', '3'], ['4', '4'], ['5', '5']]);
    expect(attrs(dataset.actors[0]!)).toEqual({
      int: 6,
      long: 77,
      double: 1,
      boolean: false,
      timeset: '[1,5]; [10, 10.5]; [11, 16]',
      string: 'ab',
      intervallongmap: '<[1, 2, 1]; [2, 3, 2]>',
      bigint: '987654321987654321987654321987654321987654321987654321',
    });
    expect(dataset.actors[2]!.attributes).toBeUndefined();
    expect(dataset.actors[3]!.attributes).toBeUndefined();
    expect(attrs(dataset.actors[4]!)).toMatchObject({ long: 8889848888888888, double: 4.6, boolean: true, bigint: '3' });
    expect(report.warnings).toEqual([
      warning('line 3, column bigint', '"987654321987654321987654321..." has more digits than a number holds exactly; the column is kept as text'),
      warning('line 2', 'an actors file alone: 5 actors and no relations'),
    ]);
  });

  it('a BOM, CJK and Cyrillic text, a repeated id, a last line of only delimiters', () => {
    const { dataset, report } = ok(csvFormat.read([fixture('utf8-bom-duplicate-id.csv')]));
    expect(dataset.actors).toEqual([
      { id: '1', name: 'один', kind: 'organization', aliases: [], attributes: { timeset: '[1,5]; [10, 10.5]; [11, 16];', utf8: '漢語' } },
      { id: '2', name: 'два', kind: 'organization', aliases: [], attributes: { utf8: 'blabla' } },
    ]);
    expect(report.warnings[0]).toEqual(warning('line 4, column id', '"2" is used already on line 3: the first is kept, this row is dropped'));
  });
});

describe('the column mapping', () => {
  it('guessColumns: our, Kumu and Gephi headers, actors files, SIPRI-style supplier/recipient', () => {
    expect(guessColumns(['source', 'target', 'type', 'weight'])).toEqual(['source', 'target', 'type', null]);
    expect(guessColumns(['From', 'To', 'Type', 'Strength'])).toEqual(['source', 'target', 'type', null]);
    expect(guessColumns(['Id', 'Label', 'Source', 'Target', 'Kind', 'Type', 'Weight'])).toEqual(['id', null, 'source', 'target', null, 'type', null]);
    expect(guessColumns(['Id', 'Label', 'Source', 'Target', 'Kind', 'Type'], [['1', '', 'a', 'b', 'ally', 'Directed']])).toEqual(['id', null, 'source', 'target', 'type', null]);
    expect(guessColumns(['id', 'label', 'kind', 'alias', 'iso2', 'notes', 'x'])).toEqual(['id', 'name', 'kind', 'aliases', 'country', 'notes', null]);
    // A year column makes a dated edge list (dated-csv.test.ts); a weight column only beside one.
    expect(guessColumns(['supplier', 'recipient', 'year', 'value'])).toEqual(['source', 'target', 'date', 'weight']);
    expect(guessColumns(['Relation Type', 'Source ID', 'Target_ID'])).toEqual(['type', 'source', 'target']);
    expect(guessColumns(['dispnum', 'ccode1', 'ccode2'])).toEqual([null, null, null]);
    expect(guessColumns(['actorscope:relation_id', 'source', 'target', 'type', 'notes'])).toEqual(['id', 'source', 'target', 'type', 'notes']);
  });

  it('read with a mapping: columns the guess does not know, and skip', () => {
    const text = 'dispnum,ccode1,ccode2,year,hostlev\n2,2,200,1902,3\n2,200,2,1902,-9\n';
    expect(errors(one(text))[0]!.message).toMatch(/^the header must name a source and a target column/);
    const { dataset } = ok(one(text, 'mid.csv', ['skip', 'source', 'target', null, null]));
    expect(dataset.relations).toEqual([
      { id: 'r1', source: '2', target: '200', type: 'other', claims: [], attributes: { year: 1902, hostlev: 3 } },
      { id: 'r2', source: '200', target: '2', type: 'other', claims: [], attributes: { year: 1902, hostlev: -9 } },
    ]);
  });

  it('mappings for several files go in the order of the files', () => {
    const a = { name: 'a.csv', text: 'code,title\nX,Ex\nY,Why\n' };
    const r = { name: 'r.csv', text: 'p,q\nX,Y\n' };
    const { dataset } = ok(csvFormat.read([a, r], { mappings: [['id', 'name'], ['source', 'target']] }));
    expect(dataset.actors.map((x) => x.name)).toEqual(['Ex', 'Why']);
    expect(triples(dataset)).toEqual([['X', 'Y', 'other']]);
  });

  it('inspectCsv gives the UI the header, its line, the delimiter and the proposed mapping', () => {
    const r = inspectCsv('Title line\n\nFrom;To;Type\nA;B;threat\n');
    expect(r).toEqual({
      ok: true,
      preview: {
        delimiter: ';',
        headerLine: 3,
        header: ['From', 'To', 'Type'],
        mapping: ['source', 'target', 'type'],
        kind: 'relations',
        own: false,
        warnings: [warning('line 1', 'line 1 skipped as a preamble (title lines before the header on line 3)')],
      },
    });
    expect(inspectCsv('')).toEqual({ ok: false, problems: [error('line 1', 'the file is empty')] });
  });

  it("the tidied SIPRI table: supplier → recipient by year, one relation per pair with a dated claim per row, COW codes with NA kept as text (warned), names with * and '", () => {
    const { dataset, report } = ok(csvFormat.read([fixture('sipri-processed-slice.csv')]));
    expect(dataset.actors.map((a) => a.id)).toEqual(['Arcadia', 'Borduria**', "Cote d'Ivoire", 'Rebels (Syldavia)*']);
    expect(dataset.relations.map((r) => [r.source, r.target, r.attributes?.supplier_cown, r.claims.map((c) => [c.date, c.weight, c.locator.row, c.quote])])).toEqual([
      ['Arcadia', 'Borduria**', '305', [['2021', 11, 2, 'Arcadia,Borduria**,2021,11,305,900']]],
      ['Arcadia', "Cote d'Ivoire", '305', [['2020', 5, 3, `Arcadia,"Cote d'Ivoire",2020,5,305,437`]]],
      ['Rebels (Syldavia)*', 'Arcadia', 'NA', [['2019', 0, 4, 'Rebels (Syldavia)*,Arcadia,2019,0,NA,305']]],
      ['Borduria**', 'Arcadia', '900', [['2019', 3, 5, 'Borduria**,Arcadia,2019,3,900,305'], ['2020', 7, 6, 'Borduria**,Arcadia,2020,7,900,305']]],
    ]);
    expect(report.warnings).toEqual([
      warning('line 1', 'no type column: every relation is typed "other"'),
      warning('line 4, column supplier_cown', '"NA" is not a number; the column, otherwise numbers, is kept as text'),
    ]);
  });
});

describe('our own export', () => {
  const dataset: Dataset = {
    format: 'actorscope',
    version: 2,
    meta: { title: 'Export', license: 'CC BY 4.0' },
    sources: [
      { id: 'interview', title: 'Interview', author: 'A. B.' },
      { id: '=t', title: '=T', url: 'https://example.org/' },
      { id: 's', title: 'S' },
    ],
    actors: [
      { id: '=cmd', name: '-1', kind: 'state', aliases: ['+1', "'quoted"], attributes: { score: -1, code: '-1', at: '@x', tab: '\tx', empty: '', none: null, yes: true, text: 'true' } },
      { id: '@x', name: 'At', kind: 'person', aliases: [] },
    ],
    relations: [
      {
        id: '+1',
        source: '=cmd',
        target: '@x',
        type: 'supplier',
        notes: '=HYPERLINK("http://evil")',
        claims: [
          { quote: '-they said', sourceId: '=t', locator: { paragraph: 2, chars: [0, 9] }, assertedBy: '@spokesman', date: '2023-04', stance: 'supports', grade: 'B2' },
          { quote: 'second', sourceId: 's', locator: {}, context: { prefix: 'before ' }, assertedBy: '', period: { to: '2024' }, stance: 'disputes', grade: 'E5', notes: '\rcr' },
        ],
      },
    ],
  };

  it('writes four files, marked as ours, with every formula-like cell neutralised', () => {
    const files = csvFormat.write(dataset, 'export');
    expect(files.map((f) => [f.name, f.mime])).toEqual([
      ['export-actors.csv', 'text/csv'],
      ['export-relations.csv', 'text/csv'],
      ['export-claims.csv', 'text/csv'],
      ['export-meta.csv', 'text/csv'],
    ]);
    const [actors, relations, claims, meta] = files.map((f) => f.text.split('\r\n'));
    expect(actors).toEqual([
      'actorscope:actor_id,name,kind,aliases,country,notes,attr:score,attr:code,attr:at,attr:tab,attr:empty,attr:none,attr:yes,attr:text',
      `'=cmd,'-1,state,"[""+1"",""'quoted""]",,,'-1,"""-1""",'@x,'\tx,"""""",null,true,"""true"""`,
      '\'@x,At,person,,,,,,,,,,,',
      '',
    ]);
    expect(relations).toEqual(['actorscope:relation_id,source,target,type,notes', `'+1,'=cmd,'@x,supplier,"'=HYPERLINK(""http://evil"")"`, '']);
    expect(claims![0]).toBe(
      'actorscope:claim,relation_id,quote,source_title,source_publisher,source_date,source_url,paragraph,char_start,char_end,asserted_by,date,period_from,period_to,stance,grade,notes,source_id,page,quote_prefix,quote_suffix,weight,row',
    );
    expect(claims![1]).toBe("1,'+1,'-they said,'=T,,,https://example.org/,2,0,9,'@spokesman,2023-04,,,supports,B2,,'=t,,,,,");
    expect(claims![2]).toBe(`2,'+1,second,S,,,,,,,,,,2024,disputes,E5,"'\rcr",s,,"before ",,,`);
    expect(meta).toEqual([
      'actorscope:meta,value',
      'title,Export',
      'license,CC BY 4.0',
      'source,"{""id"":""interview"",""title"":""Interview"",""author"":""A. B.""}"',
      'source,"{""id"":""=t"",""title"":""=T"",""url"":""https://example.org/""}"',
      'source,"{""id"":""s"",""title"":""S""}"',
      '',
    ]);
    // No cell of any file starts with a formula character.
    for (const file of files) {
      for (const line of file.text.split(/\r\n/)) for (const cell of line.split(',')) expect(cell).not.toMatch(/^[=+\-@]/);
    }
  });

  it('reads its four files back exactly, in any order, and only our files are unescaped', () => {
    const files = csvFormat.write(dataset, 'export');
    expect(ok(csvFormat.read(files)).dataset).toEqual(dataset);
    expect(ok(csvFormat.read([...files].reverse())).dataset).toEqual(dataset);
    // The same cells in another tool's file stay as written.
    const foreign = ok(one("source,target,type\n'=cmd,'@x,supplier\n")).dataset;
    expect(foreign.actors.map((a) => a.id)).toEqual(["'=cmd", "'@x"]);
  });

  it('claims sorted in a spreadsheet come back in their order', () => {
    const files = csvFormat.write(dataset, 'export');
    const claims = files[2]!;
    const [header, first, second] = claims.text.split('\r\n');
    const sorted = { ...claims, text: [header, second, first, ''].join('\r\n') };
    expect(ok(csvFormat.read([files[0]!, files[1]!, sorted])).dataset.relations[0]!.claims).toEqual(dataset.relations[0]!.claims);
  });

  it('our files are read strictly: problems located by file, line and column', () => {
    const [actors, relations, claims] = csvFormat.write(dataset, 'export');
    const badClaims = { ...claims!, text: claims!.text.replace(',B2,', ',Z9,').replace(',2,0,9,', ',two,9,0,') };
    const badRelations = { ...relations!, text: relations!.text.replace(',supplier,', ',ally,') };
    expect(errors(csvFormat.read([actors!, badRelations, badClaims]))).toEqual([
      error('export-relations.csv, line 2, column type', '"ally" is not a relation type (partner, threat, supplier, suspected-supporter, other)'),
      error('export-claims.csv, line 2, column paragraph', '"two" is not a paragraph number (1, 2, …)'),
      error('export-claims.csv, line 2, column char_start', 'expected [start, end] with 0 ≤ start ≤ end'),
      error('export-claims.csv, line 2, column grade', '"Z9" is not a grade (A–F then 1–6, e.g. "B2")'),
    ]);
  });

  it('claims of a relation that does not exist, a bad claim number, a bad typed cell, a ragged row', () => {
    const [actors, relations, claims] = csvFormat.write(dataset, 'export');
    const text = `${claims!.text}1,r9,q,S,,,,,,,,,,,supports,A1,,s,,,,,\r\nx,'+1,q,S,,,,,,,,,,,supports,A1,,s,,,,,\r\n1,'+1,q\r\n`;
    const badActors = { ...actors!, text: actors!.text.replace('"""-1"""', '"""-1"') };
    expect(errors(csvFormat.read([badActors, relations!, { ...claims!, text }]))).toEqual([
      error('export-actors.csv, line 2, column attr:code', '"\\"-1" starts with a quote but is not a quoted text ("like this")'),
      // Lines 3–4 hold the second claim, whose notes cell spans two lines (it starts with a CR).
      error('export-claims.csv, line 7', '3 cells where the header has 23'),
      error('export-claims.csv, line 5, column relation_id', '"r9" is not the id of any relation in the relations file'),
      error('export-claims.csv, line 6, column actorscope:claim', '"x" is not a claim number (1, 2, … within its relation)'),
    ]);
  });

  it('the claims file needs its relations file', () => {
    const [, , claims] = csvFormat.write(dataset, 'export');
    expect(errors(csvFormat.read([claims!]))).toEqual([
      error('export-claims.csv', 'no actors or relations file among the files given'),
      error('export-claims.csv', 'a claims file needs the relations file it belongs to'),
    ]);
  });
});

describe('readDataset routes CSV files here', () => {
  it('a CSV edge list through readDataset: title, typed attributes, warnings', () => {
    const r = readDataset('source,target,type,weight\nA,B,ally,2\n', 'data/edges.csv');
    expect(r).toEqual({
      ok: true,
      format: 'csv',
      dataset: {
        format: 'actorscope',
        version: 2,
        meta: { title: 'edges.csv' },
        sources: [],
        actors: [
          { id: 'A', name: 'A', kind: 'organization', aliases: [] },
          { id: 'B', name: 'B', kind: 'organization', aliases: [] },
        ],
        relations: [{ id: 'r1', source: 'A', target: 'B', type: 'other', claims: [], attributes: { weight: 2, originalType: 'ally' } }],
      },
      warnings: [warning('line 2, column type', '"ally" is not a relation type; kept as "other"')],
    });
  });
});

describe('size', () => {
  it('imports a 100,000-relation edge list, every row read', () => {
    const types = ['partner', 'threat', 'supplier', 'suspected-supporter'];
    // `since`, not `year`: a year column would make it a dated list, one relation per pair (dated-csv.test.ts).
    const lines = ['source,target,type,weight,since'];
    for (let i = 0; i < 100_000; i++) lines.push(`actor${(i * 7919) % 10_000},actor${(i * 104_729 + 13) % 10_000},${types[i % 4]},${(i % 97) / 10},${1990 + (i % 30)}`);
    const text = `${lines.join('\r\n')}\r\n`;
    const { dataset, report } = ok(one(text, 'big.csv'));
    expect(dataset.relations).toHaveLength(100_000);
    expect(dataset.actors).toHaveLength(10_000);
    expect(report.warnings).toEqual([]);
    // The work asserted, not the seconds (a timed test fails on a busy machine): every row read.
    expect(report).toMatchObject({ actorsRead: 10_000, relationsRead: 100_000 });
  }, 60_000);
});
