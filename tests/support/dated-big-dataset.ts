/**
 * The big synthetic dataset (big-dataset.ts) with dated, weighted claims, for
 * measuring the time window at scale: each relation is active over a run of
 * years, as an arms-transfer register's pairs are (a first year uniform over
 * the span, then 1–4 claims a year or a few apart, each with a weight like a
 * transfer's value), and one relation in twenty also has a disputing claim.
 * One dataset source stands for the register; its rows are the claims. The
 * same options give the same file.
 *
 *   npx tsx tests/support/dated-big-dataset.ts out.json [actors=10000] [relations=50000] [seed=1]
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Claim, Dataset, Grade } from '../../graph';
import { seededRandom } from '../../graph/analysis/random';
import { bigDataset, type BigDatasetOptions } from './big-dataset';

export interface DatedBigDatasetOptions extends BigDatasetOptions {
  /** First and last year of the claims (inclusive). */
  firstYear?: number;
  lastYear?: number;
}

const GRADES: readonly Grade[] = ['A1', 'B2', 'B2', 'C3', 'C3', 'D4'];
export const DATED_SOURCE_ID = 'transfers-register';

export function datedBigDataset({ firstYear = 1992, lastYear = 2021, ...options }: DatedBigDatasetOptions): Dataset {
  const base = bigDataset(options);
  // A stream of its own, so the graph is the same as big-dataset.ts's for the same seed.
  const random = seededRandom((options.seed ?? 1) * 7919 + 17);
  let row = 0;
  const claim = (year: number, stance: Claim['stance']): Claim => ({
    quote: `transfer ${year}`,
    sourceId: DATED_SOURCE_ID,
    locator: { row: ++row },
    assertedBy: 'reported',
    date: String(year),
    stance,
    grade: GRADES[Math.floor(random() * GRADES.length)]!,
    // Skewed like transfer values: most small, a few large.
    weight: Math.max(1, Math.round(Math.exp(random() * 6))),
  });
  const relations = base.relations.map((r) => {
    const claims: Claim[] = [];
    const count = 1 + Math.floor(random() ** 1.5 * 4); // 1–4, fewer more often
    let year = firstYear + Math.floor(random() * (lastYear - firstYear + 1));
    for (let i = 0; i < count && year <= lastYear; i++) {
      claims.push(claim(year, 'supports'));
      year += 1 + Math.floor(random() * 3);
    }
    if (random() < 0.05) claims.push(claim(firstYear + Math.floor(random() * (lastYear - firstYear + 1)), 'disputes'));
    return { ...r, claims };
  });
  return {
    ...base,
    sources: [{ id: DATED_SOURCE_ID, title: 'Synthetic transfers register', kind: 'dataset' }],
    meta: {
      title: `Synthetic dated network: ${base.actors.length.toLocaleString('en')} actors, ${relations.length.toLocaleString('en')} relations`,
      description: `${base.meta.description?.replace(/ No claims: .*$/, '') ?? ''} Claims dated ${firstYear}–${lastYear} by tests/support/dated-big-dataset.ts: ${row.toLocaleString('en')} claims, 1–4 supporting per relation, weighted; for measurements only.`,
    },
    relations,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [out, actors = '10000', relations = '50000', seed = '1'] = process.argv.slice(2);
  if (!out) {
    console.error('usage: tsx tests/support/dated-big-dataset.ts OUT.json [actors] [relations] [seed]');
    process.exit(2);
  }
  writeFileSync(out, JSON.stringify(datedBigDataset({ actors: Number(actors), relations: Number(relations), seed: Number(seed) })));
  console.log(`wrote ${out}`);
}
