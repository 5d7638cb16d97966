/**
 * W3C Web Annotations round trip (graph/io/annotations/): for fast-check's
 * awkward datasets, readAnnotations(writeAnnotations(d), d without its claims)
 * gives d back. "The same" here means the whole dataset deep-equal to d —
 * every relation (id, order) with the same claims in the same order, each
 * claim with every field (quote, source, offsets, paragraph, page, context,
 * assertedBy, date, period, stance, grade, notes) — with one allowance: a
 * claim quoting a source with text and having no context gets the context
 * the export computed from the text (contextAt), since that is what the
 * annotation's TextQuoteSelector carries, as Hypothesis needs it.
 * Warnings: only those restore(d) gives d itself, each moved to its annotation.
 * A second import of the same file into the result adds nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../graph/model/types';
import { readAnnotations } from '../../graph/io/annotations/read-annotations';
import { writeAnnotations } from '../../graph/io/annotations/write-annotations';
import { contextAt } from '../../graph/sources/anchor';
import { formatProblem } from '../../graph/schema/problems';
import { restore } from '../../graph/schema/restore';
import { arbitraryDataset } from '../support/arbitrary-dataset';

const withoutClaims = (d: Dataset): Dataset => ({ ...d, relations: d.relations.map((r) => ({ ...r, claims: [] })) });

/** d as the annotations carry it: a missing context filled from the text. */
function expected(d: Dataset): Dataset {
  const sources = new Map(d.sources.map((s) => [s.id, s]));
  return {
    ...d,
    relations: d.relations.map((r) => ({
      ...r,
      claims: r.claims.map((c) => {
        const text = sources.get(c.sourceId)?.text;
        if (c.context || text === undefined || !c.locator.chars) return c;
        const context = contextAt(text, c.locator.chars[0], c.locator.chars[1]);
        return Object.keys(context).length ? { ...c, context } : c;
      }),
    })),
  };
}

describe('W3C Web Annotations: read(write(d)) into d without claims', () => {
  it('gives back every claim, per relation and in order', () => {
    fc.assert(
      fc.property(arbitraryDataset, (d) => {
        const text = writeAnnotations(d);
        const back = readAnnotations(text, withoutClaims(d));
        if (!back.ok) throw new Error(back.problems.map(formatProblem).join('\n'));
        // Only what d itself is warned about (an empty locator, a self-relation), said at the annotation.
        const own = restore(d);
        const ownPaths = new Set(own.ok ? own.warnings.map((w) => w.path) : []);
        for (const w of back.warnings) expect(ownPaths.has(/\(as (.*)\)$/.exec(w.message)?.[1] ?? ''), formatProblem(w)).toBe(true);
        expect(back.added).toBe(d.relations.reduce((n, r) => n + r.claims.length, 0));
        expect(back.dataset).toEqual(expected(d));
        const again = readAnnotations(text, back.dataset);
        if (!again.ok) throw new Error(again.problems.map(formatProblem).join('\n'));
        expect(again).toMatchObject({ added: 0, matched: back.added });
        expect(again.dataset).toEqual(back.dataset);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
