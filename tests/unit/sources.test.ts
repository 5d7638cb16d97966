/**
 * Source texts: the paragraph rule a locator counts by (the embedded dataset's
 * meta.method states it; its 31 claims are the known answers for the
 * interview), with CRLF, CR and no-break-space lines; quotes anchored by
 * offsets, then by text and context (offsets in UTF-16 units, past an astral
 * character); restore()'s quote checks and re-anchoring; the version 1 → 2
 * migration; a form's new document (citeSource).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import dataset from '../../public/data/tajikistan-2023.json';
import { citeSource } from '../../graph/schema/edit';
import { restore } from '../../graph/schema/restore';
import { anchorQuote, contextAt } from '../../graph/sources/anchor';
import { paragraphAt, paragraphsOf } from '../../graph/sources/paragraphs';
import { paragraphViews } from '../../src/reader/segments';

const interview = readFileSync(new URL('../fixtures/tajikistan-security-2023.txt', import.meta.url), 'utf8');

describe('paragraphs', () => {
  it('are blocks of non-blank lines, whatever ends the lines', () => {
    const text = 'One\r\nstill one\r\n\r\nTwo\rtwo\r\r\n\u00a0\u00a0\nThree';
    expect(paragraphsOf(text).map((p) => text.slice(p.start, p.end))).toEqual(['One\r\nstill one', 'Two\rtwo', 'Three']);
    expect(paragraphsOf(text).map((p) => p.n)).toEqual([1, 2, 3]);
    expect(paragraphsOf('')).toEqual([]);
    expect(paragraphsOf('\n\n  \n')).toEqual([]);
    expect(paragraphsOf('x\n')).toEqual([{ n: 1, start: 0, end: 1 }]);
  });

  it('number the interview as the embedded dataset counts it: 28 paragraphs, every claim in its own', () => {
    const ps = paragraphsOf(interview);
    expect(ps).toHaveLength(28);
    for (const r of dataset.relations) {
      for (const c of r.claims) {
        const [start] = c.locator.chars as [number, number];
        expect(paragraphAt(ps, start)?.n, `${r.id}: ${c.quote}`).toBe(c.locator.paragraph);
      }
    }
    expect(paragraphAt(ps, ps[0]!.end)).toBeUndefined();
  });
});

describe('quotes anchored in their text', () => {
  const text = 'Alpha said: “we agree”.\n\nLater, Beta said: “we agree”, and left. 🙂 Then: “we agree” again.';
  const quote = '“we agree”';
  const places = [...text.matchAll(/“we agree”/g)].map((m) => m.index!);

  it('holds where the offsets say; elsewhere, is found by its context, then by nearness', () => {
    expect(places).toHaveLength(3);
    expect(anchorQuote(text, quote, [places[1]!, places[1]! + quote.length])).toEqual({ kind: 'holds' });
    // Offsets off by 3 (an edit before it): nearest place is the second one.
    expect(anchorQuote(text, quote, [places[1]! + 3, places[1]! + 3 + quote.length])).toEqual({ kind: 'moved', chars: [places[1]!, places[1]! + quote.length] });
    // The context names the third one (after the astral 🙂: two UTF-16 units), wherever the offsets point.
    const third: [number, number] = [places[2]!, places[2]! + quote.length];
    expect(anchorQuote(text, quote, [0, 5], contextAt(text, ...third))).toEqual({ kind: 'moved', chars: third });
    expect(text.slice(...third)).toBe(quote);
  });

  it('is missing when the text does not hold it, with the place that differs only by spaces or quotation marks', () => {
    expect(anchorQuote(text, 'we disagree', [0, 11])).toEqual({ kind: 'missing' });
    const straight = anchorQuote(text, 'Beta  said: "we agree"', undefined);
    expect(straight.kind).toBe('missing');
    expect(straight.kind === 'missing' && straight.nearly && text.slice(...straight.nearly)).toBe('Beta said: “we agree”');
  });

  it('leaves out a side of the context at the edge of the text', () => {
    expect(contextAt(text, 0, 5)).toEqual({ suffix: text.slice(5, 37) });
    expect(contextAt(text, text.length - 5, text.length)).toEqual({ prefix: text.slice(text.length - 37, text.length - 5) });
  });
});

describe('restore() checks every quote against its source text', () => {
  const text = 'Head line\n\nFirst paragraph: A supplies B.\n\nSecond paragraph: B threatens C.';
  const dataset = (claims: unknown[], pages?: number[]) => ({
    format: 'actorscope',
    version: 2,
    meta: { title: 'T' },
    sources: [{ id: 'doc', title: 'Doc', text, ...(pages ? { pages } : {}) }],
    actors: ['A', 'B', 'C'].map((id) => ({ id, name: id, kind: 'state' })),
    relations: [{ id: 'r1', source: 'A', target: 'B', type: 'supplier', claims }],
  });
  const claim = (extra: object) => ({ quote: 'B threatens C', sourceId: 'doc', assertedBy: 'x', stance: 'supports', grade: 'B2', ...extra });
  const at = text.indexOf('B threatens C');

  it('accepts a quote at its offsets, and sets its paragraph and page from them', () => {
    const r = restore(dataset([claim({ locator: { chars: [at, at + 13] } })], [0, text.indexOf('Second')]));
    expect(r.ok && r.warnings).toEqual([]);
    expect(r.ok && r.dataset.relations[0]!.claims[0]!.locator).toEqual({ chars: [at, at + 13], paragraph: 3, page: 2 });
  });

  it('re-anchors a quote its offsets miss, with a warning, and corrects a wrong paragraph', () => {
    const r = restore(dataset([claim({ locator: { chars: [2, 15], paragraph: 2 } })]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.dataset.relations[0]!.claims[0]!.locator).toEqual({ chars: [at, at + 13], paragraph: 3 });
    expect(r.warnings).toEqual([
      { severity: 'warning', path: 'relations[0].claims[0].locator.chars', message: `[2, 15] does not hold the quote; re-anchored to [${at}, ${at + 13}] by its text` },
      { severity: 'warning', path: 'relations[0].claims[0].locator.paragraph', message: '2, but the quote stands in paragraph 3; set to 3' },
    ]);
  });

  it('refuses a quote its source does not hold, at the claim’s path', () => {
    const r = restore(dataset([claim({ quote: 'C supplies A', locator: { paragraph: 2 } })]));
    expect(!r.ok && r.problems).toEqual([{ severity: 'error', path: 'relations[0].claims[0].quote', message: 'not found in the text of source "doc"' }]);
  });

  it('refuses a claim naming no source of the dataset, and pages that do not fit the text', () => {
    const noSource = restore(dataset([claim({ sourceId: 'elsewhere', locator: {} })]));
    expect(!noSource.ok && noSource.problems.filter((p) => p.severity === 'error').map((p) => [p.path, p.message])).toEqual([['relations[0].claims[0].sourceId', '"elsewhere" is not the id of one of the dataset\'s sources']]);
    const badPages = restore(dataset([], [5, 2]));
    expect(!badPages.ok && badPages.problems.filter((p) => p.severity === 'error').map((p) => p.path)).toEqual(['sources[0].pages']);
  });
});

describe('version 1 → 2', () => {
  it('moves meta.sources to sources with ids (interviewee → speaker), and joins inline citations to them', () => {
    const v1 = {
      format: 'actorscope',
      version: 1,
      meta: { title: 'Old', sources: [{ title: 'An Interview', publisher: 'P', date: '2023', interviewee: 'D. M.' }] },
      actors: [{ id: 'a', name: 'A', kind: 'state' }, { id: 'b', name: 'B', kind: 'state' }],
      relations: [{ source: 'a', target: 'b', type: 'partner', claims: [
        { quote: 'q1', source: { title: 'an  interview', publisher: 'p', date: '2023' }, locator: { paragraph: 1 }, assertedBy: 'x', grade: 'B2' },
        { quote: 'q2', source: 'Another paper', locator: { paragraph: 2 }, assertedBy: 'y', grade: 'C3' },
      ] }],
    };
    const r = restore(v1);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.dataset.version).toBe(2);
    expect(r.dataset.meta).toEqual({ title: 'Old' });
    expect(r.dataset.sources).toEqual([
      { id: 'an-interview', title: 'An Interview', publisher: 'P', date: '2023', speaker: 'D. M.' },
      { id: 'another-paper', title: 'Another paper' },
    ]);
    expect(r.dataset.relations[0]!.claims.map((c) => c.sourceId)).toEqual(['an-interview', 'another-paper']);
  });
});

describe('citeSource (a form’s new document)', () => {
  const base = { format: 'actorscope' as const, version: 2 as const, meta: { title: 'T' }, sources: [{ id: 'doc', title: 'Doc', publisher: 'P' }], actors: [], relations: [] };
  it('finds the source a citation names, or adds one with a fresh id, or says what is wrong where', () => {
    expect(citeSource(base, { title: ' doc ', publisher: 'p' }, 'claims[0].source')).toEqual({ ok: true, dataset: base, sourceId: 'doc' });
    const added = citeSource(base, { title: 'Doc', publisher: 'Other' }, 'claims[0].source');
    expect(added.ok && [added.sourceId, added.dataset.sources.at(-1)]).toEqual(['doc-2', { id: 'doc-2', title: 'Doc', publisher: 'Other' }]);
    const bad = citeSource(base, { title: '', url: 'javascript:alert(1)' }, 'claims[0].source');
    expect(!bad.ok && bad.problems.map((p) => p.path)).toEqual(['claims[0].source.title']);
  });
});

describe('the reader’s pieces of text (src/reader/segments.ts)', () => {
  it('cut a paragraph where passages and names start and end, widest passage first', () => {
    const text = 'Russia supplies Tajikistan with arms.';
    const [p] = paragraphsOf(text);
    const views = paragraphViews([p!], [
      { relationId: 'wide', claim: 0, start: 0, end: 37 },
      { relationId: 'narrow', claim: 1, start: 16, end: 26 },
    ], [{ actor: 'tj', start: 16, end: 26, text: 'Tajikistan' }, { actor: 'ru', start: 0, end: 6, text: 'Russia' }]);
    expect(views[0]!.segments.map((s) => [text.slice(s.start, s.end), s.passages.map((x) => x.relationId), s.actor ?? null])).toEqual([
      ['Russia', ['wide'], 'ru'],
      [' supplies ', ['wide'], null],
      ['Tajikistan', ['wide', 'narrow'], 'tj'],
      [' with arms.', ['wide'], null],
    ]);
    expect(views[0]!.claims).toBe(2);
  });
});
