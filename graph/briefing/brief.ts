/**
 * A briefing's content, as data: the findings asked for (the path question,
 * the blocs, the unbalanced triads, the compared actors, in that order), the
 * claims behind every relation any of them uses as one numbered list of
 * footnotes over the whole document (footnotes.ts), the evidence setting and
 * what it left out (said once: every analysis ran on the same graph under the
 * same setting), and for each finding whether it holds without its weaker
 * claims. brief-html.ts writes it; the CLI's `brief` and the explorer's
 * export both build it here, so a briefing says the same whichever wrote it.
 */
import type { EvidenceReport, EvidenceSetting } from '../analysis/evidence-setting';
import { applyEvidence, describeEvidence, describeLeftOut } from '../analysis/evidence-setting';
import { applyFilter, type GraphFilter } from '../model/filter';
import { describeWindowReport, windowDataset, type TimeWindow } from '../analysis/time-window';
import type { Dataset, Grade, Relation } from '../model/types';
import { BLOCS_RULE, blocsFinding, type BlocsFinding, type BlocsSection } from './blocs-brief';
import { COMPARE_RULE, compareFinding, type CompareFinding, type CompareSection } from './compare-brief';
import { contentHash } from './content-hash';
import { footnoteBook, type BriefRelation, type Footnote } from './footnotes';
import { PATH_RULES, pathFinding, pathTitle, type PathFinding, type PathSection } from './path-brief';
import type { SectionContext } from './section-context';
import { SENSITIVITY_GRADE } from './sensitivity';
import { TRIADS_RULE, triadsFinding, type TriadsFinding, type TriadsSection } from './triads-brief';

export type Section = PathSection | BlocsSection | TriadsSection | CompareSection;
export type Finding = PathFinding | BlocsFinding | TriadsFinding | CompareFinding;
export type FindingKind = Finding['kind'];

/** The order findings appear in, whatever order they were asked in. */
export const FINDING_ORDER: readonly FindingKind[] = ['paths', 'blocs', 'triads', 'compare'];

export interface BriefOptions {
  /** Defaults to "<question> — <dataset title>" for one path question, "Briefing: <findings> — <dataset title>" otherwise. */
  title?: string;
  author?: string;
  /** When the briefing was written (ISO 8601). */
  date: string;
  /** An address that reopens the same view in the explorer. */
  viewLink?: string;
  /** The grade the sensitivity lines weigh the findings at. */
  sensitivityGrade?: Grade;
}

export interface Brief {
  title: string;
  author?: string;
  date: string;
  datasetTitle: string;
  hash: string;
  /** In FINDING_ORDER, one of each kind at most. */
  findings: Finding[];
  /** Every relation a finding cites, in order of first citation. */
  relations: BriefRelation[];
  footnotes: Footnote[];
  evidence: { setting: string; leftOut: string | null; leftOutRelations: Relation[] };
  /** The time window the findings hold in and what it left out; absent for all time. */
  time?: string;
  viewLink?: string;
  /** How to read the findings, for the kinds present. */
  rules: string[];
  /** Actor names by id (the id itself for an actor the dataset does not hold). */
  names: ReadonlyMap<string, string>;
}

export interface BriefInput {
  dataset: Dataset;
  /** The filter the analyses ran under; none when absent. */
  filter?: GraphFilter;
  evidence: EvidenceSetting;
  /** What the evidence setting left out, from an analysis of the briefing. */
  report?: EvidenceReport;
  /** The time window the analyses ran in; all time when absent. */
  window?: TimeWindow;
  sections: readonly Section[];
}

const FINDING_WORDS: Record<FindingKind, string> = { paths: 'paths', blocs: 'alliance blocs', triads: 'unbalanced triads', compare: 'compared actors' };

const RULES: Record<FindingKind, readonly string[]> = { paths: PATH_RULES, blocs: [BLOCS_RULE], triads: [TRIADS_RULE], compare: [COMPARE_RULE] };

export function buildBrief(input: BriefInput, options: BriefOptions): Brief {
  const { dataset } = input;
  if (input.sections.length === 0) throw new RangeError('briefing: no section asked (paths, blocs, triads or compare)');
  const kinds = input.sections.map((s) => s.kind);
  const twice = kinds.find((k, i) => kinds.indexOf(k) !== i);
  if (twice) throw new RangeError(`briefing: the ${FINDING_WORDS[twice]} are asked twice`);

  const names = new Map(dataset.actors.map((a) => [a.id, a.name]));
  // In a time window, a relation is cited with its claims there (the ones the findings rest on).
  const windowed = input.window ? windowDataset(dataset, input.window) : null;
  const cited = windowed?.dataset ?? dataset;
  const relationById = new Map(cited.relations.map((r) => [r.id, r]));
  const name = (id: string) => names.get(id) ?? id;
  const counted = applyEvidence(applyFilter(cited, input.filter), input.evidence).dataset;
  const ctx: SectionContext = { relation: (id) => relationById.get(id), counted, name, grade: options.sensitivityGrade ?? SENSITIVITY_GRADE };
  const book = footnoteBook(cited);

  const sections = [...input.sections].sort((a, b) => FINDING_ORDER.indexOf(a.kind) - FINDING_ORDER.indexOf(b.kind));
  const findings = sections.map((s): Finding => {
    switch (s.kind) {
      case 'paths':
        return pathFinding(s, book, ctx);
      case 'blocs':
        return blocsFinding(s, book, ctx);
      case 'triads':
        return triadsFinding(s, book, ctx);
      case 'compare':
        return compareFinding(s, book, ctx);
    }
  });

  const leftOutIds = input.report ? [...input.report.leftOut.contested, ...input.report.leftOut.belowGrade, ...input.report.leftOut.belowConfidence] : [];
  const only = findings.length === 1 && findings[0]!.kind === 'paths' ? findings[0] : null;
  const defaultTitle = only
    ? `${pathTitle(only.question, name)} — ${dataset.meta.title}`
    : `Briefing: ${findings.map((f) => FINDING_WORDS[f.kind]).join(', ')} — ${dataset.meta.title}`;
  return {
    title: options.title?.trim() || defaultTitle,
    ...(options.author?.trim() ? { author: options.author.trim() } : {}),
    date: options.date,
    datasetTitle: dataset.meta.title,
    hash: contentHash(dataset),
    findings,
    relations: book.relations(),
    footnotes: book.footnotes(),
    evidence: {
      setting: describeEvidence(input.evidence),
      leftOut: input.report ? describeLeftOut(input.report) : null,
      leftOutRelations: [...new Set(leftOutIds)].map((id) => relationById.get(id)).filter((r): r is Relation => r !== undefined),
    },
    ...(windowed ? { time: describeWindowReport(windowed.report, dataset.relations.length) } : {}),
    ...(options.viewLink ? { viewLink: options.viewLink } : {}),
    rules: findings.flatMap((f) => RULES[f.kind]),
    names,
  };
}

/** The finding of a kind, if the briefing holds one. */
export function findingOf<K extends FindingKind>(brief: Pick<Brief, 'findings'>, kind: K): Extract<Finding, { kind: K }> | undefined {
  return brief.findings.find((f): f is Extract<Finding, { kind: K }> => f.kind === kind);
}

/** A briefing of the path question alone (the CLI's and the explorer's first briefing). */
export function buildPathBrief(
  input: Omit<BriefInput, 'sections'> & Pick<PathSection, 'question' | 'paths'>,
  options: BriefOptions,
): Brief {
  const { question, paths, ...rest } = input;
  return buildBrief({ ...rest, sections: [{ kind: 'paths', question, paths }] }, options);
}
