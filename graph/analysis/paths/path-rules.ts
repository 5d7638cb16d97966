/**
 * What a path's sign and confidence mean, and when a hop is weak or contested:
 * one sentence each, so the CLI and the explorer say the same. Weak and
 * contested are evidence.ts's (isWeak, RelationEvidence.contested), the marks
 * every panel uses.
 */
import { WEAK_CONFIDENCE, isWeak, weighRelation } from '../evidence';
import type { Relation } from '../../model/types';

export const PATH_SIGN_RULE =
  'Sign: the product of the hop signs (partner, supplier and suspected supporter +, threat −, other 0), so a path with an odd number of threats is hostile (−), an even number or none cooperative (+), and any "other" hop leaves it unsigned (0).';

export const PATH_CONFIDENCE_RULE =
  "Confidence: the product of the hops' confidences (each from its relation's claims, 0 to 1), so a path is never more believable than its weakest hop.";

export const WEAK_HOP_RULE = `Weak hop: its relation's confidence is below ${WEAK_CONFIDENCE.toFixed(2)}, what one C3 claim alone gives; contested hop: the claims against it weigh at least as much as those for it (marked contested, not weak).`;

/** What a hop's relation's evidence says about it, for marking it. */
export interface HopEvidence {
  /** isWeak: below WEAK_CONFIDENCE, with claims, and not contested. */
  weak: boolean;
  /** A disputing witness, and doubt ≥ support. */
  contested: boolean;
  /** Claims for and against. */
  supports: number;
  disputes: number;
}

export function hopEvidence(relation: Pick<Relation, 'claims'>): HopEvidence {
  const e = weighRelation(relation);
  return { weak: isWeak(e), contested: e.contested, supports: e.supports, disputes: e.disputes };
}
