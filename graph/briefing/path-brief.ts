/**
 * A briefing's content, as data: the question (a path query), the answer
 * (every path with its hops), the claims behind every relation used as
 * numbered footnotes, the evidence setting and what it left out, and for each
 * path whether it holds without its weaker claims. brief-html.ts writes it; the
 * CLI's `brief` and the explorer's export both build it here, so a briefing
 * says the same whichever wrote it.
 */
import type { EvidenceReport, EvidenceSetting } from '../analysis/evidence-setting';
import { describeEvidence, describeLeftOut } from '../analysis/evidence-setting';
import { relationEvidence, type RelationEvidence } from '../analysis/evidence';
import type { ActorPath, PathHop } from '../analysis/paths';
import { PATH_CONFIDENCE_RULE, PATH_SIGN_RULE, WEAK_HOP_RULE } from '../analysis/paths';
import { sourceLookup } from '../model/source-lookup';
import type { Claim, Dataset, Grade, Relation, RelationType, Source } from '../model/types';
import { contentHash } from './content-hash';
import { SENSITIVITY_GRADE, sensitivity, type Sensitivity } from './sensitivity';

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

export interface BriefOptions {
  /** Defaults to "<question> — <dataset title>". */
  title?: string;
  author?: string;
  /** When the briefing was written (ISO 8601). */
  date: string;
  /** An address that reopens the same view in the explorer. */
  viewLink?: string;
  /** The grade the sensitivity line weighs the findings at. */
  sensitivityGrade?: Grade;
}

export interface Footnote {
  n: number;
  relationId: string;
  claim: Claim;
  /** The document the claim quotes, as the dataset holds it. */
  source: Source;
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

export interface BriefRelation {
  relation: Relation;
  evidence: RelationEvidence;
  notes: number[];
}

export interface Brief {
  title: string;
  author?: string;
  date: string;
  datasetTitle: string;
  hash: string;
  question: PathQuestion;
  paths: BriefPath[];
  /** Every relation a path uses, in order of first use. */
  relations: BriefRelation[];
  footnotes: Footnote[];
  evidence: { setting: string; leftOut: string | null; leftOutRelations: Relation[] };
  viewLink?: string;
  rules: string[];
  /** Actor names by id (the id itself for an actor the dataset does not hold). */
  names: ReadonlyMap<string, string>;
}

export interface PathBriefInput {
  dataset: Dataset;
  question: PathQuestion;
  paths: readonly ActorPath[];
  evidence: EvidenceSetting;
  /** What the evidence setting left out, from the analysis that found the paths. */
  report?: EvidenceReport;
}

export function buildPathBrief(input: PathBriefInput, options: BriefOptions): Brief {
  const { dataset, question } = input;
  const names = new Map(dataset.actors.map((a) => [a.id, a.name]));
  const relationById = new Map(dataset.relations.map((r) => [r.id, r]));
  const sourceOf = sourceLookup(dataset);
  const footnotes: Footnote[] = [];
  const used = new Map<string, BriefRelation>();

  const noteRelation = (id: string): BriefRelation | undefined => {
    const known = used.get(id);
    if (known) return known;
    const relation = relationById.get(id);
    if (!relation) return undefined;
    // Supporting claims first, then the disputing ones: the reader weighs them in that order.
    const ordered = [...relation.claims.filter((c) => c.stance === 'supports'), ...relation.claims.filter((c) => c.stance === 'disputes')];
    const notes = ordered.map((claim) => {
      const n = footnotes.length + 1;
      footnotes.push({ n, relationId: id, claim, source: sourceOf(claim.sourceId) });
      return n;
    });
    const entry = { relation, evidence: relationEvidence(relation), notes };
    used.set(id, entry);
    return entry;
  };

  const grade = options.sensitivityGrade ?? SENSITIVITY_GRADE;
  const paths = input.paths.map((path, i): BriefPath => {
    const hops = path.hops.map((hop) => ({ hop, notes: noteRelation(hop.relationId)?.notes ?? [] }));
    const relations = path.hops.map((h) => relationById.get(h.relationId)).filter((r): r is Relation => r !== undefined);
    return { rank: i + 1, path, hops, sensitivity: sensitivity(relations, grade) };
  });

  const leftOutIds = input.report ? [...input.report.leftOut.contested, ...input.report.leftOut.belowGrade, ...input.report.leftOut.belowConfidence] : [];
  const name = (id: string) => names.get(id) ?? id;
  return {
    title: options.title?.trim() || `${question.label}: ${name(question.from)} to ${name(question.to)} — ${dataset.meta.title}`,
    ...(options.author?.trim() ? { author: options.author.trim() } : {}),
    date: options.date,
    datasetTitle: dataset.meta.title,
    hash: contentHash(dataset),
    question,
    paths,
    relations: [...used.values()],
    footnotes,
    evidence: {
      setting: describeEvidence(input.evidence),
      leftOut: input.report ? describeLeftOut(input.report) : null,
      leftOutRelations: [...new Set(leftOutIds)].map((id) => relationById.get(id)).filter((r): r is Relation => r !== undefined),
    },
    ...(options.viewLink ? { viewLink: options.viewLink } : {}),
    rules: [PATH_SIGN_RULE, PATH_CONFIDENCE_RULE, WEAK_HOP_RULE],
    names,
  };
}
