/**
 * The exported pictures' legend: text wrapped, never cut (src/look/wrap-text.ts),
 * laid out once for the PNG and the SVG (src/look/legend-layout.ts), with a
 * caption giving the source and the day (src/look/picture-caption.ts).
 *
 * Widths come from a fixed-advance measure (7 px a grapheme at 12 px, scaled
 * by font size), so line counts can be worked by hand: the title and notes
 * have 230 − 2 × 12 = 206 px, a row's label 230 − 56 − 12 = 162 px.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Dataset } from '../../graph';
import { LABEL_X, MARGIN, layoutLegend, pictureText, type LegendLayout, type TextStyle } from '../../src/look/legend-layout';
import { LEGEND_WIDTH, legendSpec } from '../../src/look/legend-spec';
import { localIsoDate, pictureCaption } from '../../src/look/picture-caption';
import { textDirection, wrapText } from '../../src/look/wrap-text';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const count = (s: string) => [...graphemes.segment(s)].length;
const mono = (px: number) => (s: string) => count(s) * px;
const styled = (s: string, style: TextStyle) => (count(s) * 7 * style.size) / 12;

const tajikistan = JSON.parse(readFileSync(new URL('../../public/data/tajikistan-2023.json', import.meta.url), 'utf8')) as Dataset;
const spec = (title: string, kinds: string[] = ['state', 'armed-group']) =>
  legendSpec({ meta: { ...tajikistan.meta, title }, sources: tajikistan.sources }, ['partner', 'threat'], kinds, ['Node size: degree'], '2026-12-02');
const allLines = (layout: LegendLayout) => layout.paragraphs.flatMap((p) => p.lines);

describe('wrapText', () => {
  it('fills lines word by word: 200 characters of 9-letter words make 7 lines of at most 3 words', () => {
    // "abcdefghi" × 20 joined by spaces = 199 characters; three words are 29 × 7 = 203 px ≤ 206, four 273 px.
    const title = Array.from({ length: 20 }, () => 'abcdefghi').join(' ');
    const lines = wrapText(title, 206, mono(7));
    expect(lines).toHaveLength(7);
    for (const line of lines) expect(line.length * 7).toBeLessThanOrEqual(206);
    expect(lines.join(' ')).toBe(title);
  });

  it('breaks a word wider than a line between graphemes: a 120-letter name in 23-letter pieces', () => {
    const name = 'Q'.repeat(120);
    // 162 px / 7 px = 23 letters a line: 5 × 23 = 115, and 5 left over.
    const lines = wrapText(name, 162, mono(7));
    expect(lines.map((l) => l.length)).toEqual([23, 23, 23, 23, 23, 5]);
    expect(lines.join('')).toBe(name);
    // An accent stays on its letter, a flag stays whole, even on a line one grapheme wide.
    expect(wrapText('e\u0301🇹🇯x', 7, mono(7))).toEqual(['e\u0301', '🇹🇯', 'x']);
  });

  it('keeps a line after a long word going', () => {
    expect(wrapText(`ab ${'c'.repeat(10)} de fg`, 28, mono(7))).toEqual(['ab', 'cccc', 'cccc', 'cc', 'de', 'fg']);
  });

  it('never loses or reorders text, and a line is wider than the width only when it is one grapheme', () => {
    const text = fc.array(fc.oneof(fc.constantFrom(' ', '  ', '\t', 'é', 'طالبان', '🇹🇯', 'Q'.repeat(30)), fc.string({ maxLength: 12 })), { maxLength: 20 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 300 }), (t, width) => {
        const lines = wrapText(t, width, mono(7));
        expect(lines.join('').replace(/\s/gu, '')).toBe(t.replace(/\s/gu, ''));
        for (const line of lines) {
          expect(line).not.toBe('');
          if (count(line) * 7 > width) expect(count(line)).toBe(1);
        }
      }),
    );
  });
});

describe('textDirection', () => {
  it('takes the first strong letter, as dir="auto" does', () => {
    expect(textDirection('طالبان و تاجیکستان')).toBe('rtl');
    expect(textDirection('2023: ישראל')).toBe('rtl');
    expect(textDirection('(2023) Taliban طالبان')).toBe('ltr');
    expect(textDirection('Таджикистан')).toBe('ltr');
    expect(textDirection('2023')).toBe('ltr');
  });
});

describe('layoutLegend', () => {
  it('wraps a long title onto as many lines as it needs, and the legend grows by them', () => {
    const title = Array.from({ length: 20 }, () => 'abcdefghi').join(' ');
    const short = layoutLegend(spec('Short'), styled);
    const long = layoutLegend(spec(title), styled);
    const titleLines = long.paragraphs.find((p) => p.role === 'title')!.lines;
    // The title is 13 px bold: 7 × 13/12 = 7.58 px a letter, so three words (29 letters, 219.9 px) do not fit 206: two a line.
    expect(titleLines).toHaveLength(10);
    expect(titleLines.map((l) => l.text).join(' ')).toBe(title);
    // Ten lines of 17 px (13 × 1.3) instead of one.
    expect(long.height - short.height).toBe(9 * 17);
  });

  it('keeps every line inside the legend column and under its height, in order', () => {
    const name = 'X'.repeat(120);
    const layout = layoutLegend(spec(`${name} ${name}`, ['state', 'armed-group', name]), styled);
    let last = 0;
    for (const line of allLines(layout)) {
      const w = styled(line.text, line.style);
      const left = line.align === 'left' ? line.x : line.x - w;
      expect(left).toBeGreaterThanOrEqual(MARGIN);
      expect(left + w).toBeLessThanOrEqual(LEGEND_WIDTH - MARGIN);
      expect(line.y).toBeGreaterThan(last);
      last = line.y;
    }
    expect(layout.height).toBeGreaterThan(last);
    // The unknown kind's 120-letter label, in 23-letter pieces beside its octagon.
    const label = layout.paragraphs.filter((p) => p.role === 'label').find((p) => p.lines[0]!.text.startsWith('X'))!;
    expect(label.lines.map((l) => l.text.length)).toEqual([23, 23, 23, 23, 23, 5]);
    expect(label.lines.every((l) => l.x === LABEL_X)).toBe(true);
    // Its symbol sits on its first line, and the next row starts under its last.
    const symbol = layout.symbols.find((s) => s.kind === 'actor-kind' && s.actorKind.shape === 'octagon')!;
    expect(symbol.y).toBe(label.lines[0]!.y);
  });

  it('sets a right-to-left title against the right margin, right to left, uncut', () => {
    const title = 'طالبان و تاجیکستان';
    const line = layoutLegend(spec(title), styled).paragraphs[0]!.lines;
    expect(line).toEqual([{ text: title, x: LEGEND_WIDTH - MARGIN, y: 22, align: 'right', direction: 'rtl', style: expect.anything() }]);
  });

  it('gives each kind its shape, and the caption last', () => {
    const layout = layoutLegend(spec('T', ['state', 'armed-group', 'bloc', 'somebody']), styled);
    expect(layout.symbols.filter((s) => s.kind === 'actor-kind').map((s) => (s.kind === 'actor-kind' ? s.actorKind.shape : ''))).toEqual(['ellipse', 'triangle', 'hexagon', 'octagon']);
    const caption = layout.paragraphs.at(-1)!;
    expect(caption.role).toBe('caption');
    expect(caption.lines.map((l) => l.text).join(' ')).toBe(
      'Source: Tajikistan Provides Security With the Help of Russia and China, Asia News (Asials), 2023. Picture made 2026-12-02 with Actorscope.',
    );
  });

  it('draws a character XML cannot hold as U+FFFD, in both pictures alike', () => {
    expect(pictureText('a\u0001b\ud800c\uffff')).toBe('a\ufffdb\ufffdc\ufffd');
    expect(pictureText('ok 😀 tab\tnewline\n')).toBe('ok 😀 tab\tnewline\n');
    const title = layoutLegend(spec('Bad\u0007name'), styled).paragraphs[0]!;
    expect(title.lines[0]!.text).toBe('Bad\ufffdname');
  });
});

describe('pictureCaption', () => {
  it('names the sources with what they give, the licence and the day', () => {
    const dataset = {
      meta: { title: 'T', license: 'CC BY 4.0' },
      sources: [
        { id: '1', title: 'One', publisher: 'Pub', date: '2023-04', url: 'https://example.org/1' },
        { id: '2', title: 'Two' },
        { id: '3', title: 'Three', publisher: 'P3' },
      ],
    };
    expect(pictureCaption(dataset, '2026-12-02')).toBe('Sources: One, Pub, 2023-04, https://example.org/1; Two; and 1 more. Licence: CC BY 4.0. Picture made 2026-12-02 with Actorscope.');
    expect(pictureCaption({ meta: { title: 'T' }, sources: [] }, '2026-12-02')).toBe('Source: none named in the dataset. Picture made 2026-12-02 with Actorscope.');
  });

  it('dates the picture by the local calendar day', () => {
    expect(localIsoDate(new Date(2026, 11, 2, 23, 59))).toBe('2026-12-02');
    expect(localIsoDate(new Date(2027, 0, 9, 0, 1))).toBe('2027-01-09');
  });
});
