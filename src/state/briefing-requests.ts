/**
 * The analyses a briefing asks of the core worker, one per finding chosen in
 * Export → Briefing: the Paths tab's question (path-request.ts), the blocs,
 * the balance and the comparison as their panels ask them (or with the
 * panels' defaults when never opened), and the blocs once more on only the
 * relations that hold without claims below the sensitivity grade. Nothing
 * heavy runs on the UI thread: Louvain, the balance and the metrics all run
 * in the worker; here the dataset is only filtered for the second blocs run.
 */
import {
  DEFAULT_COMMUNITY_TYPES,
  DEFAULT_SIGNS,
  PATH_PRESETS,
  applyEvidence,
  applyFilter,
  datasetAtGrade,
  type Dataset,
  type EvidenceSetting,
  type FindingKind,
  type GraphFilter,
  type Request,
  type Result,
  type Section,
  type TimeWindow,
  windowDataset,
} from '../../graph';
import { onGraph } from './on-graph';
import { core } from '../workers/core';
import { pathsInWorker } from './file-requests';
import type { PathQueryState } from './app-state';
import type { OpenAnalyses } from './open-analyses';
import type { PathsRequest } from './path-request';

export interface BriefingContext {
  dataset: Dataset;
  filter: GraphFilter;
  evidence: EvidenceSetting;
  window: TimeWindow | null;
}

/** The questions of a briefing: null for a finding that cannot be asked now. */
export interface BriefingQuestions {
  paths: { request: PathsRequest; query: PathQueryState } | null;
  blocs: NonNullable<OpenAnalyses['blocs']>;
  balance: NonNullable<OpenAnalyses['balance']>;
  compare: OpenAnalyses['compare'] | null;
}

/** The blocs panel's defaults (BlocsPanel.tsx), for a briefing asked before the panel was opened. */
export const DEFAULT_BLOCS_QUESTION: NonNullable<OpenAnalyses['blocs']> = { types: [...DEFAULT_COMMUNITY_TYPES], resolution: 1 };
export const DEFAULT_BALANCE_QUESTION: NonNullable<OpenAnalyses['balance']> = { signs: DEFAULT_SIGNS };

function ask<R extends Request>(request: R): Promise<Result<R>> {
  return core().request(request);
}

/** The sections of the chosen findings, each answered in the worker. */
export async function briefingSectionsInWorker(chosen: ReadonlySet<FindingKind>, q: BriefingQuestions, ctx: BriefingContext): Promise<Section[]> {
  const question = onGraph(ctx);
  const jobs: Array<Promise<Section>> = [];
  if (chosen.has('paths')) {
    if (!q.paths) throw new Error('ask a question in the Paths tab first (From and To)');
    const { request, query } = q.paths;
    const preset = query.preset === 'custom' ? null : PATH_PRESETS[query.preset];
    const question = {
      from: request.query.from,
      to: request.query.to,
      label: preset?.label ?? 'Chosen types',
      ...(preset ? { meaning: preset.meaning } : {}),
      types: preset?.types ?? query.types,
      directed: preset?.directed ?? query.directed,
      k: query.k,
    };
    jobs.push(pathsInWorker(request).then((paths) => ({ kind: 'paths', question, paths })));
  }
  if (chosen.has('blocs')) {
    const options = q.blocs;
    const graded = datasetAtGrade(applyEvidence(applyFilter(ctx.window ? windowDataset(ctx.dataset, ctx.window).dataset : ctx.dataset, ctx.filter), ctx.evidence).dataset);
    jobs.push(
      Promise.all([ask({ type: 'communities', ...question, options }), ask({ type: 'communities', dataset: graded, options })]).then(([result, atGrade]) => ({
        kind: 'blocs',
        result,
        atGrade,
      })),
    );
  }
  if (chosen.has('triads')) {
    const options = q.balance;
    jobs.push(ask({ type: 'balance', ...question, options }).then((result) => ({ kind: 'triads', result, ...(options.signs ? { signs: options.signs } : {}) })));
  }
  if (chosen.has('compare')) {
    if (!q.compare) throw new Error('choose two actors in the Compare tab first');
    const options = q.compare;
    jobs.push(ask({ type: 'compare', ...question, options }).then((comparison) => ({ kind: 'compare', comparison })));
  }
  return Promise.all(jobs);
}
