/**
 * Compared actors as a briefing finding: their metrics side by side (the
 * compare analysis: value and rank among all actors), the relations between
 * them, the neighbours they all share and those only one of them has, every
 * relation cited. The sensitivity line asks whether, on only the relations
 * that hold without claims below the grade, the relations between them still
 * hold and every shared neighbour is still shared.
 */
import type { Comparison } from '../analysis/compare';
import type { MetricId } from '../analysis/metrics';
import type { Dataset, Grade } from '../model/types';
import { citeRelation, type CitedRelation, type FootnoteBook } from './footnotes';
import { datasetAtGrade, relationAtGrade, type WhyNot } from './sensitivity';
import type { SectionContext } from './section-context';

export interface CompareSection {
  kind: 'compare';
  comparison: Comparison;
}

/** A neighbour and, per compared actor tied to it, the relations between them (either direction). */
export interface NeighbourTies {
  neighbour: string;
  ties: Array<{ actor: string; relations: CitedRelation[] }>;
}

export interface CompareFinding {
  kind: 'compare';
  actors: string[];
  metrics: Array<{ metric: MetricId; values: Array<{ actor: string; value: number | null; rank: number | null }> }>;
  actorCount: number;
  directed: boolean;
  network: string;
  /** Relations whose two ends are both compared actors. */
  between: CitedRelation[];
  /** Neighbours tied to every compared actor, in dataset order. */
  shared: NeighbourTies[];
  /** Per compared actor, the neighbours only it is tied to. */
  only: Array<{ actor: string; neighbours: NeighbourTies[] }>;
  /** With three or more compared actors: neighbours tied to some of them but not all, nor only one. */
  partly: NeighbourTies[];
  sensitivity: {
    grade: Grade;
    holds: boolean;
    /** Relations between the compared actors that do not hold at the grade. */
    failingBetween: Array<{ relationId: string; why: WhyNot }>;
    /** Shared neighbours no longer shared at the grade, with the actors that lose their tie. */
    lostShared: Array<{ neighbour: string; actors: string[] }>;
  };
}

export const COMPARE_RULE =
  'Compared actors: ranks are among all actors of the graph (1 = highest, ties share a rank); a neighbour is shared when every compared actor has a relation with it that counts, of any type, either direction.';

/** Per actor of `ids`, its neighbours (not in `ids`) with the relations to each, in dataset order. */
function neighboursOf(dataset: Dataset, ids: readonly string[]): Map<string, Map<string, string[]>> {
  const compared = new Set(ids);
  const out = new Map(ids.map((id) => [id, new Map<string, string[]>()]));
  for (const r of dataset.relations) {
    if (r.source === r.target) continue;
    for (const [a, b] of [[r.source, r.target], [r.target, r.source]] as const) {
      if (!compared.has(a) || compared.has(b)) continue;
      const m = out.get(a)!;
      m.set(b, [...(m.get(b) ?? []), r.id]);
    }
  }
  return out;
}

export function compareFinding(section: CompareSection, book: FootnoteBook, ctx: SectionContext): CompareFinding {
  const c = section.comparison;
  const ids = c.actors.map((a) => a.id);
  const compared = new Set(ids);
  const between = ctx.counted.relations.filter((r) => r.source !== r.target && compared.has(r.source) && compared.has(r.target)).map((r) => citeRelation(book, r.id));

  const nbrs = neighboursOf(ctx.counted, ids);
  const order = new Map(ctx.counted.actors.map((a, i) => [a.id, i]));
  const all = [...new Set(ids.flatMap((id) => [...nbrs.get(id)!.keys()]))].sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0));
  const tiesOf = (neighbour: string): NeighbourTies => ({
    neighbour,
    ties: ids.filter((id) => nbrs.get(id)!.has(neighbour)).map((actor) => ({ actor, relations: nbrs.get(actor)!.get(neighbour)!.map((r) => citeRelation(book, r)) })),
  });
  const reach = (n: string) => ids.filter((id) => nbrs.get(id)!.has(n)).length;
  const shared = all.filter((n) => reach(n) === ids.length).map(tiesOf);
  const only = ids.map((actor) => ({ actor, neighbours: all.filter((n) => reach(n) === 1 && nbrs.get(actor)!.has(n)).map(tiesOf) }));
  const partly = all.filter((n) => reach(n) > 1 && reach(n) < ids.length).map(tiesOf);

  const graded = neighboursOf(datasetAtGrade(ctx.counted, ctx.grade), ids);
  const failingBetween = between.flatMap(({ relationId }) => {
    const r = ctx.relation(relationId);
    const why = r ? relationAtGrade(r, ctx.grade) : 'no-claims';
    return why ? [{ relationId, why }] : [];
  });
  const lostShared = shared
    .map((s) => ({ neighbour: s.neighbour, actors: ids.filter((id) => !graded.get(id)!.has(s.neighbour)) }))
    .filter((s) => s.actors.length > 0);

  return {
    kind: 'compare',
    actors: ids,
    metrics: c.metrics.map((metric) => ({
      metric,
      values: c.actors.map((a) => {
        const m = a.metrics.find((x) => x.metric === metric);
        return { actor: a.id, value: m?.value ?? null, rank: m?.rank ?? null };
      }),
    })),
    actorCount: c.actorCount,
    directed: c.directed,
    network: c.network.description,
    between,
    shared,
    only,
    partly,
    sensitivity: { grade: ctx.grade, holds: failingBetween.length === 0 && lostShared.length === 0, failingBetween, lostShared },
  };
}
