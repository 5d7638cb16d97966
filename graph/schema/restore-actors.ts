/** restore()'s actors: ids unique and non-empty, names and kinds defaulted with a warning when missing, refused when blank. */
import { ACTOR_KINDS, type Actor } from '../model/types';
import { describeValue, type ProblemList } from './problems';
import { isObject, restoreAttributes } from './restore-values';

/** An actor's path, made only for a problem (one string per actor otherwise). */
const at = (i: number): string => `actors[${i}]`;

export function restoreActors(value: unknown, problems: ProblemList): Actor[] {
  if (value === undefined) {
    problems.error('actors', 'missing: a dataset needs a list of actors (it may be empty)');
    return [];
  }
  if (!Array.isArray(value)) {
    problems.error('actors', `expected a list, found ${describeValue(value)}`);
    return [];
  }
  const seen = new Map<string, number>();
  const actors: Actor[] = [];
  // A loop, not forEach (no closure per actor); holes skipped as forEach skips them.
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) continue;
    const raw: unknown = value[i];
    if (!isObject(raw)) {
      problems.error(at(i), `expected an actor object, found ${describeValue(raw)}`);
      continue;
    }
    const id = raw.id;
    if (typeof id !== 'string' || id === '') {
      problems.error(`${at(i)}.id`, `${describeValue(id)} is not an id (expected non-empty text)`);
      continue;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      problems.error(`${at(i)}.id`, `${describeValue(id)} is used already by actors[${first}]`);
      continue;
    }
    seen.set(id, i);
    const actor: Actor = { id, name: id, kind: 'organization', aliases: [] };
    // Text that is present but blank says so: "expected text" would contradict what the user sees.
    if (typeof raw.name === 'string') {
      if (raw.name.trim() !== '') actor.name = raw.name;
      else problems.error(`${at(i)}.name`, 'is blank');
    } else if (raw.name === undefined) problems.warn(`${at(i)}.name`, `missing; the id ${describeValue(id)} is shown instead`);
    else problems.error(`${at(i)}.name`, `expected text, found ${describeValue(raw.name)}`);

    if (typeof raw.kind === 'string' && raw.kind.trim() === '') {
      problems.error(`${at(i)}.kind`, 'is blank');
    } else if (typeof raw.kind === 'string') {
      actor.kind = raw.kind;
      if (!(ACTOR_KINDS as readonly string[]).includes(raw.kind)) {
        problems.warn(`${at(i)}.kind`, `${describeValue(raw.kind)} is not a known kind (${ACTOR_KINDS.join(', ')}); kept as written`);
      }
    } else if (raw.kind === undefined) {
      problems.warn(`${at(i)}.kind`, 'missing; set to "organization"');
    } else {
      problems.error(`${at(i)}.kind`, `expected text, found ${describeValue(raw.kind)}`);
    }

    if (raw.aliases !== undefined) {
      if (Array.isArray(raw.aliases) && raw.aliases.every((a) => typeof a === 'string')) actor.aliases = [...raw.aliases];
      else problems.error(`${at(i)}.aliases`, 'expected a list of names');
    }
    if (raw.country !== undefined) {
      if (typeof raw.country === 'string' && /^[A-Z]{2}$/.test(raw.country)) actor.country = raw.country;
      else problems.error(`${at(i)}.country`, `${describeValue(raw.country)} is not an ISO 3166-1 alpha-2 code`);
    }
    if (raw.notes !== undefined) {
      if (typeof raw.notes === 'string') actor.notes = raw.notes;
      else problems.error(`${at(i)}.notes`, `expected text, found ${describeValue(raw.notes)}`);
    }
    const attributes = restoreAttributes(raw.attributes, `${at(i)}.attributes`, problems);
    if (attributes) actor.attributes = attributes;
    actors.push(actor);
  }
  return actors;
}
