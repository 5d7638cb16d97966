/**
 * Times proposeMerge and applyMerge (graph/merge/) on two seeded synthetic
 * datasets (tests/support/big-dataset.ts) of `actors` actors and `relations`
 * relations each: the second holds the first's actors under other ids, every
 * fifth name in capitals (matched folded) and every seventh with an h after
 * its first letter dropped (matched only where the spelling rules forgive it:
 * kh, gh, zh), and half its relations are the first's.
 * `npx tsx tests/bench/merge.ts [actors] [relations]`; prints the median of 5 runs.
 */
import { applyMerge, proposeMerge, proposedDecisions, type Dataset } from '../../graph';
import { bigDataset } from '../support/big-dataset';

const nActors = Number(process.argv[2] ?? 10_000);
const nRelations = Number(process.argv[3] ?? 10_000);
const current = bigDataset({ actors: nActors, relations: nRelations, seed: 1 });
const other = bigDataset({ actors: nActors, relations: nRelations, seed: 2 });
const incoming: Dataset = {
  ...other,
  meta: { title: 'incoming' },
  actors: current.actors.map((a, i) => ({ ...a, id: `in-${i}`, name: i % 5 === 0 ? a.name.toUpperCase() : i % 7 === 0 ? a.name.replace(/^(\w)h/, '$1') : a.name })),
  relations: [...current.relations.slice(0, nRelations / 2), ...other.relations.slice(nRelations / 2)].map((r) => ({
    ...r,
    source: `in-${Number(r.source.slice(6))}`,
    target: `in-${Number(r.target.slice(6))}`,
  })),
};

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const proposeTimes: number[] = [];
const applyTimes: number[] = [];
let summary = '';
for (let run = 0; run < 5; run++) {
  let t = performance.now();
  const proposal = proposeMerge(current, incoming);
  proposeTimes.push(performance.now() - t);
  const decisions = proposedDecisions(proposal);
  t = performance.now();
  const result = applyMerge(current, incoming, decisions, '2026-12-02');
  applyTimes.push(performance.now() - t);
  if (!result.ok) throw new Error(result.problems[0]!.message);
  summary = `${proposal.actors.length} incoming actors with candidates; ${result.summary.note}`;
}
console.log(`${nActors.toLocaleString('en')} × ${nActors.toLocaleString('en')} actors, ${nRelations.toLocaleString('en')} relations each`);
console.log(`proposeMerge median ${median(proposeTimes).toFixed(0)} ms (runs: ${proposeTimes.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`applyMerge (restore included) median ${median(applyTimes).toFixed(0)} ms (runs: ${applyTimes.map((x) => x.toFixed(0)).join(', ')})`);
console.log(summary);
