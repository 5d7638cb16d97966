/**
 * Cytoscape.js JSON: what `cy.json()` writes and `cy.json(obj)` / `cy.add()`
 * accept — `{elements: {nodes: [{data: {id, …}, position}], edges: [{data: {id?, source, target, …}}]}}`,
 * `elements` as one flat list whose items say `group: "nodes" | "edges"` (or
 * are told apart by having a source and target), or a bare list of elements.
 * Cytoscape desktop's `.cyjs` export is the first shape (`name`, `interaction`,
 * `SUID`, `selected` in data).
 *
 * The mapping is graphology-json.ts's (shared): `data.name`/`data.label` →
 * name, `data.type`/`relation`/`kind`/`interaction`/`label` → relation type,
 * other data → attributes, nested values → JSON text (warned), `position` →
 * attributes `x`, `y`. Errors name the element: `elements.edges[3].data.target:
 * "x" is not the id of any node`.
 *
 * Written files hold `data.actorscope = {version, meta}` and our fields in each
 * element's data (kind, aliases, country, notes, type, claims), so they
 * round-trip. Cytoscape keeps node and edge ids in one namespace: a relation
 * whose id is also an actor's is written with another element id and its own
 * in `data.relationId`.
 */
import type { Dataset } from '../../model/types';
import { ProblemList, describeValue } from '../../schema/problems';
import { finishImport, readOneJsonFile, titleFromName, type RawDataset, type SourceMap } from './actorscope-json';
import type { FileFormat, FormatImportResult, OutputFile } from '../format';
import {
  actorBag,
  bag,
  bagFieldPath,
  hasOwn,
  idText,
  isPlainObject,
  newBagContext,
  ownMarker,
  readActorBag,
  readRelationBag,
  relationBag,
  warnUntyped,
  type Bag,
} from './graphology-json';

interface Element {
  value: Bag;
  path: string;
}

/** An already-parsed Cytoscape.js JSON value → restored dataset. */
export function readCytoscapeValue(value: unknown, fileName: string): FormatImportResult {
  const problems = new ProblemList();
  const fail = () => ({ ok: false as const, format: 'cytoscape-json' as const, problems: problems.items });

  // Find the elements, in whichever of the three shapes.
  let list: unknown[] | null = null;
  let listPath = '';
  const nodes: Element[] = [];
  const edges: Element[] = [];
  let grouped: { nodes: unknown; edges: unknown } | null = null;
  if (Array.isArray(value)) {
    list = value;
  } else if (isPlainObject(value)) {
    const elements = value.elements;
    if (Array.isArray(elements)) {
      list = elements;
      listPath = 'elements';
    } else if (isPlainObject(elements)) {
      grouped = { nodes: elements.nodes, edges: elements.edges };
    } else {
      problems.error(
        'elements',
        `${elements === undefined ? 'missing' : `expected {nodes, edges} or a list, found ${describeValue(elements)}`}: Cytoscape.js JSON keeps its graph in elements${
          Array.isArray(value.nodes) ? ' (a top-level nodes list is graphology or node-link JSON)' : ''
        }`,
      );
      return fail();
    }
  } else {
    problems.error('', `expected Cytoscape.js JSON ({elements: {nodes, edges}} or a list of elements), found ${describeValue(value)}`);
    return fail();
  }

  let bad = false;
  if (grouped) {
    for (const group of ['nodes', 'edges'] as const) {
      const items = grouped[group];
      if (items === undefined) continue;
      if (!Array.isArray(items)) {
        problems.error(`elements.${group}`, `expected a list, found ${describeValue(items)}`);
        bad = true;
        continue;
      }
      const into = group === 'nodes' ? nodes : edges;
      items.forEach((item, i) => {
        const path = `elements.${group}[${i}]`;
        if (isPlainObject(item)) into.push({ value: item, path });
        else {
          problems.error(path, `expected an element {data: {…}}, found ${describeValue(item)}`);
          bad = true;
        }
      });
    }
  } else {
    list!.forEach((item, i) => {
      const path = `${listPath}[${i}]`;
      if (!isPlainObject(item)) {
        problems.error(path, `expected an element {group, data: {…}}, found ${describeValue(item)}`);
        bad = true;
        return;
      }
      const data = isPlainObject(item.data) ? item.data : null;
      const group = item.group ?? (data && data.source !== undefined && data.target !== undefined ? 'edges' : 'nodes');
      if (group === 'nodes') nodes.push({ value: item, path });
      else if (group === 'edges') edges.push({ value: item, path });
      else {
        problems.error(`${path}.group`, `${describeValue(group)} is not "nodes" or "edges"`);
        bad = true;
      }
    });
  }
  if (bad) return fail();
  if (nodes.length === 0) {
    problems.error(grouped ? 'elements.nodes' : listPath, 'no nodes: the file holds no graph');
    return fail();
  }

  const marker = isPlainObject(value) && isPlainObject(value.data) && isPlainObject(value.data.actorscope) ? value.data.actorscope : null;
  const own = marker !== null;
  const ctx = newBagContext(problems, own);

  // Nodes.
  const actors: Bag[] = [];
  const actorPaths: string[] = [];
  const nodeIndex = new Map<string, string>();
  const nodeSkip = new Set(['id']);
  for (const { value: element, path } of nodes) {
    const data = element.data;
    if (!isPlainObject(data)) {
      problems.error(`${path}.data`, `${data === undefined ? 'missing' : `expected an object, found ${describeValue(data)}`}: a node needs data with an id`);
      continue;
    }
    const id = idText(data.id);
    if (id === null) {
      problems.error(`${path}.data.id`, `${describeValue(data.id)} is not a node id (text or a number)`);
      continue;
    }
    const first = nodeIndex.get(id);
    if (first !== undefined) {
      problems.error(`${path}.data.id`, `${describeValue(id)} is used already by ${first}`);
      continue;
    }
    nodeIndex.set(id, path);
    const source = withPosition(data, element.position, path, problems);
    actors.push(readActorBag(id, source, `${path}.data`, ['name', 'label'], nodeSkip, ctx));
    actorPaths.push(path);
  }

  // Edges.
  const relations: Bag[] = [];
  const relationPaths: string[] = [];
  const edgeIds = new Map<string, string>();
  const edgeSkip = new Set(['id', 'source', 'target', 'relationId']);
  for (const { value: element, path } of edges) {
    const data = element.data;
    if (!isPlainObject(data)) {
      problems.error(`${path}.data`, `${data === undefined ? 'missing' : `expected an object, found ${describeValue(data)}`}: an edge needs data with a source and a target`);
      continue;
    }
    let broken = false;
    const ends: string[] = [];
    for (const end of ['source', 'target'] as const) {
      const id = idText(data[end]);
      if (id === null) {
        problems.error(`${path}.data.${end}`, `${describeValue(data[end])} is not a node id`);
        broken = true;
      } else if (!nodeIndex.has(id)) {
        problems.error(`${path}.data.${end}`, `${describeValue(id)} is not the id of any node`);
        broken = true;
      }
      ends.push(id ?? '');
    }
    // Our files keep the relation id in relationId when the element id had to differ.
    const idKey = own && hasOwn(data, 'relationId') ? 'relationId' : 'id';
    let id: string | null = null;
    if (data[idKey] !== undefined && data[idKey] !== null) {
      id = idText(data[idKey]);
      if (id === null) {
        problems.error(`${path}.data.${idKey}`, `${describeValue(data[idKey])} is not an edge id (text or a number)`);
        broken = true;
      } else if (edgeIds.has(id)) {
        problems.error(`${path}.data.${idKey}`, `${describeValue(id)} is used already by ${edgeIds.get(id)}`);
        broken = true;
      } else edgeIds.set(id, path);
    }
    if (broken) continue;
    const relation = readRelationBag(data, `${path}.data`, edgeSkip, ctx);
    const raw: Bag = {};
    if (id !== null) raw.id = id;
    raw.source = ends[0];
    raw.target = ends[1];
    relations.push(Object.assign(raw, relation));
    relationPaths.push(path);
  }

  if (!own) {
    warnUntyped(ctx, grouped ? 'elements.edges' : listPath, relations.length);
    ctx.tally.finish(grouped ? 'elements.edges' : listPath, 'edges');
  }

  const graphData = isPlainObject(value) && isPlainObject(value.data) ? value.data : null;
  const foreignTitle = graphData && typeof graphData.name === 'string' && graphData.name.trim() !== '' ? graphData.name : null;
  const raw: RawDataset = {
    version: marker?.version,
    meta: marker ? marker.meta : { title: foreignTitle ?? titleFromName(fileName) },
    actors,
    relations,
  };
  const map: SourceMap = {
    actor: (i, field) => {
      const p = actorPaths[i]!;
      return bagFieldPath(p, `${p}.data`, field, { id: `${p}.data.id` });
    },
    relation: (i, field) => {
      const p = relationPaths[i]!;
      return bagFieldPath(p, `${p}.data`, field, {});
    },
    other: (path) => (path.startsWith('meta') || path === 'version' ? `data.actorscope.${path}` : path),
  };
  return finishImport({ format: 'cytoscape-json', raw, problems, map, own, actorsRead: nodes.length, relationsRead: edges.length });
}

/** A node's position → attributes x and y (renamed position_x / position_y if data has an x or y already). */
function withPosition(data: Bag, position: unknown, path: string, problems: ProblemList): Bag {
  if (position === undefined) return data;
  if (!isPlainObject(position) || typeof position.x !== 'number' || typeof position.y !== 'number' || !Number.isFinite(position.x) || !Number.isFinite(position.y)) {
    problems.warn(`${path}.position`, `${describeValue(position)} is not a position {x, y}; ignored`);
    return data;
  }
  const out = bag();
  for (const [k, v] of Object.entries(data)) out[k] = v;
  for (const axis of ['x', 'y'] as const) {
    if (hasOwn(out, axis)) {
      out[`position_${axis}`] = position[axis];
      problems.warn(`${path}.position.${axis}`, `kept as attribute position_${axis}: data has an ${axis} of its own`);
    } else out[axis] = position[axis];
  }
  return out;
}

/** What `cy.json(obj)` accepts, plus our fields in data. */
export function writeCytoscape(dataset: Dataset): Bag {
  const nodeIds = new Set(dataset.actors.map((a) => a.id));
  const edgeIds = new Set(dataset.relations.map((r) => r.id));
  const used = new Set<string>();
  const nodes = dataset.actors.map((a) => {
    const data = bag();
    data.id = a.id;
    Object.assign(data, actorBag(a, 'name'));
    return { data };
  });
  const edges = dataset.relations.map((r) => {
    const data = bag();
    let elementId = r.id;
    if (nodeIds.has(elementId)) {
      let n = 1;
      elementId = `edge:${r.id}`;
      while (nodeIds.has(elementId) || edgeIds.has(elementId) || used.has(elementId)) elementId = `edge:${r.id}:${++n}`;
    }
    used.add(elementId);
    data.id = elementId;
    if (elementId !== r.id) data.relationId = r.id;
    data.source = r.source;
    data.target = r.target;
    Object.assign(data, relationBag(r));
    return { data };
  });
  return {
    format_version: '1.0',
    generated_by: 'Actorscope',
    target_cytoscapejs_version: '~3.34',
    data: { name: dataset.meta.title, actorscope: ownMarker(dataset) },
    elements: { nodes, edges },
  };
}

export const cytoscapeJsonFormat: FileFormat = {
  id: 'cytoscape-json',
  label: 'Cytoscape.js JSON',
  extensions: ['cyjs', 'json'],
  sniff(text) {
    const head = text.slice(0, 65536);
    return /"elements"\s*:/.test(head) || (/^\s*\[/.test(head) && /"data"\s*:\s*\{/.test(head));
  },
  read: (files) => readOneJsonFile(files, 'cytoscape-json', 'Cytoscape.js JSON', readCytoscapeValue),
  write(dataset: Dataset, baseName: string): OutputFile[] {
    return [{ name: `${baseName}.cyjs`, text: `${JSON.stringify(writeCytoscape(dataset), null, 2)}\n`, mime: 'application/json' }];
  },
};
