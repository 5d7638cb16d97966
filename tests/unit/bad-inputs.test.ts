/**
 * The bad-input catalogue: one table of files that go wrong in the ways real
 * files do, each run through importFiles() as the explorer's worker runs it
 * (graph/protocol.ts: `import` is importFiles() behind postMessage, so the
 * files arrive as a structured clone and the result leaves as one). Every
 * case asserts:
 *  (a) the located problem: `line L:C` for XML and JSON syntax, `line L,
 *      column NAME` (or `line L`) for CSV, an element path (`elements.edges[0]
 *      .data.target`, `[0]`, `graphDataset.fullGraph`) for JSON content — or
 *      the specific warning of a file that is read;
 *  (b) an error means `ok: false` with problems and nothing else: never an
 *      empty or partial dataset; importFiles never throws;
 *  (c) the "current" dataset (the Tajikistan one, deep-frozen, compared with
 *      a structuredClone taken before) is unchanged, and Object.prototype too.
 *
 * Other tests read these formats in depth (gexf, graphml, csv-format,
 * json-formats); this file is the one list of refusals and warnings, across
 * formats, through the one entry point the UI uses. A case that fails here
 * and is not a mistake in the case is a bug in graph/io: the case says what
 * should happen, and stays failing until graph/io does it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { FormatImportResult, ImportFile, ImportReport, InputFile } from '../../graph/io/format';
import { exportDataset, importFiles, type ImportOptions } from '../../graph/io/registry';
import type { Dataset } from '../../graph/model/types';
import { formatProblem, type Problem } from '../../graph/schema/problems';
import { restore } from '../../graph/schema/restore';
import { bigCsvEdgeList, bigGexf as bigGexfFile } from '../support/big-files';
import { ANNOTATION_FILE_REFUSAL } from '../../graph/io/annotations/annotation-shape';
import { writeAnnotations } from '../../graph/io/annotations/write-annotations';

// ------------------------------------------------------------------ helpers

/** Freezes an object and everything it holds, so any write to it throws (tests run in strict mode). */
function deepFreeze<T>(value: T): T {
  // A typed array's bytes cannot be frozen (it throws); the bytes of a file are checked by comparing them instead.
  if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

/** Lines of a file, each ended by "\n": line numbers in the cases count from here. */
const lines = (...l: string[]) => `${l.join('\n')}\n`;
const one = (name: string, text: string): InputFile[] => [{ name, text }];

/** GEXF 1.3 with the attribute declarations, nodes and edges given: line 1 the declaration, line 2 <gexf>, line 3 <graph>, the body from line 4. */
const gexf = (...body: string[]) =>
  lines('<?xml version="1.0" encoding="UTF-8"?>', '<gexf xmlns="http://gexf.net/1.3" version="1.3">', '  <graph defaultedgetype="directed">', ...body, '  </graph>', '</gexf>');
/** GraphML: line 1 the declaration, line 2 <graphml>, then the keys, then <graph>, then the body. */
const graphml = (keys: string[], ...body: string[]) =>
  lines('<?xml version="1.0" encoding="UTF-8"?>', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">', ...keys, '  <graph edgedefault="directed">', ...body, '  </graph>', '</graphml>');

const ids = (items: ReadonlyArray<{ id: string }>) => items.map((i) => i.id);
const RTL_NAME = '\u200fحركة طالبان\u200f (طالبان)';
const LONG_NAME = `${'ש'.repeat(5_000)}${'x'.repeat(4_999)}!`; // 10,000 characters
const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** Our JSON format: a valid empty dataset, with the parts given replacing its own. */
const ourJson = (parts: Record<string, unknown>) => JSON.stringify({ format: 'actorscope', version: 1, meta: { title: 't' }, actors: [], relations: [], ...parts });

/** Checks a dataset read from a file with the ids __proto__ and constructor: both are actors, and nothing leaked into Object.prototype. */
function reservedIdsKept(d: Dataset): void {
  expect(ids(d.actors)).toEqual(['__proto__', 'constructor']);
  expect(d.relations.map((r) => [r.source, r.target])).toEqual([['__proto__', 'constructor']]);
  for (const item of [...d.actors, ...d.relations]) expect(typeof item.id).toBe('string');
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
}

/** A file as the explorer and the CLI now hand it over: its bytes, decoded by importFiles (graph/io/decode.ts). */
const oneBytes = (name: string, bytes: Uint8Array): ImportFile[] => [{ name, bytes }];
/** Text saved as Windows-1252 / Latin-1 (every character here is below U+0100, one byte each). */
const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
/** Text saved as UTF-16 with its byte-order mark, as Windows' "Unicode" and Excel's "Unicode text" write it. */
const utf16le = (text: string) => new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le'));
const utf16be = (text: string) => new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le').swap16());
/** `depth` elements `open`, each inside the one before, closed by `close`. */
const nested = (open: string, close: string, depth: number) => `${open.repeat(depth)}${close.repeat(depth)}`;
const CITIES_CSV = lines('source,target,type', 'Köln,Käln,partner', 'München,Mänchen,threat');
const names = (d: Dataset) => d.actors.map((a) => a.name).sort();

/** The two big files, made when their case runs. */
const bigCsv = (): InputFile[] => [bigCsvEdgeList()];
/** The shipped dataset, restored (for files made from it). */
const restoredTajikistan = (): Dataset => {
  const r = restore(JSON.parse(readFileSync(fileURLToPath(new URL('../../public/data/tajikistan-2023.json', import.meta.url)), 'utf8')));
  if (!r.ok) throw new Error('the shipped dataset does not restore');
  return r.dataset;
};
const bigGexf = (): InputFile[] => [bigGexfFile()];

// ------------------------------------------------------------------ the catalogue

type Expected = { severity: 'error' | 'warning'; path: string; message: string | RegExp };
const error = (path: string, message: string | RegExp): Expected => ({ severity: 'error', path, message });
const warning = (path: string, message: string | RegExp): Expected => ({ severity: 'warning', path, message });

interface Case {
  name: string;
  /** The files as the worker receives them (text, or bytes to decode); a function for the generated big ones. */
  files: ImportFile[] | (() => ImportFile[]);
  options?: ImportOptions;
  /**
   * An error: the first error of the refusal, located. A warning: one of the
   * warnings of the import. None: the file imports, and `check` says how.
   */
  problem?: Expected;
  /** What the imported dataset holds (files that are read). */
  check?: (dataset: Dataset, report: ImportReport) => void;
}

/** 100,000 nested lists: JSON.parse reads them; every recursive step after it would overflow. */
const DEEP = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
const NESTED_TOO_DEEP = 'lists and objects nested more than 256 deep; Actorscope reads JSON nested up to 256 levels (a graph file needs fewer than 10)';
const BEYOND = "is beyond JavaScript's exact integers (±2^53): kept as the text";

const XML_NOT_A_CHARACTER = 'is not allowed in XML 1.0; the file is damaged or was written by a tool that does not escape it';
const DOCTYPE_REFUSED = 'a document type declaration (<!DOCTYPE …>) is not accepted: it can define entities that parsers expand differently; remove it';

const CASES: Case[] = [
  // ---- truncated files: the place where they stop
  {
    name: 'truncated GEXF, cut inside a tag',
    files: one('net.gexf', lines('<?xml version="1.0"?>', '<gexf xmlns="http://gexf.net/1.3" version="1.3">', '  <graph defaultedgetype="directed">', '    <nodes>', '      <node id="a" label="A"/>', '      <node id="b" lab').slice(0, -1)),
    problem: error('line 6:7', 'the file ends in the middle of a tag: it is truncated'),
  },
  {
    name: 'truncated GEXF, cut between elements',
    files: one('net.gexf', lines('<?xml version="1.0"?>', '<gexf xmlns="http://gexf.net/1.3" version="1.3">', '  <graph defaultedgetype="directed">', '    <nodes>', '      <node id="a" label="A"/>')),
    problem: error('line 5:31', 'the file ends before <gexf>, <graph>, <nodes> are closed: it is truncated or not well-formed'),
  },
  {
    name: 'truncated GraphML',
    files: one('net.graphml', lines('<?xml version="1.0"?>', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">', '  <graph edgedefault="directed">', '    <node id="a"/>', '    <node id="b"/>', '    <edge source="a" target="b"/>')),
    problem: error('line 6:34', 'the file ends before <graphml>, <graph> are closed: it is truncated or not well-formed'),
  },
  {
    name: 'truncated JSON (our format), cut inside a string',
    files: one('data.json', '{\n  "format": "actorscope",\n  "version": 1,\n  "meta": {"title": "x"},\n  "actors": [\n    {"id": "a", "name": "A", "kind": "state"},\n    {"id": "b", "na'),
    problem: error('line 7:20', 'not valid JSON: a string is not closed'),
  },
  {
    name: 'truncated Cytoscape.js JSON (.cyjs), cut after a comma',
    files: one('net.cyjs', '{\n  "elements": {\n    "nodes": [\n      {"data": {"id": "a"}},\n'),
    problem: error('line 5:1', 'not valid JSON: the file ends where a value should be'),
  },
  {
    // Classic Mac OS line ends: CSV and XML count a lone CR as a line end; the missing comma is on line 3, before line 4's "actors".
    name: 'JSON with CR-only line ends and a missing comma: located on its own line',
    files: one('data.json', '{\r  "format": "actorscope",\r  "version": 1\r  "actors": []\r}\r'),
    problem: error('line 4:3', 'not valid JSON: expected "," or "}", found "\\""'),
  },

  // ---- the wrong kind of file
  {
    name: 'an HTML page saved as .gexf (a 404 page from a download)',
    files: one('net.gexf', lines('<!DOCTYPE html>', '<html><head><title>404 Not Found</title></head><body>Not found</body></html>')),
    problem: error('line 1:1', 'this is an HTML page (<!DOCTYPE html>), not a graph file'),
  },
  {
    name: 'an HTML page without a DOCTYPE saved as .graphml',
    files: one('net.graphml', lines('<html>', '<body>Not found</body>', '</html>')),
    problem: error('line 1:1', 'this is an HTML page (<html>), not a GraphML file'),
  },
  {
    name: 'GraphML fed as GEXF',
    files: one('net.gexf', graphml([], '    <node id="a"/>')),
    problem: error('line 2:1', 'this is a GraphML file (<graphml>), not a GEXF file'),
  },
  {
    name: 'a JSON array of numbers',
    files: one('data.json', '[1, 2, 3]'),
    problem: error('[0]', 'expected an element {group, data: {…}}, found 1'),
  },
  {
    name: 'valid JSON of a shape no format has',
    files: one('data.json', '{"hello": "world", "items": [1, 2]}'),
    problem: error('format', 'missing is not "actorscope": this is not an Actorscope dataset'),
  },
  {
    name: 'a Gephi Lite project without its graph',
    files: one('project.json', JSON.stringify({ type: 'gephi-lite', version: '1.0.0', graphDataset: { nodeData: {}, edgeData: {}, metadata: { title: 'x' } } })),
    problem: error('graphDataset.fullGraph', 'missing: a Gephi Lite project keeps its graph in graphDataset.fullGraph'),
  },
  {
    // JSON.parse keeps the last "relations": the first list would vanish without a word.
    // Fails today (a bug in graph/io): the file is read, with 0 relations and no warning.
    name: 'JSON (our format) with the key "relations" twice: refused, not the first list silently dropped',
    files: one(
      'data.json',
      '{"format": "actorscope", "version": 1, "meta": {"title": "t"},\n "actors": [{"id": "a", "name": "A", "kind": "state"}, {"id": "b", "name": "B", "kind": "state"}],\n "relations": [{"id": "r1", "source": "a", "target": "b", "type": "threat", "claims": []}],\n "relations": []}\n',
    ),
    problem: error('line 4:2', /"relations"/),
  },

  // ---- XML that could attack the parser: refused before any entity is expanded
  {
    name: 'a DTD (GEXF with <!DOCTYPE … SYSTEM>)',
    files: one('net.gexf', lines('<?xml version="1.0"?>', '<!DOCTYPE gexf SYSTEM "http://example.org/gexf.dtd">', '<gexf xmlns="http://gexf.net/1.3"><graph/></gexf>')),
    problem: error('line 2:1', DOCTYPE_REFUSED),
  },
  {
    name: 'an external entity (XXE) reading /etc/passwd into a label',
    files: one(
      'net.gexf',
      lines('<?xml version="1.0"?>', '<!DOCTYPE gexf [', '  <!ENTITY xxe SYSTEM "file:///etc/passwd">', ']>', '<gexf xmlns="http://gexf.net/1.3"><graph><nodes><node id="a" label="&xxe;"/></nodes></graph></gexf>'),
    ),
    problem: error('line 2:1', DOCTYPE_REFUSED),
  },
  {
    name: 'an entity reference without a DTD (&xxe;)',
    files: one('net.gexf', gexf('    <nodes>', '      <node id="a" label="&xxe;"/>', '    </nodes>')),
    problem: error('line 5:27', '&xxe; is not an XML entity (only &amp; &lt; &gt; &quot; &apos; exist without a DTD); write the character itself'),
  },
  {
    name: 'billion laughs (nested entities in GraphML)',
    files: one(
      'net.graphml',
      lines(
        '<?xml version="1.0"?>',
        '<!DOCTYPE lolz [',
        ' <!ENTITY lol "lol">',
        ' <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">',
        ' <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">',
        ' <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">',
        ']>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph><node id="&lol3;"/></graph></graphml>',
      ),
    ),
    problem: error('line 2:1', DOCTYPE_REFUSED),
  },

  // ---- characters XML cannot carry
  {
    name: 'a raw control character (U+0001) in a GEXF label',
    files: one('net.gexf', gexf('    <nodes>', '      <node id="a" label="Al\u0001pha"/>', '    </nodes>')),
    problem: error('line 5:29', `the control character U+0001 ${XML_NOT_A_CHARACTER}`),
  },
  {
    name: 'a control character written &#1; in GraphML data',
    files: one('net.graphml', graphml(['  <key id="label" for="node" attr.name="label" attr.type="string"/>'], '    <node id="a">', '      <data key="label">Al&#1;pha</data>', '    </node>')),
    problem: error('line 6:27', '&#1; refers to U+0001, which XML 1.0 does not allow'),
  },

  // ---- duplicate ids
  {
    name: 'duplicate node ids in GEXF: warning, the first kept',
    files: one('net.gexf', gexf('    <nodes>', '      <node id="a" label="First"/>', '      <node id="a" label="Second"/>', '    </nodes>')),
    problem: warning('line 6:7', 'node id "a" is used already at line 5:7; this node is dropped, the first is kept'),
    check: (d) => expect(d.actors.map((a) => [a.id, a.name])).toEqual([['a', 'First']]),
  },
  {
    name: 'duplicate node ids in GraphML: warning, the first kept',
    files: one(
      'net.graphml',
      graphml(['  <key id="label" for="node" attr.name="label" attr.type="string"/>'], '    <node id="a"><data key="label">First</data></node>', '    <node id="a"><data key="label">Second</data></node>'),
    ),
    problem: warning('line 6:5', 'node id "a" is used already at line 5:5; this node is dropped, the first is kept'),
    check: (d) => expect(d.actors.map((a) => [a.id, a.name])).toEqual([['a', 'First']]),
  },
  {
    name: 'duplicate actor ids in a CSV actors file: warning, the first row kept',
    files: [
      { name: 'actors.csv', text: 'id,name\nA,First\nA,Second\nB,Bravo\n' },
      { name: 'relations.csv', text: 'source,target,type\nA,B,threat\n' },
    ],
    problem: warning('actors.csv, line 3, column id', '"A" is used already on line 2: the first is kept, this row is dropped'),
    check: (d) => expect(d.actors.map((a) => [a.id, a.name])).toEqual([['A', 'First'], ['B', 'Bravo']]),
  },
  {
    // Cytoscape.js itself refuses a second element with an id (cy.add throws), and so do graphology and our format.
    name: 'duplicate node ids in Cytoscape.js JSON: an error, as Cytoscape.js itself refuses them',
    files: one('net.cyjs', JSON.stringify({ elements: { nodes: [{ data: { id: 'a', name: 'First' } }, { data: { id: 'a', name: 'Second' } }], edges: [] } })),
    problem: error('elements.nodes[1].data.id', '"a" is used already by elements.nodes[0]'),
  },
  {
    name: 'duplicate actor ids in our JSON: an error',
    files: one('data.json', JSON.stringify({ format: 'actorscope', version: 1, meta: { title: 't' }, actors: [{ id: 'a', name: 'First', kind: 'state' }, { id: 'a', name: 'Second', kind: 'state' }], relations: [] })),
    problem: error('actors[1].id', '"a" is used already by actors[0]'),
  },
  {
    name: 'duplicate edge ids in GEXF: both relations kept, with generated ids, warned',
    files: one(
      'net.gexf',
      gexf('    <nodes>', '      <node id="a"/>', '      <node id="b"/>', '    </nodes>', '    <edges>', '      <edge id="e1" source="a" target="b" label="threat"/>', '      <edge id="e1" source="b" target="a" label="partner"/>', '    </edges>'),
    ),
    problem: warning('line 10:7', 'edge id "e1" is used by 2 edges (first at line 9:7); this relation gets a generated id'),
    check: (d) => expect(d.relations.map((r) => [r.id, r.source, r.target, r.type])).toEqual([['r1', 'a', 'b', 'threat'], ['r2', 'b', 'a', 'partner']]),
  },
  {
    name: 'duplicate relation ids in a CSV edge list: warning, the first row kept (as Gephi does)',
    files: one('edges.csv', 'id,source,target,type\ne1,A,B,threat\ne1,B,A,partner\n'),
    problem: warning('line 3, column id', '"e1" is used already on line 2: the first is kept, this row is dropped'),
    check: (d) => expect(d.relations.map((r) => [r.id, r.source, r.target, r.type])).toEqual([['e1', 'A', 'B', 'threat']]),
  },
  {
    name: 'duplicate edge ids in Cytoscape.js JSON: an error',
    files: one('net.cyjs', JSON.stringify({ elements: { nodes: [{ data: { id: 'a' } }, { data: { id: 'b' } }], edges: [{ data: { id: 'e1', source: 'a', target: 'b' } }, { data: { id: 'e1', source: 'b', target: 'a' } }] } })),
    problem: error('elements.edges[1].data.id', '"e1" is used already by elements.edges[0]'),
  },

  // ---- edges to nodes the file does not define
  {
    name: 'dangling edge in GEXF',
    files: one('net.gexf', gexf('    <nodes>', '      <node id="a"/>', '    </nodes>', '    <edges>', '      <edge id="e1" source="a" target="zz"/>', '    </edges>')),
    problem: error('line 8:7', 'edge "e1" points at the target node "zz", which the file does not define'),
  },
  {
    name: 'dangling edge in GraphML',
    files: one('net.graphml', graphml([], '    <node id="a"/>', '    <edge id="e1" source="zz" target="a"/>')),
    problem: error('line 5:5', 'edge "e1" points at the source node "zz", which the file does not define'),
  },
  {
    name: 'dangling relation in CSV actors + relations files',
    files: [
      { name: 'actors.csv', text: 'id,name\nA,Alpha\nB,Bravo\n' },
      { name: 'relations.csv', text: 'source,target,type\nA,B,threat\nB,Z,threat\n' },
    ],
    problem: error('relations.csv, line 3, column target', '"Z" is not the id of any actor in actors.csv'),
  },
  {
    name: 'dangling edge in Cytoscape.js JSON',
    files: one('net.cyjs', JSON.stringify({ elements: { nodes: [{ data: { id: 'a' } }], edges: [{ data: { id: 'e1', source: 'a', target: 'zz' } }] } })),
    problem: error('elements.edges[0].data.target', '"zz" is not the id of any node'),
  },
  {
    name: 'dangling edge in graphology JSON',
    files: one('graph.json', JSON.stringify({ nodes: [{ key: 'a' }], edges: [{ key: 'e1', source: 'zz', target: 'a' }] })),
    problem: error('edges[0].source', '"zz" is not the key of any node'),
  },
  {
    name: 'dangling link in node-link JSON (networkx, D3)',
    files: one('graph.json', JSON.stringify({ directed: true, multigraph: false, graph: {}, nodes: [{ id: 'a' }], links: [{ source: 'a', target: 'a' }, { source: 'a', target: 'zz' }] })),
    problem: error('links[1].target', '"zz" is not the id of any node'),
  },
  {
    name: 'node-link JSON with 1 and "1" as ids: refused, not merged',
    files: one('graph.json', JSON.stringify({ nodes: [{ id: 1 }, { id: '1' }], edges: [] })),
    problem: error('nodes[1].id', '"1" is used already by nodes[0]'),
  },

  // ---- attributes and values
  {
    name: 'an undeclared attribute in GEXF: kept as text, warned',
    files: one('net.gexf', gexf('    <nodes>', '      <node id="a" label="A">', '        <attvalues><attvalue for="url" value="https://x.test"/></attvalues>', '      </node>', '    </nodes>')),
    problem: warning('line 6:20', 'node attribute "url" is not declared (<attributes class="node">): kept as text on one node'),
    check: (d) => expect(d.actors[0]!.attributes).toEqual({ url: 'https://x.test' }),
  },
  {
    name: 'an undeclared key in GraphML: kept as text, warned',
    files: one('net.graphml', graphml([], '    <node id="a"><data key="url">https://x.test</data></node>')),
    problem: warning('line 4:18', 'key "url" is not declared (no <key id="url">): kept as text on one node'),
    check: (d) => expect(d.actors[0]!.attributes).toEqual({ url: 'https://x.test' }),
  },
  {
    name: 'a bad number in a GEXF double attribute: the text kept, warned',
    files: one(
      'net.gexf',
      gexf(
        '    <attributes class="node"><attribute id="0" title="budget" type="double"/></attributes>',
        '    <nodes>',
        '      <node id="a"><attvalues><attvalue for="0" value="12.5"/></attvalues></node>',
        '      <node id="b"><attvalues><attvalue for="0" value="twelve"/></attvalues></node>',
        '    </nodes>',
      ),
    ),
    problem: warning('line 7:31', 'node attribute "budget" (double): "twelve" is not a number; kept as text'),
    check: (d) => expect(d.actors.map((a) => a.attributes?.budget)).toEqual([12.5, 'twelve']),
  },
  {
    name: 'a bad number in a GraphML double key: the text kept, warned',
    files: one('net.graphml', graphml(['  <key id="d0" for="node" attr.name="budget" attr.type="double"/>'], '    <node id="a"><data key="d0">1.5</data></node>', '    <node id="b"><data key="d0">n/a</data></node>')),
    problem: warning('line 6:18', 'node attribute "budget" (double): "n/a" is not a number; kept as text'),
    check: (d) => expect(d.actors.map((a) => a.attributes?.budget)).toEqual([1.5, 'n/a']),
  },
  {
    name: 'a CSV column of numbers with one that is not: the column kept as text, warned at it',
    files: one('edges.csv', 'source,target,type,weight\nA,B,threat,1\nB,C,threat,2.5\nC,D,threat,3\nD,A,threat,heavy\nA,C,threat,5\n'),
    problem: warning('line 5, column weight', '"heavy" is not a number; the column, otherwise numbers, is kept as text'),
    check: (d) => expect(d.relations.map((r) => r.attributes?.weight)).toEqual(['1', '2.5', '3', 'heavy', '5']),
  },
  {
    name: 'INF and -INF in a GEXF double attribute: the text kept (never NaN), warned once with the count',
    files: one(
      'net.gexf',
      gexf(
        '    <attributes class="node"><attribute id="0" title="score" type="double"/></attributes>',
        '    <nodes>',
        '      <node id="a"><attvalues><attvalue for="0" value="INF"/></attvalues></node>',
        '      <node id="b"><attvalues><attvalue for="0" value="-INF"/></attvalues></node>',
        '    </nodes>',
      ),
    ),
    problem: warning('line 6:31', 'node attribute "score" (double): "INF" is infinite; attributes hold finite numbers, so the text is kept (2 values)'),
    check: (d) => expect(d.actors.map((a) => a.attributes?.score)).toEqual(['INF', '-INF']),
  },
  {
    name: 'INF in a GraphML double key: the text kept, warned',
    files: one('net.graphml', graphml(['  <key id="d0" for="edge" attr.name="weight" attr.type="double"/>'], '    <node id="a"/>', '    <node id="b"/>', '    <edge source="a" target="b"><data key="d0">INF</data></edge>')),
    problem: warning('line 7:33', 'edge attribute "weight" (double): "INF" is infinite; attributes hold finite numbers, so the text is kept'),
    check: (d) => expect(d.relations[0]!.attributes?.weight).toBe('INF'),
  },
  {
    name: 'INF in a CSV column of numbers: the column kept as text, warned at it',
    files: one('edges.csv', 'source,target,type,score\nA,B,threat,1\nB,C,threat,2\nC,D,threat,3\nD,E,threat,4\nE,A,threat,INF\n'),
    problem: warning('line 6, column score', '"INF" is not a number; the column, otherwise numbers, is kept as text'),
    check: (d) => expect(d.relations.map((r) => r.attributes?.score)).toEqual(['1', '2', '3', '4', 'INF']),
  },

  // ---- CSV structure
  {
    name: 'ragged CSV rows',
    files: one('edges.csv', 'source,target,type\nA,B,threat\nB,C\nC,A,partner,extra\n'),
    problem: error('line 3', '2 cells where the header has 3'),
  },
  {
    name: 'an unclosed quote in CSV: located where the quote opens',
    files: one('edges.csv', 'source,target,type\nA,B,threat\n"B,C,partner\nC,A,threat\n'),
    problem: error('line 3', 'a quoted cell is never closed'),
  },
  {
    name: "preamble lines before a year matrix (SIPRI's raw export)",
    files: one(
      'TIV-Export.csv',
      [
        '"TIV of arms exports from Examplia, 2019-2021",,,,',
        'Figures are Trend Indicator Values (TIVs) expressed in millions.,,,,',
        ',,,,',
        'Source: an arms transfers database,,,,',
        ',2019,2020,2021,Total',
        'Arcadia,22,78,,100',
        "Cote d'Ivoire,1,,,1",
        'Total,23,78,,101',
      ].join('\r\n'),
    ),
    problem: error('line 1', /^this looks like a preamble \(lines 1–4 before line 5, the first with several cells\); .*: it looks like a table of values \(one row per actor, one column per year\), not a list of relations$/),
  },
  {
    name: 'title lines before a header we recognise: skipped, warned',
    files: one('edges.csv', 'Arms transfers 2020\nGenerated by a tool\n\nsource,target,type\nA,B,supplier\nB,C,threat\n'),
    problem: warning('line 1', 'lines 1–2 skipped as a preamble (title lines before the header on line 4)'),
    check: (d) => expect(d.relations.map((r) => [r.source, r.target, r.type])).toEqual([['A', 'B', 'supplier'], ['B', 'C', 'threat']]),
  },
  {
    name: 'title lines before a header we recognise, then a ragged row: its line counts the title lines',
    files: one('edges.csv', 'Arms transfers 2020\nGenerated by a tool\n\nsource,target,type\nA,B,supplier\nB,C\n'),
    problem: error('line 6', '2 cells where the header has 3'),
  },
  {
    name: 'formula cells (=, +, -, @) in another tool’s CSV: kept as text, never evaluated; our CSV export escapes them and reads them back',
    files: one('edges.csv', "source,target,type,note\n=cmd|' /C calc'!A0,+1,threat,@SUM(1+1)\n-2,=HYPERLINK(\"http://x.test\"),partner,=1+1\n@A1,-2,supplier,-1+2\n"),
    check: (d) => {
      expect(ids(d.actors)).toEqual(["=cmd|' /C calc'!A0", '+1', '-2', '=HYPERLINK("http://x.test")', '@A1']);
      expect(d.actors.map((a) => a.name)).toEqual(ids(d.actors));
      expect(d.relations.map((r) => r.attributes?.note)).toEqual(['@SUM(1+1)', '=1+1', '-1+2']);
      const files = exportDataset(d, 'csv', 'export');
      for (const file of files) {
        const cells = Papa.parse<string[]>(file.text, { skipEmptyLines: true }).data.slice(1).flat();
        for (const cell of cells) expect(cell, file.name).not.toMatch(/^[=+\-@]/);
      }
      expect(files[0]!.text).toContain(`"'=HYPERLINK(""http://x.test"")"`);
      const back = importFiles(files.map(({ name, text }) => ({ name, text })));
      if (!back.ok) throw new Error(back.problems.map(formatProblem).join('\n'));
      expect(back.dataset).toEqual(d);
    },
  },

  // ---- ids that are Object.prototype's names, in every format
  {
    name: 'our JSON with an object under the attribute key __proto__: refused at its path, nothing polluted',
    files: one(
      'data.json',
      '{"format": "actorscope", "version": 1, "meta": {"title": "t"}, "actors": [{"id": "__proto__", "name": "P", "kind": "state", "attributes": {"__proto__": {"polluted": true}, "constructor": "c"}}, {"id": "constructor", "name": "C", "kind": "state"}], "relations": [{"id": "__proto__", "source": "__proto__", "target": "constructor", "type": "threat", "claims": []}]}',
    ),
    problem: error('actors[0].attributes.__proto__', 'an object is not a plain value (text, number, true/false or null)'),
  },
  {
    name: 'reserved ids __proto__ and constructor: our JSON, imported',
    files: one(
      'data.json',
      '{"format": "actorscope", "version": 1, "meta": {"title": "t"}, "actors": [{"id": "__proto__", "name": "P", "kind": "state", "attributes": {"__proto__": "x", "constructor": "c"}}, {"id": "constructor", "name": "C", "kind": "state"}], "relations": [{"id": "__proto__", "source": "__proto__", "target": "constructor", "type": "threat", "claims": []}]}',
    ),
    check: (d) => {
      reservedIdsKept(d);
      expect(Object.entries(d.actors[0]!.attributes!)).toEqual([['__proto__', 'x'], ['constructor', 'c']]);
      expect(ids(d.relations)).toEqual(['__proto__']);
    },
  },
  {
    name: 'reserved ids __proto__ and constructor: GEXF (and an attribute titled __proto__)',
    files: one(
      'net.gexf',
      gexf(
        '    <attributes class="node"><attribute id="0" title="__proto__" type="string"/></attributes>',
        '    <nodes>',
        '      <node id="__proto__" label="P"><attvalues><attvalue for="0" value="x"/></attvalues></node>',
        '      <node id="constructor" label="C"/>',
        '    </nodes>',
        '    <edges><edge id="__proto__" source="__proto__" target="constructor" label="threat"/></edges>',
      ),
    ),
    check: (d) => {
      reservedIdsKept(d);
      expect(Object.entries(d.actors[0]!.attributes!)).toEqual([['__proto__', 'x']]);
    },
  },
  {
    name: 'reserved ids __proto__ and constructor: GraphML (and a key named __proto__)',
    files: one(
      'net.graphml',
      graphml(['  <key id="k" for="node" attr.name="__proto__" attr.type="string"/>'], '    <node id="__proto__"><data key="k">x</data></node>', '    <node id="constructor"/>', '    <edge id="constructor" source="__proto__" target="constructor"/>'),
    ),
    check: (d) => {
      reservedIdsKept(d);
      expect(Object.entries(d.actors[0]!.attributes!)).toEqual([['__proto__', 'x']]);
    },
  },
  {
    name: 'reserved ids __proto__ and constructor: CSV (and a column named __proto__)',
    files: one('edges.csv', 'source,target,type,__proto__\n__proto__,constructor,threat,x\n'),
    check: (d) => {
      reservedIdsKept(d);
      expect(Object.entries(d.relations[0]!.attributes!)).toEqual([['__proto__', 'x']]);
    },
  },
  {
    name: 'reserved ids __proto__ and constructor: Cytoscape.js JSON (data.__proto__ an object: JSON text, warned)',
    files: one('net.cyjs', '{"elements": {"nodes": [{"data": {"id": "__proto__", "__proto__": {"polluted": true}}}, {"data": {"id": "constructor"}}], "edges": [{"data": {"id": "e", "source": "__proto__", "target": "constructor", "type": "threat"}}]}}'),
    problem: warning('elements.nodes[0].data.__proto__', 'an object; kept as JSON text'),
    check: (d) => {
      reservedIdsKept(d);
      expect(Object.entries(d.actors[0]!.attributes!)).toEqual([['__proto__', '{"polluted":true}']]);
    },
  },
  {
    name: 'reserved ids __proto__ and constructor: node-link JSON',
    files: one('graph.json', '{"directed": true, "nodes": [{"id": "__proto__", "__proto__": {"polluted": true}}, {"id": "constructor"}], "links": [{"source": "__proto__", "target": "constructor", "type": "threat"}]}'),
    problem: warning('nodes[0].__proto__', 'node attribute "__proto__" holds a list or an object: kept as JSON text'),
    check: (d) => {
      reservedIdsKept(d);
      expect(Object.entries(d.actors[0]!.attributes!)).toEqual([['__proto__', '{"polluted":true}']]);
    },
  },
  {
    name: 'reserved ids __proto__ and constructor: graphology JSON',
    files: one('graph.json', '{"nodes": [{"key": "__proto__", "attributes": {"label": "P", "constructor": "c"}}, {"key": "constructor"}], "edges": [{"key": "__proto__", "source": "__proto__", "target": "constructor", "attributes": {"type": "threat"}}]}'),
    check: (d) => {
      reservedIdsKept(d);
      expect(Object.entries(d.actors[0]!.attributes!)).toEqual([['constructor', 'c']]);
    },
  },

  // ---- text kept exactly
  {
    name: 'RTL text and a 10,000-character label in GEXF: kept exactly',
    files: one('net.gexf', gexf('    <nodes>', `      <node id="كابل" label="${xmlEscape(RTL_NAME)}"/>`, `      <node id="long" label="${LONG_NAME}"/>`, '    </nodes>')),
    check: (d) => expect(d.actors.map((a) => [a.id, a.name])).toEqual([['كابل', RTL_NAME], ['long', LONG_NAME]]),
  },
  {
    name: 'RTL text and a 10,000-character label in GraphML: kept exactly',
    files: one(
      'net.graphml',
      graphml(['  <key id="label" for="node" attr.name="label" attr.type="string"/>'], `    <node id="كابل"><data key="label">${xmlEscape(RTL_NAME)}</data></node>`, `    <node id="long"><data key="label">${LONG_NAME}</data></node>`),
    ),
    check: (d) => expect(d.actors.map((a) => [a.id, a.name])).toEqual([['كابل', RTL_NAME], ['long', LONG_NAME]]),
  },
  {
    name: 'RTL text and a 10,000-character name in a CSV actors file: kept exactly',
    files: [
      { name: 'actors.csv', text: `id,name\nكابل,"${RTL_NAME}"\nlong,${LONG_NAME}\n` },
      { name: 'relations.csv', text: 'source,target,type\nكابل,long,threat\n' },
    ],
    check: (d) => expect(d.actors.map((a) => [a.id, a.name])).toEqual([['كابل', RTL_NAME], ['long', LONG_NAME]]),
  },
  {
    name: 'RTL text and a 10,000-character name in Cytoscape.js JSON: kept exactly',
    files: one('net.cyjs', JSON.stringify({ elements: { nodes: [{ data: { id: 'كابل', name: RTL_NAME } }, { data: { id: 'long', name: LONG_NAME } }] } })),
    check: (d) => expect(d.actors.map((a) => [a.id, a.name])).toEqual([['كابل', RTL_NAME], ['long', LONG_NAME]]),
  },

  // ---- blank text: present but blank says "is blank", never "expected text" (issue 11 §7)
  {
    name: 'our JSON with an actor name of only white space: "is blank" at its path',
    files: one('data.json', ourJson({ actors: [{ id: 'a', name: 'A', kind: 'state' }, { id: 'b', name: ' \t ', kind: 'state' }] })),
    problem: error('actors[1].name', 'is blank'),
  },
  {
    name: 'our JSON with an empty actor name: "is blank"',
    files: one('data.json', ourJson({ actors: [{ id: 'a', name: '', kind: 'state' }] })),
    problem: error('actors[0].name', 'is blank'),
  },
  {
    name: 'our JSON with a blank actor kind: "is blank", not read as an unknown kind',
    files: one('data.json', ourJson({ actors: [{ id: 'a', name: 'A', kind: '  ' }] })),
    problem: error('actors[0].kind', 'is blank'),
  },
  {
    name: 'our JSON with a blank title: "is blank"',
    files: one('data.json', ourJson({ meta: { title: ' ' } })),
    problem: error('meta.title', 'is blank'),
  },
  {
    // Other tools' files and our CSV leave a name out by leaving the cell empty: the id is the name (graph/README.md).
    name: 'blank names in a CSV actors file, GEXF and GraphML: the id is shown, no error',
    files: [
      { name: 'actors.csv', text: 'id,name,kind\na, ,state\nb,,state\n' },
      { name: 'relations.csv', text: 'source,target,type\na,b,threat\n' },
    ],
    check: (d) => {
      expect(d.actors.map((a) => [a.id, a.name])).toEqual([['a', 'a'], ['b', 'b']]);
      for (const [name, text] of [
        ['net.gexf', gexf('    <nodes>', '      <node id="a" label="  "/>', '      <node id="b" label=""/>', '    </nodes>')],
        ['net.graphml', graphml(['  <key id="label" for="node" attr.name="label" attr.type="string"/>'], '    <node id="a"><data key="label"> </data></node>')],
      ] as const) {
        const r = importFiles(one(name, text));
        if (!r.ok) throw new Error(`${name} refused: ${r.problems.map(formatProblem).join('; ')}`);
        expect(r.dataset.actors.map((a) => a.name), name).toEqual(name === 'net.gexf' ? ['a', 'b'] : ['a']);
      }
    },
  },

  // ---- bidirectional controls: warned where they stand, the text kept as written (issue 11 §7)
  {
    // U+202E shown raw makes "ymrA" and the rest of its line read right to left: "Red Army".
    name: 'our JSON with U+202E (RIGHT-TO-LEFT OVERRIDE) in an actor name: warned at its path, the name kept',
    files: one('data.json', ourJson({ actors: [{ id: 'a', name: 'Red \u202eymrA', kind: 'state' }] })),
    problem: warning('actors[0].name', 'contains a bidirectional control character U+202E'),
    check: (d) => expect(d.actors[0]!.name).toBe('Red \u202eymrA'),
  },
  {
    name: 'our JSON with an isolate (U+2067 … U+2069) in a claim quote: warned at its path, the quote kept',
    files: one(
      'data.json',
      ourJson({
        actors: [{ id: 'a', name: 'A', kind: 'state' }, { id: 'b', name: 'B', kind: 'state' }],
        relations: [{ id: 'r1', source: 'a', target: 'b', type: 'threat', claims: [{ quote: 'A \u2067threatens\u2069 B.', source: 'S', locator: { paragraph: 1 }, assertedBy: 'S', grade: 'B2' }] }],
      }),
    ),
    problem: warning('relations[0].claims[0].quote', 'contains bidirectional control characters U+2067, U+2069'),
    check: (d) => expect(d.relations[0]!.claims[0]!.quote).toBe('A \u2067threatens\u2069 B.'),
  },
  {
    name: 'U+202E in a CSV actors file: warned at its cell',
    files: [
      { name: 'actors.csv', text: 'id,name,kind\na,Red \u202eymrA,state\nb,B,state\n' },
      { name: 'relations.csv', text: 'source,target,type\na,b,threat\n' },
    ],
    problem: warning('actors.csv, line 2, column name', 'contains a bidirectional control character U+202E'),
    check: (d) => expect(d.actors[0]!.name).toBe('Red \u202eymrA'),
  },
  {
    name: 'U+202E in a GEXF label: warned at its node',
    files: one('net.gexf', gexf('    <nodes>', '      <node id="a" label="Red \u202eymrA"/>', '    </nodes>')),
    problem: warning('line 5:7', 'actor "a" name: contains a bidirectional control character U+202E'),
    check: (d) => expect(d.actors[0]!.name).toBe('Red \u202eymrA'),
  },

  {
    // The marks (RLM, LRM, ALM) only set the direction of their neighbours and are common in right-to-left names.
    name: 'our JSON with right-to-left marks (U+200F) around an Arabic name: no warning, the name kept',
    files: one('data.json', ourJson({ actors: [{ id: 'a', name: RTL_NAME, kind: 'armed-group' }] })),
    check: (d, report) => {
      expect(d.actors[0]!.name).toBe(RTL_NAME);
      expect(report.warnings.filter((w) => /bidirectional/.test(w.message))).toEqual([]);
    },
  },

  // ---- names that differ only by Unicode normalisation: warned, naming both (issue 11 §7)
  {
    name: 'our JSON with "café" written NFC and NFD as two actors: warned naming both, kept apart',
    files: one('data.json', ourJson({ actors: [{ id: 'a', name: 'Caf\u00e9 Kabul', kind: 'state' }, { id: 'b', name: 'Cafe\u0301 Kabul', kind: 'state' }] })),
    problem: warning('actors[1].name', '"Cafe\u0301 Kabul" (actor "b") looks the same as actors[0].name (actor "a"): the same text in another Unicode normalisation (NFC, NFD); kept as two actors'),
    check: (d) => {
      expect(d.actors.map((a) => [a.id, a.name])).toEqual([['a', 'Caf\u00e9 Kabul'], ['b', 'Cafe\u0301 Kabul']]);
      expect('Caf\u00e9 Kabul'.normalize('NFC')).toBe('Cafe\u0301 Kabul'.normalize('NFC')); // the premise: canonically equivalent
    },
  },
  {
    name: 'a CSV actors file with "café" NFC and NFD: warned at the second row',
    files: [
      { name: 'actors.csv', text: 'id,name,kind\na,Caf\u00e9,state\nb,Cafe\u0301,state\nc,Cafe,state\n' },
      { name: 'relations.csv', text: 'source,target,type\na,b,threat\n' },
    ],
    problem: warning('actors.csv, line 3, column name', '"Cafe\u0301" (actor "b") looks the same as actors[0].name (actor "a"): the same text in another Unicode normalisation (NFC, NFD); kept as two actors'),
    check: (d, report) => {
      expect(d.actors).toHaveLength(3);
      // "Cafe" without the accent is another name: no warning for it.
      expect(report.warnings.filter((w) => w.message.includes('normalisation'))).toHaveLength(1);
    },
  },

  // ---- empty files, in every format
  { name: 'an empty .gexf', files: one('net.gexf', ''), problem: error('line 1:1', 'the file is empty') },
  { name: 'an empty .graphml', files: one('net.graphml', ''), problem: error('line 1:1', 'the file is empty') },
  { name: 'an empty .json', files: one('data.json', ''), problem: error('line 1:1', 'the file is empty') },
  { name: 'an empty .cyjs', files: one('net.cyjs', ''), problem: error('line 1:1', 'the file is empty') },
  { name: 'an empty .graphology.json', files: one('graph.graphology.json', ''), problem: error('line 1:1', 'the file is empty') },
  { name: 'an empty .csv', files: one('edges.csv', ''), problem: error('line 1', 'the file is empty') },
  { name: 'a whitespace-only .gexf', files: one('net.gexf', '  \n\t\r\n  '), problem: error('line 1:1', 'the file is empty') },
  { name: 'a whitespace-only .json', files: one('data.json', '\n\n   \t\n'), problem: error('line 1:1', 'the file is empty') },
  { name: 'a BOM-only .csv', files: one('edges.csv', '\ufeff'), problem: error('line 1', 'the file is empty') },
  { name: 'a BOM-only .graphml', files: one('net.graphml', '\ufeff'), problem: error('line 1:1', 'the file is empty') },
  { name: 'a BOM-only .json', files: one('data.json', '\ufeff'), problem: error('line 1:1', 'the file is empty') },
  { name: 'a CSV edge list with only its header', files: one('edges.csv', 'source,target,type\r\n'), problem: error('line 2', 'the header is not followed by any relation') },
  { name: 'a CSV actors file with only its header', files: one('actors.csv', 'id,name,kind\n'), problem: error('line 2', 'the header is not followed by any actor') },

  // ---- relation types
  {
    name: 'a GEXF edge type attribute with unknown types: warning, "other" with originalType',
    files: one(
      'net.gexf',
      gexf(
        '    <attributes class="edge"><attribute id="t" title="type" type="string"/></attributes>',
        '    <nodes>',
        '      <node id="a"/>',
        '      <node id="b"/>',
        '    </nodes>',
        '    <edges>',
        '      <edge id="e1" source="a" target="b"><attvalues><attvalue for="t" value="ally"/></attvalues></edge>',
        '      <edge id="e2" source="b" target="a"><attvalues><attvalue for="t" value=" Suspected_Supporter "/></attvalues></edge>',
        '      <edge id="e3" source="b" target="a"><attvalues><attvalue for="t" value="ally"/></attvalues></edge>',
        '    </edges>',
      ),
    ),
    problem: warning('line 10:54', '"ally" is not a relation type (partner, threat, supplier, suspected-supporter, other): 2 relations kept as "other" with attributes.originalType'),
    check: (d) =>
      expect(d.relations.map((r) => [r.id, r.type, r.attributes?.originalType])).toEqual([
        ['e1', 'other', 'ally'],
        ['e2', 'suspected-supporter', undefined],
        ['e3', 'other', 'ally'],
      ]),
  },
  {
    name: 'a CSV edge list with no type column: warning, every relation "other"',
    files: one('edges.csv', 'source,target,weight\nA,B,1\nB,C,2\n'),
    problem: warning('line 1', 'no type column: every relation is typed "other"'),
    check: (d) => expect(d.relations.map((r) => [r.type, r.attributes])).toEqual([['other', { weight: 1 }], ['other', { weight: 2 }]]),
  },

  // ---- size: generated here. The work is asserted (every row read, counted in the report), not the
  // seconds: the import's speed is a benchmark's business, and a timed test fails on a busy machine.
  {
    name: 'a 100,000-relation CSV edge list, every row read',
    files: bigCsv,
    check: (d, report) => {
      expect(d.relations).toHaveLength(100_000);
      expect(d.actors).toHaveLength(10_000);
      expect(report).toMatchObject({ format: 'csv', actorsRead: 10_000, relationsRead: 100_000, warnings: [] });
      expect(d.relations[99_999]).toMatchObject({ id: 'r100000', type: 'suspected-supporter' });
    },
  },
  {
    name: 'a 100,000-edge GEXF with 20,000 nodes, every element read', // a 14.5 MB text
    files: bigGexf,
    problem: warning('line 20009:7', '100000 relations have no claims (no evidence): GEXF files from other tools carry none'),
    check: (d, report) => {
      expect(d.relations).toHaveLength(100_000);
      expect(d.actors).toHaveLength(20_000);
      expect(report).toMatchObject({ format: 'gexf', actorsRead: 20_000, relationsRead: 100_000 });
      expect(report.warnings).toHaveLength(1);
      expect(d.relations[99_999]).toMatchObject({ id: 'e99999', type: 'suspected-supporter' });
    },
  },
  // ---- issue 11 §4, §7 (nesting in JSON, integers beyond 2^53, decimal commas)
  // 100,000 nested lists in each JSON format: refused at the 257th list or object (MAX_JSON_DEPTH = 256,
  // graph/io/json/json-locate.ts), never "Maximum call stack size exceeded". Column = the prefix's length +
  // (256 − the objects and lists the prefix opens) + 1: ours 62 + 254 + 1, Cytoscape 47 + 251 + 1,
  // graphology 85 + 252 + 1, node-link 72 + 253 + 1.
  {
    name: 'our JSON with 100,000 nested lists: refused at the 257th level, located',
    files: one('data.json', `{"format":"actorscope","version":1,"meta":{"title":"t","deep":${DEEP}},"actors":[],"relations":[]}`),
    problem: error('line 1:317', NESTED_TOO_DEEP),
  },
  {
    name: 'Cytoscape.js JSON (.cyjs) with 100,000 nested lists: refused at the 257th level, located',
    files: one('net.cyjs', `{"elements":{"nodes":[{"data":{"id":"a","deep":${DEEP}}}],"edges":[]}}`),
    problem: error('line 1:299', NESTED_TOO_DEEP),
  },
  {
    name: 'graphology JSON with 100,000 nested lists: refused at the 257th level, located',
    files: one('graph.json', `{"options":{"type":"directed","multi":true},"nodes":[{"key":"a","attributes":{"deep":${DEEP}}}],"edges":[]}`),
    options: { format: 'graphology-json' },
    problem: error('line 1:338', NESTED_TOO_DEEP),
  },
  {
    name: 'node-link JSON with 100,000 nested lists: refused at the 257th level, located',
    files: one('graph.json', `{"directed":true,"multigraph":true,"graph":{},"nodes":[{"id":"a","deep":${DEEP}}],"links":[]}`),
    options: { format: 'node-link' },
    problem: error('line 1:326', NESTED_TOO_DEEP),
  },
  {
    // 12345678901234567890 and …891 are both the double 12345678901234567168: once rounded, the second id was "used already".
    name: 'node-link JSON with integer ids beyond 2^53: kept exactly as text, warned naming each',
    files: one('graph.json', '{"directed": true, "multigraph": false, "nodes": [{"id": 12345678901234567890}, {"id": 12345678901234567891}], "links": [{"source": 12345678901234567890, "target": 12345678901234567891, "type": "threat"}]}'),
    problem: warning('nodes[0].id', `12345678901234567890 ${BEYOND} "12345678901234567890"`),
    check: (d, report) => {
      expect(ids(d.actors)).toEqual(['12345678901234567890', '12345678901234567891']);
      expect(d.relations.map((r) => [r.source, r.target])).toEqual([['12345678901234567890', '12345678901234567891']]);
      expect(report.warnings).toContainEqual({ severity: 'warning', path: 'links[0].target', message: `12345678901234567891 ${BEYOND} "12345678901234567891"` });
    },
  },
  {
    name: 'node-link JSON with a big integer attribute (an OpenStreetMap-style id): its digits kept as text, warned',
    files: one('graph.json', '{"directed": true, "nodes": [{"id": "a", "osm": 90071992547409931}, {"id": "b", "osm": 17}], "links": []}'),
    problem: warning('nodes[0].osm', `90071992547409931 ${BEYOND} "90071992547409931"`),
    check: (d) => expect(d.actors.map((a) => a.attributes?.osm)).toEqual(['90071992547409931', 17]),
  },
  {
    name: 'Cytoscape.js JSON with a node id and edge ends beyond 2^53: kept as text, warned',
    files: one('net.cyjs', '{"elements": {"nodes": [{"data": {"id": 9007199254740993}}, {"data": {"id": 9007199254740992}}], "edges": [{"data": {"source": 9007199254740993, "target": 9007199254740992}}]}}'),
    problem: warning('elements.nodes[0].data.id', `9007199254740993 ${BEYOND} "9007199254740993"`),
    check: (d) => {
      expect(ids(d.actors)).toEqual(['9007199254740993', '9007199254740992']); // 2^53 itself is a double written back as given
      expect(d.relations.map((r) => [r.source, r.target])).toEqual([['9007199254740993', '9007199254740992']]);
    },
  },
  {
    name: 'graphology JSON with a node key beyond 2^53: kept as text, warned',
    files: one('graph.json', '{"options": {"type": "directed"}, "nodes": [{"key": 123456789012345678901}, {"key": "b"}], "edges": [{"source": 123456789012345678901, "target": "b"}]}'),
    options: { format: 'graphology-json' },
    problem: warning('nodes[0].key', `123456789012345678901 ${BEYOND} "123456789012345678901"`),
    check: (d) => expect(d.relations.map((r) => r.source)).toEqual(['123456789012345678901']),
  },
  {
    name: 'our JSON with an attribute beyond 2^53: its digits kept as text, warned',
    files: one('data.json', ourJson({ actors: [{ id: 'a', name: 'A', kind: 'state', attributes: { n: 1 } }] }).replace('"n":1', '"n":12345678901234567890')),
    problem: warning('actors[0].attributes.n', `12345678901234567890 ${BEYOND} "12345678901234567890"`),
    check: (d) => expect(d.actors[0]!.attributes).toEqual({ n: '12345678901234567890' }),
  },
  {
    name: 'a ;-separated CSV with decimal commas (and thousands points): read as numbers, said once per column with an example',
    files: one('edges.csv', 'source;target;type;weight;tiv\nA;B;threat;0,75;1.234,5\nB;C;supplier;1;12\nC;A;partner;0,5;7,25\n'),
    problem: warning('line 2, column weight', 'read "0,75" as 0.75 (decimal comma), and the column\'s other values alike'),
    check: (d, report) => {
      expect(d.relations.map((r) => r.attributes)).toEqual([{ weight: 0.75, tiv: 1234.5 }, { weight: 1, tiv: 12 }, { weight: 0.5, tiv: 7.25 }]);
      expect(report.warnings).toContainEqual({ severity: 'warning', path: 'line 2, column tiv', message: 'read "1.234,5" as 1234.5 (decimal comma), and the column\'s other values alike' });
    },
  },
  {
    name: 'a ;-separated CSV column mixing decimal commas and points: kept as text, warned naming both',
    files: one('edges.csv', 'source;target;type;weight\nA;B;threat;0,75\nB;C;threat;0.5\n'),
    problem: warning('line 2, column weight', '"0,75" has a decimal comma, but the column also holds "0.5": the column is kept as text'),
    check: (d) => expect(d.relations.map((r) => r.attributes?.weight)).toEqual(['0,75', '0.5']),
  },
  {
    name: 'a ,-separated CSV with a quoted "0,75": text, as written, without a decimal-comma note',
    files: one('edges.csv', 'source,target,type,weight\nA,B,threat,"0,75"\nB,C,threat,1\n'),
    check: (d, report) => {
      expect(d.relations.map((r) => r.attributes?.weight)).toEqual(['0,75', '1']);
      expect(report.warnings.filter((w) => /decimal comma/.test(w.message))).toEqual([]);
    },
  },
  // ---- issue 11 §3 and §4 (text encodings; nesting): bytes decoded as decode.ts's rules say, never U+FFFD with no warning
  {
    name: 'a Windows-1252 CSV: Köln and Käln stay two actors, München → Mänchen no self-loop, and the warning names the lines',
    files: oneBytes('cities.csv', latin1(`${CITIES_CSV}Düsseldorf,Köln,supplier\n`)),
    problem: warning('line 2', 'read as Windows-1252, not UTF-8: 6 bytes that UTF-8 does not allow, on lines 2 (ö, ä), 3 (ü, ä), 4 (ü, ö); if these characters are wrong, save the file as UTF-8'),
    check: (d, report) => {
      expect(names(d)).toEqual(['Düsseldorf', 'Käln', 'Köln', 'Mänchen', 'München']);
      expect(d.relations.filter((r) => r.source === r.target)).toEqual([]);
      expect(report.encodings).toEqual([{ file: 'cities.csv', encoding: 'windows-1252' }]);
    },
  },
  {
    name: 'a Windows-1252 file with non-UTF-8 bytes on many lines lists five, then how many more',
    files: oneBytes('many.csv', latin1(lines('source,target,type', ...Array.from({ length: 8 }, (_, i) => `Städt${i},Köln,partner`)))),
    problem: warning('line 2', 'read as Windows-1252, not UTF-8: 16 bytes that UTF-8 does not allow, on lines 2 (ä, ö), 3 (ä, ö), 4 (ä, ö), 5 (ä, ö), 6 (ä, ö) and 3 more lines; if these characters are wrong, save the file as UTF-8'),
  },
  {
    name: 'a file mixing UTF-8 and Windows-1252: read as Windows-1252, and the UTF-8 line is pointed out',
    files: oneBytes('mixed.csv', new Uint8Array([...utf8('source,target\nMünchen,B\n'), ...latin1('Köln,B\n')])),
    problem: warning('line 2', 'this line holds UTF-8 too, now read as Windows-1252: "Ã¼" (in UTF-8 "ü"); the file may mix two encodings'),
  },
  {
    name: 'a UTF-16 LE CSV with its byte-order mark',
    files: oneBytes('cities.csv', utf16le(CITIES_CSV)),
    check: (d, report) => {
      expect(names(d)).toEqual(['Käln', 'Köln', 'Mänchen', 'München']);
      expect(report.warnings.filter((w) => /encoding|UTF|1252/.test(w.message))).toEqual([]);
      expect(report.encodings).toEqual([{ file: 'cities.csv', encoding: 'utf-16le' }]);
    },
  },
  {
    name: 'a UTF-16 BE GraphML with its byte-order mark (its declaration says UTF-16)',
    files: oneBytes('cities.graphml', utf16be(graphml([], '    <node id="k"><desc>Köln</desc></node>', '    <node id="m"><desc>München</desc></node>').replace('encoding="UTF-8"', 'encoding="UTF-16"'))),
    check: (d, report) => {
      expect(names(d)).toEqual(['Köln', 'München']);
      expect(report.encodings).toEqual([{ file: 'cities.graphml', encoding: 'utf-16be' }]);
    },
  },
  {
    name: 'a GEXF declaring encoding="ISO-8859-1" is read as it says',
    files: oneBytes('cities.gexf', latin1(gexf('    <nodes><node id="k" label="Köln"/><node id="m" label="München"/></nodes>', '    <edges><edge source="k" target="m"/></edges>').replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'))),
    check: (d, report) => {
      expect(names(d)).toEqual(['Köln', 'München']);
      // The Encoding Standard reads ISO-8859-1 as its superset Windows-1252.
      expect(report.encodings).toEqual([{ file: 'cities.gexf', encoding: 'windows-1252' }]);
      expect(report.warnings.filter((w) => /1252|UTF-8|ISO/.test(w.message))).toEqual([]);
    },
  },
  {
    name: 'a GEXF declaring ISO-8859-1 whose bytes are UTF-8: read as declared, with a warning showing what UTF-8 would give',
    files: oneBytes('cities.gexf', utf8(gexf('    <nodes><node id="k" label="Köln"/></nodes>').replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'))),
    problem: warning('line 4', 'read as ISO-8859-1, as the XML declaration says, but every byte is also valid UTF-8: "Ã¶" (in UTF-8 "ö"); if the names look wrong, the declaration is, and the file is UTF-8'),
  },
  {
    name: 'a GraphML declaring UTF-8 whose bytes are Windows-1252: refused at the first bad byte',
    files: oneBytes('cities.graphml', latin1(graphml([], '    <node id="k"><desc>Köln</desc></node>', '    <node id="m"><desc>München</desc></node>'))),
    problem: error('line 4:25', 'byte 0xF6 is not UTF-8, though the XML declaration says encoding="UTF-8" (2 such bytes on 2 lines); if the file was saved as Windows-1252 or ISO-8859-1, say so in the declaration, or save it as UTF-8'),
  },
  {
    name: 'an XML declaration naming an encoding TextDecoder does not know: refused at the name',
    files: oneBytes('net.gexf', utf8(gexf().replace('encoding="UTF-8"', 'encoding="x-klingon"'))),
    problem: error('line 1:31', 'the XML declaration names the encoding "x-klingon", which is not one this program can decode; save the file as UTF-8'),
  },
  {
    name: 'a binary file (not UTF-8, with NUL bytes): refused at the first NUL',
    files: oneBytes('data.csv', new Uint8Array([...utf8('source,target\nab'), 0xff, 0x00, 0x01, 0x0a])),
    problem: error('line 2:4', 'a NUL byte in a file that is not UTF-8: this is not a text file (a binary file, or text in an encoding this program does not guess); save it as UTF-8 text'),
  },
  {
    name: 'bytes Windows-1252 leaves undefined (0x81): refused as binary, located',
    files: oneBytes('data.csv', new Uint8Array([...utf8('source,target\na,b'), 0x81, 0x0a])),
    problem: error('line 2:4', 'byte 0x81, which no Windows text uses, in a file that is not UTF-8: this is not a text file (a binary file, or text in an encoding this program does not guess); save it as UTF-8 text'),
  },
  {
    name: 'an Excel .xlsx renamed .csv: refused, saying what it is',
    files: oneBytes('sheet.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0xff, 0xd8])),
    problem: error('line 1:6', 'this is not a text file: it is a ZIP archive (an Excel .xlsx or .ods spreadsheet, or a compressed file?): save the sheet as CSV'),
  },
  {
    name: 'UTF-16 without its byte-order mark: refused, saying so',
    files: oneBytes('data.csv', new Uint8Array(Buffer.from('source,target\na,b\n', 'utf16le'))),
    problem: error('line 1:1', 'NUL bytes between the characters: this looks like UTF-16 text without a byte-order mark; save it as UTF-8 (or as UTF-16 with its byte-order mark)'),
  },
  {
    name: 'the second of two CSV files is Windows-1252: the warning names that file',
    files: [{ name: 'actors.csv', bytes: utf8(lines('id,name,kind', 'k,Köln,region', 'm,München,region')) }, { name: 'relations.csv', bytes: latin1(lines('source,target,type,note', 'k,m,partner,Brücke')) }],
    problem: warning('relations.csv, line 2', 'read as Windows-1252, not UTF-8: 1 byte that UTF-8 does not allow, on line 2 (ü); if these characters are wrong, save the file as UTF-8'),
    check: (d, report) => {
      expect(names(d)).toEqual(['Köln', 'München']);
      expect(report.encodings).toEqual([{ file: 'actors.csv', encoding: 'utf-8' }, { file: 'relations.csv', encoding: 'windows-1252' }]);
    },
  },
  {
    name: 'GraphML with 3,000 nested <graph> elements: a located error at the 257th level, not a stack overflow',
    files: one('deep.graphml', lines('<?xml version="1.0" encoding="UTF-8"?>', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">', nested('<graph>', '</graph>', 3_000), '</graphml>')),
    // <graphml> is level 1, so the 256th <graph> (column 255 × 7 + 1) is the 257th element.
    problem: error('line 3:1786', 'elements nested deeper than 256 levels: <graph> here is at level 257; a graph file needs far fewer, so the file is damaged or made to exhaust the reader'),
  },
  {
    name: 'GEXF with 6,000 nested <nodes> elements: a located error at the 257th level',
    files: one('deep.gexf', lines('<?xml version="1.0" encoding="UTF-8"?>', '<gexf xmlns="http://gexf.net/1.3" version="1.3">', '<graph>', nested('<nodes>', '</nodes>', 6_000), '</graph>', '</gexf>')),
    // <gexf> and <graph> are levels 1 and 2: the 255th <nodes> (column 254 × 7 + 1) is the 257th element.
    problem: error('line 4:1779', 'elements nested deeper than 256 levels: <nodes> here is at level 257; a graph file needs far fewer, so the file is damaged or made to exhaust the reader'),
  },
  {
    name: 'GraphML nested exactly 256 levels deep is still read',
    // <graphml>, <graph>, <node> and 253 <desc>: 256 levels.
    files: one('deep.graphml', lines('<?xml version="1.0" encoding="UTF-8"?>', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">', '<graph edgedefault="directed"><node id="a">', nested('<desc>', '</desc>', 253), '</node></graph>', '</graphml>')),
    check: (d) => expect(ids(d.actors)).toEqual(['a']),
  },
  // ---- issue 13 §6 (annotations)
  {
    name: 'a file of our W3C Web Annotations opened as a dataset: told for what it is, not 31 "node needs data" errors',
    files: () => one('tj-claims.json', writeAnnotations(restoredTajikistan())),
    problem: error('', ANNOTATION_FILE_REFUSAL),
  },
  {
    name: 'a Recogito annotation list as .jsonld: read by shape and told for what it is',
    files: one('recogito.jsonld', JSON.stringify([{ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', id: '#a4ea53d4', body: [{ type: 'TextualBody', value: 'Person', purpose: 'tagging' }], target: { selector: [{ type: 'TextQuoteSelector', exact: 'ngenious hero' }, { type: 'TextPositionSelector', start: 42, end: 55 }] } }])),
    problem: error('', ANNOTATION_FILE_REFUSAL),
  },
  {
    name: 'a W3C AnnotationCollection opened as a dataset: told for what it is',
    files: one('collection.json', JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 0 })),
    problem: error('', ANNOTATION_FILE_REFUSAL),
  },
  // ---- issue 13 §5 (merging datasets: the dataset's history, meta.history)
  {
    name: 'our JSON whose meta.history is not a list: refused at its path',
    files: one('data.json', ourJson({ meta: { title: 't', history: 'merged twice' } })),
    problem: error('meta.history', 'expected a list of {date, note}, found "merged twice"'),
  },
  {
    name: 'our JSON with a history entry without its note: refused at the entry',
    files: one('data.json', ourJson({ meta: { title: 't', history: [{ date: '2026-12-02', note: 'merged "B"' }, { date: '2026-12-03' }] } })),
    problem: error('meta.history[1].note', 'is missing'),
  },
  {
    name: 'our CSV meta file with a history row that is not JSON: refused at its line',
    files: [
      { name: 'd-actors.csv', text: lines('actorscope:actor_id,name,kind,aliases,country,notes', 'a,A,state,,,') },
      { name: 'd-meta.csv', text: lines('actorscope:meta,value', 'title,T', 'history,{not json') },
    ],
    problem: error('d-meta.csv, line 3, column value', 'a history entry is written as JSON ({"date": …, "note": …}); this is not valid JSON'),
  },
  {
    name: 'our CSV meta file with a history entry whose date is blank: refused at its line',
    files: [
      { name: 'd-actors.csv', text: lines('actorscope:actor_id,name,kind,aliases,country,notes', 'a,A,state,,,') },
      { name: 'd-meta.csv', text: lines('actorscope:meta,value', 'title,T', 'history,"{""date"": "" "", ""note"": ""merged""}"') },
    ],
    problem: error('d-meta.csv, line 3, column value', 'is blank'),
  },
  // ---- issue 14 §2 (dated CSV)
  {
    name: 'a dated CSV edge list with a year that is not a date: refused at its line and column',
    files: one('sipri.csv', lines('supplier,recipient,year,tiv', 'Russia,Kazakhstan,2015,120', 'Russia,Kazakhstan,15/3,80')),
    problem: error('line 3, column year', '"15/3" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)'),
  },
  {
    name: 'a dated CSV edge list with an impossible day: refused at its line and column',
    files: one('sipri.csv', lines('supplier,recipient,date,tiv', 'Russia,Kazakhstan,2015-02-30,120')),
    problem: error('line 2, column date', '"2015-02-30" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)'),
  },
  {
    name: 'a dated CSV edge list with a weight that is no number: refused at its line and column',
    files: one('sipri.csv', lines('supplier,recipient,year,tiv', 'Russia,Kazakhstan,2015,120', 'China,Kazakhstan,2016,n/a')),
    problem: error('line 3, column tiv', '"n/a" is not a weight (a number, 0 or more)'),
  },
  {
    name: 'a dated CSV edge list with a negative weight: refused at its line and column',
    files: one('sipri.csv', lines('supplier;recipient;year;value', 'Russia;Kazakhstan;2015;-1,5')),
    problem: error('line 2, column value', '"-1,5" is not a weight (a number, 0 or more)'),
  },
  {
    name: 'a dated CSV edge list whose other columns differ between the rows of one relation: warned once per column',
    files: one('sipri.csv', lines('supplier,recipient,year,tiv,weapon', 'Russia,Kazakhstan,2015,120,Su-30', 'Russia,Kazakhstan,2016,80,Mi-8')),
    problem: warning('column weapon', 'differs between rows of one relation: not kept as an attribute (each claim quotes its row)'),
  },
  // Dynamic GEXF (issue 14 §2; tests/unit/gexf-dynamic.test.ts reads time in depth): bad time is refused, never read statically.
  {
    name: 'dynamic GEXF: a spell that starts after it ends',
    files: one('net.gexf', gexf('    <nodes><node id="a"/><node id="b"/></nodes>', '    <edges>', '      <edge source="a" target="b">', '        <spells><spell start="2003" end="2001"/></spells>', '      </edge>', '    </edges>')),
    problem: error('line 7:17', '<spell> starts (2003) after it ends (2001)'),
  },
  {
    name: 'dynamic GEXF: a date its timeformat cannot read',
    files: one('net.gexf', lines('<?xml version="1.0"?>', '<gexf xmlns="http://gexf.net/1.3" version="1.3">', '  <graph mode="dynamic" timeformat="date">', '    <nodes><node id="a" start="2001-02-30"/></nodes>', '  </graph>', '</gexf>')),
    problem: error('line 4:12', '<node> start "2001-02-30" is not a date for timeformat "date" (YYYY-MM-DD)'),
  },
  {
    name: 'dynamic GEXF: a double time that is not a year (GEXF counts steps; our time is days)',
    files: one('net.gexf', gexf('    <nodes><node id="a"/><node id="b"/></nodes>', '    <edges><edge source="a" target="b" start="0.5" end="2.0"/></edges>')),
    problem: error('line 5:12', /^<edge> start "0\.5" \(timeformat "double"\) is not a year/),
  },
  {
    name: 'dynamic GEXF: a dateTime with a time of day keeps its day, warned',
    files: one('net.gexf', lines('<?xml version="1.0"?>', '<gexf xmlns="http://gexf.net/1.3" version="1.3">', '  <graph mode="dynamic" timeformat="dateTime" defaultedgetype="directed">', '    <nodes><node id="a"/><node id="b"/></nodes>', '    <edges><edge source="a" target="b" start="2022-02-24T04:00:00+02:00"/></edges>', '  </graph>', '</gexf>')),
    problem: warning('line 5:12', `times of day are not kept: Actorscope's time is whole days, so "2022-02-24T04:00:00+02:00" is read as 2022-02-24`),
    check: (d) => expect(d.relations[0]!.claims.map((c) => c.period)).toEqual([{ from: '2022-02-24' }]),
  },
];

// ------------------------------------------------------------------ the runner

/** What the worker does with an import request: files in by structured clone, importFiles(), the result out by structured clone. */
function importAsTheWorker(files: ImportFile[], options: ImportOptions | undefined): FormatImportResult {
  const received = deepFreeze(structuredClone(files));
  let result: FormatImportResult;
  try {
    result = importFiles(received, options);
  } catch (err) {
    throw new Error(`importFiles threw instead of answering ok: false: ${err instanceof Error ? err.stack : String(err)}`);
  }
  return structuredClone(result);
}

const asMatcher = (e: Expected): Problem => ({ severity: e.severity, path: e.path, message: typeof e.message === 'string' ? e.message : (expect.stringMatching(e.message) as unknown as string) });

describe('the bad-input catalogue, through importFiles as the worker calls it', () => {
  // The dataset on screen while the user imports: nothing may touch it.
  const tajikistan = restore(JSON.parse(readFileSync(fileURLToPath(new URL('../../public/data/tajikistan-2023.json', import.meta.url)), 'utf8')));
  if (!tajikistan.ok) throw new Error('the shipped dataset does not restore');
  const current = deepFreeze(tajikistan.dataset);
  const before = structuredClone(current);
  const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();

  it('holds at least 35 cases, each with a name of its own', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(35);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    for (const c of CASES) expect(c.problem !== undefined || c.check !== undefined, c.name).toBe(true);
  });

  const run = (c: Case) => {
    const result = importAsTheWorker(typeof c.files === 'function' ? c.files() : c.files, c.options);

    if (c.problem?.severity === 'error') {
      // (a) the located error, first among the errors; (b) nothing but problems.
      if (result.ok) throw new Error(`expected a refusal at ${c.problem.path}; the file was read (${result.dataset.actors.length} actors, ${result.dataset.relations.length} relations)`);
      expect(Object.keys(result).sort()).toEqual(['format', 'ok', 'problems']);
      expect(result.problems.filter((p) => p.severity === 'error')[0]).toEqual(asMatcher(c.problem));
    } else {
      if (!result.ok) throw new Error(`expected the file to be read; refused:\n${result.problems.map(formatProblem).join('\n')}`);
      // (a) the specific warning, located.
      if (c.problem) expect(result.report.warnings).toContainEqual(asMatcher(c.problem));
      c.check?.(result.dataset, result.report);
    }

    // (c) the current dataset and Object.prototype are as they were.
    expect(current).toEqual(before);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  };
  for (const c of CASES) it(c.name, () => run(c), 60_000);
});
