/**
 * The actor step of elements.ts: file nodes → actors. Other tools' files: the
 * node label → actor name (else the id); a node attribute named kind / type /
 * category → kind; aliases, country, notes; every other attribute →
 * `actor.attributes`. Our own files: the `actorscope:` fields (own-names.ts).
 */
import type { Actor, Attributes } from '../../model/types';
import { describeValue } from '../../schema/problems';
import { applyNulls, fillAttributes, newAttributes, parseJsonField, takeValue, textOfValue } from './element-values';
import type { FileGraph, FileNode, FileValue } from './elements';
import { OWN } from './own-names';
import type { ProblemLog } from './problem-log';
import { mapActorKind } from './relation-type';

export interface ActorsRead {
  actors: Actor[];
  /** Where each actor's node is in the file. */
  actorsAt: string[];
  /** node id → where it is first defined. */
  firstAt: Map<string, string>;
}

const KIND_NAMES = ['kind', 'type', 'category'];

/** `"[a, b]"`, `"a|b"`, `"a; b"`, a JSON list, or one alias. */
function parseAliases(text: string): string[] {
  const t = text.trim();
  if (t === '') return [];
  if (t.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(t);
      if (Array.isArray(parsed) && parsed.every((a) => typeof a === 'string')) return parsed.map((a) => a.trim()).filter((a) => a !== '');
    } catch {
      // not JSON: GEXF liststring "[a, b]"
    }
    return t.slice(1, t.endsWith(']') ? -1 : undefined).split(',').map((a) => a.trim()).filter((a) => a !== '');
  }
  return t.split(/[|;]/).map((a) => a.trim()).filter((a) => a !== '');
}

/** The name: the first usable source (foreign labels trimmed, ours exact); texts not used are kept as their `keepAs` attribute. */
function nodeName(node: FileNode, values: FileValue[], own: boolean): { name: string | null; keep: Array<[string, string]> } {
  let name: string | null = null;
  const keep: Array<[string, string]> = [];
  for (const source of node.names) {
    if ('value' in source) {
      if (name !== null) continue;
      const i = values.findIndex((v) =>
        typeof v.value === 'string' && (source.exact ? v.name === source.value : v.name.trim().toLowerCase() === source.value));
      if (i < 0) continue;
      const text = values[i]!.value as string;
      if (text.trim() === '') continue;
      name = own ? text : text.trim();
      values.splice(i, 1);
    } else if (source.text !== null && source.text.trim() !== '') {
      if (name === null) name = own ? source.text : source.text.trim();
      else if (source.keepAs) keep.push([source.keepAs, source.text]);
    }
  }
  return { name, keep };
}

/** Our fields from a file Actorscope wrote; false when the node gives no kind. */
function ownActorFields(actor: Actor, values: FileValue[], attributes: Attributes, log: ProblemLog): boolean {
  const kind = takeValue(values, [OWN.kind], true);
  const hasKind = kind !== undefined && textOfValue(kind.value) !== '';
  if (hasKind) actor.kind = textOfValue(kind.value);
  const aliases = takeValue(values, [OWN.aliases], true);
  if (aliases) {
    const list = parseJsonField(log, aliases, 'list', 'aliases');
    if (Array.isArray(list)) {
      if (list.every((a) => typeof a === 'string')) actor.aliases = list as string[];
      else log.error(aliases.at, `${OWN.aliases} must be a JSON list of names`);
    }
  }
  const country = takeValue(values, [OWN.country], true);
  if (country) actor.country = textOfValue(country.value);
  const notes = takeValue(values, [OWN.notes], true);
  if (notes) actor.notes = textOfValue(notes.value);
  applyNulls(log, attributes, takeValue(values, [OWN.nulls], true));
  return hasKind;
}

/** Kind, aliases, country and notes from another tool's attributes; false when the node gives no kind. */
function foreignActorFields(actor: Actor, values: FileValue[], attributes: Attributes, log: ProblemLog): boolean {
  const kind = takeValue(values, KIND_NAMES);
  const hasKind = kind !== undefined && textOfValue(kind.value).trim() !== '';
  if (hasKind) actor.kind = mapActorKind(textOfValue(kind.value));
  const aliases = takeValue(values, ['aliases', 'alias']);
  if (aliases) actor.aliases = parseAliases(textOfValue(aliases.value));
  const country = takeValue(values, ['country']);
  if (country) {
    const code = textOfValue(country.value).trim();
    if (/^[A-Za-z]{2}$/.test(code)) actor.country = code.toUpperCase();
    else if (code !== '') {
      attributes.country = country.value;
      log.tally('country', country.at, (n, first) =>
        `${n === 1 ? `country ${first} is not an ISO 3166-1 alpha-2 code` : `${n} country values (the first ${first}) are not ISO 3166-1 alpha-2 codes`}; kept as the attribute "country"`, describeValue(code));
    }
  }
  const notes = takeValue(values, ['notes']);
  if (notes && textOfValue(notes.value) !== '') actor.notes = textOfValue(notes.value);
  return hasKind;
}

/** File nodes → actors; a repeated node id is dropped (the first kept), with a warning. */
export function readActors(file: FileGraph, log: ProblemLog): ActorsRead {
  const out: ActorsRead = { actors: [], actorsAt: [], firstAt: new Map() };
  const own = file.ownNodes;
  let withoutKind = 0;
  let withoutKindAt = '';
  for (const node of file.nodes) {
    const seen = out.firstAt.get(node.id);
    if (seen !== undefined) {
      log.warnCapped('duplicate-node', node.at, `node id ${describeValue(node.id)} is used already at ${seen}; this node is dropped, the first is kept`,
        (more) => `${more} more nodes repeat an id used before; dropped`);
      continue;
    }
    out.firstAt.set(node.id, node.at);
    const values = node.values.slice();
    const { name, keep } = nodeName(node, values, own);
    const actor: Actor = { id: node.id, name: name ?? node.id, kind: 'organization', aliases: [] };
    const attributes = newAttributes();
    const hasKind = own ? ownActorFields(actor, values, attributes, log) : foreignActorFields(actor, values, attributes, log);
    if (!hasKind && withoutKind++ === 0) withoutKindAt = node.at;
    fillAttributes(log, attributes, values, 'node', own);
    for (const [key, text] of keep) if (!Object.prototype.hasOwnProperty.call(attributes, key)) attributes[key] = text;
    if (Object.keys(attributes).length > 0) actor.attributes = attributes;
    out.actors.push(actor);
    out.actorsAt.push(node.at);
  }
  const { actors } = out;
  if (withoutKind > 0 && actors.length > 0) {
    const names = own ? `"${OWN.kind}"` : 'kind, type or category';
    log.warn(withoutKindAt, withoutKind === actors.length
      ? `no node attribute gives the actor kind (${names}): ${actors.length === 1 ? 'the actor is' : `all ${actors.length} actors are`} read as "organization"`
      : `${withoutKind} of ${actors.length} actors ${withoutKind === 1 ? 'has' : 'have'} no kind (${names}): read as "organization"`);
  }
  return out;
}
