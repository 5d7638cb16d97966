/**
 * Our exports read by the tools users take them to: the GraphML, GEXF and
 * node-link JSON exports of the embedded dataset, and of a dataset with a
 * relation marked undirected, typed attributes and dated claims, opened by
 * networkx (`read_graphml`, `read_gexf`, `node_link_graph` on the parsed file
 * with no arguments) and igraph (`Graph.Read_GraphML`; it has no GEXF or
 * node-link reader) in Python, which report what they found as JSON: nodes,
 * edges (ids, ends, direction) and the flat evidence attributes. The Python is
 * Debian's (`python3-networkx` 2.8, `python3-igraph`; tests/ensure-python.mjs
 * and .ci/run install them), or ACTORSCOPE_PYTHON; without them the test
 * fails, never skips. A second Python with networkx 3.x (the `python3` on the
 * PATH when it is another one, or ACTORSCOPE_PYTHON_NX3) opens the node-link
 * export too — networkx 3.6 reads `edges` where 2.8 reads `links`; that one is
 * optional, and its test says it is skipped when there is none.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { weighRelation, type Dataset } from '../../graph';
import { writeGexf } from '../../graph/io/xml/gexf-write';
import { writeGraphml } from '../../graph/io/xml/graphml-write';
import { writeNodeLink } from '../../graph/io/json/node-link-json';
import { restore } from '../../graph/schema/restore';

const PYTHON = process.env.ACTORSCOPE_PYTHON ?? '/usr/bin/python3';

/** Reads a GraphML file with networkx and with igraph (a GEXF or node-link file with networkx only); prints what each found. */
const READ_BOTH = String.raw`
import json, sys
import networkx as nx
path = sys.argv[1]
gexf = path.endswith(".gexf")
nodelink = path.endswith(".nodelink.json")
if nodelink:
    with open(path, encoding="utf-8") as f:
        g = nx.node_link_graph(json.load(f))  # no arguments: as a user would call it
else:
    g = nx.read_gexf(path) if gexf else nx.read_graphml(path)
NAMES = ["actorscope:mutual", "actorscope:confidence", "actorscope:bestGrade", "actorscope:claimCount", "actorscope:disputes", "actorscope:firstDate", "actorscope:lastDate"]
nxr = {
  "version": nx.__version__,
  "directed": g.is_directed(),
  "nodes": sorted(g.nodes()),
  # Parallel relations (the dataset has them) make a MultiDiGraph, whose edge keys are the GraphML ids (node-link: the relation ids).
  "multigraph": g.is_multigraph(),
  "edges": sorted([[k if g.is_multigraph() else d.get("id"), u, v] + [d.get(n) for n in NAMES] for u, v, k, d in (g.edges(keys=True, data=True) if g.is_multigraph() else ((u, v, None, d) for u, v, d in g.edges(data=True)))], key=lambda e: str(e[0])),
}
ig = None
# The second Python (networkx 3.x) is asked for networkx only; Debian's must have igraph.
if not gexf and not nodelink and sys.argv[2:] != ["networkx-only"]:
    import igraph
    h = igraph.Graph.Read_GraphML(path)
    ig = {
      "version": igraph.__version__,
      "directed": h.is_directed(),
      "nodes": sorted(h.vs["id"]),
      "edges": sorted([[e["id"], h.vs[e.source]["id"], h.vs[e.target]["id"], bool(e["actorscope:mutual"]), e["actorscope:confidence"]] for e in h.es], key=lambda e: str(e[0])),
    }
print(json.dumps({"networkx": nxr, "igraph": ig}))
`;

/** The Python with networkx 3.x besides Debian's, or null: its path and networkx version. */
function secondPython(): { path: string; version: string } | null {
  const candidates = [process.env.ACTORSCOPE_PYTHON_NX3, 'python3'].filter((p): p is string => p !== undefined && p !== '');
  for (const candidate of candidates) {
    const run = spawnSync(candidate, ['-c', 'import sys, networkx; print(sys.executable); print(networkx.__version__)'], { encoding: 'utf8', timeout: 30_000 });
    if (run.status !== 0) continue;
    const [path, version] = run.stdout.trim().split('\n');
    if (path && version && /^3\./.test(version) && path !== PYTHON) return { path, version };
  }
  return null;
}
const NX3 = secondPython();

interface Found {
  networkx: {
    version: string;
    directed: boolean;
    multigraph: boolean;
    nodes: string[];
    /** id, source, target, mutual, confidence, bestGrade, claimCount, disputes, firstDate, lastDate. */
    edges: [string, string, string, boolean, number, string | null, number, number, string | null, string | null][];
  };
  /** null for a GEXF or node-link file. */
  igraph: { version: string; directed: boolean; nodes: string[]; edges: [string, string, string, boolean, number][] } | null;
}

const dir = mkdtempSync(join(tmpdir(), 'actorscope-foreign-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function readWithPython(text: string, name: string, python = PYTHON): Found {
  const path = join(dir, name);
  writeFileSync(path, text);
  const run = spawnSync(python, ['-c', READ_BOTH, path, ...(python === PYTHON ? [] : ['networkx-only'])], { encoding: 'utf8', timeout: 60_000 });
  if (run.error || run.status !== 0) {
    throw new Error(
      `${python} could not read ${name} with networkx and igraph (install Debian's python3-networkx and python3-igraph, or set ACTORSCOPE_PYTHON): ${run.error?.message ?? run.stderr}`,
    );
  }
  return JSON.parse(run.stdout) as Found;
}

function restored(input: unknown): Dataset {
  const result = restore(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.dataset;
}

/** The first and last day of the supporting claims' dates and periods, worked out here from the claims (not by the writers' code). */
function datesOf(r: Dataset['relations'][number]): [string | null, string | null] {
  const days: string[] = [];
  const lasts: string[] = [];
  const lastDay = (d: string) => (d.length === 4 ? `${d}-12-31` : d.length === 7 ? new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)), 0)).toISOString().slice(0, 10) : d);
  const firstDay = (d: string) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
  for (const c of r.claims.filter((c) => c.stance === 'supports')) {
    for (const d of [c.date, c.period?.from]) if (d) days.push(firstDay(d));
    for (const d of [c.date, c.period?.to]) if (d) lasts.push(lastDay(d));
  }
  return [days.sort()[0] ?? null, lasts.sort().at(-1) ?? null];
}

/** What both tools must find: every actor, every relation source → target as stored, mutual for partners and relations marked undirected, the confidence. */
function expected(dataset: Dataset) {
  return {
    nodes: dataset.actors.map((a) => a.id).sort(),
    edges: dataset.relations
      .map((r) => ({ id: r.id, source: r.source, target: r.target, mutual: r.type === 'partner' || r.attributes?.undirected === true, e: weighRelation(r), claims: r.claims.length, dates: datesOf(r) }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}

function expectFound(found: Found, dataset: Dataset) {
  const want = expected(dataset);
  const tools = found.igraph ? [found.networkx, found.igraph] : [found.networkx];
  for (const tool of tools) {
    expect(tool.directed).toBe(true);
    expect(tool.nodes).toEqual(want.nodes);
    expect(tool.edges.map(([id, u, v, mutual]) => [id, u, v, mutual])).toEqual(want.edges.map((e) => [e.id, e.source, e.target, e.mutual]));
  }
  found.networkx.edges.forEach(([, , , , confidence, bestGrade, claims, disputes, firstDate, lastDate], i) => {
    const e = want.edges[i]!;
    expect(confidence).toBeCloseTo(e.e.confidence, 12);
    expect(bestGrade).toBe(e.e.bestGrade);
    expect([claims, disputes]).toEqual([e.claims, e.e.disputes]);
    expect([firstDate, lastDate]).toEqual(e.dates);
  });
  found.igraph?.edges.forEach(([, , , , confidence], i) => expect(confidence).toBeCloseTo(want.edges[i]!.e.confidence, 12));
}

const FORMATS = [
  { name: 'GraphML', write: writeGraphml, extension: 'graphml', readers: 'networkx and igraph' },
  { name: 'GEXF', write: writeGexf, extension: 'gexf', readers: 'networkx' },
  { name: 'node-link JSON', write: (d: Dataset) => JSON.stringify(writeNodeLink(d)), extension: 'nodelink.json', readers: 'networkx 2.8 (node_link_graph, no arguments)' },
] as const;

const shipped = () => restored(JSON.parse(readFileSync(fileURLToPath(new URL('../../public/data/tajikistan-2023.json', import.meta.url)), 'utf8')));

/** Odd ids, a relation marked undirected, a claimless one, and claims dated by a day, a month, a year and an open period. */
const odd = () =>
  restored({
    format: 'actorscope',
    version: 1,
    meta: { title: 'Odd' },
    actors: [
      { id: 'a b', name: 'A', kind: 'state' },
      { id: '__proto__', name: 'P', kind: 'state' },
      { id: 'ü', name: 'U', kind: 'person' },
    ],
    relations: [
      { id: 'x', source: 'a b', target: '__proto__', type: 'threat', claims: [], attributes: { undirected: true, weight: 2.5 } },
      {
        id: 'y',
        source: 'ü',
        target: 'a b',
        type: 'partner',
        claims: [
          { quote: 'q', source: { title: 'S' }, locator: {}, assertedBy: 'Z', stance: 'supports', grade: 'B2', date: '2023-02' },
          { quote: 'r', source: { title: 'S' }, locator: {}, assertedBy: 'Y', stance: 'supports', grade: 'C3', period: { from: '2019', to: '2021-06-15' } },
          { quote: 's', source: { title: 'T' }, locator: {}, assertedBy: 'X', stance: 'disputes', grade: 'A1', date: '1990' },
        ],
      },
      { id: 'z', source: '__proto__', target: 'ü', type: 'supplier', claims: [{ quote: 'o', source: { title: 'S' }, locator: {}, assertedBy: 'Z', stance: 'supports', grade: 'F6', period: { from: '2020-07' } }] },
    ],
  });

/** A Python start and an import of networkx and igraph take seconds on a loaded two-core machine. */
const PYTHON_TIMEOUT = 60_000;

describe.each(FORMATS)('$name export, read by $readers', ({ write, extension }) => {
  it('the embedded dataset: every actor and relation, partners marked mutual, the evidence as typed attributes', () => {
    const dataset = shipped();
    const found = readWithPython(write(dataset), `tajikistan.${extension}`);
    expectFound(found, dataset);
    expect(found.networkx.version).toMatch(/^2\.8/); // Debian's
    expect(found.networkx.multigraph).toBe(true); // Tajikistan → Russia: partner and supplier
    // The contested Taliban threat keeps its low confidence where other tools can filter by it.
    const r15 = found.networkx.edges.find((e) => e[0] === 'r15')!;
    expect(r15.slice(1, 5)).toEqual(['taliban', 'tajikistan', false, expect.closeTo(0.0324, 12)]);
  }, PYTHON_TIMEOUT);

  it('a relation marked undirected, a claimless one, odd ids and dated claims', () => {
    const dataset = odd();
    const found = readWithPython(write(dataset), `odd.${extension}`);
    expectFound(found, dataset);
    // Worked by hand: y's supporting claims run from 2019 (2019-01-01) to February 2023 (2023-02-28); the disputing 1990 is left out. z's period is open-ended.
    expect(found.networkx.edges.map((e) => [e[0], e[8], e[9]])).toEqual([['x', null, null], ['y', '2019-01-01', '2023-02-28'], ['z', '2020-07-01', null]]);
  }, PYTHON_TIMEOUT);
});

describe.each(FORMATS)('$name export, read by networkx 3.x', ({ write, extension }) => {
  it.skipIf(NX3 === null)(`${NX3 ? `${NX3.path}, networkx ${NX3.version}` : 'skipped: no second Python with networkx 3.x (set ACTORSCOPE_PYTHON_NX3)'}: the same actors, relations and attributes as networkx 2.8 finds`, () => {
    for (const [name, dataset] of [['tajikistan', shipped()], ['odd', odd()]] as const) {
      const text = write(dataset);
      const found = readWithPython(text, `${name}-nx3.${extension}`, NX3!.path);
      expect(found.networkx.version).toMatch(/^3\./);
      expectFound(found, dataset);
      expect(found.networkx).toEqual({ ...readWithPython(text, `${name}-nx2.${extension}`).networkx, version: found.networkx.version });
    }
  }, PYTHON_TIMEOUT);
});
