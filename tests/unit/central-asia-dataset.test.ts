/**
 * The second embedded dataset, arms transfers to Central Asia 1992–2021
 * (public/data/central-asia-arms-1992-2021.json), built by
 * scripts/build-central-asia-arms.ts from the shipped SIPRI rows
 * (public/data/sipri-central-asia-1992-2021.csv).
 *
 * The known figures were counted from the CSV with awk, not by our code:
 *   awk -F, 'NR>1' FILE | wc -l                                   → 182 rows
 *   awk -F, 'NR>1{t[$1]+=$4} END{for(s in t) print s, t[s]}' FILE  → Russia 3332, China 397 (TIV)
 *   the same by window (year ≤ 1999, ≤ 2009, else)                → Russia 260, 588, 2484; China 0, 0, 397
 *   awk -F, 'NR>1{print $1; print $2}' FILE | sort -u | wc -l     → 28 actors (24 suppliers, 5 recipients, Kazakhstan both)
 *   awk -F, 'NR>1{print $1","$2}' FILE | sort -u | wc -l          → 44 supplier–recipient pairs
 *   awk -F, 'NR>1 && $4==0' FILE | wc -l                          → 3 rows of 0 TIV
 * and the CSV itself was checked to be the 360info table's rows for the five
 * recipients, 1992–2021 (python3 csv over /work/shared/data/ir/sipri-exports-processed.csv).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { anchorQuote, relationWeight, restore, type Dataset, type TimeWindow } from '../../graph';
import { buildCentralAsiaArms, CSV_PATH, DATASET_PATH, datasetText } from '../../scripts/build-central-asia-arms';

const csv = readFileSync(CSV_PATH, 'utf8');
const committed = readFileSync(DATASET_PATH, 'utf8');
const built = buildCentralAsiaArms(csv);
const dataset = JSON.parse(committed) as Dataset;
const claims = dataset.relations.flatMap((r) => r.claims);

/** A supplier's TIV to the five recipients in a window, summed by relationWeight as the explorer sums it. */
const suppliedBy = (id: string, window: TimeWindow = {}) =>
  dataset.relations.filter((r) => r.source === id).reduce((sum, r) => sum + (relationWeight(r, window) ?? 0), 0);

describe('the Central Asia arms dataset', () => {
  it('the committed JSON is exactly what the build makes of the shipped CSV (npm run data:central-asia)', () => {
    expect(committed).toBe(datasetText(built));
  });

  it('restore() accepts it with no error and no warning, and leaves it as it is', () => {
    const result = restore(JSON.parse(committed));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    expect(result.dataset).toEqual(dataset);
  });

  it('every claim quotes its CSV row exactly: the line locator.row names, at locator.chars in the source text, which is the CSV', () => {
    expect(dataset.sources).toHaveLength(1);
    const source = dataset.sources[0]!;
    expect(source.text).toBe(csv);
    const lines = csv.split('\n');
    expect(claims).toHaveLength(182);
    for (const c of claims) {
      expect(c.sourceId).toBe(source.id);
      expect(lines[c.locator.row! - 1]).toBe(c.quote);
      expect(csv.slice(...c.locator.chars!)).toBe(c.quote);
      expect(anchorQuote(csv, c.quote, c.locator.chars, c.context)).toEqual({ kind: 'holds' });
    }
    // Each data row is quoted once: rows 2..183.
    expect(claims.map((c) => c.locator.row).sort((a, b) => a! - b!)).toEqual(lines.slice(1, -1).map((_, i) => i + 2));
  });

  it('each claim is its row: the year its date, the TIV its weight, graded B2, from the supplier to the recipient of its row', () => {
    const byId = new Map(dataset.actors.map((a) => [a.id, a]));
    for (const r of dataset.relations) {
      expect(r.type).toBe('supplier');
      for (const c of r.claims) {
        const [supplier, recipient, year, tiv] = c.quote.split(',');
        expect([byId.get(r.source)!.name, byId.get(r.target)!.name].map((n) => (n === 'United Arab Emirates' ? 'UAE' : n))).toEqual([supplier, recipient]);
        expect(c.date).toBe(year);
        expect(c.weight).toBe(Number(tiv));
        expect(c.grade).toBe('B2');
        expect(c.stance).toBe('supports');
      }
    }
  });

  it('the counts: 28 actors, 44 relations (one per supplier and recipient), 182 claims (one per row), 3 of them 0 TIV', () => {
    expect(dataset.actors).toHaveLength(28);
    expect(dataset.relations).toHaveLength(44);
    expect(claims).toHaveLength(182);
    expect(claims.filter((c) => c.weight === 0)).toHaveLength(3);
    expect(claims.map((c) => c.date).sort()[0]).toBe('1994');
    expect(claims.map((c) => c.date).sort().at(-1)).toBe('2021');
  });

  it('known totals: Russia 3332 TIV (260, 588, 2484 by decade window), China 397 (all after 2010)', () => {
    expect(suppliedBy('russia')).toBe(3332);
    expect(suppliedBy('china')).toBe(397);
    expect([['1992', '1999'], ['2000', '2009'], ['2010', '2021']].map(([from, to]) => suppliedBy('russia', { from, to }))).toEqual([260, 588, 2484]);
    expect([['1992', '1999'], ['2000', '2009'], ['2010', '2021']].map(([from, to]) => suppliedBy('china', { from, to }))).toEqual([0, 0, 397]);
    // All suppliers together: the CSV's tiv column summed (awk: 5378).
    expect(claims.reduce((s, c) => s + c.weight!, 0)).toBe(5378);
  });

  it('actors: states with ISO 3166-1 alpha-2 codes; the unknown supplier kept, without a country', () => {
    const states = dataset.actors.filter((a) => a.kind === 'state');
    expect(states).toHaveLength(27);
    for (const a of states) expect(a.country).toMatch(/^[A-Z]{2}$/);
    expect(new Set(states.map((a) => a.country)).size).toBe(27);
    const codes = Object.fromEntries(states.map((a) => [a.id, a.country]));
    expect(codes).toMatchObject({ russia: 'RU', china: 'CN', kazakhstan: 'KZ', kyrgyzstan: 'KG', tajikistan: 'TJ', turkmenistan: 'TM', uzbekistan: 'UZ', 'united-states': 'US', 'united-arab-emirates': 'AE', 'south-korea': 'KR' });
    const unknown = dataset.actors.find((a) => a.name === 'Unknown supplier(s)')!;
    expect(unknown).toMatchObject({ id: 'unknown-suppliers', kind: 'organization' });
    expect(unknown.country).toBeUndefined();
    expect(dataset.relations.filter((r) => r.source === unknown.id).map((r) => [r.target, r.claims.map((c) => [c.date, c.weight])])).toEqual([['kyrgyzstan', [['2006', 2]]]]);
  });

  it('actorscope validate exits 0 on it, every quote checked', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const r = spawnSync(process.execPath, [`${root}bin/actorscope.mjs`, 'validate', DATASET_PATH], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr.trim()).toBe('');
    expect(r.stdout.trim()).toBe(`${DATASET_PATH}: valid: 28 actors, 44 relations, 182 claims; 182 quotes checked against the text of 1 source`);
    expect(r.status).toBe(0);
  }, 120_000);
});
