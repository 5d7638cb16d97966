/**
 * `actorscope brief`: a path question answered as a self-contained HTML
 * briefing (graph/briefing/): the picture, the paths with every hop, the
 * claims behind each as numbered footnotes, the evidence setting and what it
 * left out, and whether each path holds without its weaker claims.
 */
import { buildPathBrief, briefHtml, pathPicture, pathViewLink } from '../briefing';
import { UsageError, askWeighed, fileArgument, fileErrorText, loadDataset, parseCommandArgs, type Io } from './common';
import { printLeftOut } from './left-out';
import { actorIdOption } from './options';
import { PATH_QUESTION_OPTIONS, pathQuestionOf } from './paths';
import { clean } from './terminal';

export const BRIEF_USAGE =
  'actorscope brief FILE --from A --to B [--preset threat-chains|threats-to-partners|cooperation|any] [--types …] [--k 5] [--undirected] [--evidence …] [--min-confidence X] [--min-grade G] [--title T] [--author NAME] [--date ISO] [--link URL] [--out brief.html] [--force]';

export function runBrief(args: string[], io: Io): number {
  const { values, positionals } = parseCommandArgs(args, {
    ...PATH_QUESTION_OPTIONS,
    title: 'string',
    author: 'string',
    date: 'string',
    link: 'string',
    out: 'string',
    force: 'boolean',
  });
  if (values.json) throw new UsageError('brief writes HTML; --json is not one of its options (paths --json gives the same answer as JSON)');
  const file = fileArgument('brief', positionals);
  const q = pathQuestionOf(values);
  const date = values.date ?? new Date().toISOString();
  if (Number.isNaN(new Date(date).getTime())) throw new UsageError(`--date: "${values.date}" is not an ISO 8601 date`);
  if (values.link !== undefined && !/^https?:\/\//i.test(values.link)) throw new UsageError(`--link: "${values.link}" is not an http(s) address`);
  const dataset = loadDataset(io, file, values.format);
  if (!dataset) return 1;
  const from = actorIdOption(dataset, 'from', q.from);
  const to = actorIdOption(dataset, 'to', q.to);
  const query = { from, to, k: q.k, types: q.types, directed: q.directed, end: q.preset.end };
  const { result: paths, evidence: report } = askWeighed({ type: 'paths', dataset, evidence: q.evidence, query });
  const presetId = q.named ? q.preset.id : 'custom';
  const brief = buildPathBrief(
    {
      dataset,
      question: {
        from,
        to,
        label: q.named ? q.preset.label : 'Chosen types',
        ...(q.named ? { meaning: q.preset.meaning } : {}),
        types: q.types,
        directed: q.directed,
        k: q.k,
      },
      paths,
      evidence: q.evidence,
      ...(report ? { report } : {}),
    },
    {
      date,
      ...(values.title !== undefined ? { title: values.title } : {}),
      ...(values.author !== undefined ? { author: values.author } : {}),
      ...(values.link !== undefined
        ? { viewLink: pathViewLink(values.link, { from, to, preset: presetId, types: q.types, directed: q.directed, k: q.k, evidence: q.evidence }) }
        : {}),
    },
  );
  const html = briefHtml(brief, { svg: pathPicture(brief, dataset), alt: `The paths from ${dataset.actors.find((a) => a.id === from)?.name ?? from} to ${dataset.actors.find((a) => a.id === to)?.name ?? to}, with their legend` });
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
    const found = paths.length === 0 ? 'no path' : `${paths.length} ${paths.length === 1 ? 'path' : 'paths'}`;
    io.err(clean(`wrote ${values.out}: ${found}, ${brief.footnotes.length} ${brief.footnotes.length === 1 ? 'claim' : 'claims'} cited`));
  }
  printLeftOut(io, file, report);
  return 0;
}
