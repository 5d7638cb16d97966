/**
 * Two records that are one, joined: an actor keeps every name and alias of
 * both, a relation every claim of both. What the current record says wins a
 * conflict; what the other said is kept in the notes, never dropped.
 */
import type { Actor, Attributes, Claim, Relation } from '../model/types';
import { foldName } from './spelling';

/** Two notes as one, each once. */
export function joinNotes(a: string | undefined, b: string | undefined): string | undefined {
  if (!b || b === a) return a;
  if (!a) return b;
  return a.split('\n\n').includes(b) ? a : `${a}\n\n${b}`;
}

/** The current attributes, with those only the other has; a key both hold with different values is said in `conflicts`. */
function joinAttributes(current: Attributes | undefined, other: Attributes | undefined, conflicts: string[], from: string): Attributes | undefined {
  if (!other) return current;
  const out: Attributes = Object.assign(Object.create(null) as Attributes, current);
  for (const [key, value] of Object.entries(other)) {
    if (!Object.prototype.hasOwnProperty.call(out, key)) out[key] = value;
    else if (out[key] !== value) conflicts.push(`${key} was ${JSON.stringify(value)} in ${from}`);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The current actor with the other's name and aliases as aliases, its notes, and its attributes where the current has none. */
export function joinActors(current: Actor, other: Actor, from: string): Actor {
  const seen = new Set([foldName(current.name), ...current.aliases.map(foldName)]);
  const aliases = current.aliases.slice();
  for (const text of [other.name, ...other.aliases]) {
    const key = foldName(text);
    if (seen.has(key)) continue;
    seen.add(key);
    aliases.push(text);
  }
  const conflicts: string[] = [];
  if (other.kind !== current.kind) conflicts.push(`kind was ${JSON.stringify(other.kind)} in ${from}`);
  if (other.country && current.country && other.country !== current.country) conflicts.push(`country was ${JSON.stringify(other.country)} in ${from}`);
  const attributes = joinAttributes(current.attributes, other.attributes, conflicts, from);
  const notes = joinNotes(joinNotes(current.notes, other.notes), conflicts.length ? `Merged: ${conflicts.join('; ')}.` : undefined);
  const out: Actor = { ...current, aliases };
  if (!out.country && other.country) out.country = other.country;
  if (notes !== undefined) out.notes = notes;
  if (attributes !== undefined) out.attributes = attributes;
  return out;
}

/** One claim said twice: the same quote from the same source, asserted by the same, with the same stance. */
const claimKey = (c: Claim) => JSON.stringify([c.quote, c.sourceId, c.assertedBy, c.stance]);

/** The current relation with the other's claims that it does not hold already; `dropped` counts those it held. */
export function joinRelations(current: Relation, other: Relation, from: string): { relation: Relation; added: number; dropped: number } {
  const keys = new Set(current.claims.map(claimKey));
  const claims = current.claims.slice();
  let dropped = 0;
  for (const claim of other.claims) {
    const key = claimKey(claim);
    if (keys.has(key)) dropped++;
    else {
      keys.add(key);
      claims.push(claim);
    }
  }
  const conflicts: string[] = [];
  const attributes = joinAttributes(current.attributes, other.attributes, conflicts, from);
  const notes = joinNotes(joinNotes(current.notes, other.notes), conflicts.length ? `Merged: ${conflicts.join('; ')}.` : undefined);
  const relation: Relation = { ...current, claims };
  if (notes !== undefined) relation.notes = notes;
  if (attributes !== undefined) relation.attributes = attributes;
  return { relation, added: claims.length - current.claims.length, dropped };
}

/** `id`, or the first of `id-2`, `id-3`, … not in `used`. */
export function freeId(id: string, used: ReadonlySet<string>): string {
  if (!used.has(id)) return id;
  let n = 2;
  while (used.has(`${id}-${n}`)) n++;
  return `${id}-${n}`;
}
