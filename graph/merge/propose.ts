/**
 * Which actors of a dataset brought in are, perhaps, actors the current
 * dataset has already: each incoming actor with its candidates, best first,
 * and why. Proposals only: the analyst confirms or rejects each, and
 * applyMerge() does what they decided.
 */
import type { Actor, Dataset } from '../model/types';
import { foldName, spellingKey } from './spelling';

/**
 * Why two actors may be one. `name` and `alias` compare folded names (case, diacritics, punctuation, space);
 * `transliteration` the spelling key (Cyrillic in Latin letters, variant romanisations), when the folded names differ.
 */
export type MatchReason =
  | { kind: 'id' }
  | { kind: 'name' }
  /** The incoming actor's name or alias `text` is an alias or the name of the current one (`of` says whose alias it was). */
  | { kind: 'alias'; text: string; of: 'current' | 'incoming' }
  | { kind: 'country'; code: string }
  | { kind: 'transliteration'; incoming: string; current: string };

export interface MergeCandidate {
  currentId: string;
  reasons: MatchReason[];
  /**
   * How strongly the reasons say "the same actor": the sum of their weights (name 4, alias 3, transliteration 3,
   * country 3 between two states — a state's ISO code is the state — and 1 otherwise, id 1), less 1 when the kinds
   * differ. From PROPOSED_STRENGTH (3) on it is proposed for merging; below, listed but not proposed.
   */
  strength: number;
}

export interface ActorProposal {
  incomingId: string;
  candidates: MergeCandidate[];
}

export interface MergeProposal {
  /** Incoming actors that have at least one candidate, in the incoming dataset's order. */
  actors: ActorProposal[];
}

/** The strength from which a candidate is proposed as the same actor (and confirmed by default). */
export const PROPOSED_STRENGTH = 3;

const WEIGHT: Record<MatchReason['kind'], number> = { name: 4, alias: 3, transliteration: 3, country: 1, id: 1 };
const STATES_COUNTRY_WEIGHT = 3;

const STATE_LIKE = new Set(['state', 'region']);

/** Every folded name of an actor: its name first, then its aliases. */
function namesOf(actor: Actor): string[] {
  return [actor.name, ...actor.aliases];
}

class MultiIndex {
  private readonly map = new Map<string, number[]>();
  add(key: string, index: number): void {
    if (key === '') return;
    const list = this.map.get(key);
    if (!list) this.map.set(key, [index]);
    else if (list[list.length - 1] !== index) list.push(index);
  }
  get(key: string): readonly number[] {
    return this.map.get(key) ?? [];
  }
}

export function proposeMerge(current: Dataset, incoming: Dataset): MergeProposal {
  const byId = new Map<string, number>();
  const byName = new MultiIndex();
  const byAlias = new MultiIndex();
  const bySpelling = new MultiIndex();
  const byCountry = new MultiIndex();
  current.actors.forEach((a, i) => {
    byId.set(a.id, i);
    byName.add(foldName(a.name), i);
    for (const alias of a.aliases) byAlias.add(foldName(alias), i);
    for (const n of namesOf(a)) bySpelling.add(spellingKey(n), i);
    if (a.country && a.kind === 'state') byCountry.add(a.country.trim().toUpperCase(), i);
  });

  const actors: ActorProposal[] = [];
  for (const actor of incoming.actors) {
    const reasons = new Map<number, MatchReason[]>();
    const add = (i: number, reason: MatchReason) => {
      const list = reasons.get(i);
      if (!list) reasons.set(i, [reason]);
      // An alias counts once for each name it joins (two names in common say more than one); other reasons once.
      else if (!list.some((r) => r.kind === reason.kind && (r.kind !== 'alias' || JSON.stringify(r) === JSON.stringify(reason)))) list.push(reason);
    };
    const sameId = byId.get(actor.id);
    if (sameId !== undefined) add(sameId, { kind: 'id' });
    const name = foldName(actor.name);
    for (const i of byName.get(name)) add(i, { kind: 'name' });
    // An alias either way: the incoming name among the current aliases, or an incoming alias as the current name or alias.
    for (const i of byAlias.get(name)) add(i, { kind: 'alias', text: actor.name, of: 'current' });
    for (const alias of actor.aliases) {
      const folded = foldName(alias);
      for (const i of byName.get(folded)) if (foldName(current.actors[i]!.name) !== name) add(i, { kind: 'alias', text: alias, of: 'incoming' });
      for (const i of byAlias.get(folded)) add(i, { kind: 'alias', text: alias, of: 'current' });
    }
    for (const text of namesOf(actor)) {
      for (const i of bySpelling.get(spellingKey(text))) {
        const other = current.actors[i]!;
        // A transliteration only where no folded name or alias already says it.
        const folded = foldName(text);
        if (namesOf(other).some((n) => foldName(n) === folded)) continue;
        const match = namesOf(other).find((n) => spellingKey(n) === spellingKey(text))!;
        add(i, { kind: 'transliteration', incoming: text, current: match });
      }
    }
    if (actor.country && actor.kind === 'state') {
      const code = actor.country.trim().toUpperCase();
      for (const i of byCountry.get(code)) add(i, { kind: 'country', code });
    }
    // Same country between regions, or a state and a region, says little alone (two regions of one state share it): it supports other reasons only.
    if (actor.country && STATE_LIKE.has(actor.kind)) {
      const code = actor.country.trim().toUpperCase();
      for (const i of reasons.keys()) {
        const other = current.actors[i]!;
        if (other.country?.trim().toUpperCase() === code && STATE_LIKE.has(other.kind)) add(i, { kind: 'country', code });
      }
    }
    const candidates: MergeCandidate[] = [];
    for (const [i, list] of reasons) {
      const other = current.actors[i]!;
      const weight = (r: MatchReason) => (r.kind === 'country' && actor.kind === 'state' && other.kind === 'state' ? STATES_COUNTRY_WEIGHT : WEIGHT[r.kind]);
      const strength = list.reduce((s, r) => s + weight(r), 0) - (other.kind === actor.kind ? 0 : 1);
      candidates.push({ currentId: other.id, reasons: list.sort((a, b) => weight(b) - weight(a)), strength });
    }
    if (candidates.length === 0) continue;
    // Best first; ties in the current dataset's order, so the proposal is the same every time.
    const order = new Map(candidates.map((c) => [c.currentId, byId.get(c.currentId)!]));
    candidates.sort((a, b) => b.strength - a.strength || order.get(a.currentId)! - order.get(b.currentId)!);
    actors.push({ incomingId: actor.id, candidates });
  }
  return { actors };
}

/** An incoming actor merged into a current one, or kept as a new actor (an object, so that no actor id can read as "new"). */
export type MergeDecision = { into: string } | 'new';

/** What the analyst is offered before deciding: the best candidate where it is proposed, a new actor otherwise. */
export function proposedDecisions(proposal: MergeProposal): Map<string, MergeDecision> {
  const decisions = new Map<string, MergeDecision>();
  for (const p of proposal.actors) {
    const best = p.candidates[0]!;
    decisions.set(p.incomingId, best.strength >= PROPOSED_STRENGTH ? { into: best.currentId } : 'new');
  }
  return decisions;
}
