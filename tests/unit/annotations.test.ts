/**
 * W3C Web Annotations, known answers (graph/io/annotations/): code-point
 * offsets after an astral character, how an imported claim finds its source,
 * actors and relation (joining the one that exists, never a parallel one),
 * and every refusal located at the annotation's JSON path; the code-point
 * index against the string iterator's count (fast-check). The round trip
 * over random datasets is annotations-round-trip.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointIndex, codePointOffset, utf16Offset } from '../../graph/io/annotations/code-points';
import { readAnnotations, type AnnotationImport } from '../../graph/io/annotations/read-annotations';
import { annotationsOf, writeAnnotations } from '../../graph/io/annotations/write-annotations';
import type { Dataset } from '../../graph/model/types';
import { formatProblem } from '../../graph/schema/problems';
import { restore } from '../../graph/schema/restore';

// "🙂" is two UTF-16 units and one code point: "Russia" starts at UTF-16 12, code point 11.
const TEXT = 'Greetings 🙂 Russia arms Tajikistan.\n\nChina trains the border guards.';

function dataset(): Dataset {
  const r = restore({
    format: 'actorscope',
    version: 2,
    meta: { title: 'Known answers' },
    sources: [
      { id: 'talk', title: 'A talk', url: 'https://example.org/talk', text: TEXT },
      { id: 'note', title: 'A note without text' },
    ],
    actors: [
      { id: 'ru', name: 'Russia', kind: 'state' },
      { id: 'tj', name: 'Tajikistan', kind: 'state' },
      { id: 'cn', name: 'China', kind: 'state' },
    ],
    relations: [
      { id: 'r1', source: 'ru', target: 'tj', type: 'supplier', claims: [{ quote: 'Russia arms Tajikistan', sourceId: 'talk', locator: { chars: [13, 35] }, assertedBy: 'the speaker', stance: 'supports', grade: 'B2' }] },
      { id: 'r2', source: 'cn', target: 'tj', type: 'partner', claims: [{ quote: 'China trains the border guards', sourceId: 'talk', locator: { chars: [38, 68] }, assertedBy: 'the speaker', stance: 'supports', grade: 'C3', period: { from: '2021' } }] },
      { id: 'r3', source: 'ru', target: 'cn', type: 'partner', claims: [{ quote: 'they agree', sourceId: 'note', locator: { paragraph: 4, chars: [100, 110] }, assertedBy: 'reported', stance: 'disputes', grade: 'F6', notes: 'hearsay' }] },
    ],
  });
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  return r.dataset;
}

const empty = (d: Dataset): Dataset => ({ ...d, relations: [] });
const problems = (r: AnnotationImport) => (r.ok ? r.warnings : r.problems).map(formatProblem);
const claimBody = (a: Record<string, unknown>) => (a.body as Array<Record<string, unknown>>).find((b) => b.type === 'actorscope:Claim')!;

describe('offsets in code points', () => {
  it('count an astral character once', () => {
    expect(TEXT.indexOf('Russia')).toBe(13);
    expect(codePointOffset(TEXT, 13)).toBe(12);
    expect(utf16Offset(TEXT, 12)).toBe(13);
    expect(utf16Offset('ab', 3)).toBeUndefined();
  });

  it('fast-check: the index agrees with counting by the string iterator, lone surrogates and all', () => {
    const unit = fc.constantFrom('a', '🙂', '𐀀', '\ud800', '\udc00', '\n', 'é');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }).map((u) => u.join('')), (text) => {
        const index = codePointIndex(text);
        const total = [...text].length;
        for (let at = 0; at <= text.length; at++) expect(index.toCodePoint(at)).toBe([...text.slice(0, at)].length);
        for (let points = 0; points <= total; points++) {
          const at = index.toUtf16(points)!;
          expect([...text.slice(0, at)].length).toBe(points);
          // Never inside a pair: the code point before `at` is whole.
          expect(at === 0 || at === text.length || !(/[\ud800-\udbff]/.test(text[at - 1]!) && /[\udc00-\udfff]/.test(text[at]!))).toBe(true);
        }
        expect(index.toUtf16(total + 1)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('are what the TextPositionSelector says; the body keeps the UTF-16 offsets', () => {
    const [first] = annotationsOf(dataset());
    const target = first!.target as { source: string; selector: Array<Record<string, unknown>> };
    expect(target.source).toBe('https://example.org/talk');
    expect(target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: 'Russia arms Tajikistan', prefix: 'Greetings 🙂 ', suffix: '.\n\nChina trains the border guard' },
      { type: 'TextPositionSelector', start: 12, end: 34 },
    ]);
    expect(claimBody(first!)).toMatchObject({ 'actorscope:utf16Start': 13, 'actorscope:utf16End': 35 });
  });

  it('a source without text has no TextPositionSelector (nothing to count by); its offsets travel in the body', () => {
    const third = annotationsOf(dataset())[2]!;
    expect((third.target as { source: string; selector: unknown[] }).source).toBe('urn:actorscope:source:note');
    expect((third.target as { selector: unknown[] }).selector).toEqual([{ type: 'TextQuoteSelector', exact: 'they agree' }]);
    expect(claimBody(third)).toMatchObject({ 'actorscope:paragraph': 4, 'actorscope:utf16Start': 100, 'actorscope:utf16End': 110, 'actorscope:notes': 'hearsay' });
  });
});

describe('readAnnotations: where a claim goes', () => {
  it('into a dataset without relations: one new relation per pair and type, in order, the claims as they were', () => {
    const d = dataset();
    const r = readAnnotations(writeAnnotations(d), empty(d));
    if (!r.ok) throw new Error(problems(r).join('\n'));
    expect(r.added).toBe(3);
    expect(r.dataset.relations.map((x) => [x.id, x.source, x.target, x.type, x.claims.length])).toEqual([
      ['r1', 'ru', 'tj', 'supplier', 1],
      ['r2', 'cn', 'tj', 'partner', 1],
      ['r3', 'ru', 'cn', 'partner', 1],
    ]);
    expect(r.dataset.relations[0]!.claims[0]).toEqual({ ...d.relations[0]!.claims[0], context: { prefix: 'Greetings 🙂 ', suffix: '.\n\nChina trains the border guard' } });
  });

  it('a claim on a pair and type that exists joins that relation, partner either way round', () => {
    const d = dataset();
    const annotations = annotationsOf(d);
    // The same claim said of tj–cn (reversed) and with another relation id: still r2.
    Object.assign(claimBody(annotations[1]!), { 'actorscope:relation': 'elsewhere', 'actorscope:from': 'tj', 'actorscope:to': 'cn', 'actorscope:assertedBy': 'a second witness' });
    const r = readAnnotations(JSON.stringify([annotations[1]]), d);
    if (!r.ok) throw new Error(problems(r).join('\n'));
    expect(r.dataset.relations).toHaveLength(3);
    expect(r.dataset.relations[1]!.claims.map((c) => c.assertedBy)).toEqual(['the speaker', 'a second witness']);
  });

  it('finds actors by name when the ids differ, and a source by its title', () => {
    const d = dataset();
    const [first] = annotationsOf(d);
    Object.assign(claimBody(first!), { 'actorscope:from': 'RU-1', 'actorscope:to': 'TJ-1' });
    (first!.target as { source: string }).source = 'https://elsewhere.example/copy';
    const r = readAnnotations(JSON.stringify([first]), empty(d));
    if (!r.ok) throw new Error(problems(r).join('\n'));
    expect(r.dataset.relations.map((x) => [x.source, x.target, x.claims[0]!.sourceId])).toEqual([['ru', 'tj', 'talk']]);
  });

  it('reads an AnnotationCollection with its first page, and one annotation alone', () => {
    const d = dataset();
    const annotations = annotationsOf(d);
    const collection = { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: annotations } };
    expect(readAnnotations(JSON.stringify(collection), empty(d))).toMatchObject({ ok: true, added: 3 });
    expect(readAnnotations(JSON.stringify(annotations[0]), empty(d))).toMatchObject({ ok: true, added: 1 });
  });

  it('a quote moved in the text is re-anchored by its text, said at the annotation', () => {
    const d = dataset();
    const [first] = annotationsOf(d);
    (first!.target as { selector: Array<Record<string, unknown>> }).selector[1] = { type: 'TextPositionSelector', start: 0, end: 22 };
    const r = readAnnotations(JSON.stringify([first]), empty(d));
    expect(problems(r)).toEqual(['warning: [0].target.selector[1]: [0, 23] does not hold the quote; re-anchored to [13, 35] by its text and context (as relations[0].claims[0].locator.chars; offsets in UTF-16 units, where the selector counts code points)']);
    expect(r.ok && r.dataset.relations[0]!.claims[0]!.locator.chars).toEqual([13, 35]);
  });
});

describe('readAnnotations: refusals, located', () => {
  const d = dataset();
  const [first] = annotationsOf(d);
  const edited = (edit: (a: Record<string, unknown>) => void) => {
    const a = structuredClone(first!);
    edit(a);
    return readAnnotations(JSON.stringify([a]), d);
  };

  it('an actor the dataset does not have (no new actor is made)', () => {
    const r = edited((a) => Object.assign(claimBody(a), { 'actorscope:from': 'xx', 'actorscope:fromName': 'Atlantis' }));
    expect(r.ok).toBe(false);
    expect(problems(r)).toEqual(['[0].body[4]["actorscope:from"]: no actor in this dataset has the id "xx" or name "Atlantis"; add the actor first (an annotation does not say an actor\'s kind)']);
  });

  it('a source the dataset does not have', () => {
    const r = edited((a) => {
      (a.target as { source: string }).source = 'https://unknown.example/';
      Object.assign(claimBody(a), { 'actorscope:source': 'gone', 'actorscope:sourceTitle': 'Gone' });
    });
    expect(problems(r)).toEqual(['[0].target.source: "https://unknown.example/" is none of this dataset\'s sources (by urn:actorscope:source:ID, URL, title "Gone" or id); add the document first']);
  });

  it('a quote its source does not hold: the error is at the selector\'s exact', () => {
    const r = edited((a) => {
      const selector = (a.target as { selector: Array<Record<string, unknown>> }).selector;
      selector[0]!.exact = 'Russia disarms Tajikistan';
    });
    expect(r.ok).toBe(false);
    expect(problems(r)).toEqual(['[0].target.selector[0].exact: not found in the text of source "talk" (as relations[0].claims[1].quote)']);
  });

  it('a bad grade from restore(), at the structured body', () => {
    const a = structuredClone(first!);
    Object.assign(claimBody(a), { 'actorscope:grade': 'Z9' });
    const r = readAnnotations(JSON.stringify([a]), empty(d));
    expect(r.ok).toBe(false);
    expect(problems(r)[0]).toMatch(/^\[0\]\.body\[4\]: .*Z9.*\(as relations\[0\]\.claims\[0\]\.grade\)$/);
  });

  it('a claim the relation has already is matched, not added; another grade for it is said, the dataset\'s kept', () => {
    const r = edited((a) => Object.assign(claimBody(a), { 'actorscope:grade': 'A1' }));
    expect(r).toMatchObject({ ok: true, added: 0, matched: 1 });
    expect(problems(r)).toEqual(["warning: [0].body[4]: the claim relations[0].claims[0] says the same (source, quote, stance, who asserts it, offsets) with another grade; the dataset's is kept"]);
    expect(r.ok && r.dataset.relations[0]!.claims.map((c) => c.grade)).toEqual(['B2']);
  });

  it('an annotation without our structured body (a Recogito tag) is refused, not guessed', () => {
    const recogito = [{ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', body: [{ type: 'TextualBody', purpose: 'tagging', value: 'Person' }], target: { source: 'https://example.org/talk', selector: [{ type: 'TextQuoteSelector', exact: 'Russia' }] } }];
    expect(problems(readAnnotations(JSON.stringify(recogito), d))).toEqual([
      '[0].body: no body of type "actorscope:Claim": the annotation does not say which relation its quote is evidence of (Actorscope reads the annotations it writes, and others that carry that body)',
    ]);
  });

  it('not JSON, not annotations, not an Annotation', () => {
    expect(problems(readAnnotations('[{"type": "Annotation",}]', d))).toEqual(['line 1:24: not valid JSON: expected a quoted property name, found "}"']);
    expect(problems(readAnnotations('{"nodes": []}', d))[0]).toMatch(/^\(root\): expected a list of annotations/);
    expect(problems(readAnnotations('[{"type": "Highlight"}]', d))).toEqual(['[0].type: "Highlight" is not "Annotation"']);
  });

  it('leaves the dataset it was given untouched', () => {
    const before = structuredClone(d);
    readAnnotations(writeAnnotations(d), d);
    expect(d).toEqual(before);
  });
});
