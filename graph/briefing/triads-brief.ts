/**
 * Unbalanced triads as a briefing finding: each triad's three actors and the
 * three relations the balance analysis reports for it, with their signs,
 * cited; and whether, on only the relations that hold without claims below
 * the sensitivity grade, the three actors are still a triad (every pair still
 * joined by a signed relation) and still unbalanced (triads.ts's rule: each
 * side of one sign only, and the product of the signs +, or it is unbalanced).
 */
import type { BalanceResult, SignedRelation } from '../analysis/balance';
import { DEFAULT_SIGNS, type SignMap } from '../analysis/signs';
import type { Dataset, Grade } from '../model/types';
import type { FootnoteBook } from './footnotes';
import { datasetAtGrade, relationAtGrade, type WhyNot } from './sensitivity';
import type { SectionContext } from './section-context';

export interface TriadsSection {
  kind: 'triads';
  result: BalanceResult;
  /** The signs the balance analysis ran with; DEFAULT_SIGNS when absent. */
  signs?: SignMap;
}

/** At the grade: still unbalanced, balanced now, or no longer a triad (a pair without a signed relation). */
export type TriadOutcome = 'unbalanced' | 'balanced' | 'not-a-triad';

export interface BriefTriad {
  rank: number;
  actors: [string, string, string];
  relations: Array<{ relation: SignedRelation; notes: number[] }>;
  sensitivity: {
    grade: Grade;
    holds: boolean;
    outcome: TriadOutcome;
    /** The reported relations that do not hold at the grade, with why. */
    failing: Array<{ relationId: string; why: WhyNot }>;
  };
}

export interface TriadsFinding {
  kind: 'triads';
  signs: SignMap;
  balanced: number;
  unbalanced: number;
  triads: BriefTriad[];
}

export const TRIADS_RULE =
  'Triads: partner, supplier and suspected supporter count as +, threat as − (unless the signs were changed), relations read undirected; a triad is balanced when the product of its three signs is + (“the enemy of my enemy is my friend”), unbalanced otherwise, and a pair joined by both a + and a − relation makes its triads unbalanced.';

/** The signs between each pair of actors among a dataset's signed relations, keyed "a\0b" with a < b. */
function pairSigns(dataset: Dataset, signs: SignMap): Map<string, Set<1 | -1>> {
  const pairs = new Map<string, Set<1 | -1>>();
  for (const r of dataset.relations) {
    const sign = signs[r.type];
    if ((sign !== 1 && sign !== -1) || r.source === r.target) continue;
    const key = pairKey(r.source, r.target);
    let set = pairs.get(key);
    if (!set) pairs.set(key, (set = new Set()));
    set.add(sign);
  }
  return pairs;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** What a triple of actors is on a dataset's pair signs. */
export function triadOutcome(pairs: ReadonlyMap<string, ReadonlySet<1 | -1>>, [a, b, c]: readonly [string, string, string]): TriadOutcome {
  let product = 1;
  for (const [x, y] of [[a, b], [b, c], [c, a]] as const) {
    const s = pairs.get(pairKey(x, y));
    if (!s || s.size === 0) return 'not-a-triad';
    product *= s.size === 2 ? 0 : [...s][0]!;
  }
  return product === 1 ? 'balanced' : 'unbalanced';
}

export function triadsFinding(section: TriadsSection, book: FootnoteBook, ctx: SectionContext): TriadsFinding {
  const signs = section.signs ?? DEFAULT_SIGNS;
  const atGrade = pairSigns(datasetAtGrade(ctx.counted, ctx.grade), signs);
  const triads = section.result.unbalancedTriads.map((t, i): BriefTriad => {
    const failing = t.relations.flatMap((r) => {
      const relation = ctx.relation(r.id);
      const why = relation ? relationAtGrade(relation, ctx.grade) : 'no-claims';
      return why ? [{ relationId: r.id, why }] : [];
    });
    const outcome = triadOutcome(atGrade, t.actors);
    return {
      rank: i + 1,
      actors: t.actors,
      relations: t.relations.map((relation) => ({ relation, notes: book.cite(relation.id) })),
      sensitivity: { grade: ctx.grade, holds: outcome === 'unbalanced', outcome, failing },
    };
  });
  return { kind: 'triads', signs, balanced: section.result.triads.balanced, unbalanced: section.result.triads.unbalanced, triads };
}
