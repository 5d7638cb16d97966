/**
 * What the file-format tests share (gexf, graphml, csv-format, json-formats):
 * unwrapping an import result that must be accepted (`ok`) or refused
 * (`refused`), reading fixtures, restore() that throws, and, for the XML
 * formats, the round-trip properties: read(write(d)) = d over arbitrary
 * datasets and over datasets with attributes a writer could mistake for its
 * own, the shipped dataset, and other tools' files read again after our write.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { FormatImportResult, ImportReport } from '../../graph/io/format';
import type { Attributes, Dataset } from '../../graph/model/types';
import { formatProblem, type Problem } from '../../graph/schema/problems';
import { restore } from '../../graph/schema/restore';
import { arbitraryDataset, cleanText } from './arbitrary-dataset';

/** The accepted result; throws with the problems when it was refused. */
export function ok(result: FormatImportResult): { dataset: Dataset; report: ImportReport } {
  if (!result.ok) throw new Error(`expected ok, got ${result.problems.map(formatProblem).join('; ')}`);
  return result;
}

/** The problems of a refused result; throws when it was read. */
export function refused(result: FormatImportResult): Problem[] {
  if (result.ok) throw new Error(`expected the input to be refused; it was read (${result.dataset.actors.length} actors)`);
  return result.problems;
}

/** A fixture's text; `folder` is below tests/fixtures/. */
export const fixtureText = (folder: string, name: string): string => readFileSync(new URL(`../fixtures/${folder}/${name}`, import.meta.url), 'utf8');

/** The dataset shipped with the app (claims, sources, meta), restored. */
export const shippedDataset = (): Dataset => restored(JSON.parse(readFileSync(new URL('../../public/data/tajikistan-2023.json', import.meta.url), 'utf8')));

/** restore(d), which must succeed. */
export function restored(d: unknown): Dataset {
  const r = restore(d);
  if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
  return r.dataset;
}

/** Attributes as a plain object, for toEqual against literals. */
export const plain = (a: Attributes | undefined) => (a ? { ...a } : undefined);

/** The first warning whose message matches. */
export const warningAt = (report: ImportReport, pattern: RegExp) => report.warnings.find((w) => pattern.test(w.message));

// ---------------------------------------------------------------- XML round trips

/** A one-text format: GEXF's or GraphML's read and write. */
export interface TextFormat {
  read(text: string, fileName?: string): FormatImportResult;
  write(dataset: Dataset): string;
}

/** Warnings the mapping gives on files from other tools; none may appear on our own files. */
export const MAPPING_WARNINGS = /is not declared|declared for|given twice|kept as text|is infinite|undirected in the file|not imported|ignored|no (node|edge) attribute gives|not a relation type|holds text/;

/**
 * arbitraryDataset plus, on any actor or relation, attributes named from `keys`
 * (names a reader could mistake for its own) with numbers of every awkward kind,
 * `texts`, clean text, booleans and null.
 */
export function withAwkwardAttributes(keys: readonly string[], texts: readonly string[]): fc.Arbitrary<Dataset> {
  const value = fc.oneof(
    fc.constant(-0),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.constantFrom(Number.MAX_SAFE_INTEGER, 2 ** 60, 5e-324, -1e308),
    fc.constantFrom(...texts),
    cleanText(20),
    fc.boolean(),
    fc.constant(null),
  );
  return arbitraryDataset.chain((d) =>
    fc.array(fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 6 }), { minLength: d.actors.length + d.relations.length, maxLength: d.actors.length + d.relations.length }).map((list) => {
      const copy = JSON.parse(JSON.stringify(d)) as Dataset;
      [...copy.actors, ...copy.relations].forEach((e, i) => {
        const extra = list[i]!;
        if (Object.keys(extra).length > 0) e.attributes = { ...(e.attributes ?? {}), ...extra };
      });
      return copy;
    }),
  );
}

/** read(write(d)) equals restore(d) for every dataset `datasets` generates; with `noMappingWarnings`, the read gives none of MAPPING_WARNINGS either. */
export function expectRoundTrips(format: TextFormat, datasets: fc.Arbitrary<Dataset>, numRuns: number, options: { noMappingWarnings?: boolean } = {}): void {
  fc.assert(
    fc.property(datasets, (d) => {
      const expected = restored(d);
      const r = ok(format.read(format.write(expected)));
      expect(r.dataset).toStrictEqual(expected);
      // Only restore()'s own notes on claims and kinds, never one about attributes.
      if (options.noMappingWarnings) expect(r.report.warnings.filter((w) => MAPPING_WARNINGS.test(w.message))).toEqual([]);
    }),
    { numRuns },
  );
}

/** Files from other tools read the same after our write: read(write(read(f))) = read(f). */
export function expectStableAfterWrite(format: TextFormat, fixtures: readonly string[]): void {
  for (const name of fixtures) {
    const first = ok(format.read(fixtureText('xml', name), name)).dataset;
    expect(ok(format.read(format.write(first))).dataset).toStrictEqual(first);
  }
}
