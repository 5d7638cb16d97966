/**
 * Node-link JSON (graph/io/json/node-link-json.ts): networkx's node_link_data
 * files (tests/fixtures/node-link/, written by networkx 3.6.1 with
 * generate.py there), networkx 1.x / D3 files whose links give positions,
 * telling node-link `{nodes, edges}` from graphology's `{nodes, edges}`,
 * every bad input refused whole with a located error, `__proto__` ids, and
 * what we write. The round trip over arbitrary datasets is in
 * round-trip.test.ts; convert between every pair of formats in convert.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { graphologyJsonFormat } from '../../graph/io/json/graphology-json';
import { nodeLinkJsonFormat, writeNodeLink } from '../../graph/io/json/node-link-json';
import { detectFormat, exportDataset, importFiles } from '../../graph/io/registry';
import type { Dataset } from '../../graph/model/types';
import { formatProblem, type Problem } from '../../graph/schema/problems';
import { fixtureText, ok, refused, shippedDataset } from '../support/format-tests';

const fixture = (name: string) => fixtureText('node-link', name);
/** Through importFiles as the explorer's worker calls it: a .json file, told apart by shape. */
const load = (text: string, name = 'graph.json') => importFiles([{ name, text }]);
const json = (value: unknown) => JSON.stringify(value);
const attrs = (item: { attributes?: Record<string, unknown> }) => ({ ...item.attributes });

describe('node-link JSON: networkx files', () => {
  it('the Florentine families (networkx 3.6 writes "edges"): 15 actors, 20 undirected relations, names from the ids', () => {
    const { dataset, report } = ok(load(fixture('florentine-families.json'), 'florentine-families.json'));
    expect(report).toMatchObject({ format: 'node-link', actorsRead: 15, relationsRead: 20 });
    expect(dataset.meta.title).toBe('florentine-families.json');
    expect(dataset.actors.map((a) => a.name)).toContain('Medici');
    for (const a of dataset.actors) expect(a).toMatchObject({ name: a.id, kind: 'organization', aliases: [] });
    expect(dataset.relations[0]).toEqual({ id: 'r1', source: 'Acciaiuoli', target: 'Medici', type: 'other', claims: [], attributes: { undirected: true } });
    // Medici's degree in networkx: 6.
    expect(dataset.relations.filter((r) => r.source === 'Medici' || r.target === 'Medici')).toHaveLength(6);
    expect(report.warnings.map(formatProblem)).toEqual([
      'warning: nodes[0]: no node attribute gives the actor kind (kind, type or category): all 15 actors are read as "organization"',
      'warning: edges[0]: no edge attribute gives the relation type (type, relation, kind or label): all 20 relations are read as "other"',
      'warning: edges[0]: 20 relations are undirected in the file, which does not say which way they point: kept as written (source → target), marked attributes.undirected = true',
      'warning: edges[0]: 20 relations have no claims (no evidence): node-link JSON files from other tools carry none',
    ]);
  });

  it('a directed multigraph ("links"): names, kinds, aliases, types, attributes, a number id, per-pair keys dropped', () => {
    const { dataset, report } = ok(load(fixture('multidigraph.json')));
    expect(report).toMatchObject({ format: 'node-link', actorsRead: 5, relationsRead: 5 });
    expect(dataset.meta.title).toBe('Supply ties (test)');
    expect(dataset.actors.map((a) => [a.id, a.name, a.kind, a.aliases, attrs(a)])).toEqual([
      ['ru', 'Russia', 'state', [], { population: 146.1 }],
      ['tj', 'Tajikistan', 'state', ['Тоҷикистон'], {}],
      ['csto', 'CSTO', 'alliance', [], { members: '["ru","tj"]' }],
      ['7', 'Group seven', 'organization', [], {}],
      ['__proto__', 'Proto', 'organization', [], JSON.parse('{"__proto__": "kept"}') as unknown],
    ]);
    expect(Object.getPrototypeOf(dataset.actors[4]!.attributes)).toBe(null);
    expect(dataset.relations.map((r) => [r.id, r.source, r.target, r.type, attrs(r)])).toEqual([
      ['r1', 'ru', 'tj', 'partner', { weight: 0.5 }],
      ['r2', 'ru', 'tj', 'supplier', { what: 'arms' }],
      ['r3', 'tj', 'csto', 'other', { originalType: 'member of' }],
      ['r4', '7', 'tj', 'threat', {}],
      ['r5', '__proto__', 'ru', 'other', {}],
    ]);
    const warnings = report.warnings.map(formatProblem);
    expect(warnings).toEqual(expect.arrayContaining([
      'warning: nodes: one node id is a number: read as text ("0", "1", …), as every actor id is',
      'warning: nodes[2].members: node attribute "members" holds a list or an object: kept as JSON text',
      'warning: links[0].key: link keys repeat (networkx multigraph keys count per pair of nodes: 0, 1, …): they are not kept, and the relations get ids of their own',
      'warning: graph: graph attributes not imported: "source"',
      'warning: links[2].kind: "member of" is not a relation type (partner, threat, supplier, suspected-supporter, other): one relation kept as "other" with attributes.originalType',
    ]));
    expect(({} as Record<string, unknown>).kept).toBeUndefined();
  });

  it('keys unique in the file are relation ids; with multigraph false, key is an attribute (as networkx reads it)', () => {
    const nodes = [{ id: 'a' }, { id: 'b' }];
    const multi = ok(load(json({ directed: true, multigraph: true, graph: {}, nodes, links: [{ source: 'a', target: 'b', key: 'e1' }, { source: 'b', target: 'a', key: 'e2' }] })));
    expect(multi.dataset.relations.map((r) => r.id)).toEqual(['e1', 'e2']);
    const simple = ok(load(json({ directed: true, multigraph: false, graph: {}, nodes, links: [{ source: 'a', target: 'b', key: 'e1' }] })));
    expect(simple.dataset.relations[0]).toMatchObject({ id: 'r1', attributes: { key: 'e1' } });
  });

  it('networkx 1.x and D3: links by position in nodes, when they are not ids', () => {
    const { dataset, report } = ok(load(json({ nodes: [{ id: 'a', name: 'A' }, { id: 'b' }, { id: 'c' }], links: [{ source: 2, target: 0, value: 3 }, { source: 1, target: 2 }] })));
    expect(dataset.relations.map((r) => [r.source, r.target, attrs(r)])).toEqual([['c', 'a', { value: 3 }], ['b', 'c', {}]]);
    expect(report.warnings.map(formatProblem)).toContain('warning: links: sources and targets are positions in nodes (networkx 1.x, or D3 without an id accessor), not node ids: read as positions');
    // Number ids that are not positions: the ids win when every end is one (networkx ≥ 2).
    const byId = ok(load(json({ nodes: [{ id: 10 }, { id: 1 }], links: [{ source: 1, target: 10 }] })));
    expect(byId.dataset.relations[0]).toMatchObject({ source: '1', target: '10' });
    // No ids at all (D3): each node is its position, as node_link_graph numbers it.
    const noIds = ok(load(json({ nodes: [{ name: 'x' }, { name: 'y' }], links: [{ source: 0, target: 1 }] })));
    expect(noIds.dataset.actors.map((a) => [a.id, a.name])).toEqual([['0', 'x'], ['1', 'y']]);
    expect(noIds.report.warnings.map(formatProblem)).toContain('warning: nodes: no node has an id: numbered by position in nodes (0, 1, …), as networkx does');
  });

  it('ids __proto__ and constructor, an attribute __proto__: data, and Object.prototype untouched', () => {
    const text = '{"directed": true, "nodes": [{"id": "__proto__", "__proto__": {"polluted": 1}}, {"id": "constructor"}], "links": [{"source": "__proto__", "target": "constructor", "type": "threat"}]}';
    const { dataset } = ok(load(text));
    expect(dataset.actors.map((a) => a.id)).toEqual(['__proto__', 'constructor']);
    expect(dataset.actors[0]!.attributes!['__proto__']).toBe('{"polluted":1}');
    expect(dataset.relations[0]).toMatchObject({ source: '__proto__', target: 'constructor', type: 'threat' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('node-link JSON: telling it apart', () => {
  it('{nodes, edges}: networkx 3.6 and D3 shapes are node-link, graphology exports stay graphology', () => {
    expect(load(fixture('florentine-families.json'))).toMatchObject({ ok: true, report: { format: 'node-link' } });
    expect(load(json({ nodes: [{ id: 'a' }], edges: [{ source: 'a', target: 'a' }] }))).toMatchObject({ ok: true, report: { format: 'node-link' } });
    const graphology = exportDataset(shippedDataset(), 'graphology-json', 'x')[0]!.text;
    expect(load(graphology)).toMatchObject({ ok: true, report: { format: 'graphology-json' } });
    expect(load(json({ nodes: [{ key: 'a', attributes: { label: 'A' } }], edges: [{ source: 'a', target: 'a', attributes: {} }] }))).toMatchObject({ ok: true, report: { format: 'graphology-json' } });
  });

  it('sniffed without an extension before graphology (multigraph links have a "key" too)', () => {
    expect(detectFormat('graph', fixture('multidigraph.json'))).toBe('node-link');
    expect(detectFormat('graph', fixture('florentine-families.json'))).toBe('node-link');
    expect(detectFormat('graph', exportDataset(shippedDataset(), 'node-link', 'x')[0]!.text)).toBe('node-link');
    expect(nodeLinkJsonFormat.sniff(exportDataset(shippedDataset(), 'graphology-json', 'x')[0]!.text)).toBe(false);
    expect(nodeLinkJsonFormat.sniff(exportDataset(shippedDataset(), 'cytoscape-json', 'x')[0]!.text)).toBe(false);
  });

  it('graphology JSON forced on a node-link file points at node-link', () => {
    const problems = refused(graphologyJsonFormat.read([{ name: 'x.json', text: fixture('multidigraph.json') }]));
    expect(problems[0]).toMatchObject({ path: 'links', message: expect.stringContaining('read it as node-link JSON') as string });
  });
});

describe('node-link JSON: bad input, refused whole and located', () => {
  const cases: Array<[string, string, Array<Partial<Problem>>]> = [
    ['an empty file', '', [{ path: 'line 1:1', message: 'the file is empty' }]],
    ['truncated JSON', '{"nodes": [{"id": "a"}], "links": [', [{ path: 'line 1:36' }]],
    ['nodes missing', '{"links": []}', [{ path: 'nodes', message: 'missing: node-link JSON lists its nodes as [{id, …}]' }]],
    ['nodes not a list', '{"nodes": {"a": 1}, "links": []}', [{ path: 'nodes', message: 'expected a list, found an object: node-link JSON lists its nodes as [{id, …}]' }]],
    ['no nodes', '{"nodes": [], "links": []}', [{ path: 'nodes', message: 'empty: the file holds no graph' }]],
    ['links and edges that differ', '{"nodes": [{"id": "a"}], "links": [], "edges": [{"source": "a", "target": "a"}]}', [{ path: 'edges[0]' }]],
    ['links not a list', '{"nodes": [{"id": "a"}], "links": 3}', [{ path: 'links', message: 'expected a list, found 3' }]],
    ['directed not a boolean', '{"directed": "yes", "nodes": [{"id": "a"}], "links": []}', [{ path: 'directed', message: 'expected true or false, found "yes"' }]],
    ['a node that is not an object', '{"nodes": [{"id": "a"}, "b"], "links": []}', [{ path: 'nodes[1]' }]],
    ['an id that is an object', '{"nodes": [{"id": {"x": 1}}], "links": []}', [{ path: 'nodes[0].id', message: 'an object is not a node id (text or a number)' }]],
    ['duplicate ids (1 and "1")', '{"nodes": [{"id": 1}, {"id": "1"}], "links": []}', [{ path: 'nodes[1].id', message: '"1" is used already by nodes[0]' }]],
    ['a dangling link', '{"nodes": [{"id": "a"}], "links": [{"source": "a", "target": "a"}, {"source": "a", "target": "zz"}]}', [{ path: 'links[1].target', message: '"zz" is not the id of any node' }]],
    ['a link without a source', '{"nodes": [{"id": "a"}], "edges": [{"target": "a"}]}', [{ path: 'edges[0].source', message: 'missing: a link needs a source and a target' }]],
    ['a number too large', '{"nodes": [{"id": "a", "size": 1e999}], "links": []}', [{ path: 'nodes[0].size', message: 'Infinity is not a finite number (the file writes a number too large to hold)' }]],
    ['a bad claim in our own file', json({ directed: true, multigraph: true, graph: { actorscope: { version: 1, meta: { title: 't' } } }, nodes: [{ id: 'a', name: 'A', kind: 'state' }], edges: [{ source: 'a', target: 'a', key: 'r1', type: 'threat', claims: [{ quote: 'q', source: { title: 's' }, grade: 'Z9' }] }] }), [{ path: 'edges[0].claims[0].grade' }]],
  ];
  it('a root that is not an object, read as node-link (a .json list goes to the Cytoscape.js reader)', () => {
    for (const text of ['[1, 2]', '"graph"', 'null']) {
      const problems = refused(importFiles([{ name: 'x.json', text }], { format: 'node-link' }));
      expect(problems).toEqual([expect.objectContaining({ path: '', message: expect.stringMatching(/^expected node-link JSON \(an object with nodes and links\), found /) as string })]);
    }
  });

  it.each(cases)('refuses %s', (_name, text, expected) => {
    const result = load(text);
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty('dataset');
    const errors = refused(result).filter((p) => p.severity === 'error');
    expect(errors).toEqual(expected.map((e) => expect.objectContaining(e) as Problem));
  });
});

describe('node-link JSON: writing', () => {
  const dataset: Dataset = shippedDataset();

  it('what node_link_graph reads: directed multigraph, keys = relation ids, our fields as attributes, the links under "links" and "edges"', () => {
    const written = writeNodeLink(dataset);
    expect(written).toMatchObject({ directed: true, multigraph: true, graph: { name: dataset.meta.title, actorscope: { version: 2 } } });
    // networkx 2.8 reads links, 3.6 edges, each with no arguments (tests/unit/foreign-readers.test.ts opens the file in both).
    expect(Object.keys(written)).toEqual(['directed', 'multigraph', 'graph', 'nodes', 'links', 'edges']);
    const [file] = exportDataset(dataset, 'node-link', 'tajik');
    expect(file).toMatchObject({ name: 'tajik.nodelink.json', mime: 'application/json' });
    const parsed = JSON.parse(file!.text) as { nodes: Array<Record<string, unknown>>; links: unknown[]; edges: Array<Record<string, unknown>> };
    expect(parsed.links).toEqual(parsed.edges);
    expect(parsed.nodes[0]).toMatchObject({ id: dataset.actors[0]!.id, name: dataset.actors[0]!.name, kind: dataset.actors[0]!.kind });
    expect(parsed.edges[0]).toMatchObject({ source: dataset.relations[0]!.source, target: dataset.relations[0]!.target, key: dataset.relations[0]!.id, type: dataset.relations[0]!.type });
    expect(parsed.edges[0]!.claims).toEqual(dataset.relations[0]!.claims);
  });

  it('the flat evidence values on every link, dropped when read back; a user attribute of the same name kept', () => {
    // r15 (Taliban → Tajikistan): one supporting F6 claim and three disputing B2 claims of one witness (graph/README.md's rule).
    const links = (JSON.parse(exportDataset(dataset, 'node-link', 'tajik')[0]!.text) as { edges: Array<Record<string, unknown>> }).edges;
    const r15 = links.find((l) => l.key === 'r15')!;
    expect(r15).toMatchObject({ 'actorscope:mutual': false, 'actorscope:bestGrade': 'F6', 'actorscope:claimCount': 4, 'actorscope:disputes': 3 });
    expect(r15['actorscope:confidence']).toBeCloseTo(0.0324, 12);
    const partner = links.find((l) => l.type === 'partner')!;
    expect(partner['actorscope:mutual']).toBe(true);

    const odd = { ...dataset, relations: [{ ...dataset.relations[0]!, attributes: { 'actorscope:confidence': 'mine', 'attr:x': 1 } }] };
    const text = exportDataset(odd, 'node-link', 'odd')[0]!.text;
    expect((JSON.parse(text) as { edges: Array<Record<string, unknown>> }).edges[0]).toMatchObject({ 'attr:actorscope:confidence': 'mine', 'attr:attr:x': 1 });
    expect(ok(load(text, 'odd.nodelink.json')).dataset.relations).toEqual(odd.relations);
  });

  it('firstDate and lastDate: the supporting claims’ dates and periods as whole days, a disputing claim’s date left out', () => {
    const claim = dataset.relations[0]!.claims[0]!;
    const dated = (claims: Array<Partial<typeof claim>>) => {
      const d = { ...dataset, relations: [{ ...dataset.relations[0]!, claims: claims.map(({ date, period, ...rest }) => ({ ...claim, date, period, ...rest })) }] };
      const edge = (JSON.parse(exportDataset(d, 'node-link', 'd')[0]!.text) as { edges: Array<Record<string, unknown>> }).edges[0]!;
      return [edge['actorscope:firstDate'], edge['actorscope:lastDate']];
    };
    expect(dated([{ date: '2023' }])).toEqual(['2023-01-01', '2023-12-31']);
    expect(dated([{ date: '2023-02' }, { period: { from: '2021-05-03', to: '2022' } }])).toEqual(['2021-05-03', '2023-02-28']);
    expect(dated([{ period: { from: '2020' } }])).toEqual(['2020-01-01', undefined]); // open-ended: no last day
    expect(dated([{ date: '2023-03-01' }, { date: '1999', stance: 'disputes' }])).toEqual(['2023-03-01', '2023-03-01']);
    expect(dated([{}])).toEqual([undefined, undefined]);
  });

  it('a file with both links and edges: read when they are the same (key order aside), refused at the first difference', () => {
    const nodes = [{ id: 'a' }, { id: 'b' }];
    const same = ok(load(json({ nodes, links: [{ source: 'a', target: 'b', type: 'threat' }], edges: [{ type: 'threat', target: 'b', source: 'a' }] })));
    expect(same.dataset.relations).toHaveLength(1);
    const problems = refused(load(json({ nodes, links: [{ source: 'a', target: 'b', type: 'threat' }], edges: [{ source: 'a', target: 'b', type: 'partner' }] })));
    expect(problems).toEqual([
      expect.objectContaining({ path: 'edges[0].type', message: expect.stringMatching(/^differs from links\[0\]\.type: a file may give its links under both/) as string }),
    ]);
    expect(refused(load(json({ nodes, links: [], edges: [{ source: 'a', target: 'b' }] })))[0]).toMatchObject({ path: 'edges[0]' });
  });

  it('reads back what it wrote, claims and all, with no warning but the data’s own', () => {
    const [file] = exportDataset(dataset, 'node-link', 'tajik');
    const { dataset: back, report } = ok(load(file!.text, file!.name));
    expect(back).toEqual(dataset);
    for (const w of report.warnings) expect(w.message).toMatch(/no evidence|relates .* to itself/);
  });
});
