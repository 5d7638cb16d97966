import { isMutual } from '../../model/types';
import { actorKey } from '../../model/actor-graph';
import type { MetricContext, MetricDescriptor, Scores } from './types';

/**
 * Degrees count relations, not neighbours: two relations of different types
 * between the same actors count twice. Self-relations are not counted.
 */
function count(ctx: MetricContext, which: 'degree' | 'in' | 'out'): Scores {
  const index = new Map<string, string>();
  const out: Scores = new Map();
  ctx.dataset.actors.forEach((a, i) => {
    index.set(a.id, actorKey(i));
    out.set(actorKey(i), 0);
  });
  const add = (id: string) => {
    const key = index.get(id)!;
    out.set(key, (out.get(key) ?? 0) + 1);
  };
  for (const r of ctx.dataset.relations) {
    if (r.source === r.target) continue;
    const mutual = ctx.undirected || isMutual(r.type);
    if (which === 'degree' || mutual) {
      add(r.source);
      add(r.target);
    } else if (which === 'out') add(r.source);
    else add(r.target);
  }
  return out;
}

export const degree: MetricDescriptor = {
  id: 'degree',
  label: 'Degree',
  short: 'Deg',
  description: 'Number of relations the actor takes part in.',
  convention: 'raw count of relations; a partner relation counts once; parallel relations of different types each count',
  integer: true,
  compute: (ctx) => count(ctx, 'degree'),
};

export const inDegree: MetricDescriptor = {
  id: 'inDegree',
  label: 'In-degree',
  short: 'In',
  description: 'Relations pointing at the actor (threats against it, supplies to it, …).',
  convention: 'raw count; a partner relation counts for both actors (in undirected mode every relation does)',
  integer: true,
  compute: (ctx) => count(ctx, 'in'),
};

export const outDegree: MetricDescriptor = {
  id: 'outDegree',
  label: 'Out-degree',
  short: 'Out',
  description: 'Relations the actor directs at others.',
  convention: 'raw count; a partner relation counts for both actors (in undirected mode every relation does)',
  integer: true,
  compute: (ctx) => count(ctx, 'out'),
};
