/**
 * Yen's k shortest loop-free paths (Yen 1971), in the order of path-order.ts,
 * on the same plan as networkx's `shortest_simple_paths`: after taking the
 * i-th path, every prefix (root) of it is extended by the best spur path from
 * the root's last actor that avoids the root's other actors and the next arc
 * of every path already taken with the same root; the best candidate not yet
 * taken is the next path.
 *
 * Lawler's refinement (1972): a path's roots shorter than the place where it
 * left the path it was spurred from were already extended, with the same
 * blocked actors and arcs, when that path was taken; so only spur places from
 * its deviation onwards are searched. Same paths, far fewer searches.
 *
 * The spur search ranks by (hops, confidence, names) itself, so the k paths
 * returned are the k best in that order, not k shortest re-sorted afterwards.
 * That holds because the order is prefix-compatible: with a common root, root
 * + X ranks before root + Y exactly when X ranks before Y.
 */
import { bestPathsTo, pathFrom } from './best-path';
import type { PathGraph } from './path-graph';
import { comparePaths, pathCost, type NodePath } from './path-order';

interface TakenPath extends NodePath {
  /** Index of the first actor where this path leaves the path it was spurred from (0 for the first path). */
  deviation: number;
}

/** The work a run did, counted for the tests (they assert it instead of the seconds). */
export interface YenWork {
  /** Best-path searches from a spur actor (the first path's search not counted). */
  spurSearches: number;
}

export function yenKShortestPaths(graph: PathGraph, from: number, to: number, k: number, work?: YenWork): NodePath[] {
  if (from === to || k < 1) return [];
  const first = pathFrom(graph, bestPathsTo(graph, to, { stopAt: from }), from);
  if (!first) return [];
  const taken: TakenPath[] = [{ ...first, deviation: 0 }];
  const seen = new Set<string>([first.nodes.join(',')]);
  const candidates: TakenPath[] = [];
  const blockedNodes = new Uint8Array(graph.ids.length);

  while (taken.length < k) {
    const last = taken[taken.length - 1]!;
    for (let i = last.deviation; i < last.nodes.length - 1; i++) {
      const spur = last.nodes[i]!;
      const blockedArcs = new Set<number>();
      for (const p of taken) {
        if (p.nodes.length > i + 1 && sharesPrefix(p.nodes, last.nodes, i + 1)) blockedArcs.add(p.arcs[i]!);
      }
      for (let j = 0; j < i; j++) blockedNodes[last.nodes[j]!] = 1;
      if (work) work.spurSearches++;
      const spurPath = pathFrom(graph, bestPathsTo(graph, to, { blockedNodes, blockedArcs, stopAt: spur }), spur);
      for (let j = 0; j < i; j++) blockedNodes[last.nodes[j]!] = 0;
      if (!spurPath) continue;
      const nodes = [...last.nodes.slice(0, i), ...spurPath.nodes];
      const key = nodes.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      const arcs = [...last.arcs.slice(0, i), ...spurPath.arcs];
      candidates.push({ nodes, arcs, cost: pathCost(graph, arcs), deviation: i });
    }
    if (candidates.length === 0) break;
    let best = 0;
    for (let c = 1; c < candidates.length; c++) {
      if (comparePaths(graph, candidates[c]!, candidates[best]!) < 0) best = c;
    }
    taken.push(candidates[best]!);
    candidates[best] = candidates[candidates.length - 1]!;
    candidates.pop();
  }
  return taken.map(({ nodes, arcs, cost }) => ({ nodes, arcs, cost }));
}

function sharesPrefix(a: readonly number[], b: readonly number[], length: number): boolean {
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return false;
  return true;
}
