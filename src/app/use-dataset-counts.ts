/** The actor kinds of a dataset, and how many actors and relations each kind and type has (for the legend and the export). */
import { useMemo } from 'react';
import type { Dataset, RelationType } from '../../graph';

export function useDatasetCounts(dataset: Dataset) {
  return useMemo(
    () => ({
      kinds: [...new Set(dataset.actors.map((a) => a.kind))],
      kindCounts: countBy(dataset.actors, (a) => a.kind),
      relationCounts: countBy(dataset.relations, (r) => r.type as RelationType),
    }),
    [dataset],
  );
}

function countBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, number> {
  const out = new Map<K, number>();
  for (const item of items) out.set(key(item), (out.get(key(item)) ?? 0) + 1);
  return out;
}
