/**
 * The sigma.js side of the browser benchmark (tests/bench/browser/run.ts): a
 * minimal page that fetches the same dataset file the explorer opens with
 * `?data=`, builds a graphology graph with the node positions the explorer
 * computed in the same run, and draws it with Sigma 3.0.3 — sigma's defaults
 * (WebGL, straight `line` edges, its own label grid), actors coloured by kind
 * and sized by degree (1.5–6 px), relations coloured by type, as in the explorer.
 *
 *   sigma-bench/index.html?data=<dataset URL>&positions=<positions URL>&w=<px>&h=<px>
 *
 * `positions` is `{ ids: string[], x: number[], y: number[] }` (actor ids and
 * their positions) in Cytoscape's coordinates (y down; sigma's y points up, so
 * it is negated here).
 * The page records performance marks (`bench:*`) and every `render()` call's
 * duration in `window.__bench`.
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import type { Dataset } from '../../../../graph';
import { kindStyle, RELATION_STYLES } from '../../../../src/look/encoding';

interface BenchState {
  sigma?: Sigma;
  /** Page time (ms) of the end of sigma's first render (its first 'afterRender'). */
  firstRender?: number;
  /** [start, duration, presented] of every Sigma.render() call, page time (ms); presented: the second requestAnimationFrame after it (0 until then). */
  renders: Array<[number, number, number]>;
  nodes?: number;
  edges?: number;
  error?: string;
}

declare global {
  interface Window {
    __bench?: BenchState;
  }
}

const state: BenchState = { renders: [] };
window.__bench = state;

// Sigma renders once, synchronously, inside its constructor: time every render() from the prototype so the first one counts.
// (render() is private in sigma's types.)
const proto = Sigma.prototype as unknown as { render(this: Sigma): Sigma };
const render = proto.render;
proto.render = function timedRender(this: Sigma) {
  const start = performance.now();
  const result = render.call(this);
  const end = performance.now();
  const rec: [number, number, number] = [start, end - start, 0];
  state.renders.push(rec);
  requestAnimationFrame(() => requestAnimationFrame(() => (rec[2] = performance.now())));
  if (state.firstRender === undefined) {
    state.firstRender = end;
    performance.mark('bench:first-render');
  }
  return result;
};

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const container = document.getElementById('graph')!;
  container.style.width = `${Number(params.get('w') ?? 1000)}px`;
  container.style.height = `${Number(params.get('h') ?? 800)}px`;

  performance.mark('bench:fetch-start');
  const [datasetText, positions] = await Promise.all([
    fetch(params.get('data')!).then((r) => r.text()),
    fetch(params.get('positions')!).then((r) => r.json() as Promise<{ ids: string[]; x: number[]; y: number[] }>),
  ]);
  performance.mark('bench:fetched');
  const dataset = JSON.parse(datasetText) as Dataset;
  performance.mark('bench:parsed');

  const at = new Map(positions.ids.map((id, i) => [id, i]));
  const graph = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
  for (const actor of dataset.actors) {
    const i = at.get(actor.id);
    if (i === undefined) throw new Error(`no position for actor ${actor.id}`);
    graph.addNode(actor.id, { label: actor.name, x: positions.x[i]!, y: -positions.y[i]!, color: kindStyle(actor.kind).color, size: 2 });
  }
  for (const relation of dataset.relations) {
    graph.addDirectedEdgeWithKey(relation.id, relation.source, relation.target, {
      color: RELATION_STYLES[relation.type]?.color ?? '#9e9e9e',
      size: 0.5,
    });
  }
  // Sigma's sizes are screen pixels (radius) at the initial zoom: 1.5–6 px by degree, about the size our actors are drawn at when fitted.
  let maxDegree = 1;
  graph.forEachNode((node) => (maxDegree = Math.max(maxDegree, graph.degree(node))));
  graph.forEachNode((node) => graph.setNodeAttribute(node, 'size', 1.5 + 4.5 * Math.sqrt(graph.degree(node) / maxDegree)));
  state.nodes = graph.order;
  state.edges = graph.size;
  performance.mark('bench:graph-built');

  state.sigma = new Sigma(graph, container);
  performance.mark('bench:sigma-created');
  container.setAttribute('aria-busy', 'false');
}

main().catch((err: unknown) => {
  state.error = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err);
  console.error(state.error);
});
