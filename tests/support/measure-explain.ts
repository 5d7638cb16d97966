/**
 * Times explainBetweenness (graph/analysis/compare/explain.ts) on the large
 * synthetic dataset (big-dataset.ts): the first hub, an actor of middling
 * degree and a leaf, in the directed and the undirected view; each as the
 * explain request runs it (sampled beyond EXACT_WORK) and exactly (every
 * source), with the estimate's error against the exact value. One run each.
 *
 *   npx tsx tests/support/measure-explain.ts [actors=10000] [relations=50000] [seed=1]
 */
import { explainBetweenness, type BetweennessExplanation } from '../../graph/analysis/compare';
import { bigActorId, bigDataset } from './big-dataset';

const [actors = 10_000, relations = 50_000, seed = 1] = process.argv.slice(2).map(Number);
const dataset = bigDataset({ actors, relations, seed });
const degree = new Map<string, number>();
for (const r of dataset.relations) for (const id of [r.source, r.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
const byDegree = dataset.actors.map((a) => a.id).sort((a, b) => degree.get(b)! - degree.get(a)! || (a < b ? -1 : 1));
const picks: Array<[string, string]> = [
  ['hub', bigActorId(0)],
  ['middling', byDegree[Math.floor(byDegree.length / 20)]!],
  ['leaf', byDegree[byDegree.length - 1]!],
];

function timed(run: () => BetweennessExplanation): [BetweennessExplanation, string] {
  const start = performance.now();
  const e = run();
  return [e, `${((performance.now() - start) / 1000).toFixed(2)} s`];
}

console.log(`${dataset.actors.length} actors, ${dataset.relations.length} relations (seed ${seed}); Node ${process.version}`);
for (const undirected of [false, true]) {
  for (const [label, id] of picks) {
    const [auto, autoTime] = timed(() => explainBetweenness(dataset, id, { undirected }));
    const [exact, exactTime] = timed(() => explainBetweenness(dataset, id, { undirected, samples: Infinity }));
    const view = `${undirected ? 'undirected' : 'directed  '} ${label.padEnd(8)} ${id} (degree ${degree.get(id)})`;
    const sampled = auto.estimate
      ? `sampled ${autoTime} (${auto.estimate.samples} of ${auto.estimate.of} sources, ${auto.estimate.nearest} nearest in full): ${auto.betweenness!.toPrecision(4)} ± ${auto.estimate.standardError.toPrecision(2)} SE, ` +
        `error ${(auto.betweenness! - exact.betweenness!).toPrecision(2)}, Hoeffding ±${auto.estimate.epsilon.toPrecision(2)}, ~${auto.totalPairs} pairs`
      : `sampled: not needed (${autoTime})`;
    console.log(`${view}: exact ${exactTime}, ${exact.betweenness!.toPrecision(6)}, ${exact.totalPairs} pairs; ${sampled}`);
  }
}
