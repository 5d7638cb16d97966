/**
 * One footnote numbering for a whole briefing: the first finding to cite a
 * relation numbers its claims (supporting ones first, then the disputing
 * ones: the reader weighs them in that order); a later finding citing the
 * same relation gets the same numbers, so a claim is printed once.
 */
import { relationEvidence, type RelationEvidence } from '../analysis/evidence';
import { sourceLookup } from '../model/source-lookup';
import type { Claim, Dataset, Relation, Source } from '../model/types';

export interface Footnote {
  n: number;
  relationId: string;
  claim: Claim;
  /** The document the claim quotes, as the dataset holds it. */
  source: Source;
}

export interface BriefRelation {
  relation: Relation;
  evidence: RelationEvidence;
  notes: number[];
}

export interface FootnoteBook {
  /** The note numbers of a relation's claims (numbered on its first citation); [] for an id the dataset lacks. */
  cite(relationId: string): number[];
  /** Every relation cited, in order of first citation. */
  relations(): BriefRelation[];
  footnotes(): Footnote[];
}

export function footnoteBook(dataset: Dataset): FootnoteBook {
  const relationById = new Map(dataset.relations.map((r) => [r.id, r]));
  const sourceOf = sourceLookup(dataset);
  const footnotes: Footnote[] = [];
  const cited = new Map<string, BriefRelation>();
  return {
    cite(relationId) {
      const known = cited.get(relationId);
      if (known) return known.notes;
      const relation = relationById.get(relationId);
      if (!relation) return [];
      const ordered = [...relation.claims.filter((c) => c.stance === 'supports'), ...relation.claims.filter((c) => c.stance === 'disputes')];
      const notes = ordered.map((claim) => {
        const n = footnotes.length + 1;
        footnotes.push({ n, relationId, claim, source: sourceOf(claim.sourceId) });
        return n;
      });
      cited.set(relationId, { relation, evidence: relationEvidence(relation), notes });
      return notes;
    },
    relations: () => [...cited.values()],
    footnotes: () => [...footnotes],
  };
}

/** A relation as a finding cites it: its id and its claims' note numbers. */
export interface CitedRelation {
  relationId: string;
  notes: number[];
}

export function citeRelation(book: FootnoteBook, relationId: string): CitedRelation {
  return { relationId, notes: book.cite(relationId) };
}
