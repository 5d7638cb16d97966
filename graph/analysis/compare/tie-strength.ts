/**
 * How strongly each compared actor is tied to one chosen actor ("Russia or
 * China, the stronger partner of Tajikistan?"): the relations between the two
 * in either direction, their claims and witnesses, and one strength.
 *
 * - **Strength** = the sum of the confidences (evidence.ts) of the relations
 *   between the two actors that count, whatever their type or direction: the
 *   expected number of those relations that hold, were each confidence the
 *   chance that it does. It is the pair's share of the evidence-weighted
 *   degree (strength = sum of confidences), each relation counted once, a
 *   partner relation too. No relation: 0. A relation without claims adds
 *   NO_EVIDENCE (0.5).
 * - **Witnesses** are counted once across all the pair's relations (sourceKey +
 *   asserterKey, as evidence.ts counts them within one relation), per stance,
 *   at their strongest grade. One witness behind two relations raises both
 *   confidences, as they are two statements, but is one witness: read the
 *   strength with the witness count beside it.
 * - Not a noisy-OR over the relations: that is the chance that at least one
 *   tie holds, which saturates (three good ties and one read 0.99 and 0.81)
 *   and would count a second statement of the same witness as independent
 *   confirmation of the first.
 *
 * graph/README.md, "Analyses", says the same for the analyst.
 */
import { applyFilter, describeFilter, type GraphFilter } from '../../model/filter';
import { isMutual, type Dataset, type Grade, type Relation, type RelationType } from '../../model/types';
import { asserterKey, claimWeight, relationEvidence } from '../evidence';
import { applyEvidence, type EvidenceReport, type EvidenceSetting, type LeftOut } from '../evidence-setting';
import { actorIndices } from './compare-actors';

export interface TieStrengthOptions {
  /** Distinct actor ids, at least one; an unknown, hidden or repeated id throws. */
  actors: readonly string[];
  /** The actor the ties are to; one of `actors` gets an n/a entry. */
  to: string;
  filter?: GraphFilter;
  /** Which relations count, after the filter; all when absent. */
  evidence?: EvidenceSetting;
}

/** One relation between a compared actor and the actor tied to. */
export interface Tie {
  id: string;
  type: RelationType;
  /** `outgoing`: actor → to; `incoming`: to → actor; `mutual`: a partner relation, stored either way. */
  direction: 'outgoing' | 'incoming' | 'mutual';
  confidence: number;
  contested: boolean;
  /** Claims by stance. */
  supports: number;
  disputes: number;
}

/** A relation of the pair that the evidence setting left out, under the first test it failed. */
export interface LeftOutTie {
  id: string;
  type: RelationType;
  reason: keyof LeftOut;
}

/** One asserter in one source document, over all the pair's relations. */
export interface TieWitness {
  /** The id of its source document. */
  sourceId: string;
  assertedBy: string;
  /** Its strongest grade over the relations, for this stance. */
  grade: Grade;
  weight: number;
  /** Its claims with this stance, over the relations. */
  claims: number;
  /** The relations it speaks to, in dataset order. */
  relations: string[];
}

export interface ActorTies {
  id: string;
  name: string;
  /** The sum of the counted ties' confidences; null (n/a) for the actor tied to itself. */
  strength: number | null;
  /** Why strength is n/a. */
  unavailable?: string;
  /** The ties that count, in dataset order. */
  relations: Tie[];
  /** Claims by stance, over the counted ties. */
  supports: number;
  disputes: number;
  /** Independent witnesses for and against over the counted ties, strongest first. */
  witnessesFor: TieWitness[];
  witnessesAgainst: TieWitness[];
  /** The strongest supporting witness's grade; null when none supports. */
  bestGrade: Grade | null;
  /** Counted ties that are contested (only when the setting counts contested relations). */
  contested: number;
  /** The pair's relations that the evidence setting left out. */
  leftOut: LeftOutTie[];
  /** How the strength was reached, in one sentence. */
  rule: string;
}

export interface TieStrength {
  to: { id: string; name: string };
  /** Strongest first; equal strengths in the order asked; n/a last. */
  actors: ActorTies[];
  /** The filter, in words. */
  filter: string;
  /** The rule, in one sentence. */
  rule: string;
  /** With `evidence`: the setting and every relation it left out. */
  evidence?: EvidenceReport;
}

export const TIE_STRENGTH_RULE =
  'Strength is the sum of the confidences of the relations between the two actors that count, either way: ' +
  'the expected number of them that hold. The witness columns count each witness once, however many of the relations it speaks to.';

export function tieStrength(dataset: Dataset, options: TieStrengthOptions): TieStrength {
  if (options.actors.length === 0) throw new Error('tie strength needs at least one actor');
  const filtered = applyFilter(dataset, options.filter);
  const indices = actorIndices(dataset, filtered, options.actors);
  const to = filtered.actors[actorIndices(dataset, filtered, [options.to])[0]!]!;
  const weighed = options.evidence ? applyEvidence(filtered, options.evidence) : undefined;
  const counted = new Set(weighed?.dataset.relations ?? filtered.relations);
  const reasons = new Map<string, keyof LeftOut>();
  if (weighed) for (const [reason, ids] of Object.entries(weighed.leftOut)) for (const id of ids) reasons.set(id, reason as keyof LeftOut);

  const entries = indices.map((i) => {
    const actor = filtered.actors[i]!;
    if (actor.id === to.id) return selfEntry(actor.id, actor.name);
    const pair = filtered.relations.filter(
      (r) => (r.source === actor.id && r.target === to.id) || (r.source === to.id && r.target === actor.id),
    );
    const leftOut = pair.filter((r) => !counted.has(r)).map((r) => ({ id: r.id, type: r.type, reason: reasons.get(r.id)! }));
    return actorTies(actor.id, actor.name, to.name, pair.filter((r) => counted.has(r)), leftOut);
  });
  // Array.prototype.sort is stable: equal strengths keep the order asked.
  entries.sort((a, b) => (b.strength ?? -1) - (a.strength ?? -1));
  const result: TieStrength = { to: { id: to.id, name: to.name }, actors: entries, filter: describeFilter(options.filter), rule: TIE_STRENGTH_RULE };
  if (weighed) result.evidence = { setting: weighed.setting, leftOut: weighed.leftOut };
  return result;
}

function selfEntry(id: string, name: string): ActorTies {
  const unavailable = 'the actor the ties are to';
  return {
    id,
    name,
    strength: null,
    unavailable,
    relations: [],
    supports: 0,
    disputes: 0,
    witnessesFor: [],
    witnessesAgainst: [],
    bestGrade: null,
    contested: 0,
    leftOut: [],
    rule: `n/a: ${name} is ${unavailable}.`,
  };
}

function actorTies(id: string, name: string, toName: string, relations: readonly Relation[], leftOut: LeftOutTie[]): ActorTies {
  const ties: Tie[] = relations.map((r) => {
    const e = relationEvidence(r);
    const direction = isMutual(r.type) ? 'mutual' : r.source === id ? 'outgoing' : 'incoming';
    return { id: r.id, type: r.type, direction, confidence: e.confidence, contested: e.contested, supports: e.supports, disputes: e.disputes };
  });
  const strength = ties.reduce((sum, t) => sum + t.confidence, 0);
  const witnessesFor = witnessesOver(relations, 'supports');
  const witnessesAgainst = witnessesOver(relations, 'disputes');
  const supports = ties.reduce((n, t) => n + t.supports, 0);
  const disputes = ties.reduce((n, t) => n + t.disputes, 0);
  const entry = {
    id,
    name,
    strength,
    relations: ties,
    supports,
    disputes,
    witnessesFor,
    witnessesAgainst,
    bestGrade: witnessesFor[0]?.grade ?? null,
    contested: ties.filter((t) => t.contested).length,
    leftOut,
  };
  return { ...entry, rule: ruleOf(entry, toName) };
}

/** Each witness once over all the relations, at its strongest claim (as evidence.ts within one relation). */
function witnessesOver(relations: readonly Relation[], stance: 'supports' | 'disputes'): TieWitness[] {
  const byKey = new Map<string, TieWitness>();
  for (const r of relations) {
    for (const c of r.claims) {
      if ((c.stance === 'supports' ? 'supports' : 'disputes') !== stance) continue;
      const key = `${c.sourceId}\u0001${asserterKey(c.assertedBy)}`;
      const weight = claimWeight(c.grade);
      const seen = byKey.get(key);
      if (!seen) {
        byKey.set(key, { sourceId: c.sourceId, assertedBy: c.assertedBy.trim(), grade: c.grade, weight, claims: 1, relations: [r.id] });
        continue;
      }
      seen.claims++;
      if (!seen.relations.includes(r.id)) seen.relations.push(r.id);
      if (weight > seen.weight || (weight === seen.weight && c.grade < seen.grade)) {
        seen.grade = c.grade;
        seen.weight = weight;
      }
    }
  }
  return [...byKey.values()].sort(
    (a, b) => b.weight - a.weight || order(a.grade, b.grade) || order(a.assertedBy, b.assertedBy) || order(a.sourceId, b.sourceId),
  );
}

function order(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Two decimals, or two significant digits below 0.01 so that a small confidence does not read as 0 (as evidence.ts writes them). */
function figure(x: number): string {
  return x === 0 || x >= 0.01 ? x.toFixed(2) : x.toPrecision(2);
}

/** As evidence.ts says it for one relation: "1 witness for (B2; its 3 claims count once)", "2 independent witnesses against (best B2)". */
function side(witnesses: readonly TieWitness[], claims: number, which: 'for' | 'against'): string {
  const n = witnesses.length;
  if (n === 0) return which === 'for' ? 'no witness for' : 'none against';
  if (n === 1) return `${which === 'for' ? '1 witness for' : '1 against'} (${witnesses[0]!.grade}${claims > 1 ? `; its ${claims} claims count once` : ''})`;
  const counted = claims > n ? `; ${claims} claims, each witness counted once` : '';
  return `${n} independent witnesses ${which} (best ${witnesses[0]!.grade}${counted})`;
}

/**
 * "strength = r1 partner 0.90 + r2 supplier 0.64 = 1.54; 2 independent witnesses for (best B2; 8 claims, each
 * witness counted once), none against", or "No relation with Tajikistan counts: strength 0", and
 * what the evidence setting left out.
 */
function ruleOf(e: Omit<ActorTies, 'rule'>, toName: string): string {
  const notCounted = e.leftOut.length
    ? `; not counted: ${e.leftOut.map((t) => `${t.id} ${t.type} (${t.reason === 'contested' ? 'contested' : t.reason === 'belowGrade' ? 'below the grade' : 'below the confidence'})`).join(', ')}`
    : '';
  if (e.relations.length === 0) return `No relation with ${toName} counts: strength 0${notCounted}.`;
  const terms = e.relations.map((t) => `${t.id} ${t.type} ${figure(t.confidence)}${t.contested ? ' (contested)' : ''}`).join(' + ');
  const sum = e.relations.length > 1 ? `${terms} = ${figure(e.strength!)}` : terms;
  return `strength = ${sum}; ${side(e.witnessesFor, e.supports, 'for')}, ${side(e.witnessesAgainst, e.disputes, 'against')}${notCounted}.`;
}
