/**
 * GEXF import and export (graph/io/xml/gexf*.ts) and the XML layer under both
 * XML formats (graph/io/xml/parse.ts, prescan.ts, tree.ts, escape.ts):
 * - the XML reader: the compact tree built from xmldom's SAX events (elements,
 *   namespaces, text, CDATA, 1-based line:column) — this guards the parser
 *   option we rely on — and every refusal located as `line L:C` (empty,
 *   truncated, DOCTYPE, ENTITY, control characters raw or as references,
 *   bare `&`, unknown entities, unquoted attributes, two roots, unbound
 *   prefixes); escaping for the writers.
 * - readGexf on fixtures in tests/fixtures/xml/ that reproduce the real files
 *   described in shared/data/README.md (Gephi 0.9 GEXF 1.3 with viz, Gephi
 *   Lite / graphology 1.2draft with the three-slash viz namespace, INF,
 *   mixed edges, liststring, missing nodes, undeclared attributes) and an
 *   analyst's file with kinds, aliases, countries and relation types.
 * - refused files: each error located, never an empty or partial dataset.
 * - writeGexf: escaping, forbidden characters, and read(write(d)) equal to d
 *   (fast-check over arbitraryDataset, and over datasets with viz-like,
 *   reserved and null attributes).
 */
import { describe, expect, it } from 'vitest';
import { gexfFormat, sniffGexf } from '../../graph/io/xml/gexf';
import { readGexf } from '../../graph/io/xml/gexf-read';
import { writeGexf } from '../../graph/io/xml/gexf-write';
import { xmlAttr, xmlText } from '../../graph/io/xml/escape';
import { parseXml } from '../../graph/io/xml/parse';
import { attr, childElements, textOf, type XmlElement } from '../../graph/io/xml/tree';
import type { Problem } from '../../graph/schema/problems';
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
const gexf: TextFormat = { read: readGexf, write: writeGexf };

function parsed(text: string): XmlElement {
  const r = parseXml(text);
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return r.root;
}
function xmlError(text: string): Problem {
  const r = parseXml(text);
  if (r.ok) throw new Error('expected an XML error');
  return r.problem;
}

describe('the XML reader: the compact tree from xmldom', () => {
  it('gives elements, namespaces, decoded attributes, text and CDATA, and 1-based line:column', () => {
    const root = parsed('<?xml version="1.0"?>\n<g xmlns="urn:g" xmlns:v="urn:v">\n  <n id="a&amp;b" v:x="1"><!-- c -->t<![CDATA[<x>]]>&lt;</n>\n\t<v:size value="2"/>\n</g>');
    expect([root.localName, root.ns, root.line, root.column]).toEqual(['g', 'urn:g', 2, 1]);
    const [n, size] = childElements(root) as [XmlElement, XmlElement];
    expect([n.localName, n.ns, n.line, n.column]).toEqual(['n', 'urn:g', 3, 3]);
    expect(attr(n, 'id')).toBe('a&b');
    expect(attr(n, 'v:x')).toBe('1');
    expect(attr(n, 'missing')).toBeNull();
    expect(textOf(n)).toBe('t<x><');
    expect([size.localName, size.prefix, size.ns, size.line, size.column]).toEqual(['size', 'v', 'urn:v', 4, 2]);
  });

  it('keeps tab, LF and CR given as references in attributes, and U+2028/U+0085 in text', () => {
    const root = parsed('<a x="t&#9;n&#10;r&#13;" y="lit\tand\nlines">\u2028\u0085</a>');
    expect(attr(root, 'x')).toBe('t\tn\nr\r');
    expect(attr(root, 'y')).toBe('lit and lines'); // attribute-value normalisation, as XML requires
    expect(textOf(root)).toBe('\u2028\u0085');
  });

  it('counts CRLF and CR as one line end, and ignores a byte-order mark', () => {
    const root = parsed('\ufeff<a>\r\n<b/>\r<c/></a>');
    const [b, c] = childElements(root) as [XmlElement, XmlElement];
    expect([b.line, c.line]).toEqual([2, 3]);
  });

  it('warns (does not refuse) on U+FFFD, which often means a wrong encoding', () => {
    const r = parseXml('<a>\n caf\ufffd</a>');
    expect(r.ok && r.warnings).toEqual([expect.objectContaining({ severity: 'warning', path: 'line 2:5' })]);
  });
});

describe('the XML reader: refusals, each located', () => {
  const cases: Array<[string, string, string, RegExp]> = [
    ['empty file', '', 'line 1:1', /empty/],
    ['only whitespace', ' \n\t', 'line 1:1', /empty/],
    ['truncated inside an element', '<a>\n  <b x="1"/>\n', 'line 2:13', /ends before <a> is closed.*truncated/],
    ['truncated in a tag', '<a>\n  <b x="1"/>\n  <c', 'line 3:3', /middle of a tag.*truncated/],
    ['mismatched end tag', '<a>\n<b></c>\n</a>', 'line 2:', /mismatch/],
    ['DOCTYPE', '<?xml version="1.0"?>\n<!DOCTYPE gexf SYSTEM "x.dtd">\n<gexf/>', 'line 2:1', /DOCTYPE.*not accepted/],
    ['ENTITY in an internal subset', '<a/>\n  <!ENTITY e "boom">', 'line 2:3', /ENTITY.*not accepted/],
    ['HTML page', '<!doctype html>\n<html></html>', 'line 1:1', /HTML page/],
    ['raw control character', '<a>\n  <b label="x\u0001y"/>\n</a>', 'line 2:14', /U\+0001 is not allowed/],
    ['control character as a reference', '<a>\n <b label="&#x1;"/></a>', 'line 2:12', /&#x1; refers to U\+0001/],
    ['U+FFFF', '<a>\uffff</a>', 'line 1:4', /U\+FFFF/],
    ['unpaired surrogate', '<a>x\ud800</a>', 'line 1:5', /unpaired surrogate/],
    ['bare ampersand', '<a>\nfish & chips</a>', 'line 2:6', /bare "&"/],
    ['unknown entity', '<a>&nbsp;</a>', 'line 1:4', /&nbsp; is not an XML entity/],
    ['unquoted attribute', '<a x=1/>', 'line 1:', /not well-formed/],
    ['two root elements', '<a/>\n<b/>', 'line 2:1', /second root/],
    ['undeclared prefix', '<a>\n  <viz:size value="1"/>\n</a>', 'line 2:3', /prefix "viz".*not declared/],
  ];
  for (const [name, text, path, message] of cases) {
    it(name, () => {
      const p = xmlError(text);
      expect(p.severity).toBe('error');
      expect(p.path.startsWith(path)).toBe(true);
      expect(p.path).toMatch(/^line \d+:\d+$/);
      expect(p.message).toMatch(message);
    });
  }

  it('does not mistake markup inside comments and CDATA for declarations or references', () => {
    const root = parsed('<a><!-- <!DOCTYPE x> & --><![CDATA[<!ENTITY y> & ]]></a>');
    expect(textOf(root)).toBe('<!ENTITY y> & ');
  });
});

describe('XML escaping for the writers', () => {
  const awkward = 'quote " apos \' lt < gt > amp & ]]> tab\t lf\n cr\r end';
  it('xmlAttr and xmlText round-trip every allowed character through the parser', () => {
    const root = parsed(`<a v="${xmlAttr(awkward, () => 'x')}">${xmlText(awkward, () => 'x')}</a>`);
    expect(attr(root, 'v')).toBe(awkward);
    expect(textOf(root)).toBe(awkward);
    expect(xmlText(']]>', () => 'x')).not.toContain(']]>');
  });
  it('throws an Error naming the place for characters XML cannot carry', () => {
    expect(() => xmlAttr('a\u0001b', () => 'actor "x" name')).toThrow(/cannot write actor "x" name: it contains U\+0001 at position 2/);
    expect(() => xmlText('\ud800', () => 'the title')).toThrow(/the title.*U\+D800/);
  });
});

describe('readGexf: files from Gephi, Gephi Lite and graphology', () => {
  it('Gephi 0.9, GEXF 1.3 with viz: names, typed attributes, position/size/color, native weights', () => {
    const { dataset, report } = ok(readGexf(fixture('gephi-0.9-viz.gexf'), 'gephi-0.9-viz.gexf'));
    expect(report).toMatchObject({ format: 'gexf', actorsRead: 3, relationsRead: 3 });
    expect(dataset.meta).toEqual({ title: 'gephi-0.9-viz.gexf' }); // an empty <description> is no description
    expect(dataset.actors.map((a) => [a.id, a.name, a.kind])).toEqual([
      ['0', 'Adams Field Airport', 'organization'],
      ['1', 'Akron/canton Regional', 'organization'],
      ['2', 'Albany Cty', 'organization'],
    ]);
    // The attribute title (not its id) names it; z="0.0" is dropped, z="12.5" kept; alpha is not kept.
    expect(plain(dataset.actors[0]!.attributes)).toEqual({ Code: 'LIT', latitude: 34.729444, 'Modularity Class': 3, size: 9.220858, x: 55.805447, y: -209.34912, color: '#d94ea4' });
    expect(plain(dataset.actors[1]!.attributes)).toMatchObject({ size: 4, x: -254.07549, y: -332.5496, z: 12.5, color: '#5b5bf5' });
    expect(plain(dataset.actors[2]!.attributes)).toEqual({ Code: 'ALB' });
    expect(dataset.relations.map((r) => [r.id, r.source, r.target, r.type, plain(r.attributes)])).toEqual([
      ['0', '0', '1', 'other', { undirected: true }],
      ['1', '1', '2', 'other', { weight: 8, undirected: true }],
      ['2', '2', '0', 'other', { weight: 1, undirected: true }],
    ]);
    expect(warningAt(report, /3 relations are undirected/)?.path).toBe('line 41:7');
    expect(warningAt(report, /no edge attribute gives the relation type/)).toBeDefined();
  });

  it('Gephi Lite / graphology 1.2draft with the three-slash viz namespace http:///www.gexf.net/1.1draft/viz', () => {
    const { dataset, report } = ok(readGexf(fixture('gephi-lite-1.2draft.gexf')));
    expect(report).toMatchObject({ actorsRead: 3, relationsRead: 2 });
    expect(dataset.meta.title).toBe('Les Miserables (three characters)');
    expect(plain(dataset.actors[0]!.attributes)).toEqual({ modularity_class: 1, color: '#f55b5b', size: 100, x: -87.93029, y: 6.8120565 });
    expect(plain(dataset.actors[2]!.attributes)).toEqual({ color: '#c25bf5' });
    expect(plain(dataset.relations[1]!.attributes)).toEqual({ cooccurrence: 8, weight: 8, undirected: true });
    expect(dataset.relations.map((r) => r.id)).toEqual(['geid_138_0', 'geid_138_1']);
  });

  it('infinity.gexf: INF and -INF keep their text with a located warning; never NaN', () => {
    const { dataset, report } = ok(readGexf(fixture('infinity.gexf')));
    expect(plain(dataset.actors[0]!.attributes)).toEqual({ positive: 'INF', negative: '-INF' });
    expect(plain(dataset.actors[1]!.attributes)).toEqual({ positive: 12.5, negative: 'NaN' });
    expect(report.warnings.filter((w) => /infinite/.test(w.message)).map((w) => [w.path, w.message])).toEqual([
      ['line 11:21', 'node attribute "positive" (double): "INF" is infinite; attributes hold finite numbers, so the text is kept'],
      ['line 12:21', 'node attribute "negative" (double): "-INF" is infinite; attributes hold finite numbers, so the text is kept'],
    ]);
    expect(warningAt(report, /"NaN" is not a number; kept as text/)?.path).toBe('line 18:21');
    const values = dataset.actors.flatMap((a) => Object.values(a.attributes ?? {}));
    expect(values.some((v) => typeof v === 'number' && !Number.isFinite(v))).toBe(false);
  });

  it('mixed.gexf: directed by default, type="undirected" and "mutual" per edge; a label names the type', () => {
    const { dataset, report } = ok(readGexf(fixture('mixed.gexf'), 'mixed.gexf'));
    expect(dataset.meta).toEqual({ title: 'mixed.gexf', description: 'A mixed graph' });
    expect(dataset.relations.map((r) => [r.id, r.source, r.target, r.type, plain(r.attributes)])).toEqual([
      ['1', '1', '2', 'other', undefined],
      ['2', '2', '3', 'other', { originalType: 'Nice edge', weight: 4.56 }],
      ['3', '3', '1', 'other', { undirected: true }],
      ['4', '1', '3', 'partner', undefined], // a partnership has no direction to lose
    ]);
    expect(warningAt(report, /"Nice edge" is not a relation type.*one relation kept as "other"/)?.path).toBe('line 15:7');
    expect(warningAt(report, /2 of 4 relations have no type/)?.path).toBe('line 14:7');
    expect(warningAt(report, /one relation is undirected/)?.path).toBe('line 16:7');
  });

  it('liststring.gexf: list values stay text as written; float typed; a boolean <default> applies', () => {
    const { dataset } = ok(readGexf(fixture('liststring.gexf')));
    expect(dataset.actors.map((a) => plain(a.attributes))).toEqual([
      { types: 'cooking|money', indegree: 1, frog: true },
      { types: '[wines, idea]', indegree: 2, frog: false },
    ]);
  });

  it('undeclared_attribute: kept as text, one located warning per attribute with the count', () => {
    const { dataset, report } = ok(readGexf(fixture('undeclared-attribute.gexf')));
    expect(plain(dataset.actors[1]!.attributes)).toEqual({ url: 'http://medialab.github.io/nansi' });
    expect(plain(dataset.relations[0]!.attributes)).toEqual({ count: '43' });
    expect(dataset.relations[0]!.id).toBe('r1'); // the edge has no id
    expect(report.warnings.slice(0, 2).map((w) => [w.path, w.message])).toEqual([
      ['line 11:11', 'node attribute "url" is not declared (<attributes class="node">): kept as text on 2 nodes'],
      ['line 23:11', 'edge attribute "count" is not declared (<attributes class="edge">): kept as text on one edge'],
    ]);
  });

  it('missing_nodes: edges to nodes the file does not define refuse the file, each located', () => {
    const problems = refused(readGexf(fixture('missing-nodes.gexf')));
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ['line 9:13', 'edge "1" points at the source node "2", which the file does not define'],
      ['line 11:13', 'edge "2" points at the source node "2", which the file does not define'],
      ['line 11:13', 'edge "2" points at the target node "4", which the file does not define'],
    ]);
  });

  it('an analyst’s file: kinds, aliases, countries, notes and relation types mapped; duplicates and odd ids handled', () => {
    const { dataset, report } = ok(readGexf(fixture('analyst-typed.gexf')));
    expect(report).toMatchObject({ actorsRead: 4, relationsRead: 7 });
    expect(dataset.actors.map((a) => ({ ...a, attributes: plain(a.attributes) }))).toEqual([
      { id: 'TJ', name: 'Tajikistan', kind: 'state', aliases: ['Republic of Tajikistan', 'Тоҷикистон'], country: 'TJ', attributes: { population: 10000000 } },
      { id: '__proto__', name: 'Prototype Front', kind: 'armed-group', aliases: [], notes: 'named to test odd ids', attributes: undefined },
      { id: 'constructor', name: 'constructor', kind: 'militia', aliases: [], attributes: { country: 'Tajikistan' } },
    ]);
    expect(dataset.relations.map((r) => [r.id, r.source, r.target, r.type, plain(r.attributes)])).toEqual([
      ['e1', 'TJ', '__proto__', 'threat', undefined],
      ['r1', 'constructor', 'TJ', 'suspected-supporter', { since: 2021 }],
      ['r2', 'constructor', 'TJ', 'other', { originalType: 'supporter' }],
      ['e4', 'TJ', 'TJ', 'other', { originalType: 'Arms_Supplier' }],
      ['e5', 'TJ', '__proto__', 'partner', undefined],
      ['e6', '__proto__', 'TJ', 'other', { originalType: 'supporter' }],
      ['e7', 'TJ', 'constructor', 'other', undefined],
    ]);
    const messages = report.warnings.map((w) => `${w.path}: ${w.message}`);
    expect(messages).toEqual(expect.arrayContaining([
      'line 34:11: country "Tajikistan" is not an ISO 3166-1 alpha-2 code; kept as the attribute "country"',
      'line 37:7: node id "TJ" is used already at line 17:7; this node is dropped, the first is kept',
      'line 45:7: edge id "e2" is used by 2 edges; this relation gets a generated id',
      'line 51:7: edge id "e2" is used by 2 edges (first at line 45:7); this relation gets a generated id',
      'line 53:11: "supporter" is not a relation type (partner, threat, supplier, suspected-supporter, other): 2 relations kept as "other" with attributes.originalType',
      'line 71:7: 1 of 7 relations has no type (type, relation, kind or label): read as "other"',
      'line 31:7: "militia" is not a known kind (state, armed-group, political-group, bloc, region, person, organization): kept as written on one actor',
      'line 56:7: relation "e4": relates "TJ" to itself; kept, but metrics ignore self-relations',
    ]));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('dynamic GEXF: a node keeps its spells and its values over time (tests/unit/gexf-dynamic.test.ts reads time in depth); nested nodes become actors', () => {
    const { dataset, report } = ok(readGexf(fixture('dynamic-nested.gexf')));
    expect(dataset.actors.map((a) => [a.id, a.name, plain(a.attributes)])).toEqual([
      ['a', 'Bloc A', { spells: '[{"start":"2001-01-01","end":"2003-01-01"}]', score: '[{"value":1.5,"start":"2001-01-01","end":"2002-01-01"},{"value":2.5,"start":"2002-01-01"}]' }],
      ['a1', 'Member 1', undefined],
      ['a2', 'Member 2', undefined],
    ]);
    expect(warningAt(report, /2 nested nodes are read as ordinary actors/)?.path).toBe('line 17:11');
  });
});

describe('readGexf: refused files', () => {
  const good = fixture('gephi-lite-1.2draft.gexf');
  it('a truncated file is an error at the end, never a partial graph', () => {
    const cut = good.slice(0, good.indexOf('<node id="48"'));
    const problems = refused(readGexf(cut));
    expect(problems).toEqual([{ severity: 'error', path: 'line 22:14', message: expect.stringMatching(/ends before <gexf>, <graph>, <nodes> are closed/) }]);
    const midTag = good.slice(0, good.indexOf('label="Gavroche"') + 8);
    expect(refused(readGexf(midTag))).toEqual([{ severity: 'error', path: 'line 23:7', message: 'the file ends in the middle of a tag: it is truncated' }]);
  });
  it('an empty file', () => {
    expect(refused(readGexf(''))).toEqual([{ severity: 'error', path: 'line 1:1', message: 'the file is empty' }]);
  });
  it('a GraphML file, an HTML page, another XML document', () => {
    expect(refused(readGexf(fixture('networkx-fourpath.graphml')))).toEqual([
      { severity: 'error', path: 'line 2:1', message: 'this is a GraphML file (<graphml>), not a GEXF file' },
    ]);
    expect(refused(readGexf('<html>\n<body><p>Not found</p></body></html>'))[0]).toMatchObject({ path: 'line 1:1', message: 'this is an HTML page (<html>), not a GEXF file' });
    expect(refused(readGexf('<gexf xmlns="http://www.w3.org/1999/xhtml"/>'))[0]!.message).toMatch(/not a GEXF file/);
    expect(refused(readGexf('<gexf xmlns="http://gexf.net/1.3" version="1.3"/>'))[0]).toMatchObject({ path: 'line 1:1', message: 'the GEXF file has no <graph> element' });
  });
  it('a DOCTYPE or an entity declaration', () => {
    const withDtd = good.replace('<gexf ', '<!DOCTYPE gexf [\n  <!ENTITY boom "x">\n]>\n<gexf ');
    expect(refused(readGexf(withDtd))[0]).toMatchObject({ path: 'line 2:1', message: expect.stringMatching(/DOCTYPE/) });
  });
  it('a control character in a label refuses the file at its place (graphology imported such a file as empty)', () => {
    const bad = good.replace('label="Gavroche"', 'label="Gav\u0001roche"');
    expect(refused(readGexf(bad))).toEqual([
      { severity: 'error', path: 'line 23:31', message: expect.stringMatching(/U\+0001 is not allowed in XML 1\.0/) },
    ]);
  });
  it('an edge to a missing node, a node or edge without its ids', () => {
    const text = good.replace('source="55" target="11"', 'source="55" target="nobody"').replace('<node id="55" label="Marius">', '<node label="Marius">');
    const problems = refused(readGexf(text));
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ['line 31:7', 'a <node> needs a non-empty id'],
      ['line 41:7', 'edge "geid_138_1" points at the source node "55", which the file does not define'],
      ['line 41:7', 'edge "geid_138_1" points at the target node "nobody", which the file does not define'],
    ]);
    expect(refused(readGexf(good.replace(' target="11">', '>')))[0]).toMatchObject({ path: 'line 36:7', message: 'an <edge> needs a source and a target (no target)' });
  });
});

// ---------------------------------------------------------------- writing and round trips

/** Attributes a GEXF writer could mistake for its own (viz, weight, reserved names), with null, -0 and colour-like texts. */
const datasetWithAwkwardAttributes = withAwkwardAttributes(
  ['x', 'y', 'size', 'color', 'z', 'label', 'name', 'kind', 'type', 'undirected', 'weight', 'originalType', 'actorscope:kind', 'actorscope:attr:x', '__proto__', '', 'constructor', ' spaced ', 'a"b<c>&'],
  ['#a0b1c2', '#ABCDEF', 'red', '', ' ', 'true', '1', 'INF'],
);

describe('writeGexf', () => {
  const sample = restored({
    format: 'actorscope',
    version: 1,
    meta: { title: 'T "1" ]]> <x>', description: 'line one\nline two', method: 'm' },
    actors: [
      { id: 'a"1', name: 'Alpha & <Co>', kind: 'state', aliases: ['A1'], country: 'TJ', attributes: { x: 1.5, y: -2, size: 3, color: '#a0b1c2', score: 7 } },
      { id: 'b', name: 'Tab\there', kind: 'person', notes: 'cr\rlf\n' },
    ],
    relations: [
      { id: 'p', source: 'a"1', target: 'b', type: 'partner', claims: [] },
      { id: 't', source: 'b', target: 'a"1', type: 'threat', claims: [], attributes: { weight: 0.5, undirected: true } },
    ],
  });

  it('writes GEXF 1.2draft (networkx 2.8 reads no 1.3): viz for x/y/size/color, native weight, every edge directed with partners marked actorscope:mutual, our fields as actorscope: attributes', () => {
    const text = writeGexf(sample);
    expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<gexf xmlns="http:\/\/www.gexf.net\/1.2draft" xmlns:viz="http:\/\/www.gexf.net\/1.2draft\/viz"/);
    expect(text).toContain('version="1.2">');
    expect(text).toContain('<graph mode="static" defaultedgetype="directed">');
    expect(text).toContain('<node id="a&quot;1" label="Alpha &amp; &lt;Co&gt;">');
    expect(text).toContain('<viz:color r="160" g="177" b="194"/>');
    expect(text).toContain('<viz:position x="1.5" y="-2"/>');
    expect(text).toContain('<viz:size value="3"/>');
    expect(text).toContain('<attribute id="n0" title="actorscope:kind" type="string"/>');
    expect(text).toContain('<attvalue for="n4" value="cr&#13;lf&#10;"/>');
    // networkx refuses an undirected edge in a directed graph: none is written.
    expect(text).not.toContain('type="undirected"');
    expect(text).toContain('<edge id="p" source="a&quot;1" target="b">');
    expect(text).toContain('<edge id="t" source="b" target="a&quot;1" weight="0.5">');
    expect(text).toMatch(/<attribute id="e\d+" title="actorscope:mutual" type="boolean"\/>/);
    expect(text).toContain('<title>T "1" ]]&gt; &lt;x&gt;</title>');
    expect(text).not.toContain(']]>');
    expect(ok(readGexf(text)).dataset).toStrictEqual(sample);
  });

  it('throws a clear Error naming the actor or relation when a text holds a character XML cannot carry', () => {
    const bad = structuredClone(sample);
    bad.actors[1]!.name = 'Bad\u0002name';
    expect(() => writeGexf(bad)).toThrow('cannot write actor "b" name: it contains U+0002 at position 4');
    const badRelation = structuredClone(sample);
    badRelation.relations[0]!.notes = '\u0000';
    expect(() => writeGexf(badRelation)).toThrow(/cannot write relation "p" notes: it contains U\+0000/);
  });

  it('read(write(d)) gives d back, for arbitrary datasets', () => {
    expectRoundTrips(gexf, arbitraryDataset, 300);
  }, 60_000);

  it('read(write(d)) gives d back with viz-like, reserved, null and -0 attributes of mixed types', () => {
    expectRoundTrips(gexf, datasetWithAwkwardAttributes, 200, { noMappingWarnings: true });
  }, 60_000);

  it('round-trips the shipped Tajikistan dataset (claims, sources, meta) exactly', () => {
    const d = shippedDataset();
    expect(ok(readGexf(writeGexf(d))).dataset).toStrictEqual(d);
  });

  it('a file from another tool reads the same after our write: read(write(read(f))) = read(f)', () => {
    expectStableAfterWrite(gexf, ['gephi-0.9-viz.gexf', 'gephi-lite-1.2draft.gexf', 'mixed.gexf', 'analyst-typed.gexf', 'infinity.gexf']);
  });
});

describe('gexfFormat', () => {
  it('sniffs a GEXF root after a declaration, comments or a BOM, and nothing else', () => {
    expect(sniffGexf(fixture('gephi-0.9-viz.gexf'))).toBe(true);
    expect(sniffGexf('\ufeff<!-- x --><gexf version="1.2">')).toBe(true);
    expect(sniffGexf(fixture('networkx-fourpath.graphml'))).toBe(false);
    expect(sniffGexf('source,target\n')).toBe(false);
  });
  it('reads exactly one file and writes <base>.gexf', () => {
    expect(gexfFormat.extensions).toEqual(['gexf']);
    expect(refused(gexfFormat.read([]))[0]!.message).toMatch(/no GEXF file/);
    expect(refused(gexfFormat.read([{ name: 'a.gexf', text: '' }, { name: 'b.gexf', text: '' }]))[0]!.message).toMatch(/one file at a time/);
    const r = ok(gexfFormat.read([{ name: 'dir/mixed.gexf', text: fixture('mixed.gexf') }]));
    expect(r.dataset.meta.title).toBe('mixed.gexf');
    const [out] = gexfFormat.write(r.dataset, 'export');
    expect(out).toMatchObject({ name: 'export.gexf', mime: 'application/gexf+xml' });
  });
});
