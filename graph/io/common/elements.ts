/**
 * Files of elements (GEXF and GraphML, other tools' node-link JSON): the
 * element readers hand over their nodes and edges as records (records.ts)
 * whose values are already typed (value-typing.ts); `buildImport` drops
 * repeated node ids, checks the edges' ends and ids, decodes our own
 * `actorscope:` fields, maps every record in the one step
 * (records-to-dataset.ts) with the graph files' dialect, sums up, and places
 * restore()'s problems on the elements (element-report.ts).
 *
 * Two modes, per element class: files from other tools ("foreign"), and files
 * Actorscope wrote ("own", recognised by attributes declared with the
 * `actorscope:` prefix, own-names.ts), so `read(write(d))` gives `d` back.
 * Errors (an edge to a missing node, a broken `actorscope:` JSON field,
 * anything restore() refuses) refuse the whole file: no partial import.
 */
import { withSourceIds } from '../../schema/version1-sources';
import { describeValue } from '../../schema/problems';
import type { FormatId, FormatImportResult } from '../format';
import { placeOnElements } from './element-report';
import { DERIVED_NAMES, OWN } from './own-names';
import type { ProblemLog } from './problem-log';
import { parseJsonField, takeValue, textOfValue } from './record-values';
import type { Dialect } from './dialect';
import { RecordMapper, recordsToDataset } from './records-to-dataset';
import type { ActorRecord, Bag, FileValue, RelationRecord } from './records';
import { parseNumber } from './value-typing';

export interface FileGraph {
  format: Extract<FormatId, 'gexf' | 'graphml' | 'node-link'>;
  /** File name, for the title when the file has none. */
  fileName: string;
  title: string | null;
  description: string | null;
  /** The `actorscope:meta` JSON text, if Actorscope wrote the file. */
  ownMeta: { text: string; at: string } | null;
  /** The `actorscope:sources` JSON text, if Actorscope (format version 2 or later) wrote the file. */
  ownSources: { text: string; at: string } | null;
  /** Node (edge) attributes declared with the `actorscope:` prefix: read as our own. */
  ownNodes: boolean;
  ownEdges: boolean;
  nodes: ActorRecord[];
  edges: RelationRecord[];
}

/** `"[a, b]"`, `"a|b"`, `"a; b"`, a JSON list, or one alias. */
function parseAliases(text: string): string[] {
  const t = text.trim();
  if (t === '') return [];
  if (t.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(t);
      if (Array.isArray(parsed) && parsed.every((a) => typeof a === 'string')) return parsed.map((a) => a.trim()).filter((a) => a !== '');
    } catch {
      // not JSON: GEXF liststring "[a, b]"
    }
    return t.slice(1, t.endsWith(']') ? -1 : undefined).split(',').map((a) => a.trim()).filter((a) => a !== '');
  }
  return t.split(/[|;]/).map((a) => a.trim()).filter((a) => a !== '');
}

/** The graph files' dialect: names matched case-insensitively; counted warnings, one per attribute or type. */
const ELEMENT_DIALECT: Dialect = {
  match: 'folded',
  actor: { kind: { names: ['kind', 'type', 'category'] }, aliases: { names: ['aliases', 'alias'] }, country: { names: ['country'] }, notes: { names: ['notes'] } },
  relation: { type: { names: ['type', 'relation', 'kind'] }, typeAfterNative: { names: ['label'] }, notes: { names: ['notes'] } },
  parseAliases,
  keepCountry(log, value, code) {
    log.tally('country', value.at, (n, first) =>
      `${n === 1 ? `country ${first} is not an ISO 3166-1 alpha-2 code` : `${n} country values (the first ${first}) are not ISO 3166-1 alpha-2 codes`}; kept as the attribute "country"`, describeValue(code));
    return 'country';
  },
  unknownTypes: 'tally',
  originalType: 'first',
  ownFields: 'lenient',
  ownPrefix: OWN.attr,
  repeatedAttribute(log, owner, name, at) {
    log.tally(`twice:${owner}:${name}`, at, (n) => `${owner} attribute ${JSON.stringify(name)} is given twice on ${n === 1 ? 'one element' : `${n} elements`}; the first value is kept`);
  },
};

/** Takes one of our fields out of the values, tagged for the mapping: `decode` gives its value (undefined: none). */
function tagOwn(values: FileValue[], name: string, field: FileValue['field'], decode: (v: FileValue) => unknown): void {
  const v = takeValue(values, field!, { names: [name] }, 'exact');
  if (!v) return;
  const value = decode(v);
  if (value !== undefined) values.push({ ...v, value, field });
}

/** Our `actorscope:` fields of a node, decoded (JSON errors at the value) and tagged. */
function ownNodeValues(node: ActorRecord, log: ProblemLog): FileValue[] {
  const values = node.values.slice();
  tagOwn(values, OWN.kind, 'kind', (v) => (textOfValue(v.value) !== '' ? textOfValue(v.value) : undefined));
  tagOwn(values, OWN.aliases, 'aliases', (v) => {
    const list = parseJsonField(log, v, 'list', 'aliases');
    if (!Array.isArray(list)) return undefined;
    if (list.every((a) => typeof a === 'string')) return list;
    log.error(v.at, `${OWN.aliases} must be a JSON list of names`);
    return undefined;
  });
  tagOwn(values, OWN.country, 'country', (v) => textOfValue(v.value));
  tagOwn(values, OWN.notes, 'notes', (v) => textOfValue(v.value));
  tagOwn(values, OWN.nulls, 'nulls', (v) => parseJsonField(log, v, 'list', 'names of null attributes'));
  return values;
}

/** Our `actorscope:` fields of an edge, decoded and tagged; the derived ones (DERIVED: mutual, the evidence summed up) dropped, as the type and claims say them. */
function ownEdgeValues(edge: RelationRecord, log: ProblemLog): FileValue[] {
  const values = edge.values.filter((v) => !DERIVED_NAMES.has(v.name));
  tagOwn(values, OWN.type, 'type', (v) => v.value);
  tagOwn(values, OWN.notes, 'notes', (v) => v.value);
  tagOwn(values, OWN.claims, 'claims', (v) => parseJsonField(log, v, 'list', 'claims'));
  tagOwn(values, OWN.nulls, 'nulls', (v) => parseJsonField(log, v, 'list', 'names of null attributes'));
  return values;
}

/** Raw actors and relations, with where each element is in the file. */
interface Mapped {
  actors: Bag[];
  actorsAt: string[];
  relations: Bag[];
  relationsAt: string[];
}

/** Nodes → actors; a repeated node id is dropped (the first kept), with a warning. Returns node id → where it is first defined. */
function readActors(file: FileGraph, m: RecordMapper, out: Mapped): Map<string, string> {
  const { log } = m;
  const firstAt = new Map<string, string>();
  for (const node of file.nodes) {
    const seen = firstAt.get(node.id);
    if (seen !== undefined) {
      log.warnCapped('duplicate-node', node.at, `node id ${describeValue(node.id)} is used already at ${seen}; this node is dropped, the first is kept`,
        (more) => `${more} more nodes repeat an id used before; dropped`);
      continue;
    }
    firstAt.set(node.id, node.at);
    out.actors.push(m.actor(file.ownNodes ? { ...node, values: ownNodeValues(node, log) } : node));
    out.actorsAt.push(node.at);
  }
  const { count } = m.noKind;
  const total = out.actors.length;
  if (count > 0 && total > 0) {
    const names = file.ownNodes ? `"${OWN.kind}"` : 'kind, type or category';
    log.warn(m.noKind.at, count === total
      ? `no node attribute gives the actor kind (${names}): ${total === 1 ? 'the actor is' : `all ${total} actors are`} read as "organization"`
      : `${count} of ${total} actors ${count === 1 ? 'has' : 'have'} no kind (${names}): read as "organization"`);
  }
  return firstAt;
}

/** Edge ends that name no node are errors; an edge id used by several edges is dropped (a generated id), with a warning. Returns the id kept. */
function checkEdge(edge: RelationRecord, nodes: ReadonlyMap<string, string>, edgeIds: Map<string, number>, firstEdgeAt: Map<string, string>, log: ProblemLog): string | null {
  for (const end of ['source', 'target'] as const) {
    if (!nodes.has(edge[end])) {
      log.errorCapped('missing-node', edge.at, `edge ${edge.id !== null ? `${describeValue(edge.id)} ` : ''}points at the ${end} node ${describeValue(edge[end])}, which the file does not define`,
        (more) => `${more} more edge ends point at nodes the file does not define`);
    }
  }
  if (edge.id === null) return null;
  if (edgeIds.get(edge.id) === 1) return edge.id;
  const first = firstEdgeAt.get(edge.id);
  if (first === undefined) firstEdgeAt.set(edge.id, edge.at);
  log.warnCapped('duplicate-edge', edge.at, `edge id ${describeValue(edge.id)} is used by ${edgeIds.get(edge.id)} edges${first ? ` (first at ${first})` : ''}; this relation gets a generated id`,
    (more) => `${more} more edges share an id; they get generated ids`);
  return null;
}

/** Edges → relations. `nodes`: node id → where it is defined. */
function readRelations(file: FileGraph, nodes: ReadonlyMap<string, string>, m: RecordMapper, out: Mapped): void {
  const edgeIds = new Map<string, number>();
  for (const edge of file.edges) if (edge.id !== null) edgeIds.set(edge.id, (edgeIds.get(edge.id) ?? 0) + 1);
  const firstEdgeAt = new Map<string, string>();
  for (const edge of file.edges) {
    const id = checkEdge(edge, nodes, edgeIds, firstEdgeAt, m.log);
    const values = file.ownEdges ? ownEdgeValues(edge, m.log) : edge.values;
    out.relations.push(m.relation({ ...edge, id, values }));
    out.relationsAt.push(edge.at);
  }
  warnRelations(file, out, m);
}

/** The sums over all edges: untyped, undirected, text weights. */
function warnRelations(file: FileGraph, out: Mapped, m: RecordMapper): void {
  const { relations, relationsAt } = out;
  const { log, untyped } = m;
  if (untyped.count > 0) {
    const names = file.ownEdges ? `"${OWN.type}"` : 'type, relation, kind or label';
    log.warn(untyped.at, untyped.count === relations.length
      ? `no edge attribute gives the relation type (${names}): ${relations.length === 1 ? 'the relation is' : `all ${relations.length} relations are`} read as "other"`
      : `${untyped.count} of ${relations.length} relations ${untyped.count === 1 ? 'has' : 'have'} no type (${names}): read as "other"`);
  }
  const n = m.undirected.count;
  if (n > 0) {
    log.warn(m.undirected.at, `${n === 1 ? 'one relation is' : `${n} relations are`} undirected in the file, which does not say which way ${n === 1 ? 'it points' : 'they point'}: kept as written (source → target), marked attributes.undirected = true`);
  }
  // Said of files from other tools (igraph's text weights), not of our own data coming back.
  const weightOf = (r: Bag) => (r.attributes as Bag | undefined)?.weight;
  const textWeights = file.ownEdges ? [] : relations.filter((r) => typeof weightOf(r) === 'string' && parseNumber(weightOf(r) as string) === null);
  if (textWeights.length > 0) {
    const i = relations.indexOf(textWeights[0]!);
    log.warn(relationsAt[i]!, `the edge attribute "weight" holds text (${describeValue(weightOf(textWeights[0]!))}${textWeights.length > 1 ? ` and ${textWeights.length - 1} more` : ''}), not numbers: kept as text; it cannot weight metrics`);
  }
}

const FORMAT_LABEL = { gexf: 'GEXF', graphml: 'GraphML', 'node-link': 'node-link JSON' } as const;

/** The meta step: the file's title (else its name) and description, or the `actorscope:meta` we wrote. */
function readMeta(file: FileGraph, log: ProblemLog): unknown {
  let meta: unknown = { title: file.title?.trim() ? file.title : (file.fileName.replace(/^.*[\\/]/, '') || 'Untitled') };
  if (file.description !== null && file.description.trim() !== '') (meta as Bag).description = file.description;
  if (file.ownMeta) {
    const parsed = parseJsonField(log, { name: OWN.meta, value: file.ownMeta.text, at: file.ownMeta.at }, 'object', 'dataset description');
    if (parsed !== undefined) meta = parsed;
  }
  return meta;
}

/**
 * The sources step: the `actorscope:sources` we wrote; or, in a file written
 * before sources had ids (version 1), the `sources` of its meta, given ids.
 */
function readSources(file: FileGraph, meta: unknown, log: ProblemLog): unknown[] | undefined {
  if (file.ownSources) {
    const parsed = parseJsonField(log, { name: OWN.sources, value: file.ownSources.text, at: file.ownSources.at }, 'list', 'sources');
    return Array.isArray(parsed) ? parsed : undefined;
  }
  if (typeof meta === 'object' && meta !== null && Array.isArray((meta as Bag).sources)) {
    const listed = (meta as Bag).sources as unknown[];
    delete (meta as Bag).sources;
    return withSourceIds(listed);
  }
  return undefined;
}

/** How restore()'s messages name each record: by its id, or (no id) by its ends and position. */
function recordNames(out: Mapped) {
  return {
    actors: out.actors.map((a) => `actor ${describeValue(a.id)}`),
    relations: out.relations.map((r, i) => (r.id !== undefined ? `relation ${describeValue(r.id)}` : `the relation from ${describeValue(r.source)} to ${describeValue(r.target)} (edge ${i + 1})`)),
  };
}

/** File nodes and edges → a restored dataset and the report. */
export function buildImport(file: FileGraph, log: ProblemLog): FormatImportResult {
  const m = new RecordMapper(ELEMENT_DIALECT, log, { actors: file.ownNodes, relations: file.ownEdges });
  const out: Mapped = { actors: [], actorsAt: [], relations: [], relationsAt: [] };
  const nodes = readActors(file, m, out);
  readRelations(file, nodes, m, out);
  const meta = readMeta(file, log);
  const sources = readSources(file, meta, log);
  const places = { at: { actors: out.actorsAt, relations: out.relationsAt }, names: recordNames(out) };
  return recordsToDataset({
    format: file.format,
    log,
    meta,
    sources,
    actors: out.actors,
    relations: out.relations,
    placement: { by: 'element', fromRestore: placeOnElements({ places, log, ownEdges: file.ownEdges, formatLabel: FORMAT_LABEL[file.format] }) },
    actorsRead: file.nodes.length,
    relationsRead: file.edges.length,
  });
}
