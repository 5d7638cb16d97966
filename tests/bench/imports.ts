/**
 * Import benchmark (`npm run bench:import`): how long importFiles() takes on
 * the large generated files of the bad-input catalogue (tests/unit/bad-inputs.test.ts),
 * a 100,000-relation CSV edge list and a 100,000-edge GEXF with 20,000 nodes.
 * The unit tests check that every row is read; the seconds are measured here,
 * where a busy machine makes a slow figure, not a failed test.
 *
 *   npm run bench:import [-- --runs=N]
 */
import { importFiles } from '../../graph';
import { bigCsvEdgeList, bigGexf } from '../support/big-files';

const runsArg = process.argv.find((a) => a.startsWith('--runs='));
const RUNS = runsArg ? Number(runsArg.slice('--runs='.length)) : 5;
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--runs must be a whole number of at least 1, not ${runsArg}`);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const rows: string[] = [];
for (const file of [bigCsvEdgeList(), bigGexf()]) {
  const times: number[] = [];
  let read = '';
  // One warm-up run (JIT), then RUNS timed ones.
  for (let run = 0; run <= RUNS; run++) {
    const started = performance.now();
    const result = importFiles([file]);
    const ms = performance.now() - started;
    if (!result.ok) throw new Error(`${file.name} was refused: ${result.problems[0]?.message}`);
    read = `${result.report.actorsRead.toLocaleString('en')} actors, ${result.report.relationsRead.toLocaleString('en')} relations`;
    if (run > 0) times.push(ms);
  }
  const mb = (new TextEncoder().encode(file.text).length / 2 ** 20).toFixed(1);
  rows.push(`| ${file.name} | ${mb} MB | ${read} | ${(median(times) / 1000).toFixed(2)} s | ${(Math.min(...times) / 1000).toFixed(2)} s |`);
}
console.log(`importFiles(), median and best of ${RUNS} runs after a warm-up, Node ${process.version}\n`);
console.log('| file | size | read | median | best |');
console.log('| --- | ---: | --- | ---: | ---: |');
console.log(rows.join('\n'));
