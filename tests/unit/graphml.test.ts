/**
 * GraphML import and export (graph/io/xml/graphml*.ts), with the shared
 * records-to-dataset step (graph/io/common/):
 * - readGraphml on fixtures in tests/fixtures/xml/ that reproduce the real
 *   files described in shared/data/README.md: yFiles for HTML / yEd Live
 *   (`<key for="all">`, `for="port"`, ports, parallel edges, a self-loop, an
 *   HTML markup label, a CDATA description holding markup, Unicode), yEd
 *   desktop (nodegraphics, ShapeNode/NodeLabel, a group with a nested graph),
 *   igraph's messy test.graphml (padded booleans, `fAlSe`, a default of `1`,
 *   entities, a comment-only value, padded weights, a graph key on a node),
 *   igraph's wa4 (text weights, boolean label), networkx (no keys, numeric
 *   ids, single-quoted declaration), Gephi's cdata and withdesc tests,
 *   miserables_broken (undeclared keys), missing nodes, graph-tool, Cytoscape.
 * - refused files, each error located; hyperedges and odd keys warned.
 * - writeGraphml: output shape, escaping, forbidden characters, and
 *   read(write(d)) equal to d (fast-check over arbitraryDataset, and over
 *   datasets with reserved, null, -0 and mixed-type attributes).
 */
import { describe, expect, it } from 'vitest';
import { readGexf } from '../../graph/io/xml/gexf-read';
import { writeGexf } from '../../graph/io/xml/gexf-write';
import { graphmlFormat, sniffGraphml } from '../../graph/io/xml/graphml';
import { readGraphml } from '../../graph/io/xml/graphml-read';
import { writeGraphml } from '../../graph/io/xml/graphml-write';
import { arbitraryDataset } from '../support/arbitrary-dataset';
import {
  expectRoundTrips,
  expectStableAfterWrite,
  fixtureText,
  ok,
  plain,
  refused,
  restored,
  shippedDataset,
  warningAt,
  withAwkwardAttributes,
  type TextFormat,
} from '../support/format-tests';

const fixture = (name: string) => fixtureText('xml', name);
const read = (name: string) => ok(readGraphml(fixture(name), name));
const graphml: TextFormat = { read: readGraphml, write: writeGraphml };

describe('readGraphml: yEd and yFiles', () => {
  it('yFiles for HTML / yEd Live: keys for="all" and for="port" do not break it; labels, geometry and fill are read', () => {
    const { dataset, report } = read('yfiles-html.graphml');
    expect(report).toMatchObject({ format: 'graphml', actorsRead: 4, relationsRead: 4 });
    expect(dataset.actors.map((a) => [a.id, a.name])).toEqual([
      ['n0', 'Top left rounded rectangle'],
      ['n1', 'Star'],
      ['n2', 'őð中'],
      // Markup is text: kept as written, never rendered.
      ['n3', '<p>regular <strong>bold</strong> <em>italic</em></p><p>newline</p>'],
    ]);
    // The CDATA description holding `<node id="n3">` is text too; Expanded comes from the key's default.
    expect(plain(dataset.actors[0]!.attributes)).toEqual({ zOrder: 1, description: '<node id="n3">', Expanded: true, x: 499, y: 276, width: 60, height: 60, color: '#ff8c00' });
    expect(plain(dataset.actors[2]!.attributes)).toEqual({ zOrder: 3, Expanded: true, color: '#d2deee' });
    // Parallel edges on different ports and a self-loop are all kept.
    expect(dataset.relations.map((r) => [r.id, r.source, r.target, r.type, plain(r.attributes)])).toEqual([
      ['e0', 'n0', 'n1', 'other', { description: 'this is an edge' }],
      ['e1', 'n2', 'n1', 'other', undefined],
      ['e2', 'n2', 'n1', 'other', undefined],
      ['e3', 'n3', 'n3', 'other', undefined],
    ]);
    expect(warningAt(report, /8 ports ignored/)?.path).toBe('line 49:4');
    expect(warningAt(report, /"EdgeStyle" .* not imported/)?.path).toBe('line 103:4');
    expect(warningAt(report, /relation "e3": relates "n3" to itself/)?.path).toBe('line 109:3');
  });

  it('yEd desktop: nodegraphics ShapeNode/NodeLabel, HTML label as text, geometry centre, fill; a group’s nested graph is flattened', () => {
    const { dataset, report } = read('yed-desktop.graphml');
    expect(dataset.actors.map((a) => [a.id, a.name, a.kind, plain(a.attributes)])).toEqual([
      ['n0', 'Russia', 'state', { x: 60, y: 35, width: 100, height: 30, color: '#ffcc00' }],
      ['n1', 'CSTO', 'organization', { description: 'A group of two', x: 100, y: 150, width: 200, height: 100, color: '#f5f5f5' }],
      ['n1::n0', '<html><b>Tajikistan</b></html>', 'organization', undefined],
      ['n1::n1', 'Kyrgyzstan', 'organization', undefined],
    ]);
    // An edge label is a relation-type candidate.
    expect(dataset.relations.map((r) => [r.id, r.type, plain(r.attributes)])).toEqual([
      ['e0', 'supplier', undefined],
      ['e1', 'other', { originalType: 'Border dispute' }],
    ]);
    expect(warningAt(report, /nested graphs \(yEd groups\): 2 nodes/)?.path).toBe('line 42:9');
    expect(warningAt(report, /3 of 4 actors have no kind/)).toBeDefined();
  });
});

describe('readGraphml: igraph, networkx, graph-tool, Gephi, Cytoscape', () => {
  it('igraph test.graphml: padded and mixed-case booleans, a typed default of 1, entities, a comment-only value, padded weights', () => {
    const { dataset, report } = read('igraph-test.graphml');
    expect(dataset.actors.map((a) => plain(a.attributes))).toEqual([
      { color: 'green', unused: 'incorrect', gender: true }, // "  true   "
      { color: 'yellow', gender: true }, // both defaults; "1" typed as true
      { color: 'blue', gender: false },
      { color: 'red "with entities"', gender: 'maybe' },
      { color: '', gender: false }, // the value is a comment only: present and empty
      { color: 'turquoise', gender: false }, // "fAlSe"
    ]);
    expect(dataset.relations.map((r) => plain(r.attributes))).toEqual([
      { weight: 1, undirected: true },
      { weight: 1, undirected: true },
      { weight: 2, undirected: true },
      { undirected: true },
      { undirected: true },
      undefined, // directed="true" on an undirected graph
      { weight: 1.1, undirected: true },
    ]);
    expect(warningAt(report, /key "d3" \("unused"\) is declared for graph but used on one node/)?.path).toBe('line 19:7');
    expect(warningAt(report, /"gender" \(boolean\): "maybe" is not true or false; kept as text/)?.path).toBe('line 29:7');
    expect(warningAt(report, /graph attributes .* not imported: date = "2006-11-12"/)?.path).toBe('line 15:5');
    expect(warningAt(report, /6 relations are undirected/)?.path).toBe('line 39:5');
  });

  it('igraph wa4: weight declared as text keeps its text (with a warning); a boolean "label" is not a name', () => {
    const { dataset, report } = read('igraph-wa4.graphml');
    expect(dataset.meta.title).toBe('Erdos-Renyi (gnm) graph');
    expect(dataset.actors.map((a) => [a.name, plain(a.attributes)])).toEqual([
      ['n0', { label: false }],
      ['n1', { label: true }],
      ['n2', { label: false }],
    ]);
    expect(dataset.relations.map((r) => [r.id, r.attributes!.weight])).toEqual([['r1', 'A'], ['r2', 'B'], ['r3', '2.5']]);
    expect(warningAt(report, /"weight" holds text \("A" and 1 more\), not numbers/)?.path).toBe('line 23:5');
    expect(warningAt(report, /not imported: m = "3"/)?.path).toBe('line 13:5');
  });

  it('networkx fourpath: no keys, numeric-string ids, single-quoted declaration; relation ids generated', () => {
    const { dataset, report } = read('networkx-fourpath.graphml');
    expect(report).toMatchObject({ actorsRead: 4, relationsRead: 3 });
    expect(dataset.actors.map((a) => [a.id, a.name])).toEqual([['0', '0'], ['1', '1'], ['2', '2'], ['3', '3']]);
    expect(dataset.relations.map((r) => [r.id, r.source, r.target, r.type])).toEqual([
      ['r1', '0', '1', 'other'],
      ['r2', '1', '2', 'other'],
      ['r3', '2', '3', 'other'],
    ]);
  });

  it('Gephi cdata.graphml: keys inside <graph>, one key id declared for node and for edge, CDATA values', () => {
    const { dataset, report } = read('gephi-cdata.graphml');
    expect(dataset.actors.map((a) => a.name)).toEqual(['foo', 'bar & <baz>']);
    expect(dataset.relations.map((r) => [r.type, plain(r.attributes)])).toEqual([
      ['supplier', undefined],
      ['other', { originalType: 'foobar' }],
    ]);
    expect(warningAt(report, /"foobar" is not a relation type/)?.path).toBe('line 19:13');
  });

  it('Gephi withdesc.graphml: <desc> names nodes; an edge’s becomes its description; the graph’s the dataset’s', () => {
    const { dataset } = read('gephi-withdesc.graphml');
    expect(dataset.meta).toEqual({ title: 'gephi-withdesc.graphml', description: 'Two nodes described' });
    expect(dataset.actors.map((a) => a.name)).toEqual(['Node Zero', 'Node One']);
    expect(plain(dataset.relations[0]!.attributes)).toEqual({ description: 'Edge Zero' });
  });

  it('miserables_broken: undeclared keys are kept as text (label still names the node), one located warning per key', () => {
    const { dataset, report } = read('miserables-broken.graphml');
    expect(dataset.actors.map((a) => [a.id, a.name, plain(a.attributes)])).toEqual([
      ['11', 'Valjean', { modularity_class: '1', size: 100, r: 245, x: -87.93029 }],
      ['48', 'Gavroche', { modularity_class: '8', size: 61.600006, r: 91, x: 387.89572 }],
    ]);
    expect(report.warnings.slice(0, 2).map((w) => [w.path, w.message])).toEqual([
      ['line 9:1', 'key "label" is not declared (no <key id="label">): kept as text on 2 nodes'],
      ['line 10:1', 'key "modularity_class" is not declared (no <key id="modularity_class">): kept as text on 2 nodes'],
    ]);
  });

  it('missing nodes: an edge may come before its node, but an edge to a node never defined refuses the file', () => {
    expect(refused(readGraphml(fixture('missing-nodes.graphml')))).toEqual([
      { severity: 'error', path: 'line 10:2', message: 'edge points at the target node "9403383", which the file does not define' },
    ]);
  });

  it('graph-tool: canonical ids, a graph property (warned), a vector type kept as text', () => {
    const { dataset, report } = read('graph-tool.graphml');
    expect(dataset.actors.map((a) => plain(a.attributes))).toEqual([{ partition: 9 }, { partition: 6 }]);
    expect(plain(dataset.relations[0]!.attributes)).toEqual({ layers: '0, 1', undirected: true });
    expect(warningAt(report, /dl = "1850.2102335828238"/)?.path).toBe('line 14:4');
  });

  it('Cytoscape: the name key names nodes; an "interaction" is kept, not mistaken for a type', () => {
    const { dataset } = read('cytoscape.graphml');
    expect(dataset.actors.map((a) => [a.name, plain(a.attributes)])).toEqual([
      ['YKR026C', { 'shared name': 'YKR026C', selected: false, SUID: 1 }],
      ['YGL122C', { 'shared name': 'YGL122C', selected: true, SUID: 2 }],
    ]);
    expect(dataset.relations[0]).toMatchObject({ type: 'other', attributes: { name: 'YKR026C (pp) YGL122C', interaction: 'pp', SUID: 3 } });
  });
});

describe('readGraphml: structure it cannot keep, and refused files', () => {
  const G = (body: string, keys = '') => `<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n${keys}<graph edgedefault="directed">\n${body}</graph>\n</graphml>\n`;

  it('hyperedges are skipped with a located warning; the rest is read', () => {
    const { dataset, report } = ok(readGraphml(G('<node id="a"/><node id="b"/>\n<hyperedge><endpoint node="a"/><endpoint node="b"/></hyperedge>\n<edge source="a" target="b"/>\n')));
    expect(dataset.relations).toHaveLength(1);
    expect(warningAt(report, /one hyperedge .* cannot be represented and is skipped/)?.path).toBe('line 5:1');
  });

  it('a key declared twice for the same element kind, data without a key, a missing edgedefault', () => {
    const text = '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n<key id="k" for="node" attr.name="a" attr.type="int"/>\n<key id="k" for="node" attr.name="b"/>\n<graph>\n<node id="x"><data key="k">7</data><data>loose</data></node>\n</graph></graphml>';
    const { dataset, report } = ok(readGraphml(text));
    expect(plain(dataset.actors[0]!.attributes)).toEqual({ a: 7 });
    expect(report.warnings.slice(0, 3).map((w) => [w.path, w.message])).toEqual([
      ['line 3:1', 'key "k" is declared twice for node; the first declaration is used'],
      ['line 4:1', 'the graph has no edgedefault: edges are read as directed unless they say directed="false"'],
      ['line 5:36', 'one <data> element without a key ignored'],
    ]);
  });

  it('a truncated file, an empty file, a DTD, an entity, a control character: each a located error', () => {
    const good = fixture('igraph-test.graphml');
    expect(refused(readGraphml(good.slice(0, good.indexOf('<edge id="e3"'))))).toEqual([
      { severity: 'error', path: 'line 47:12', message: 'the file ends before <graphml>, <graph> are closed: it is truncated or not well-formed' },
    ]);
    expect(refused(readGraphml(''))).toEqual([{ severity: 'error', path: 'line 1:1', message: 'the file is empty' }]);
    expect(refused(readGraphml(`<!DOCTYPE graphml>\n${good}`))[0]).toMatchObject({ path: 'line 1:1', message: expect.stringMatching(/DOCTYPE/) });
    expect(refused(readGraphml(good.replace('<graph id="G"', '<!ENTITY x "y">\n<graph id="G"')))[0]).toMatchObject({ path: 'line 14:3', message: expect.stringMatching(/ENTITY/) });
    expect(refused(readGraphml(good.replace('>blue<', '>bl\u001bue<')))).toEqual([
      { severity: 'error', path: 'line 24:24', message: expect.stringMatching(/control character U\+001B is not allowed/) },
    ]);
  });

  it('a GEXF file, an HTML page, a graphml without a graph, a node without id, an edge without target', () => {
    expect(refused(readGraphml(fixture('mixed.gexf')))).toEqual([{ severity: 'error', path: 'line 2:1', message: 'this is a GEXF file (<gexf>), not a GraphML file' }]);
    expect(refused(readGraphml('<html><head/><body/></html>'))[0]!.message).toBe('this is an HTML page (<html>), not a GraphML file');
    expect(refused(readGraphml('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"/>'))[0]!.message).toBe('the GraphML file has no <graph> element');
    expect(refused(readGraphml(G('<node/>\n<node id="b"/>\n<edge source="b"/>\n'))).map((p) => [p.path, p.message])).toEqual([
      ['line 4:1', 'a <node> needs a non-empty id'],
      ['line 6:1', 'an <edge> needs a source and a target (no target)'],
    ]);
  });

  it('many edges to missing nodes: twenty located errors, then a count', () => {
    const edges = Array.from({ length: 25 }, (_, i) => `<edge source="a" target="m${i}"/>\n`).join('');
    const problems = refused(readGraphml(G(`<node id="a"/>\n${edges}`)));
    expect(problems).toHaveLength(21);
    expect(problems[0]).toEqual({ severity: 'error', path: 'line 5:1', message: 'edge points at the target node "m0", which the file does not define' });
    expect(problems[20]).toEqual({ severity: 'error', path: 'line 25:1', message: '5 more edge ends point at nodes the file does not define' });
  });
});

// ---------------------------------------------------------------- writing and round trips

/** Attributes a GraphML reader could mistake for names, types or kinds, with null, -0 and padded or type-like texts. */
const datasetWithAwkwardAttributes = withAwkwardAttributes(
  ['label', 'name', 'kind', 'type', 'desc', 'description', 'undirected', 'weight', 'originalType', 'actorscope:kind', 'actorscope:attr:label', '__proto__', '', 'constructor', ' spaced ', 'a"b<c>&', 'x', 'color'],
  ['', ' ', '  padded  ', 'true', '1', 'INF', 'partner'],
);

describe('writeGraphml', () => {
  const sample = restored({
    format: 'actorscope',
    version: 2,
    sources: [{ id: 't', title: 't' }],
    meta: { title: 'T ]]> & "q"', sources: [{ title: 'Source', url: 'https://example.org/?a=1&b=2' }] },
    actors: [
      { id: '0', name: ' padded name ', kind: 'state', aliases: ['A', 'B|C'], attributes: { label: 'user label', score: 2, note: 'x' } },
      { id: '__proto__', name: 'Proto\nline', kind: 'bloc' },
    ],
    relations: [
      { id: 'p', source: '0', target: '__proto__', type: 'partner', claims: [], attributes: { undirected: true } },
      { id: 's', source: '__proto__', target: '0', type: 'supplier', claims: [], notes: 'n', attributes: { undirected: true, weight: 2.5 } },
    ],
  });

  it('writes the name in a label key, our fields as actorscope: keys, every edge directed with partners and undirected relations marked actorscope:mutual', () => {
    const text = writeGraphml(sample);
    expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<graphml xmlns="http:\/\/graphml.graphdrawing.org\/xmlns"/);
    expect(text).toContain('<key id="g0" for="graph" attr.name="actorscope:meta" attr.type="string"/>');
    expect(text).toContain('<key id="v0" for="node" attr.name="label" attr.type="string"/>');
    expect(text).toContain('<key id="v1" for="node" attr.name="actorscope:kind" attr.type="string"/>');
    expect(text).toContain('attr.name="actorscope:attr:label"'); // a user attribute named label cannot take the name's key
    expect(text).toContain('attr.name="score" attr.type="long"');
    expect(text).toContain('attr.name="weight" attr.type="double"');
    expect(text).toContain('<graph id="G" edgedefault="directed">');
    // networkx refuses an undirected edge in a directed graph: no edge says directed="false".
    expect(text).not.toContain('directed="false"');
    expect(text).toContain('<edge id="p" source="0" target="__proto__">');
    expect(text).toContain('<edge id="s" source="__proto__" target="0">');
    expect(text).toMatch(/<key id="e\d+" for="edge" attr.name="actorscope:mutual" attr.type="boolean"\/>/);
    expect(text).toMatch(/<key id="e\d+" for="edge" attr.name="actorscope:confidence" attr.type="double"\/>/);
    expect(text).toContain('<data key="v0">Proto\nline</data>');
    expect(text).not.toContain(']]>');
    expect(ok(readGraphml(text)).dataset).toStrictEqual(sample);
  });

  it('throws a clear Error naming the actor or relation for a character XML cannot carry', () => {
    const bad = structuredClone(sample);
    bad.actors[0]!.attributes = { score: 'a\u0008b' };
    expect(() => writeGraphml(bad)).toThrow('cannot write actor "0" attribute "score": it contains U+0008 at position 2');
    const badId = structuredClone(sample);
    badId.relations[1]!.claims = [{ quote: 'q\uffff', sourceId: 't', locator: {}, assertedBy: '', stance: 'supports', grade: 'A1' }];
    expect(() => writeGraphml(badId)).toThrow(/cannot write relation "s" claims: it contains U\+FFFF/);
  });

  it('read(write(d)) gives d back, for arbitrary datasets', () => {
    expectRoundTrips(graphml, arbitraryDataset, 300);
  }, 60_000);

  it('read(write(d)) gives d back with reserved, name-like, null, -0 and mixed-type attributes', () => {
    expectRoundTrips(graphml, datasetWithAwkwardAttributes, 200, { noMappingWarnings: true });
  }, 60_000);

  it('round-trips the shipped Tajikistan dataset (claims, sources, meta) exactly, and GEXF → GraphML → GEXF too', () => {
    const d = shippedDataset();
    expect(ok(readGraphml(writeGraphml(d))).dataset).toStrictEqual(d);
    const viaBoth = ok(readGexf(writeGexf(ok(readGraphml(writeGraphml(d))).dataset))).dataset;
    expect(viaBoth).toStrictEqual(d);
  });

  it('a file from another tool reads the same after our write: read(write(read(f))) = read(f)', () => {
    expectStableAfterWrite(graphml, ['yfiles-html.graphml', 'yed-desktop.graphml', 'igraph-test.graphml', 'igraph-wa4.graphml', 'gephi-cdata.graphml', 'miserables-broken.graphml']);
  });
});

describe('graphmlFormat', () => {
  it('sniffs a GraphML root after a declaration or comments, and nothing else', () => {
    expect(sniffGraphml(fixture('yfiles-html.graphml'))).toBe(true);
    expect(sniffGraphml(fixture('networkx-fourpath.graphml'))).toBe(true);
    expect(sniffGraphml(fixture('mixed.gexf'))).toBe(false);
    expect(sniffGraphml('{"format":"actorscope"}')).toBe(false);
  });
  it('reads exactly one file and writes <base>.graphml', () => {
    expect(graphmlFormat.extensions).toEqual(['graphml']);
    expect(refused(graphmlFormat.read([]))[0]!.message).toMatch(/no GraphML file/);
    const r = ok(graphmlFormat.read([{ name: 'C:\\data\\fourpath.graphml', text: fixture('networkx-fourpath.graphml') }]));
    expect(r.dataset.meta.title).toBe('fourpath.graphml');
    expect(graphmlFormat.write(r.dataset, 'out')[0]).toMatchObject({ name: 'out.graphml', mime: 'application/graphml+xml' });
  });
});
