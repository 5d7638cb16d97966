/**
 * Our Web Annotations as a JSON-LD processor reads them (jsonld.js 9, the
 * W3C-conformant processor), with the W3C context given locally
 * (tests/fixtures/annotations/anno.jsonld; no network: any other document
 * asked for fails the test):
 * - expansion gives the IRIs the Web Annotation Vocabulary names for every
 *   term we write (oa:hasTarget, oa:hasSource, oa:hasSelector, oa:exact,
 *   oa:start typed xsd:nonNegativeInteger, motivation and purposes as oa:
 *   individuals), and ours under urn:actorscope:vocab:;
 * - nothing is dropped: compacting the expansion with our context gives back
 *   what we wrote (a term the contexts did not define would vanish on
 *   expansion and be missing here);
 * - as RDF (N-Quads), each of the embedded dataset's 31 claims is one
 *   oa:Annotation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { annotationsOf } from '../../graph/io/annotations/write-annotations';
import { ANNOTATION_CONTEXT } from '../../graph/io/annotations/vocabulary';
import type { Dataset } from '../../graph/model/types';
import { restore } from '../../graph/schema/restore';
import { arbitraryDataset } from '../support/arbitrary-dataset';

const ROOT = join(__dirname, '..', '..');
const W3C_CONTEXT: unknown = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/annotations/anno.jsonld'), 'utf8'));
const asked: string[] = [];
const documentLoader = (url: string) => {
  asked.push(url);
  if (url.replace(/^https:/, 'http:') !== 'http://www.w3.org/ns/anno.jsonld') return Promise.reject(new Error(`no network in tests: ${url}`));
  return Promise.resolve({ contextUrl: undefined, documentUrl: url, document: W3C_CONTEXT });
};
// The typings are for jsonld 1.5; the calls are the same in 9.
const options = { documentLoader } as unknown as jsonld.Options.Expand;

const OA = 'http://www.w3.org/ns/oa#';
const VOCAB = 'urn:actorscope:vocab:';

function embedded(): Dataset {
  const r = restore(JSON.parse(readFileSync(join(ROOT, 'public/data/tajikistan-2023.json'), 'utf8')));
  if (!r.ok) throw new Error('the embedded dataset does not restore');
  return r.dataset;
}

/** Lists of one item as the item itself: how compaction writes them. */
function unwrapSingles(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 1 ? unwrapSingles(value[0]) : value.map(unwrapSingles);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapSingles(v)]));
  return value;
}

type Node = Record<string, Array<Record<string, unknown>>> & { '@type'?: string[]; '@id'?: string };

describe('our Web Annotations through jsonld.js', () => {
  it('expand to the Web Annotation Vocabulary IRIs', async () => {
    const [first] = annotationsOf(embedded());
    const [node] = (await jsonld.expand(first as jsonld.JsonLdDocument, options)) as unknown as Node[];
    expect(node!['@type']).toEqual([`${OA}Annotation`]);
    expect(node!['@id']).toBe('urn:actorscope:annotation:90f4774f7b72:r1:0');
    expect(node![`${OA}motivatedBy`]).toEqual([{ '@id': `${OA}classifying` }]);
    const target = node![`${OA}hasTarget`]![0] as unknown as Node;
    expect(target['@type']).toEqual([`${OA}SpecificResource`]);
    expect(target[`${OA}hasSource`]).toEqual([{ '@id': 'urn:actorscope:source:malysheva-interview-2023' }]);
    const selectors = target[`${OA}hasSelector`] as unknown as Node[];
    expect(selectors.map((s) => s['@type'])).toEqual([[`${OA}TextQuoteSelector`], [`${OA}TextPositionSelector`]]);
    expect(selectors[0]![`${OA}exact`]).toEqual([{ '@value': 'Tajikistan Provides Security With the Help of Russia and China' }]);
    expect(selectors[1]![`${OA}start`]).toEqual([{ '@value': 0, '@type': 'http://www.w3.org/2001/XMLSchema#nonNegativeInteger' }]);
    expect(selectors[1]![`${OA}end`]).toEqual([{ '@value': 62, '@type': 'http://www.w3.org/2001/XMLSchema#nonNegativeInteger' }]);
    const bodies = node![`${OA}hasBody`] as unknown as Node[];
    expect(bodies.map((b) => b[`${OA}hasPurpose`]![0]!['@id'])).toEqual(['describing', 'tagging', 'tagging', 'assessing', 'commenting', 'classifying'].map((p) => `${OA}${p}`));
    const claim = bodies.find((b) => b['@type']?.includes(`${VOCAB}Claim`))!;
    expect(claim[`${VOCAB}relationType`]).toEqual([{ '@value': 'partner' }]);
    expect(claim[`${VOCAB}grade`]).toEqual([{ '@value': 'C2' }]);
    expect(claim[`${VOCAB}utf16End`]).toEqual([{ '@value': 62 }]);
    expect(new Set(asked)).toEqual(new Set(['http://www.w3.org/ns/anno.jsonld']));
  });

  it('lose nothing: compacting the expansion gives back what was written (embedded dataset and fast-check datasets)', async () => {
    const check = async (d: Dataset) => {
      for (const annotation of annotationsOf(d)) {
        const expanded = await jsonld.expand(annotation as jsonld.JsonLdDocument, options);
        const compacted = await jsonld.compact(expanded, { '@context': ANNOTATION_CONTEXT } as unknown as jsonld.ContextDefinition, options as jsonld.Options.Compact);
        expect(unwrapSingles(compacted)).toEqual(unwrapSingles(annotation));
      }
    };
    await check(embedded());
    await fc.assert(fc.asyncProperty(arbitraryDataset, check), { numRuns: 40 });
  }, 60_000);

  it('as RDF: one oa:Annotation per claim of the embedded dataset', async () => {
    const annotations = annotationsOf(embedded());
    const quads = String(await jsonld.toRDF(annotations as unknown as jsonld.JsonLdDocument, { ...options, format: 'application/n-quads' } as jsonld.Options.ToRdf));
    const typed = quads.split('\n').filter((line) => line.endsWith(`<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${OA}Annotation> .`));
    expect(typed).toHaveLength(31);
    expect(new Set(typed.map((line) => line.split(' ')[0])).size).toBe(31);
  });
});
