/** `actorscope relations`: every relation that counts, with what its evidence amounts to. */
import type { RelationRow } from '../analysis/relation-list';
import { alignedTable, askWeighed, fileArgument, parseCommandArgs, type Io } from './common';
import { loadDataset } from './load-dataset';
import { printLeftOut, withLeftOut } from './left-out';
import { jsonText } from './terminal';
import { EVIDENCE_OPTIONS, evidenceOption } from './options';

export const RELATIONS_USAGE =
  'actorscope relations FILE [--json] [--evidence all|uncontested] [--min-confidence X] [--min-grade G]';

export function runRelations(args: string[], io: Io): number {
  const { values, positionals } = parseCommandArgs(args, { ...EVIDENCE_OPTIONS, 'min-grade': 'string' });
  const file = fileArgument('relations', positionals);
  const evidence = evidenceOption(values);
  const dataset = loadDataset(io, file, values);
  if (!dataset) return 1;
  const { result: rows, evidence: report } = askWeighed({ type: 'relations', dataset, evidence });
  if (values.json) {
    io.out(jsonText(withLeftOut({ relations: rows.map(rowJson) }, report)));
    return 0;
  }
  io.out(rows.length ? toTable(rows) : 'No relation counts under this evidence setting.');
  printLeftOut(io, file, report);
  return 0;
}

/** The JSON row: claim counts for supports/disputes, independent supporting witnesses for witnesses. */
function rowJson(r: RelationRow) {
  const { id, source, target, type, confidence, witnesses, supports, disputes, contested } = r;
  return { id, source, target, type, confidence, witnesses, supports, disputes, contested };
}

function toTable(rows: readonly RelationRow[]): string {
  return alignedTable(
    ['id', 'source', 'target', 'type', 'confidence', 'witnesses', 'supports', 'disputes', 'contested', 'best grade'],
    rows.map((r) => [
      r.id,
      r.source,
      r.target,
      r.type,
      r.confidence.toFixed(3),
      String(r.witnesses),
      String(r.supports),
      String(r.disputes),
      r.contested ? 'yes' : 'no',
      r.bestGrade ?? '-',
    ]),
    4,
  );
}
