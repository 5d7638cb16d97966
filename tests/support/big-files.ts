/**
 * The large generated files of the bad-input catalogue (tests/unit/bad-inputs.test.ts),
 * which check that every row is read, and of `npm run bench:import`
 * (tests/bench/imports.ts), which times them: the same text in both.
 */
import type { InputFile } from '../../graph';

const TYPES = ['partner', 'threat', 'supplier', 'suspected-supporter'];

/** A CSV edge list: 10,000 actors, 100,000 relations, CRLF lines. */
export function bigCsvEdgeList(): InputFile {
  const rows = ['source,target,type,weight'];
  for (let i = 0; i < 100_000; i++) rows.push(`actor${(i * 7919) % 10_000},actor${(i * 104_729 + 13) % 10_000},${TYPES[i % 4]},${(i % 97) / 10}`);
  return { name: 'big.csv', text: `${rows.join('\r\n')}\r\n` };
}

/** A GEXF 1.3: 20,000 nodes with a kind, 100,000 edges with a type. */
export function bigGexf(): InputFile {
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
  return { name: 'big.gexf', text: `${out.join('\n')}\n` };
}
