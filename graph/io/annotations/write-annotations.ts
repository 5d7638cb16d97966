/**
 * A dataset's claims as W3C Web Annotations (https://www.w3.org/TR/annotation-model/),
 * one annotation per claim, in relation order then claim order.
 *
 * - The file is a plain JSON array of annotations, each with its own
 *   `@context`: what Recogito and Annotorious load and save (`loadAnnotations`,
 *   their W3C export), and valid JSON-LD as it stands (a top-level array of
 *   nodes). An AnnotationCollection needs its pages (`first.items`) and says
 *   nothing more for a file; readAnnotations takes one too.
 * - `motivation: "classifying"`: the passage is classified as evidence of a
 *   relation of a type between two actors; the bodies say which (their
 *   `purpose`: "describing" the sentence a reader sees, "tagging" the
 *   relation type and stance, "assessing" the Admiralty grade, "commenting"
 *   the notes, "classifying" the structured body).
 * - The target is the source (its URL, or `urn:actorscope:source:ID`) with a
 *   TextQuoteSelector (the quote, its context; the context is computed from
 *   the text when the claim has none, as Hypothesis needs it to anchor) and,
 *   when the source's text is known, a TextPositionSelector in code points as
 *   the model counts (our offsets are UTF-16, converted by the text).
 * - The structured body (`type: "actorscope:Claim"`) carries all the claim
 *   and its relation, so readAnnotations gets back exactly what was written,
 *   UTF-16 offsets included (for a source without text, the only offsets).
 * - No `creator` or `created`: the dataset does not say who coded a claim or
 *   when (assertedBy is who asserts the relation, not the annotator), and an
 *   export's clock would make two exports of the same data differ.
 */
import type { Actor, Claim, Dataset, Relation, Source } from '../../model/types';
import { contextAt } from '../../sources/anchor';
import { codePointIndex, type CodePointIndex } from './code-points';
import { ANNOTATION_CONTEXT, CLAIM_BODY_TYPE, annotationId, sourceIri } from './vocabulary';

type JsonObject = Record<string, unknown>;

export function writeAnnotations(dataset: Dataset): string {
  return `${JSON.stringify(annotationsOf(dataset), null, 2)}\n`;
}

/** The annotations as values (writeAnnotations is their JSON). */
export function annotationsOf(dataset: Dataset): JsonObject[] {
  const actors = new Map(dataset.actors.map((a) => [a.id, a]));
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  const indexes = new Map<Source, CodePointIndex>();
  const indexOf = (source: Source, text: string) => {
    let index = indexes.get(source);
    if (!index) indexes.set(source, (index = codePointIndex(text)));
    return index;
  };
  const out: JsonObject[] = [];
  for (const relation of dataset.relations) {
    relation.claims.forEach((claim, index) => {
      out.push(annotationOf(dataset.meta.title, relation, claim, index, actors, sources.get(claim.sourceId), indexOf));
    });
  }
  return out;
}

type IndexOf = (source: Source, text: string) => CodePointIndex;

function annotationOf(title: string, relation: Relation, claim: Claim, index: number, actors: ReadonlyMap<string, Actor>, source: Source | undefined, indexOf: IndexOf): JsonObject {
  const from = actors.get(relation.source);
  const to = actors.get(relation.target);
  const bodies: JsonObject[] = [
    { type: 'TextualBody', purpose: 'describing', format: 'text/plain', value: sentence(relation, claim, from, to) },
    { type: 'TextualBody', purpose: 'tagging', value: relation.type },
    { type: 'TextualBody', purpose: 'tagging', value: claim.stance },
    { type: 'TextualBody', purpose: 'assessing', value: claim.grade },
  ];
  if (claim.notes !== undefined) bodies.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: claim.notes });
  bodies.push(structuredBody(relation, claim, from, to, source));
  return {
    '@context': ANNOTATION_CONTEXT,
    id: annotationId(title, relation.id, index),
    type: 'Annotation',
    motivation: 'classifying',
    body: bodies,
    target: { type: 'SpecificResource', source: source ? sourceIri(source) : `urn:actorscope:source:${encodeURIComponent(claim.sourceId)}`, selector: selectors(claim, source, indexOf) },
  };
}

function selectors(claim: Claim, source: Source | undefined, indexOf: IndexOf): JsonObject[] {
  const text = source?.text;
  const chars = claim.locator.chars;
  const context = claim.context ?? (text !== undefined && chars ? contextAt(text, chars[0], chars[1]) : undefined);
  const quote: JsonObject = { type: 'TextQuoteSelector', exact: claim.quote };
  if (context?.prefix !== undefined) quote.prefix = context.prefix;
  if (context?.suffix !== undefined) quote.suffix = context.suffix;
  const out = [quote];
  if (text !== undefined && chars) {
    const points = indexOf(source!, text);
    out.push({ type: 'TextPositionSelector', start: points.toCodePoint(chars[0]), end: points.toCodePoint(chars[1]) });
  }
  return out;
}

/** "Russia (ru) partner of Tajikistan (tj): supports, grade B2, asserted by …, 2023." */
function sentence(relation: Relation, claim: Claim, from: Actor | undefined, to: Actor | undefined): string {
  const name = (a: Actor | undefined, id: string) => (a ? `${a.name} (${id})` : id);
  const verb = relation.type === 'partner' ? 'partner of' : relation.type === 'threat' ? 'threatens' : relation.type === 'supplier' ? 'supplies' : relation.type === 'suspected-supporter' ? 'suspected of supporting' : `${relation.type} relation to`;
  const when = claim.date ?? (claim.period ? `${claim.period.from ?? '…'} to ${claim.period.to ?? '…'}` : undefined);
  const parts = [claim.stance, `grade ${claim.grade}`, claim.assertedBy ? `asserted by ${claim.assertedBy}` : undefined, when].filter((p) => p !== undefined);
  return `${name(from, relation.source)} ${verb} ${name(to, relation.target)}: ${parts.join(', ')}.`;
}

/** Everything readAnnotations needs, in our terms (each `actorscope:` key an IRI in JSON-LD). */
function structuredBody(relation: Relation, claim: Claim, from: Actor | undefined, to: Actor | undefined, source: Source | undefined): JsonObject {
  const body: JsonObject = {
    type: CLAIM_BODY_TYPE,
    purpose: 'classifying',
    'actorscope:relation': relation.id,
    'actorscope:relationType': relation.type,
    'actorscope:from': relation.source,
    'actorscope:to': relation.target,
  };
  if (from) body['actorscope:fromName'] = from.name;
  if (to) body['actorscope:toName'] = to.name;
  body['actorscope:source'] = claim.sourceId;
  if (source) body['actorscope:sourceTitle'] = source.title;
  body['actorscope:stance'] = claim.stance;
  body['actorscope:grade'] = claim.grade;
  body['actorscope:assertedBy'] = claim.assertedBy;
  if (claim.date !== undefined) body['actorscope:date'] = claim.date;
  if (claim.weight !== undefined) body['actorscope:weight'] = claim.weight;
  if (claim.period?.from !== undefined) body['actorscope:periodFrom'] = claim.period.from;
  if (claim.period?.to !== undefined) body['actorscope:periodTo'] = claim.period.to;
  if (claim.locator.paragraph !== undefined) body['actorscope:paragraph'] = claim.locator.paragraph;
  if (claim.locator.page !== undefined) body['actorscope:page'] = claim.locator.page;
  if (claim.locator.row !== undefined) body['actorscope:row'] = claim.locator.row;
  // Two properties, not a list: a JSON-LD list without @list is a set, its order lost.
  if (claim.locator.chars) {
    body['actorscope:utf16Start'] = claim.locator.chars[0];
    body['actorscope:utf16End'] = claim.locator.chars[1];
  }
  if (claim.notes !== undefined) body['actorscope:notes'] = claim.notes;
  return body;
}
