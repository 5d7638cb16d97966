/**
 * Our exports read by the tools users take them to: the GraphML and GEXF
 * exports of the embedded dataset, and of a dataset with a relation marked
 * undirected and typed attributes, opened by networkx (`read_graphml`,
 * `read_gexf`) and igraph (`Graph.Read_GraphML`; it has no GEXF reader) in
 * Python, which report what they found as JSON: nodes, edges (ids, ends,
 * direction) and the flat evidence attributes. The Python is Debian's
 * (`python3-networkx` 2.8, `python3-igraph`; tests/ensure-python.mjs and
 * .ci/run install them), or ACTORSCOPE_PYTHON; without them the test fails,
 * never skips.
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
import { restore } from '../../graph/schema/restore';

const PYTHON = process.env.ACTORSCOPE_PYTHON ?? '/usr/bin/python3';

/** Reads a GraphML file with networkx and with igraph (a GEXF file with networkx only); prints what each found. */
const READ_BOTH = String.raw`
import json, sys
import networkx as nx
import igraph
path = sys.argv[1]
gexf = path.endswith(".gexf")
g = nx.read_gexf(path) if gexf else nx.read_graphml(path)
nxr = {
  "version": nx.__version__,
  "directed": g.is_directed(),
  "nodes": sorted(g.nodes()),
  # Parallel relations (the dataset has them) make a MultiDiGraph, whose edge keys are the GraphML ids.
  "multigraph": g.is_multigraph(),
  "edges": sorted([[k if g.is_multigraph() else d.get("id"), u, v, d.get("actorscope:mutual"), d.get("actorscope:confidence"), d.get("actorscope:bestGrade"), d.get("actorscope:claimCount"), d.get("actorscope:disputes")] for u, v, k, d in (g.edges(keys=True, data=True) if g.is_multigraph() else ((u, v, None, d) for u, v, d in g.edges(data=True)))], key=lambda e: str(e[0])),
}
h = None if gexf else igraph.Graph.Read_GraphML(path)
ig = None if gexf else {
  "version": igraph.__version__,
  "directed": h.is_directed(),
  "nodes": sorted(h.vs["id"]),
  "edges": sorted([[e["id"], h.vs[e.source]["id"], h.vs[e.target]["id"], bool(e["actorscope:mutual"]), e["actorscope:confidence"]] for e in h.es], key=lambda e: str(e[0])),
}
print(json.dumps({"networkx": nxr, "igraph": ig}))
`;

interface Found {
  networkx: { version: string; directed: boolean; multigraph: boolean; nodes: string[]; edges: [string, string, string, boolean, number, string | null, number, number][] };
  /** null for a GEXF file. */
  igraph: { version: string; directed: boolean; nodes: string[]; edges: [string, string, string, boolean, number][] } | null;
}

const dir = mkdtempSync(join(tmpdir(), 'actorscope-foreign-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function readWithPython(text: string, name: string): Found {
  const path = join(dir, name);
  writeFileSync(path, text);
  const run = spawnSync(PYTHON, ['-c', READ_BOTH, path], { encoding: 'utf8', timeout: 60_000 });
  if (run.error || run.status !== 0) {
    throw new Error(
      `${PYTHON} could not read ${name} with networkx and igraph (install Debian's python3-networkx and python3-igraph, or set ACTORSCOPE_PYTHON): ${run.error?.message ?? run.stderr}`,
    );
  }
  return JSON.parse(run.stdout) as Found;
}

function restored(input: unknown): Dataset {
  const result = restore(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.dataset;
}

/** What both tools must find: every actor, every relation source → target as stored, mutual for partners and relations marked undirected, the confidence. */
function expected(dataset: Dataset) {
  return {
    nodes: dataset.actors.map((a) => a.id).sort(),
    edges: dataset.relations
      .map((r) => ({ id: r.id, source: r.source, target: r.target, mutual: r.type === 'partner' || r.attributes?.undirected === true, e: weighRelation(r), claims: r.claims.length }))
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
  found.networkx.edges.forEach(([, , , , confidence, bestGrade, claims, disputes], i) => {
    const e = want.edges[i]!;
    expect(confidence).toBeCloseTo(e.e.confidence, 12);
    expect(bestGrade).toBe(e.e.bestGrade);
    expect([claims, disputes]).toEqual([e.claims, e.e.disputes]);
  });
  found.igraph?.edges.forEach(([, , , , confidence], i) => expect(confidence).toBeCloseTo(want.edges[i]!.e.confidence, 12));
}

const FORMATS = [
  { name: 'GraphML', write: writeGraphml, extension: 'graphml', readers: 'networkx and igraph' },
  { name: 'GEXF', write: writeGexf, extension: 'gexf', readers: 'networkx' },
] as const;

describe.each(FORMATS)('$name export, read by $readers', ({ write, extension }) => {
  it('the embedded dataset: every actor and relation, partners marked mutual, the evidence as typed attributes', () => {
    const dataset = restored(JSON.parse(readFileSync(fileURLToPath(new URL('../../public/data/tajikistan-2023.json', import.meta.url)), 'utf8')));
    const found = readWithPython(write(dataset), `tajikistan.${extension}`);
    expectFound(found, dataset);
    expect(found.networkx.multigraph).toBe(true); // Tajikistan → Russia: partner and supplier
    // The contested Taliban threat keeps its low confidence where other tools can filter by it.
    const r15 = found.networkx.edges.find((e) => e[0] === 'r15')!;
    expect(r15.slice(1, 5)).toEqual(['taliban', 'tajikistan', false, expect.closeTo(0.0324, 12)]);
  });

  it('a relation marked undirected, a claimless one and odd ids', () => {
    const dataset = restored({
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
        { id: 'y', source: 'ü', target: 'a b', type: 'partner', claims: [{ quote: 'q', source: { title: 'S' }, locator: {}, assertedBy: 'Z', stance: 'supports', grade: 'B2' }] },
      ],
    });
    expectFound(readWithPython(write(dataset), `odd.${extension}`), dataset);
  });
});
