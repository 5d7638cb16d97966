/**
 * The chosen metric, scaled 0–1 by its maximum, sizes the actors. Sizes go in
 * steps of 1/64 (under a pixel at the largest node size), so a refined result
 * (exact betweenness after the estimate) restyles only the actors whose size
 * visibly changes: at 10k actors, restyling all of them is seconds of UI
 * thread.
 */
import { useMemo } from 'react';
import type { MetricId, MetricsResult } from '../../graph';

export function useMetricSizes(result: MetricsResult | null, sizeBy: MetricId): ReadonlyMap<string, number | null> {
  return useMemo(() => {
    const out = new Map<string, number | null>();
    const rows = result?.actors ?? [];
    let max = 0;
    for (const r of rows) max = Math.max(max, r[sizeBy] ?? 0);
    for (const r of rows) {
      const v = r[sizeBy];
      out.set(r.id, v == null || max === 0 ? null : Math.round((64 * v) / max) / 64);
    }
    return out;
  }, [result, sizeBy]);
}
