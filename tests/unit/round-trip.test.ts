/**
 * Round trips: for every format that can hold a whole dataset, read(write(d))
 * gives d back — the same actors, relations (ids and order), claims,
 * attributes and meta — over fast-check's awkward datasets
 * (tests/support/arbitrary-dataset.ts: `__proto__` and `=cmd` ids, RTL and
 * very long text, tabs and newlines, parallel relations, every claim field).
 *
 * One allowance: JSON has no −0, so an attribute −0 comes back as 0 from the
 * JSON formats (CSV keeps it). The expected value is normalised for that
 * alone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../graph/model/types';
import { actorscopeJsonFormat } from '../../graph/io/json/actorscope-json';
import { csvFormat } from '../../graph/io/csv/csv';
import { cytoscapeJsonFormat } from '../../graph/io/json/cytoscape-json';
import type { FileFormat } from '../../graph/io/format';
import { gexfFormat } from '../../graph/io/xml/gexf';
import { graphmlFormat } from '../../graph/io/xml/graphml';
import { graphologyJsonFormat } from '../../graph/io/json/graphology-json';
import { nodeLinkJsonFormat } from '../../graph/io/json/node-link-json';
import { formatProblem } from '../../graph/schema/problems';
import { arbitraryDataset } from '../support/arbitrary-dataset';

/**
 * THE FORMATS UNDER THE ROUND-TRIP PROPERTY. Add a format here (GEXF, GraphML
 * …) and it is checked the same way; `keepsNegativeZero` says whether its
 * numbers can carry −0.
 */
const ROUND_TRIP_FORMATS: ReadonlyArray<{ format: FileFormat; keepsNegativeZero: boolean }> = [
  { format: actorscopeJsonFormat, keepsNegativeZero: false },
  { format: cytoscapeJsonFormat, keepsNegativeZero: false },
  { format: graphologyJsonFormat, keepsNegativeZero: false },
  { format: nodeLinkJsonFormat, keepsNegativeZero: false },
  { format: csvFormat, keepsNegativeZero: true },
  { format: gexfFormat, keepsNegativeZero: true },
  { format: graphmlFormat, keepsNegativeZero: true },
];

const NUM_RUNS = 200;

/** −0 → 0 in attribute values (JSON writes −0 as 0). */
function withoutNegativeZero(d: Dataset): Dataset {
  const fix = <T extends { attributes?: Record<string, unknown> }>(item: T): T => {
    if (!item.attributes) return item;
    const attributes = Object.fromEntries(Object.entries(item.attributes).map(([k, v]) => [k, Object.is(v, -0) ? 0 : v]));
    return { ...item, attributes } as T;
  };
  return { ...d, actors: d.actors.map(fix), relations: d.relations.map(fix) };
}

describe.each(ROUND_TRIP_FORMATS.map((f) => [f.format.id, f] as const))('%s: read(write(d)) equals d', (_id, { format, keepsNegativeZero }) => {
  it(`over ${NUM_RUNS} awkward datasets`, () => {
    fc.assert(
      fc.property(arbitraryDataset, (dataset) => {
        const files = format.write(dataset, 'round-trip');
        const result = format.read(files.map(({ name, text }) => ({ name, text })));
        if (!result.ok) throw new Error(result.problems.slice(0, 5).map(formatProblem).join('\n'));
        expect(result.dataset).toEqual(keepsNegativeZero ? dataset : withoutNegativeZero(dataset));
        expect(result.report.actorsRead).toBe(dataset.actors.length);
        expect(result.report.relationsRead).toBe(dataset.relations.length);
        // Nothing dropped, renamed or guessed: the only warnings are restore()'s notes on the data itself.
        for (const w of result.report.warnings) expect(w.message).toMatch(/no evidence|not a known kind|nothing says where|empty: give a paragraph|relates .* to itself|bidirectional control/s);
      }),
      { numRuns: NUM_RUNS },
    );
  }, 60_000);
});
