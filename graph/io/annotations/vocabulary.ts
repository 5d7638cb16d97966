/**
 * The names our W3C Web Annotations use: the W3C context, our own terms (an
 * `actorscope:` prefix in an extended context, so a JSON-LD processor keeps
 * them as IRIs instead of dropping them), and the IRIs of annotations and of
 * sources that have no URL.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Source } from '../../model/types';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Our terms' namespace. A URN: no web page to resolve, and nothing claims a domain we do not own. */
export const ACTORSCOPE_VOCAB = 'urn:actorscope:vocab:';

/** The model requires the W3C context first; ours extends it (an array is allowed when there are several). */
export const ANNOTATION_CONTEXT = [ANNO_CONTEXT, { actorscope: ACTORSCOPE_VOCAB }] as const;

/** The type of the structured body that carries one claim and its relation. */
export const CLAIM_BODY_TYPE = 'actorscope:Claim';

/** Where a source without a URL is, as an IRI. */
export const SOURCE_URN_PREFIX = 'urn:actorscope:source:';

export function sourceIri(source: Source): string {
  return source.url ?? `${SOURCE_URN_PREFIX}${encodeURIComponent(source.id)}`;
}

/** The source id a `urn:actorscope:source:` IRI names, or undefined for any other IRI. */
export function sourceIdOfIri(iri: string): string | undefined {
  if (!iri.startsWith(SOURCE_URN_PREFIX)) return undefined;
  try {
    return decodeURIComponent(iri.slice(SOURCE_URN_PREFIX.length));
  } catch {
    return undefined;
  }
}

/**
 * `urn:actorscope:annotation:<12 hex digits of SHA-256 of the title>:<relation id>:<claim index>`:
 * the same claim of the same dataset gets the same id at every export (the title, not the content,
 * so an edit elsewhere changes no id); two datasets' annotations do not collide in one store.
 */
export function annotationId(datasetTitle: string, relationId: string, claimIndex: number): string {
  const key = bytesToHex(sha256(utf8ToBytes(datasetTitle))).slice(0, 12);
  return `urn:actorscope:annotation:${key}:${encodeURIComponent(relationId)}:${claimIndex}`;
}
