/**
 * Import benchmark (`npm run bench:import`): how long importFiles() takes on
 * the large generated files of the bad-input catalogue (tests/unit/bad-inputs.test.ts),
 * a 100,000-relation CSV edge list and a 100,000-edge GEXF with 20,000 nodes.
 * The unit tests check that every row is read; the seconds are measured here,
 * where a busy machine makes a slow figure, not a failed test.
 *
 *   npm run bench:import [-- --runs=N]
 */
import { importFiles, type InputFile } from '../../graph';

const TYPES = ['partner', 'threat', 'supplier', 'suspected-supporter'];

/** The catalogue's CSV edge list: 10,000 actors, 100,000 relations, CRLF lines. */
function csvEdgeList(): InputFile {
  const rows = ['source,target,type,weight'];
  for (let i = 0; i < 100_000; i++) rows.push(`actor${(i * 7919) % 10_000},actor${(i * 104_729 + 13) % 10_000},${TYPES[i % 4]},${(i % 97) / 10}`);
  return { name: 'big.csv', text: `${rows.join('\r\n')}\r\n` };
}

/** The catalogue's GEXF 1.3: 20,000 nodes with a kind, 100,000 edges with a type. */
function gexfFile(): InputFile {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    '  <graph defaultedgetype="directed">',
    '    <attributes class="node"><attribute id="k" title="kind" type="string"/></attributes>',
    '    <attributes class="edge"><attribute id="t" title="type" type="string"/></attributes>',
    '    <nodes>',
  ];
  for (let i = 0; i < 20_000; i++) out.push(`      <node id="n${i}" label="Node ${i}"><attvalues><attvalue for="k" value="state"/></attvalues></node>`);
  out.push('    </nodes>', '    <edges>');
  for (let i = 0; i < 100_000; i++) {
    out.push(`      <edge id="e${i}" source="n${(i * 7919) % 20_000}" target="n${(i * 104_729 + 13) % 20_000}"><attvalues><attvalue for="t" value="${TYPES[i % 4]}"/></attvalues></edge>`);
  }
  out.push('    </edges>', '  </graph>', '</gexf>');
  return { name: 'big.gexf', text: out.join('\n') };
}

const runsArg = process.argv.find((a) => a.startsWith('--runs='));
const RUNS = runsArg ? Number(runsArg.slice('--runs='.length)) : 5;
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--runs must be a whole number of at least 1, not ${runsArg}`);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const rows: string[] = [];
for (const file of [csvEdgeList(), gexfFile()]) {
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
