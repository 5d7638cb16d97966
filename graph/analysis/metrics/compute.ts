import { actorKey } from '../../model/actor-graph';
import { applyFilter, describeFilter, type GraphFilter } from '../../model/filter';
import type { Dataset } from '../../model/types';
import { buildMetricGraph } from '../metric-graph';
import { METRICS } from './registry';
import { METRIC_IDS, type MetricContext, type MetricId } from './types';

export interface MetricsOptions {
  filter?: GraphFilter;
  /** Treat every relation as mutual. */
  undirected?: boolean;
  /** Which metrics; all when absent. */
  metrics?: readonly MetricId[];
  /** Called as the computation advances (not yet reported by every metric). */
  onProgress?: (progress: { stage: string; done: number; total: number }) => void;
}

export type ActorMetrics = { id: string; name: string } & Partial<Record<MetricId, number | null>>;

export interface MetricsResult {
  graph: {
    actors: number;
    relations: number;
    /** Ties between distinct actors after parallel relations are merged (what path metrics see). */
    ties: number;
    directed: boolean;
    filter: string;
  };
  metrics: MetricId[];
  actors: ActorMetrics[];
  /** Conventions, one line per metric computed. */
  conventions: Partial<Record<MetricId, string>>;
  /** Metrics that are n/a for every actor, and why. */
  unavailable: Partial<Record<MetricId, string>>;
}

export function computeMetrics(dataset: Dataset, options: MetricsOptions = {}): MetricsResult {
  const data = applyFilter(dataset, options.filter);
  const undirected = options.undirected ?? false;
  const wanted = options.metrics ?? METRIC_IDS;
  const ctx: MetricContext = { dataset: data, graph: buildMetricGraph(data, undirected), undirected };
  const actors: ActorMetrics[] = data.actors.map((a) => ({ id: a.id, name: a.name }));
  const conventions: Partial<Record<MetricId, string>> = {};
  const unavailable: Partial<Record<MetricId, string>> = {};
  const computed: MetricId[] = [];
  for (const metric of METRICS) {
    if (!wanted.includes(metric.id)) continue;
    computed.push(metric.id);
    conventions[metric.id] = metric.convention;
    const scores = metric.compute(ctx);
    if (scores.unavailable) unavailable[metric.id] = scores.unavailable;
    actors.forEach((row, i) => {
      row[metric.id] = scores.get(actorKey(i)) ?? null;
    });
  }
  return {
    graph: {
      actors: data.actors.length,
      relations: data.relations.length,
      ties: ctx.graph.size,
      directed: !undirected,
      filter: describeFilter(options.filter),
    },
    metrics: computed,
    actors,
    conventions,
    unavailable,
  };
}
