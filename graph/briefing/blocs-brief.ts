/**
 * Alliance blocs as a briefing finding: each bloc's members and the relations
 * inside it that hold it together (of the bloc's types, between two of its
 * members, among the relations that count), cited; the modularity; and
 * whether the same blocs come out of Louvain run again, with the same types,
 * resolution and seed, on only the relations that hold without claims below
 * the sensitivity grade (sensitivity.ts datasetAtGrade).
 */
import type { CommunityResult } from '../analysis/communities';
import type { Dataset, Grade, RelationType } from '../model/types';
import { citeRelation, type CitedRelation, type FootnoteBook } from './footnotes';
import type { SectionContext } from './section-context';

export interface BlocsSection {
  kind: 'blocs';
  /** The communities answer on the relations that count. */
  result: CommunityResult;
  /** The same question asked on datasetAtGrade(counted, grade). */
  atGrade: CommunityResult;
}

export interface BlocAtGrade {
  /** True when Louvain at the grade gives exactly this bloc. */
  holds: boolean;
  /** The members, grouped by the bloc each falls in at the grade (largest group first). */
  parts: string[][];
  /** Members with no tie of the bloc's types left at the grade. */
  dropped: string[];
}

export interface BriefBloc {
  rank: number;
  members: string[];
  ties: CitedRelation[];
  atGrade: BlocAtGrade;
}

export interface BlocsFinding {
  kind: 'blocs';
  types: RelationType[];
  resolution: number;
  seed: number;
  modularity: number | null;
  graph: { actors: number; ties: number };
  blocs: BriefBloc[];
  unaffiliated: string[];
  sensitivity: { grade: Grade; holds: boolean; blocs: number; modularity: number | null };
}

export const BLOCS_RULE =
  'Blocs: Louvain community detection on the chosen relation types, read undirected, parallel relations merged, unweighted, seeded so the same data gives the same blocs; modularity is Newman’s Q of the partition (above 0.3 is usually read as clear structure).';

/** The relations of `types` between two members of the same bloc, in dataset order. */
export function blocTies(counted: Dataset, communities: readonly (readonly string[])[], types: readonly RelationType[]): string[][] {
  const blocOf = new Map<string, number>();
  communities.forEach((members, i) => members.forEach((id) => blocOf.set(id, i)));
  const ties: string[][] = communities.map(() => []);
  for (const r of counted.relations) {
    const bloc = blocOf.get(r.source);
    if (bloc !== undefined && r.source !== r.target && bloc === blocOf.get(r.target) && types.includes(r.type)) ties[bloc]!.push(r.id);
  }
  return ties;
}

function blocAtGrade(members: readonly string[], atGrade: CommunityResult): BlocAtGrade {
  const blocOf = new Map<string, number>();
  atGrade.communities.forEach((m, i) => m.forEach((id) => blocOf.set(id, i)));
  const groups = new Map<number, string[]>();
  const dropped: string[] = [];
  for (const id of members) {
    const b = blocOf.get(id);
    if (b === undefined) dropped.push(id);
    else groups.set(b, [...(groups.get(b) ?? []), id]);
  }
  const parts = [...groups.values()].sort((a, b) => b.length - a.length);
  const only = groups.size === 1 ? [...groups.keys()][0]! : -1;
  const holds = dropped.length === 0 && only >= 0 && atGrade.communities[only]!.length === members.length;
  return { holds, parts, dropped };
}

export function blocsFinding(section: BlocsSection, book: FootnoteBook, ctx: SectionContext): BlocsFinding {
  const { result, atGrade } = section;
  const ties = blocTies(ctx.counted, result.communities, result.types);
  const blocs = result.communities.map((members, i): BriefBloc => ({
    rank: i + 1,
    members,
    ties: ties[i]!.map((id) => citeRelation(book, id)),
    atGrade: blocAtGrade(members, atGrade),
  }));
  const holds = blocs.every((b) => b.atGrade.holds) && atGrade.communities.length === result.communities.length;
  return {
    kind: 'blocs',
    types: result.types,
    resolution: result.resolution,
    seed: result.seed,
    modularity: result.modularity,
    graph: result.graph,
    blocs,
    unaffiliated: result.unaffiliated,
    sensitivity: { grade: ctx.grade, holds, blocs: atGrade.communities.length, modularity: atGrade.modularity },
  };
}
