/**
 * A second dataset brought into the current one, as the analyst decided:
 * incoming actors merged into the current ones they chose or added as new,
 * sources matched by citation, relations that say the same joined (their
 * claims added, a claim said twice kept once), and a note in the dataset's
 * history. Pure and ending in restore(), like every edit (schema/edit.ts), so
 * the whole merge is one step the undo history can take back.
 */
import { type Dataset, type Relation, type Source } from '../model/types';
import type { Problem } from '../schema/problems';
import { restore } from '../schema/restore';
import { citationKey } from '../sources/citation';
import { freeId, joinActors, joinRelations } from './join-records';
import type { MergeDecision } from './propose';

export interface MergeSummary {
  /** The incoming dataset's title, as the history note names it. */
  title: string;
  actors: { incoming: number; joined: number; added: number; renamed: Array<{ from: string; to: string }> };
  relations: { incoming: number; joined: number; added: number; renamed: Array<{ from: string; to: string }> };
  claims: { added: number; duplicates: number };
  /** `texts`: matched documents held without their text that took the incoming one's. */
  sources: { incoming: number; matched: number; added: number; texts: number; renamed: Array<{ from: string; to: string }> };
  /** The note written in `meta.history`. */
  note: string;
}

export type MergeResult = { ok: true; dataset: Dataset; label: string; summary: MergeSummary } | { ok: false; problems: Problem[] };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * `decisions` maps an incoming actor's id to the current actor it is merged into, or 'new'; an actor not in
 * it is new. `now` is the history note's date (ISO 8601).
 */
export function applyMerge(current: Dataset, incoming: Dataset, decisions: ReadonlyMap<string, MergeDecision>, now: string): MergeResult {
  const { textsTaken, ...merged } = merge(current, incoming, decisions, now, true);
  // A text taken into a document the current claims quote without one must hold their quotes; if it does not, the merge goes on without it.
  if (!merged.ok && textsTaken > 0) {
    const { textsTaken: _none, ...without } = merge(current, incoming, decisions, now, false);
    return without;
  }
  return merged;
}

/** Fields a matched document takes from the incoming one where the current one has none (never those its citation is made of). */
const FILLED = ['author', 'speaker', 'kind', 'notes'] as const;

function merge(current: Dataset, incoming: Dataset, decisions: ReadonlyMap<string, MergeDecision>, now: string, takeTexts: boolean): MergeResult & { textsTaken: number } {
  let textsTaken = 0;
  const currentActorIds = new Set(current.actors.map((a) => a.id));
  for (const [from, decision] of decisions) {
    if (decision !== 'new' && !currentActorIds.has(decision.into)) {
      return { ok: false, textsTaken, problems: [{ severity: 'error', path: `decisions.${from}`, message: `no actor "${decision.into}" in the current dataset to merge into` }] };
    }
  }
  const from = `"${incoming.meta.title}"`;

  // Sources: the same document (citationKey) is the current one; a new one keeps its id unless the current dataset uses it.
  const sourceIds = new Set(current.sources.map((s) => s.id));
  const byCitation = new Map(current.sources.map((s, i) => [citationKey(s), i]));
  const sourceMap = new Map<string, string>();
  const sources: Source[] = current.sources.slice();
  const sourcesSummary: MergeSummary['sources'] = { incoming: incoming.sources.length, matched: 0, added: 0, texts: 0, renamed: [] };
  for (const source of incoming.sources) {
    const same = byCitation.get(citationKey(source));
    if (same !== undefined) {
      const held = sources[same]!;
      sourceMap.set(source.id, held.id);
      sourcesSummary.matched++;
      const filled: Source = { ...held };
      for (const key of FILLED) if (filled[key] === undefined && source[key] !== undefined) filled[key] = source[key];
      if (takeTexts && filled.text === undefined && source.text !== undefined) {
        filled.text = source.text;
        if (source.pages) filled.pages = source.pages;
        textsTaken++;
        sourcesSummary.texts++;
      }
      sources[same] = filled;
      continue;
    }
    const id = freeId(source.id, sourceIds);
    if (id !== source.id) sourcesSummary.renamed.push({ from: source.id, to: id });
    sourceIds.add(id);
    byCitation.set(citationKey(source), sources.length);
    sourceMap.set(source.id, id);
    sources.push({ ...source, id });
    sourcesSummary.added++;
  }

  // Actors: merged into the chosen one, or added under their id (renamed when the current dataset uses it).
  const actors = current.actors.slice();
  const actorIndex = new Map(current.actors.map((a, i) => [a.id, i]));
  const usedActorIds = new Set(currentActorIds);
  const actorMap = new Map<string, string>();
  const actorsSummary: MergeSummary['actors'] = { incoming: incoming.actors.length, joined: 0, added: 0, renamed: [] };
  for (const actor of incoming.actors) {
    const decision = decisions.get(actor.id) ?? 'new';
    if (decision !== 'new') {
      const i = actorIndex.get(decision.into)!;
      actors[i] = joinActors(actors[i]!, actor, from);
      actorMap.set(actor.id, decision.into);
      actorsSummary.joined++;
      continue;
    }
    const id = freeId(actor.id, usedActorIds);
    if (id !== actor.id) actorsSummary.renamed.push({ from: actor.id, to: id });
    usedActorIds.add(id);
    actorMap.set(actor.id, id);
    actorIndex.set(id, actors.length);
    actors.push({ ...actor, id });
    actorsSummary.added++;
  }

  // Relations: one that says what a current one says (same actors, type and direction) joins it.
  const relations = current.relations.slice();
  const usedRelationIds = new Set(current.relations.map((r) => r.id));
  const byEnds = new Map<string, number[]>();
  const endsKey = (source: string, target: string, type: string) => JSON.stringify([source, target, type]);
  const index = (r: Relation, i: number) => {
    // A partnership is mutual: found from either end (as findSameRelation reads it).
    const keys = [endsKey(r.source, r.target, r.type)];
    if (r.type === 'partner' && r.source !== r.target) keys.push(endsKey(r.target, r.source, r.type));
    for (const key of keys) {
      const list = byEnds.get(key);
      if (list) list.push(i);
      else byEnds.set(key, [i]);
    }
  };
  current.relations.forEach(index);
  const relationsSummary: MergeSummary['relations'] = { incoming: incoming.relations.length, joined: 0, added: 0, renamed: [] };
  const claims = { added: 0, duplicates: 0 };
  for (const relation of incoming.relations) {
    const mapped: Relation = {
      ...relation,
      source: actorMap.get(relation.source)!,
      target: actorMap.get(relation.target)!,
      claims: relation.claims.map((c) => ({ ...c, sourceId: sourceMap.get(c.sourceId) ?? c.sourceId })),
    };
    const same = byEnds.get(endsKey(mapped.source, mapped.target, mapped.type));
    if (same) {
      // Among parallel relations, the one of the same id, else one holding one of its claims, else the first.
      const pick =
        same.find((i) => relations[i]!.id === relation.id) ??
        same.find((i) => relations[i]!.claims.some((c) => mapped.claims.some((m) => m.quote === c.quote && m.sourceId === c.sourceId))) ??
        same[0]!;
      const joined = joinRelations(relations[pick]!, mapped, from);
      relations[pick] = joined.relation;
      claims.added += joined.added;
      claims.duplicates += joined.dropped;
      relationsSummary.joined++;
      continue;
    }
    const id = freeId(relation.id, usedRelationIds);
    if (id !== relation.id) relationsSummary.renamed.push({ from: relation.id, to: id });
    usedRelationIds.add(id);
    index(mapped, relations.length);
    relations.push({ ...mapped, id });
    claims.added += mapped.claims.length;
    relationsSummary.added++;
  }

  const note =
    `merged ${JSON.stringify(incoming.meta.title)} (${plural(actorsSummary.incoming, 'actor')}: ${actorsSummary.joined} joined, ${actorsSummary.added} new; ` +
    `${plural(relationsSummary.incoming, 'relation')}: ${relationsSummary.joined} joined existing ones, ${relationsSummary.added} new; ` +
    `${plural(sourcesSummary.incoming, 'source')}: ${sourcesSummary.matched} already held, ${sourcesSummary.added} new)`;
  const meta = { ...current.meta, history: [...(current.meta.history ?? []), { date: now, note }] };
  const checked = restore({ ...current, meta, sources, actors, relations });
  if (!checked.ok) return { ok: false, textsTaken, problems: checked.problems };
  const summary: MergeSummary = { title: incoming.meta.title, actors: actorsSummary, relations: relationsSummary, claims, sources: sourcesSummary, note };
  return { ok: true, textsTaken, dataset: checked.dataset, label: `merge ${incoming.meta.title}`, summary };
}
