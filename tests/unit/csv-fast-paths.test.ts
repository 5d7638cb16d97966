/**
 * The CSV import's fast paths (tests/bench/README.md, "CLI whole process")
 * give what the general paths gave:
 *
 * - splitCsv on a text without any quote splits it itself, as papaparse's own
 *   "fast mode" does (papaparse.js, Parser.parse). The reference here is the
 *   general path before the fast one existed: papaparse with a `step`, the
 *   row's line counted from its cursor and its text cut without the line end —
 *   on line ends \n, \r\n, \r and mixed ones, blank and delimiter-only lines,
 *   no final line end, `;` and tab, Excel's `sep=` line, a BOM; and on random
 *   quote-free texts (fast-check), with and without any \r (a text without one
 *   takes the one-line-per-row path).
 * - mapRelationType remembers what it mapped: the same answers as the
 *   normalisation worked out by hand, the thousandth distinct type and after.
 * - restore(…, { evidenceNotes: false }) gives the same dataset and the same
 *   problems minus exactly the "no evidence" notes (missing and empty claims).
 * - restore()'s loops skip the holes of a sparse list, as forEach did.
 * - an edge list's messages whose places are made on demand (CellValue,
 *   RowRelationRecord) still name their line and column.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { mapRelationType } from '../../graph/io/common/relation-type';
import { ProblemLog } from '../../graph/io/common/problem-log';
import { csvFormat } from '../../graph/io/csv/csv';
import { countLineBreaks, guessDelimiter, splitCsv, stripBom, type CsvRow } from '../../graph/io/csv/rows';
import { DATASET_FORMAT, DATASET_VERSION } from '../../graph/model/types';
import { restore } from '../../graph/schema/restore';
import { ok } from '../support/format-tests';

/** The rows as splitCsv made them through papaparse's step for every text (its code before the fast path). */
function papaRows(text: string): { delimiter: string; rows: CsvRow[] } {
  let body = stripBom(text);
  let line = 1;
  let delimiter: string | null = null;
  const sep = /^sep=([,;\t])(\r\n|\r|\n)/.exec(body);
  if (sep) {
    delimiter = sep[1]!;
    body = body.slice(sep[0].length);
    line = 2;
  }
  delimiter ??= guessDelimiter(body);
  const first = /\r\n|\r|\n/.exec(body)?.[0] ?? '\n';
  const rows: CsvRow[] = [];
  let offset = 0;
  Papa.parse<string[]>(body, {
    header: false,
    skipEmptyLines: false,
    delimiter,
    newline: first as '\n' | '\r\n' | '\r',
    step: (result) => {
      const start = offset;
      offset = result.meta.cursor;
      const rowLine = line;
      line += countLineBreaks(body, start, offset);
      expect(result.errors).toEqual([]);
      if (result.data.every((c) => c.trim() === '')) return;
      const text = body.slice(start, offset).replace(/\r?\n$|\r$/, '');
      rows.push({ cells: result.data, line: rowLine, text });
    },
  });
  return { delimiter, rows };
}

const plain = (rows: readonly CsvRow[]) => rows.map((r) => ({ cells: r.cells, line: r.line, text: r.text }));

describe('splitCsv without quotes: the rows papaparse gave', () => {
  const texts: Array<[string, string]> = [
    ['\\n, final line end', 'source,target,type\na,b,partner\nb,c,threat\n'],
    ['\\n, no final line end', 'source,target,type\na,b,partner\nb,c,threat'],
    ['\\r\\n', 'source,target\r\na,b\r\n\r\nb,c\r\n'],
    ['a lone \\r', 'source,target\ra,b\rb,c\r'],
    ['mixed: \\r\\n first, then a lone \\n inside a row and a lone \\r', 'source,target\r\na,b\nc,d\r\ne,f\rg,h\r\n'],
    ['mixed: \\n first, then \\r\\n', 'source,target\na,b\r\nc,d\n'],
    ['blank and delimiter-only lines, spaces', 'source,target\n\n , \n,,\na , b\n\n\n'],
    ['semicolons', 'source;target;weight\na;b;1,5\nb;c;2\n'],
    ['tabs', 'source\ttarget\na\tb\n'],
    ["Excel's sep= line", 'sep=;\nsource;target\na;b\n'],
    ['a BOM', '\ufeffsource,target\na,b\n'],
    ['ragged rows', 'source,target,type\na,b\nc,d,partner,extra\n'],
  ];
  /** Our split of `text` gives papaparse's delimiter and rows, with no problem logged. */
  const expectPapaparseRows = (text: string) => {
    const log = new ProblemLog();
    const split = splitCsv(text, log, (l) => `line ${l}`);
    const reference = papaRows(text);
    expect(log.items).toEqual([]);
    expect(split!.delimiter).toBe(reference.delimiter);
    expect(plain(split!.rows)).toEqual(plain(reference.rows));
  };
  for (const [what, text] of texts) {
    it(what, () => expectPapaparseRows(text));
  }

  it('random quote-free texts, with and without \\r: the same rows and lines', () => {
    const chars = (alphabet: string) => fc.array(fc.constantFrom(...alphabet), { maxLength: 80 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.oneof(chars('ab ,;\t\n'), chars('ab ,;\t\n\r'), chars('ab,\n')), fc.boolean(), (text, bom) => {
        if (text.trim() === '') return;
        expectPapaparseRows(bom ? `\ufeff${text}` : text);
      }),
      { numRuns: 2000 },
    );
  });

  it('known answers: without \\r, one row a line, blank lines skipped but counted', () => {
    const split = splitCsv('source,target\n\na,b\n , \nc,d', new ProblemLog(), (l) => `line ${l}`)!;
    expect(plain(split.rows)).toEqual([
      { cells: ['source', 'target'], line: 1, text: 'source,target' },
      { cells: ['a', 'b'], line: 3, text: 'a,b' },
      { cells: ['c', 'd'], line: 5, text: 'c,d' },
    ]);
  });

  it('known answers: lines counted as the file shows them, texts without their line ends', () => {
    const split = splitCsv('source,target\r\na,b\nc,d\r\n\r\ne,f\r\n', new ProblemLog(), (l) => `line ${l}`)!;
    // \r\n ends rows; the lone \n stays inside the second row's last cell, and counts as a line.
    expect(plain(split.rows)).toEqual([
      { cells: ['source', 'target'], line: 1, text: 'source,target' },
      { cells: ['a', 'b\nc', 'd'], line: 2, text: 'a,b\nc,d' },
      { cells: ['e', 'f'], line: 5, text: 'e,f' },
    ]);
  });

  it('a text with a quote still goes through papaparse, errors and all', () => {
    const log = new ProblemLog();
    const split = splitCsv('source,target\n"a,1",b\nc,"d\n', log, (l) => `line ${l}`)!;
    expect(split.rows[1]!.cells).toEqual(['a,1', 'b']);
    expect(log.items).toEqual([{ severity: 'error', path: 'line 3', message: 'a quoted cell is never closed' }]);
  });
});

describe('mapRelationType, remembered', () => {
  it('the same answers the first time and after, worked out by hand', () => {
    for (let round = 0; round < 2; round++) {
      expect(mapRelationType(' Suspected_Supporter ')).toEqual({ type: 'suspected-supporter', known: true });
      expect(mapRelationType('PARTNER')).toEqual({ type: 'partner', known: true });
      expect(mapRelationType(' Ally ')).toEqual({ type: 'other', known: false, originalType: 'Ally' });
      expect(mapRelationType(3)).toEqual({ type: 'other', known: false, originalType: '3' });
    }
  });

  it('past the thousand types it remembers, still mapped', () => {
    for (let i = 0; i < 1500; i++) expect(mapRelationType(`type ${i}`)).toEqual({ type: 'other', known: false, originalType: `type ${i}` });
    expect(mapRelationType('supplier')).toEqual({ type: 'supplier', known: true });
    expect(mapRelationType('type 1499')).toEqual({ type: 'other', known: false, originalType: 'type 1499' });
  });
});

describe('restore without the "no evidence" notes', () => {
  const input = {
    format: DATASET_FORMAT,
    version: DATASET_VERSION,
    meta: { title: 't' },
    actors: [{ id: 'a', name: 'A', kind: 'state' }, { id: 'b', name: 'B', kind: 'state' }],
    relations: [
      { source: 'a', target: 'b', type: 'partner' },
      { id: 'x', source: 'b', target: 'b', type: 'threat', claims: [] },
      { source: 'a', target: 'b', type: 'supplier', claims: [], attributes: { w: 1 } },
      { id: 'x', source: 'a', target: 'b', type: 'supplier', claims: [] },
    ],
  };
  const evidenceNote = (p: { path: string; message: string }) => /^relations\[\d+\]\.claims$/.test(p.path) && p.message.endsWith(' this relation has no evidence');

  it('the problems, minus exactly those notes; the same dataset', () => {
    const all = restore(input);
    const fewer = restore(input, { evidenceNotes: false });
    expect(all.ok).toBe(false);
    expect(fewer.ok).toBe(false);
    const problems = (r: ReturnType<typeof restore>) => (r.ok ? r.warnings : r.problems);
    expect(problems(all).filter(evidenceNote)).toHaveLength(4);
    expect(problems(fewer)).toEqual(problems(all).filter((p) => !evidenceNote(p)));
    expect(problems(fewer)).toContainEqual({ severity: 'error', path: 'relations[3].id', message: '"x" is used already by relations[1]' });

    const good = { ...input, relations: input.relations.slice(0, 3) };
    const a = restore(good);
    const b = restore(good, { evidenceNotes: false });
    if (!a.ok || !b.ok) throw new Error('refused');
    expect(b.dataset).toEqual(a.dataset);
    expect(b.dataset.relations.map((r) => r.id)).toEqual(['r1', 'x', 'r2']);
    expect(b.warnings).toEqual(a.warnings.filter((p) => !evidenceNote(p)));
    expect(b.warnings).toEqual([{ severity: 'warning', path: 'relations[1]', message: 'relates "b" to itself; kept, but metrics ignore self-relations' }]);
  });
});

describe('restore over a list with holes (its loops skip them, as forEach did)', () => {
  it('a hole is no relation and no problem; the others keep their paths', () => {
    const relations: unknown[] = [{ source: 'a', target: 'b', type: 'partner', claims: [] }];
    relations[2] = { source: 'b', target: 'b', type: 'threat', claims: [] };
    const actors: unknown[] = [{ id: 'a', name: 'A', kind: 'state' }];
    actors[2] = { id: 'b', name: 'B', kind: 'state' };
    const r = restore({ format: DATASET_FORMAT, version: DATASET_VERSION, meta: { title: 't' }, actors, relations });
    if (!r.ok) throw new Error('refused');
    expect(r.dataset.actors.map((a) => a.id)).toEqual(['a', 'b']);
    expect(r.dataset.relations.map((x) => [x.id, x.source, x.target])).toEqual([['r1', 'a', 'b'], ['r2', 'b', 'b']]);
    expect(r.warnings).toEqual([
      { severity: 'warning', path: 'relations[0].claims', message: 'empty: this relation has no evidence' },
      { severity: 'warning', path: 'relations[2]', message: 'relates "b" to itself; kept, but metrics ignore self-relations' },
      { severity: 'warning', path: 'relations[2].claims', message: 'empty: this relation has no evidence' },
    ]);
  });
});

describe("an edge list's messages, their places made on demand", () => {
  it('the unknown and missing types at their line and column; no "no evidence" note', () => {
    const { dataset, report } = ok(csvFormat.read([{ name: 'e.csv', text: 'source,target,type,notes\na,b,ally,x\nb,c,Ally ,\nc,a,,\nc,c,partner,\n' }]));
    expect(dataset.relations.map((r) => [r.id, r.type, r.notes, r.attributes])).toEqual([
      ['r1', 'other', 'x', { originalType: 'ally' }],
      ['r2', 'other', undefined, { originalType: 'Ally' }],
      ['r3', 'other', undefined, undefined],
      ['r4', 'partner', undefined, undefined],
    ]);
    expect(report.warnings).toEqual([
      { severity: 'warning', path: 'line 2, column type', message: '"ally" is not a relation type; kept as "other"' },
      { severity: 'warning', path: 'line 3, column type', message: '"Ally" is not a relation type; kept as "other"' },
      { severity: 'warning', path: 'column type', message: '1 row has no type: typed "other"' },
      { severity: 'warning', path: 'line 5', message: 'relates "c" to itself; kept, but metrics ignore self-relations' },
    ]);
  });
});
