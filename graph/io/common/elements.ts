/**
 * Files of elements (GEXF and GraphML, other tools' node-link JSON) → a
 * dataset. A format reader turns its file into `FileNode`s and `FileEdge`s
 * whose values are already typed (value-typing.ts); `buildImport` then makes
 * the actors (element-actors.ts), the relations (element-relations.ts) and
 * the meta, and ends in finishImport (finish.ts), restore()'s problems placed
 * on the elements (element-report.ts).
 *
 * Two modes, per element class: files from other tools ("foreign"), and files
 * Actorscope wrote ("own", recognised by attributes declared with the
 * `actorscope:` prefix, own-names.ts), so `read(write(d))` gives `d` back.
 * Errors (an edge to a missing node, a broken `actorscope:` JSON field,
 * anything restore() refuses) refuse the whole file: no partial import.
 */
import type { AttributeValue } from '../../model/types';
import { describeValue } from '../../schema/problems';
import type { FormatId, FormatImportResult } from '../format';
import { readActors, type ActorsRead } from './element-actors';
import { readRelations, type RelationsRead } from './element-relations';
import { placeOnElements } from './element-report';
import { parseJsonField } from './element-values';
import { envelope, finishImport } from './finish';
import { OWN } from './own-names';
import type { ProblemLog } from './problem-log';

/** A typed attribute value from a file, located. */
export interface FileValue {
  name: string;
  value: AttributeValue;
  at: string;
}

/**
 * Where a node's name may come from, in order of preference: a value (by
 * name: case-insensitive unless `exact`; text values only), or a text the
 * format found natively (GEXF label, yEd label, `<desc>`). A text that is not
 * used as the name is kept as the attribute `keepAs`, if given.
 */
export type NameSource = { value: string; exact?: boolean } | { text: string | null; keepAs?: string };

export interface FileNode {
  id: string;
  at: string;
  names: NameSource[];
  values: FileValue[];
}

export interface FileEdge {
  /** null: the file gives none (a relation id is generated). */
  id: string | null;
  source: string;
  target: string;
  at: string;
  directed: boolean;
  /** GEXF 1.3 edge `kind`. */
  nativeKind?: string | null;
  /** GEXF edge `label`, yEd edge label. */
  nativeLabel?: string | null;
  values: FileValue[];
}

export interface FileGraph {
  format: Extract<FormatId, 'gexf' | 'graphml' | 'node-link'>;
  /** File name, for the title when the file has none. */
  fileName: string;
  title: string | null;
  description: string | null;
  /** The `actorscope:meta` JSON text, if Actorscope wrote the file. */
  ownMeta: { text: string; at: string } | null;
  /** Node (edge) attributes declared with the `actorscope:` prefix: read as our own. */
  ownNodes: boolean;
  ownEdges: boolean;
  nodes: FileNode[];
  edges: FileEdge[];
}

const FORMAT_LABEL = { gexf: 'GEXF', graphml: 'GraphML', 'node-link': 'node-link JSON' } as const;

/** The meta step: the file's title (else its name) and description, or the `actorscope:meta` we wrote. */
function readMeta(file: FileGraph, log: ProblemLog): unknown {
  let meta: unknown = { title: file.title?.trim() ? file.title : (file.fileName.replace(/^.*[\\/]/, '') || 'Untitled') };
  if (file.description !== null && file.description.trim() !== '') (meta as Record<string, unknown>).description = file.description;
  if (file.ownMeta) {
    const parsed = parseJsonField(log, { name: OWN.meta, value: file.ownMeta.text, at: file.ownMeta.at }, 'object', 'dataset description');
    if (parsed !== undefined) meta = parsed;
  }
  return meta;
}

/** How restore()'s messages name each record: by its id, or (no id) by its ends and position. */
function recordNames(actors: ActorsRead, relations: RelationsRead) {
  return {
    actors: actors.actors.map((a) => `actor ${describeValue(a.id)}`),
    relations: relations.relations.map((r, i) => (r.id !== undefined ? `relation ${describeValue(r.id)}` : `the relation from ${describeValue(r.source)} to ${describeValue(r.target)} (edge ${i + 1})`)),
  };
}

/** File nodes and edges → a restored dataset and the report. */
export function buildImport(file: FileGraph, log: ProblemLog): FormatImportResult {
  const actors = readActors(file, log);
  const relations = readRelations(file, actors.firstAt, log);
  const meta = readMeta(file, log);
  const places = { at: { actors: actors.actorsAt, relations: relations.relationsAt }, names: recordNames(actors, relations) };
  return finishImport({
    format: file.format,
    input: envelope({ meta, actors: actors.actors, relations: relations.relations }),
    log,
    fromRestore: placeOnElements({ places, log, ownEdges: file.ownEdges, formatLabel: FORMAT_LABEL[file.format] }),
    reporting: 'reader-first',
    actorsRead: file.nodes.length,
    relationsRead: file.edges.length,
  });
}
