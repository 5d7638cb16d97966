/**
 * Ranking metric values, and the rank correlation between two rankings.
 *
 * Competition ranking ("1224"): rank 1 is the highest value; tied values share
 * the best rank of their group and the next group skips as many ranks as the
 * tie took. `null` (n/a) and non-finite values get rank `null` and take no rank.
 *
 * Ties: two actors in symmetric positions may get values that differ in the
 * last bits (sums taken in a different order). A value ties with the best
 * value of its group when they differ by at most RANK_TOLERANCE relative to
 * the larger, or by at most `absolute` (default 0; for metrics computed by
 * iteration to a tolerance, see rankOptionsFor in compare-actors.ts). Each
 * value is compared with its group's first, so a long run of near-equal
 * values never chains into one group. Relative, not absolute, by default:
 * betweenness on a large graph has real differences far below 1e-9.
 */

export const RANK_TOLERANCE = 1e-9;

export interface RankOptions {
  /** Relative difference under which two values tie. Default RANK_TOLERANCE. */
  tolerance?: number;
  /** Absolute difference under which two values tie. Default 0. */
  absolute?: number;
}

function usable(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Groups of tied values, best first; each group lists indices into `values`
 * in input order.
 */
function tieGroups(values: ReadonlyArray<number | null>, options: RankOptions): number[][] {
  const relative = options.tolerance ?? RANK_TOLERANCE;
  const absolute = options.absolute ?? 0;
  const order: number[] = [];
  values.forEach((v, i) => {
    if (usable(v)) order.push(i);
  });
  order.sort((a, b) => (values[b] as number) - (values[a] as number) || a - b);
  const groups: number[][] = [];
  let top = 0;
  for (const i of order) {
    const v = values[i] as number;
    const last = groups[groups.length - 1];
    if (last && top - v <= Math.max(absolute, relative * Math.max(Math.abs(top), Math.abs(v)))) {
      last.push(i);
    } else {
      groups.push([i]);
      top = v;
    }
  }
  for (const g of groups) g.sort((a, b) => a - b);
  return groups;
}

/** Competition ranks ("1224"), in input order; see the file header. */
export function rankValues(
  values: ReadonlyArray<{ id: string; value: number | null }>,
  options: RankOptions = {},
): Array<{ id: string; rank: number | null }> {
  const ranks = competitionRanks(
    values.map((v) => v.value),
    options,
  );
  return values.map((v, i) => ({ id: v.id, rank: ranks[i]! }));
}

/** The same ranking over a bare list of values. */
export function competitionRanks(values: ReadonlyArray<number | null>, options: RankOptions = {}): Array<number | null> {
  const ranks: Array<number | null> = values.map(() => null);
  let before = 0;
  for (const group of tieGroups(values, options)) {
    for (const i of group) ranks[i] = before + 1;
    before += group.length;
  }
  return ranks;
}

/**
 * Fractional ranks ("1 2.5 2.5 4"): tied values share the mean of the ranks
 * they span, as Spearman's coefficient needs. 1 is the highest value. Every
 * value must be finite.
 */
export function fractionalRanks(values: readonly number[], options: RankOptions = {}): number[] {
  const ranks = values.map(() => 0);
  let before = 0;
  for (const group of tieGroups(values, options)) {
    const mean = before + (group.length + 1) / 2;
    for (const i of group) ranks[i] = mean;
    before += group.length;
  }
  return ranks;
}

/**
 * Spearman's rank correlation of paired values: Pearson's correlation of
 * their fractional ranks (ties get mean ranks, as scipy.stats.spearmanr).
 * `null` with fewer than two pairs or when either side has no variance
 * (every value tied). Pairs with a null or non-finite side are left out.
 */
export function spearman(
  pairs: ReadonlyArray<readonly [number | null, number | null]>,
  options: RankOptions = {},
): number | null {
  const kept = pairs.filter((p): p is readonly [number, number] => usable(p[0]) && usable(p[1]));
  if (kept.length < 2) return null;
  const x = fractionalRanks(kept.map((p) => p[0]), options);
  const y = fractionalRanks(kept.map((p) => p[1]), options);
  // Both rank lists have mean (k + 1) / 2.
  const mean = (kept.length + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < kept.length; i++) {
    const dx = x[i]! - mean;
    const dy = y[i]! - mean;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}
