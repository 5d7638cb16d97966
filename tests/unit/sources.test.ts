/**
 * Source texts: the paragraph rule a locator counts by (the embedded dataset's
 * meta.method states it; its 31 claims are the known answers for the
 * interview), with CRLF, CR and no-break-space lines.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import dataset from '../../public/data/tajikistan-2023.json';
import { paragraphAt, paragraphsOf } from '../../graph/sources/paragraphs';

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
