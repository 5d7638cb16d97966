/**
 * `actorscope brief`: findings answered as a self-contained HTML briefing
 * (graph/briefing/): the path question (--from/--to, the options `paths`
 * takes), the alliance blocs (--blocs, Louvain's options as `communities`
 * takes them), the unbalanced triads (--triads, as `balance` finds them) and
 * compared actors (--compare A,B, as `compare --actors`), with the claims
 * behind every relation used as one list of numbered footnotes, the evidence
 * setting and what it left out, and whether each finding holds without its
 * weaker claims.
 */
import type { EvidenceReport } from '../analysis/evidence-setting';
import { buildBrief, briefHtml, datasetAtGrade, pathPicture, pathViewLink, SENSITIVITY_GRADE, type Section } from '../briefing';
import { applyEvidence } from '../analysis/evidence-setting';
import { UsageError, ask, askWeighed, fileArgument, fileErrorText, parseCommandArgs, type Io } from './common';
import { loadDataset } from './load-dataset';
import { COMMUNITY_OPTIONS, communityOptionsOf } from './communities';
import { checkActorCount } from './compare';
import { printLeftOut } from './left-out';
import { actorIdOption, actorIdsOption, evidenceOption, withoutActorEnds } from './options';
import { PATH_ONLY_OPTIONS, PATH_QUESTION_OPTIONS, pathQuestionOf } from './paths';
import { clean } from './terminal';

export const BRIEF_USAGE = `actorscope brief FILE [--from A --to B [--preset threat-chains|threats-to-partners|cooperation|any] [--types …] [--k 5] [--undirected]] [--blocs [--bloc-types partner,supplier] [--resolution 1] [--seed 1]] [--triads] [--compare ID,ID[,...]] [--evidence …] [--min-confidence X] [--min-grade G] [--title T] [--author NAME] [--date ISO] [--link URL] [--out brief.html] [--force]
    At least one finding: the path question (--from and --to), --blocs, --triads or --compare.
    Each finding gets a line saying whether it holds without claims below ${SENSITIVITY_GRADE}.`;

export function runBrief(args: string[], io: Io): number {
  const { values, positionals } = parseCommandArgs(args, {
    ...PATH_QUESTION_OPTIONS,
    blocs: 'boolean',
    'bloc-types': 'string',
    ...COMMUNITY_OPTIONS,
    triads: 'boolean',
    compare: 'string',
    title: 'string',
    author: 'string',
    date: 'string',
    link: 'string',
    out: 'string',
    force: 'boolean',
  });
  if (values.json) throw new UsageError('brief writes HTML; --json is not one of its options (paths --json gives the same answer as JSON)');
  const file = fileArgument('brief', positionals);
  const askedPath = values.from !== undefined || values.to !== undefined;
  if (!askedPath && !values.blocs && !values.triads && values.compare === undefined) {
    throw new UsageError('brief needs a finding to write: the path question (--from A --to B), --blocs, --triads or --compare A,B');
  }
  if (!askedPath) {
    const stray = PATH_ONLY_OPTIONS.find((o) => values[o] !== undefined && values[o] !== false);
    if (stray) throw new UsageError(`--${stray} goes with the path question (--from and --to)`);
  }
  if (!values.blocs) {
    const stray = (['bloc-types', 'resolution', 'seed'] as const).find((o) => values[o] !== undefined);
    if (stray) throw new UsageError(`--${stray} goes with --blocs`);
  }
  const q = askedPath ? pathQuestionOf(values) : null;
  const evidence = q?.evidence ?? evidenceOption(values);
  const blocOptions = values.blocs ? communityOptionsOf(values, 'bloc-types', values['bloc-types']) : null;
  if (values.compare !== undefined) checkActorCount(values.compare, 'compare');
  const date = values.date ?? new Date().toISOString();
  if (Number.isNaN(new Date(date).getTime())) throw new UsageError(`--date: "${values.date}" is not an ISO 8601 date`);
  if (values.link !== undefined && !/^https?:\/\//i.test(values.link)) throw new UsageError(`--link: "${values.link}" is not an http(s) address`);
  const dataset = loadDataset(io, file, withoutActorEnds(values));
  if (!dataset) return 1;

  const sections: Section[] = [];
  // Every analysis runs on the same graph under the same setting, so any one of them says what it left out.
  let report: EvidenceReport | undefined;
  let path: { from: string; to: string } | null = null;
  if (q) {
    const from = actorIdOption(dataset, 'from', q.from);
    const to = actorIdOption(dataset, 'to', q.to);
    path = { from, to };
    const query = { from, to, k: q.k, types: q.types, directed: q.directed, end: q.preset.end };
    const answer = askWeighed({ type: 'paths', dataset, evidence, query });
    report = answer.evidence;
    const question = {
      from,
      to,
      label: q.named ? q.preset.label : 'Chosen types',
      ...(q.named ? { meaning: q.preset.meaning } : {}),
      types: q.types,
      directed: q.directed,
      k: q.k,
    };
    sections.push({ kind: 'paths', question, paths: answer.result });
  }
  if (blocOptions) {
    const answer = askWeighed({ type: 'communities', dataset, evidence, options: blocOptions });
    report ??= answer.evidence;
    // The same question on only the relations that hold at the sensitivity grade.
    const atGrade = ask({ type: 'communities', dataset: datasetAtGrade(applyEvidence(dataset, evidence).dataset), options: blocOptions });
    sections.push({ kind: 'blocs', result: answer.result, atGrade });
  }
  if (values.triads) {
    const answer = askWeighed({ type: 'balance', dataset, evidence, options: {} });
    report ??= answer.evidence;
    sections.push({ kind: 'triads', result: answer.result });
  }
  if (values.compare !== undefined) {
    const actors = actorIdsOption(dataset, 'compare', values.compare);
    const answer = askWeighed({ type: 'compare', dataset, evidence, options: { actors } });
    report ??= answer.evidence;
    sections.push({ kind: 'compare', comparison: answer.result });
  }

  const brief = buildBrief(
    { dataset, filter: {}, evidence, ...(report ? { report } : {}), sections },
    {
      date,
      ...(values.title !== undefined ? { title: values.title } : {}),
      ...(values.author !== undefined ? { author: values.author } : {}),
      ...(values.link !== undefined && q && path
        ? { viewLink: pathViewLink(values.link, { ...path, preset: q.named ? q.preset.id : 'custom', types: q.types, directed: q.directed, k: q.k, evidence }) }
        : values.link !== undefined
          ? { viewLink: values.link }
          : {}),
    },
  );
  const nameOf = (id: string) => dataset.actors.find((a) => a.id === id)?.name ?? id;
  // The CLI has no canvas: it draws the path answer, and no picture without one.
  const picture = path ? { svg: pathPicture(brief, dataset), alt: `The paths from ${nameOf(path.from)} to ${nameOf(path.to)}, with their legend` } : undefined;
  const html = briefHtml(brief, picture);
  if (values.out === undefined) {
    io.out(html);
  } else {
    if (!values.force && io.exists(values.out)) {
      io.err(`${values.out}: exists already; give --force to overwrite it`);
      return 1;
    }
    try {
      io.writeFile(values.out, html);
    } catch (err) {
      io.err(`${values.out}: cannot write: ${fileErrorText(err, 'no such folder')}`);
      return 1;
    }
    io.err(clean(`wrote ${values.out}: ${brief.findings.map(findingCount).join(', ')}, ${brief.footnotes.length} ${brief.footnotes.length === 1 ? 'claim' : 'claims'} cited`));
  }
  printLeftOut(io, file, report);
  return 0;
}

function findingCount(f: ReturnType<typeof buildBrief>['findings'][number]): string {
  const n = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;
  switch (f.kind) {
    case 'paths':
      return f.paths.length === 0 ? 'no path' : n(f.paths.length, 'path');
    case 'blocs':
      return n(f.blocs.length, 'bloc');
    case 'triads':
      return n(f.triads.length, 'unbalanced triad');
    case 'compare':
      return n(f.actors.length, 'compared actor');
  }
}
