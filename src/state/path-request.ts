/**
 * The path question of the app state as the core's `paths` request, or null
 * while it cannot be asked (an end missing, hidden, or both ends the same).
 * The Paths tab and the briefing ask through here, so they ask the same.
 */
import { presetQuery, type Dataset, type EvidenceSetting, type GraphFilter, type Request, type TimeWindow } from '../../graph';
import { onGraph } from './on-graph';
import type { PathQueryState } from './app-state';

export type PathsRequest = Extract<Request, { type: 'paths' }>;

export function pathsRequest(
  q: PathQueryState,
  ctx: { dataset: Dataset; filter: GraphFilter; evidence: EvidenceSetting; window?: TimeWindow | null; visibleActorIds: ReadonlySet<string> },
): PathsRequest | null {
  const { from, to } = q;
  const ready = from !== null && to !== null && from !== to && ctx.visibleActorIds.has(from) && ctx.visibleActorIds.has(to);
  if (!ready) return null;
  const asked = q.preset === 'custom' ? { types: q.types, directed: q.directed } : presetQuery(q.preset);
  return { type: 'paths', ...onGraph(ctx), query: { from, to, k: q.k, ...asked } };
}
