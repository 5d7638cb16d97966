import type { Relation } from './types';

/**
 * The relation that already says what a new one would: the same two actors,
 * type and direction (a partnership is mutual, so either way round). A second
 * one would be drawn and counted as a parallel relation, not as more
 * evidence for the first: the forms offer to add the claims to it instead.
 */
export function findSameRelation(
  relations: readonly Relation[],
  relation: Pick<Relation, 'source' | 'target' | 'type'>,
  exceptId?: string,
): Relation | undefined {
  const { source, target, type } = relation;
  return relations.find(
    (r) =>
      r.id !== exceptId &&
      r.type === type &&
      ((r.source === source && r.target === target) || (type === 'partner' && r.source === target && r.target === source)),
  );
}
