/**
 * `actorscope annotations FILE [--out OUT]`: the dataset's claims as W3C Web
 * Annotations (graph/io/annotations/write-annotations.ts), one per claim, on
 * stdout or into OUT (not overwritten without --force).
 */
import { annotationsOf, writeAnnotations } from '../io/annotations/write-annotations';
import { UsageError, fileArgument, parseCommandArgs, type Io } from './common';
import { loadDataset } from './load-dataset';
import { writeOutputFile } from './output-file';
import { clean, jsonText } from './terminal';

export const ANNOTATIONS_USAGE = 'actorscope annotations FILE [--out OUT.jsonld] [--force]';

export function runAnnotations(args: string[], io: Io): number {
  const { values, positionals } = parseCommandArgs(args, { out: 'string', force: 'boolean' });
  if (values.json) throw new UsageError('annotations writes JSON-LD always; it has no --json');
  const file = fileArgument('annotations', positionals);
  const dataset = loadDataset(io, file, values);
  if (!dataset) return 1;
  if (values.out === undefined) {
    // The same JSON, bidi controls escaped for the terminal.
    io.out(jsonText(annotationsOf(dataset)));
    return 0;
  }
  const text = writeAnnotations(dataset);
  if (!writeOutputFile(io, values.out, text, values.force)) return 1;
  const claims = dataset.relations.reduce((n, r) => n + r.claims.length, 0);
  io.out(clean(`wrote ${claims} annotation${claims === 1 ? '' : 's'} (one per claim) to ${values.out}`));
  return 0;
}
