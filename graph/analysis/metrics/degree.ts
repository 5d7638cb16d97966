import { isMutual } from '../../model/types';
import { actorKey } from '../../model/actor-graph';
import type { MetricContext, MetricDescriptor, Scores } from './types';
import { relationWeighs, weightsWord, type WeightBy } from './weights';

/**
 * Degrees count relations, not neighbours: two relations of different types
 * between the same actors count twice. Self-relations are not counted.
 * Weighted (ctx.relationWeights): each relation adds its weight (confidence
 * or value; 0 without a value) instead of 1, so parallel relations each add
 * theirs: strength.
 */
function count(ctx: MetricContext, which: 'degree' | 'in' | 'out'): Scores {
  const index = new Map<string, string>();
  const out: Scores = new Map();
  ctx.dataset.actors.forEach((a, i) => {
    index.set(a.id, actorKey(i));
    out.set(actorKey(i), 0);
  });
  const weights = ctx.relationWeights;
  ctx.dataset.relations.forEach((r, k) => {
    if (r.source === r.target) return;
    const w = weights ? weights[k]! : 1;
    const add = (id: string) => {
      const key = index.get(id)!;
      out.set(key, (out.get(key) ?? 0) + w);
    };
    const mutual = ctx.undirected || isMutual(r.type);
    if (which === 'degree' || mutual) {
      add(r.source);
      add(r.target);
    } else if (which === 'out') add(r.source);
    else add(r.target);
  });
  return out;
}

const strength = (by: WeightBy) => `${relationWeighs(by)}; the sum of the relations' weights where degree counts 1 each`;

export const degree: MetricDescriptor = {
  id: 'degree',
  label: 'Degree',
  short: 'Deg',
  description: 'Number of relations the actor takes part in.',
  convention: 'raw count of relations; a partner relation counts once; parallel relations of different types each count',
  integer: true,
  compute: (ctx) => count(ctx, 'degree'),
  weighted: (by) => ({
    label: 'Strength',
    short: 'Str',
    description: `Sum of the ${weightsWord(by)} of the relations the actor takes part in: relations weighted by their ${by === 'value' ? 'value' : 'evidence'}.`,
    convention: `${strength(by)}; a partner relation counts once; parallel relations of different types each add their weight`,
    integer: false,
  }),
};

export const inDegree: MetricDescriptor = {
  id: 'inDegree',
  label: 'In-degree',
  short: 'In',
  description: 'Relations pointing at the actor (threats against it, supplies to it, …).',
  convention: 'raw count; a partner relation counts for both actors (in undirected mode every relation does)',
  integer: true,
  compute: (ctx) => count(ctx, 'in'),
  weighted: (by) => ({
    label: 'In-strength',
    short: 'In str',
    description: `Sum of the ${weightsWord(by)} of the relations pointing at the actor.`,
    convention: `${strength(by)}, of the relations pointing at the actor; a partner relation counts for both actors (in undirected mode every relation does); parallel relations each add theirs`,
    integer: false,
  }),
};

export const outDegree: MetricDescriptor = {
  id: 'outDegree',
  label: 'Out-degree',
  short: 'Out',
  description: 'Relations the actor directs at others.',
  convention: 'raw count; a partner relation counts for both actors (in undirected mode every relation does)',
  integer: true,
  compute: (ctx) => count(ctx, 'out'),
  weighted: (by) => ({
    label: 'Out-strength',
    short: 'Out str',
    description: `Sum of the ${weightsWord(by)} of the relations the actor directs at others.`,
    convention: `${strength(by)}, of the relations the actor directs at others; a partner relation counts for both actors (in undirected mode every relation does); parallel relations each add theirs`,
    integer: false,
  }),
};
