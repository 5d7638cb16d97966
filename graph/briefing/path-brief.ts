/**
 * The path question as a briefing finding: the question, every path with its
 * hops (each hop citing its relation's claims in the briefing's one footnote
 * numbering), and for each path whether it holds without its weaker claims.
 */
import type { ActorPath, PathHop } from '../analysis/paths';
import { PATH_CONFIDENCE_RULE, PATH_SIGN_RULE, WEAK_HOP_RULE } from '../analysis/paths';
import type { Relation, RelationType } from '../model/types';
import type { FootnoteBook } from './footnotes';
import { sensitivity, type Sensitivity } from './sensitivity';
import type { SectionContext } from './section-context';

export interface PathQuestion {
  from: string;
  to: string;
  /** The preset's label ("Threat chains") or "Chosen types". */
  label: string;
  /** The preset's one-line meaning, when a preset was asked. */
  meaning?: string;
  types: readonly RelationType[];
  directed: boolean;
  k: number;
}

export interface BriefHop {
  hop: PathHop;
  /** The footnotes of its relation's claims, for first. */
  notes: number[];
}

export interface BriefPath {
  rank: number;
  path: ActorPath;
  hops: BriefHop[];
  sensitivity: Sensitivity;
}

/** What the briefing is given for the path question: the question and the paths the analysis found. */
export interface PathSection {
  kind: 'paths';
  question: PathQuestion;
  paths: readonly ActorPath[];
}

export interface PathFinding {
  kind: 'paths';
  question: PathQuestion;
  paths: BriefPath[];
}

export const PATH_RULES: readonly string[] = [PATH_SIGN_RULE, PATH_CONFIDENCE_RULE, WEAK_HOP_RULE];

export function pathFinding(section: PathSection, book: FootnoteBook, ctx: SectionContext): PathFinding {
  const paths = section.paths.map((path, i): BriefPath => {
    const hops = path.hops.map((hop) => ({ hop, notes: book.cite(hop.relationId) }));
    const relations = path.hops.map((h) => ctx.relation(h.relationId)).filter((r): r is Relation => r !== undefined);
    return { rank: i + 1, path, hops, sensitivity: sensitivity(relations, ctx.grade) };
  });
  return { kind: 'paths', question: section.question, paths };
}

export function pathTitle(question: PathQuestion, name: (id: string) => string): string {
  return `${question.label}: ${name(question.from)} to ${name(question.to)}`;
}
