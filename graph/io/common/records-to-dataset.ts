/**
 * The one step from records to a dataset, which every reader of other
 * tools' files and of ours ends in: a reader parses its file into records
 * (records.ts) and hands each to a RecordMapper, which makes the raw actor or
 * relation (record-actors.ts, record-relations.ts); `recordsToDataset` then
 * gives the raw lists to restore() and reports (finish.ts).
 *
 * What differs per family is the `Dialect` the reader hands over: which names
 * give which field, how names are matched, and the few rules whose wording or
 * result the families have always had their own way (each named below).
 */
import type { Dataset } from '../../model/types';
import type { Problem } from '../../schema/problems';
import type { FormatId, FormatImportResult } from '../format';
import { envelope, finishImport, placeByPath, type SourceMap } from './finish';
import type { ProblemLog } from './problem-log';
import { mapActor } from './record-actors';
import { mapRelation } from './record-relations';
import type { ActorRecord, Bag, RelationRecord } from './records';
import type { Dialect, MappingContext } from './dialect';
import { UnknownTypeTally } from './relation-type';

/** A count over the records with where the first one is. */
export interface Count {
  count: number;
  at: string;
}

const count = (c: Count, at: string) => {
  if (c.count++ === 0) c.at = at;
};

/** Maps the records of one import; counts what the readers sum up at the end. */
export class RecordMapper implements MappingContext {
  readonly typeTally: UnknownTypeTally;
  /** Actors without a kind; relations without a type; undirected relations of other tools' files; countries that are no code. */
  readonly noKind: Count = { count: 0, at: '' };
  readonly untyped: Count = { count: 0, at: '' };
  readonly undirected: Count = { count: 0, at: '' };
  badCountries = 0;

  constructor(
    readonly dialect: Dialect,
    readonly log: ProblemLog,
    readonly own: { actors: boolean; relations: boolean },
  ) {
    this.typeTally = new UnknownTypeTally(log);
  }

  actor(record: ActorRecord): Bag {
    const { actor, hasKind } = mapActor(record, this);
    if (!hasKind) count(this.noKind, record.at);
    return actor;
  }

  relation(record: RelationRecord): Bag {
    const { relation, typed, markedUndirected } = mapRelation(record, this);
    if (!typed) count(this.untyped, record.at);
    if (markedUndirected && !this.own.relations) count(this.undirected, record.at);
    return relation;
  }
}

/**
 * How restore()'s problems are told: at each field's place in the file,
 * reported together with the reader's (CSV, JSON bags); or at each element,
 * named, after the reader's have refused the file first (graph files).
 */
export type Placement =
  | { by: 'field'; map: SourceMap; own: boolean }
  | { by: 'element'; fromRestore: (problems: Problem[], dataset: Dataset | null) => Problem[] };

export interface RecordSet {
  format: FormatId;
  log: ProblemLog;
  version?: unknown;
  meta: unknown;
  sources?: unknown[];
  actors: unknown[];
  relations: unknown[];
  placement: Placement;
  actorsRead: number;
  relationsRead: number;
}

export function recordsToDataset(set: RecordSet): FormatImportResult {
  const { placement } = set;
  return finishImport({
    format: set.format,
    input: envelope({ version: set.version, meta: set.meta, sources: set.sources, actors: set.actors, relations: set.relations }),
    log: set.log,
    fromRestore: placement.by === 'field' ? placeByPath(placement.map, placement.own) : placement.fromRestore,
    reporting: placement.by === 'field' ? 'together' : 'reader-first',
    // placeByPath drops them for other tools' files: not made at all (50,000 at 10k/50k).
    evidenceNotes: placement.by !== 'field' || placement.own,
    actorsRead: set.actorsRead,
    relationsRead: set.relationsRead,
  });
}
