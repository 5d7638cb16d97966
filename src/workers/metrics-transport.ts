/**
 * A metrics result crosses from the worker as columns of typed arrays, which
 * are transferred rather than copied: one Float64Array per metric (NaN for
 * n/a) instead of 10,000 row objects to clone. The rows are rebuilt on
 * arrival; the result the UI sees is the same object shape handle() returns.
 */
import type { ActorMetrics, MetricId, MetricsResult } from '../../graph';

export interface PackedMetrics extends Omit<MetricsResult, 'actors'> {
  packed: { ids: string[]; names: string[]; columns: Partial<Record<MetricId, Float64Array>> };
}

export function packMetrics(result: MetricsResult): { packed: PackedMetrics; transfer: Transferable[] } {
  const { actors, ...rest } = result;
  const columns: Partial<Record<MetricId, Float64Array>> = {};
  const transfer: Transferable[] = [];
  for (const metric of result.metrics) {
    const column = new Float64Array(actors.length);
    actors.forEach((row, i) => {
      const v = row[metric];
      column[i] = v === null || v === undefined ? NaN : v;
    });
    columns[metric] = column;
    transfer.push(column.buffer);
  }
  const packed = { ...rest, packed: { ids: actors.map((a) => a.id), names: actors.map((a) => a.name), columns } };
  return { packed, transfer };
}

export function unpackMetrics(packed: PackedMetrics): MetricsResult {
  const { packed: data, ...rest } = packed;
  const actors: ActorMetrics[] = data.ids.map((id, i) => {
    const row: ActorMetrics = { id, name: data.names[i]! };
    for (const metric of rest.metrics) {
      const v = data.columns[metric]![i]!;
      row[metric] = Number.isNaN(v) ? null : v;
    }
    return row;
  });
  return { ...rest, actors };
}
