/** restore()'s actors: ids unique and non-empty, names and kinds defaulted with a warning when missing, refused when blank. */
import { ACTOR_KINDS, type Actor } from '../model/types';
import { describeValue, type ProblemList } from './problems';
import { isObject, restoreAttributes } from './restore-values';

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
  value.forEach((raw, i) => {
    const path = `actors[${i}]`;
    if (!isObject(raw)) {
      problems.error(path, `expected an actor object, found ${describeValue(raw)}`);
      return;
    }
    const id = raw.id;
    if (typeof id !== 'string' || id === '') {
      problems.error(`${path}.id`, `${describeValue(id)} is not an id (expected non-empty text)`);
      return;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      problems.error(`${path}.id`, `${describeValue(id)} is used already by actors[${first}]`);
      return;
    }
    seen.set(id, i);
    const actor: Actor = { id, name: id, kind: 'organization', aliases: [] };
    // Text that is present but blank says so: "expected text" would contradict what the user sees.
    if (typeof raw.name === 'string') {
      if (raw.name.trim() !== '') actor.name = raw.name;
      else problems.error(`${path}.name`, 'is blank');
    } else if (raw.name === undefined) problems.warn(`${path}.name`, `missing; the id ${describeValue(id)} is shown instead`);
    else problems.error(`${path}.name`, `expected text, found ${describeValue(raw.name)}`);

    if (typeof raw.kind === 'string' && raw.kind.trim() === '') {
      problems.error(`${path}.kind`, 'is blank');
    } else if (typeof raw.kind === 'string') {
      actor.kind = raw.kind;
      if (!(ACTOR_KINDS as readonly string[]).includes(raw.kind)) {
        problems.warn(`${path}.kind`, `${describeValue(raw.kind)} is not a known kind (${ACTOR_KINDS.join(', ')}); kept as written`);
      }
    } else if (raw.kind === undefined) {
      problems.warn(`${path}.kind`, 'missing; set to "organization"');
    } else {
      problems.error(`${path}.kind`, `expected text, found ${describeValue(raw.kind)}`);
    }

    if (raw.aliases !== undefined) {
      if (Array.isArray(raw.aliases) && raw.aliases.every((a) => typeof a === 'string')) actor.aliases = [...raw.aliases];
      else problems.error(`${path}.aliases`, 'expected a list of names');
    }
    if (raw.country !== undefined) {
      if (typeof raw.country === 'string' && /^[A-Z]{2}$/.test(raw.country)) actor.country = raw.country;
      else problems.error(`${path}.country`, `${describeValue(raw.country)} is not an ISO 3166-1 alpha-2 code`);
    }
    if (raw.notes !== undefined) {
      if (typeof raw.notes === 'string') actor.notes = raw.notes;
      else problems.error(`${path}.notes`, `expected text, found ${describeValue(raw.notes)}`);
    }
    const attributes = restoreAttributes(raw.attributes, `${path}.attributes`, problems);
    if (attributes) actor.attributes = attributes;
    actors.push(actor);
  });
  return actors;
}
