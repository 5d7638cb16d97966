import type { Actor } from '../../graph';

/** Actors whose name starts with the query first, then those whose name or an alias contains it. */
export interface Match {
  actor: Actor;
  /** The alias that matched, when the name did not. */
  via?: string;
}

export function findActors(actors: readonly Actor[], query: string, limit = 12): Match[] {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return [];
  const starts: Match[] = [];
  const contains: Match[] = [];
  for (const actor of actors) {
    const name = actor.name.toLocaleLowerCase();
    if (name.startsWith(q)) starts.push({ actor });
    else if (name.includes(q)) contains.push({ actor });
    else {
      const alias = actor.aliases.find((a) => a.toLocaleLowerCase().includes(q));
      if (alias) contains.push({ actor, via: alias });
    }
  }
  return [...starts, ...contains].slice(0, limit);
}
