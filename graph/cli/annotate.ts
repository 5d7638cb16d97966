/**
 * `actorscope annotate FILE ANNOTATIONS --out OUT`: W3C Web Annotations
 * (ours, or any carrying our `actorscope:Claim` body) added to FILE's
 * claims (graph/io/annotations/read-annotations.ts: matched to its sources,
 * actors and relations, every quote checked against its source's text),
 * written to OUT in the format its extension names (write-dataset.ts, as
 * convert and add-source write). Nothing is written unless every annotation
 * reads (errors: exit 1, each at its JSON path in ANNOTATIONS); OUT is not
 * overwritten without --force.
 */
import { decodeBytes } from '../io/decode';
import { readAnnotations } from '../io/annotations/read-annotations';
import { UsageError, parseCommandArgs, printProblems, readInputFile, type Io } from './common';
import { loadDataset } from './load-dataset';
import { outputFormat, writeDataset } from './write-dataset';
import { clean } from './terminal';

export const ANNOTATE_USAGE = 'actorscope annotate FILE ANNOTATIONS --out OUT [--force]';

export function runAnnotate(args: string[], io: Io): number {
  const { values, positionals } = parseCommandArgs(args, { out: 'string', force: 'boolean' });
  if (values.json) throw new UsageError('annotate writes our JSON to --out; it has no --json');
  const [file, annotationsFile, ...rest] = positionals;
  if (!file || !annotationsFile) throw new UsageError('annotate needs FILE and ANNOTATIONS');
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
  if (values.out === undefined) throw new UsageError('annotate needs --out OUT (FILE is left as it is)');
  const format = outputFormat(values.out, undefined);
  const dataset = loadDataset(io, file, values);
  if (!dataset) return 1;
  const input = readInputFile(io, annotationsFile);
  if (!input) return 1;
  let text: string;
  if ('bytes' in input) {
    const decoded = decodeBytes(input.bytes);
    if (!decoded.ok) {
      printProblems(io, annotationsFile, [decoded.problem]);
      return 1;
    }
    printProblems(io, annotationsFile, decoded.warnings);
    text = decoded.text;
  } else text = input.text;
  const read = readAnnotations(text, dataset);
  if (!read.ok) {
    printProblems(io, annotationsFile, read.problems);
    io.err(`${clean(annotationsFile)}: not added; nothing written`);
    return 1;
  }
  printProblems(io, annotationsFile, read.warnings);
  io.out(clean(`added ${read.added} claim${read.added === 1 ? '' : 's'} (${read.matched} already there) from ${annotationsFile}`));
  if (!writeDataset(io, read.dataset, values.out, { format, force: values.force })) return 1;
  return 0;
}
