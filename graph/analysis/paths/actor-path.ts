/**
 * Paths as the rest of Actorscope sees them: actor ids, and for each hop the
 * relation used (with its own endpoints and type), the walking direction, its
 * confidence and the parallel relations that could stand in for it.
 */
import type { RelationType } from '../../model/types';
import { signOf, type Sign } from '../signs';
import type { PathGraph } from './path-graph';
import type { NodePath } from './path-order';
import { hopEvidence, type HopEvidence } from './path-rules';

/** HopEvidence (path-rules.ts): weak, contested, and the claims for and against. */
export interface PathHop extends HopEvidence {
  relationId: string;
  /** The relation's own endpoints (who threatens whom), not the walking order. */
  source: string;
  target: string;
  type: RelationType;
  /** Walking order along the path. */
  from: string;
  to: string;
  /** relationConfidence of the relation. */
  confidence: number;
  /** Ids of the other allowed relations joining the same two actors usable for this hop, best first. */
  alternatives: string[];
}

export interface ActorPath {
  /** Actor ids, first to last. */
  actors: string[];
  hops: PathHop[];
  /** Number of hops. */
  length: number;
  /** Product of the hop types' signs (signs.ts DEFAULT_SIGNS): + partner/supplier/suspected-supporter, − threat, 0 other. */
  sign: Sign;
  /** Product of the hop confidences (each 0..1), so never above the weakest hop. */
  confidence: number;
}

export function toActorPath(graph: PathGraph, path: NodePath): ActorPath {
  const relations = graph.dataset.relations;
  let sign = 1;
  let confidence = 1;
  const hops = path.arcs.map((a): PathHop => {
    const arc = graph.arcs[a]!;
    const r = relations[arc.relation]!;
    sign *= signOf(r.type);
    confidence *= arc.confidence;
    return {
      relationId: r.id,
      source: r.source,
      target: r.target,
      type: r.type,
      from: graph.ids[arc.from]!,
      to: graph.ids[arc.to]!,
      confidence: arc.confidence,
      alternatives: arc.alternatives.map((i) => relations[i]!.id),
      ...hopEvidence(r),
    };
  });
  return {
    actors: path.nodes.map((i) => graph.ids[i]!),
    hops,
    length: hops.length,
    sign: (sign === 0 ? 0 : sign) as Sign,
    confidence,
  };
}

/** `head` followed by `tail`, which starts where `head` ends: the hops, sign and confidence of both. */
export function joinPaths(head: ActorPath, tail: ActorPath): ActorPath {
  if (head.actors[head.actors.length - 1] !== tail.actors[0]) throw new Error('paths: joined paths must meet');
  const sign = head.sign * tail.sign;
  return {
    actors: [...head.actors, ...tail.actors.slice(1)],
    hops: [...head.hops, ...tail.hops],
    length: head.length + tail.length,
    sign: (sign === 0 ? 0 : sign) as Sign,
    confidence: head.confidence * tail.confidence,
  };
}
