/**
 * Edits as data, applied purely: dataset in, dataset out. Every result passes
 * restore(), so an edit can never leave a dataset that a file could not hold;
 * a refused edit returns its problems and the dataset is untouched. The UI's
 * undo history is a list of the datasets these produce. It sits in schema/,
 * beside the gate it ends in, so that model/ imports nothing above it.
 */
import type { Actor, Dataset, Relation, Source, SourceRef } from '../model/types';
import { idFromName } from '../model/unique-id';
import { citationKey, sourceIdFromTitle } from '../sources/citation';
import { ProblemList, type Problem } from './problems';
import { restoreCitation } from './restore-sources';
import { restore } from './restore';

export type Edit =
  | { op: 'addActor'; actor: Actor }
  /** Replaces the actor `id`; a changed id is carried into its relations. */
  | { op: 'updateActor'; id: string; actor: Actor }
  /** Deletes the actor and every relation it takes part in. */
  | { op: 'deleteActor'; id: string }
  /** `id` may be left empty: the next free `rN` is used. */
  | { op: 'addRelation'; relation: Omit<Relation, 'id'> & { id?: string } }
  /** Replaces relation `id` (claims included). */
  | { op: 'updateRelation'; id: string; relation: Relation }
  | { op: 'deleteRelation'; id: string }
  /** A document added to the sources; `id` may be left empty: one is made from its title. */
  | { op: 'addSource'; source: Omit<Source, 'id'> & { id?: string } };

export type EditResult = { ok: true; dataset: Dataset; label: string } | { ok: false; problems: Problem[] };

const refuse = (path: string, message: string): EditResult => ({ ok: false, problems: [{ severity: 'error', path, message }] });

export function applyEdit(dataset: Dataset, edit: Edit): EditResult {
  const actorName = (id: string) => dataset.actors.find((a) => a.id === id)?.name ?? id;
  let next: Dataset;
  let label: string;
  switch (edit.op) {
    case 'addActor':
      if (dataset.actors.some((a) => a.id === edit.actor.id)) return refuse('id', `"${edit.actor.id}" is already the id of an actor`);
      next = { ...dataset, actors: [...dataset.actors, edit.actor] };
      label = `add actor ${edit.actor.name}`;
      break;
    case 'updateActor': {
      const index = dataset.actors.findIndex((a) => a.id === edit.id);
      if (index < 0) return refuse('id', `no actor "${edit.id}"`);
      const renamed = edit.actor.id !== edit.id;
      if (renamed && dataset.actors.some((a) => a.id === edit.actor.id)) return refuse('id', `"${edit.actor.id}" is already the id of an actor`);
      const actors = dataset.actors.slice();
      actors[index] = edit.actor;
      const relations = renamed
        ? dataset.relations.map((r) =>
            r.source === edit.id || r.target === edit.id
              ? { ...r, source: r.source === edit.id ? edit.actor.id : r.source, target: r.target === edit.id ? edit.actor.id : r.target }
              : r,
          )
        : dataset.relations;
      next = { ...dataset, actors, relations };
      label = `edit actor ${edit.actor.name}`;
      break;
    }
    case 'deleteActor': {
      if (!dataset.actors.some((a) => a.id === edit.id)) return refuse('id', `no actor "${edit.id}"`);
      const relations = dataset.relations.filter((r) => r.source !== edit.id && r.target !== edit.id);
      next = { ...dataset, actors: dataset.actors.filter((a) => a.id !== edit.id), relations };
      const dropped = dataset.relations.length - relations.length;
      label = `delete actor ${actorName(edit.id)}${dropped ? ` and ${dropped} relation${dropped === 1 ? '' : 's'}` : ''}`;
      break;
    }
    case 'addRelation': {
      const id = edit.relation.id || nextRelationId(dataset);
      if (dataset.relations.some((r) => r.id === id)) return refuse('id', `"${id}" is already the id of a relation`);
      next = { ...dataset, relations: [...dataset.relations, { ...edit.relation, id }] };
      label = `add ${edit.relation.type} ${actorName(edit.relation.source)} → ${actorName(edit.relation.target)}`;
      break;
    }
    case 'updateRelation': {
      const index = dataset.relations.findIndex((r) => r.id === edit.id);
      if (index < 0) return refuse('id', `no relation "${edit.id}"`);
      if (edit.relation.id !== edit.id && dataset.relations.some((r) => r.id === edit.relation.id)) {
        return refuse('id', `"${edit.relation.id}" is already the id of a relation`);
      }
      const relations = dataset.relations.slice();
      relations[index] = edit.relation;
      next = { ...dataset, relations };
      label = `edit ${edit.relation.type} ${actorName(edit.relation.source)} → ${actorName(edit.relation.target)}`;
      break;
    }
    case 'addSource': {
      const used = new Set(dataset.sources.map((s) => s.id));
      const id = edit.source.id || sourceIdFromTitle(edit.source.title, used);
      if (used.has(id)) return refuse('id', `"${id}" is already the id of a source`);
      next = { ...dataset, sources: [...dataset.sources, { ...edit.source, id }] };
      label = `add source ${edit.source.title}`;
      break;
    }
    case 'deleteRelation': {
      const r = dataset.relations.find((x) => x.id === edit.id);
      if (!r) return refuse('id', `no relation "${edit.id}"`);
      next = { ...dataset, relations: dataset.relations.filter((x) => x.id !== edit.id) };
      label = `delete ${r.type} ${actorName(r.source)} → ${actorName(r.target)}`;
      break;
    }
  }
  // The same gate as any file: an edit that would make an invalid dataset is refused.
  const checked = restore(next);
  if (!checked.ok) return { ok: false, problems: checked.problems };
  return { ok: true, dataset: checked.dataset, label };
}

/** The first `rN` not used by a relation. */
export function nextRelationId(dataset: Dataset): string {
  const used = new Set(dataset.relations.map((r) => r.id));
  let n = dataset.relations.length + 1;
  while (used.has(`r${n}`)) n++;
  return `r${n}`;
}

/** An id for a new actor from its name: lower-case words joined by hyphens, made unique. */
export function actorIdFromName(dataset: Dataset, name: string): string {
  return idFromName(name, new Set(dataset.actors.map((a) => a.id)), 'actor');
}

export type CitedSource = { ok: true; dataset: Dataset; sourceId: string } | { ok: false; problems: Problem[] };

/**
 * The source a new claim cites by its citation (title, publisher, date, URL),
 * as a form gives it: the dataset's source with that citation, or a new source
 * added to the dataset. Problems are placed at `path` (e.g. `claims[0].source`).
 */
export function citeSource(dataset: Dataset, citation: SourceRef, path: string): CitedSource {
  const problems = new ProblemList();
  const checked = restoreCitation(citation, path, problems);
  if (!checked || problems.hasErrors) return { ok: false, problems: problems.items };
  const key = citationKey(checked);
  const found = dataset.sources.find((s) => citationKey(s) === key);
  if (found) return { ok: true, dataset, sourceId: found.id };
  const id = sourceIdFromTitle(checked.title, new Set(dataset.sources.map((s) => s.id)));
  return { ok: true, dataset: { ...dataset, sources: [...dataset.sources, { id, ...checked }] }, sourceId: id };
}
