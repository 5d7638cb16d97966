/**
 * The actor step of records-to-dataset.ts: an actor record → a raw actor for
 * restore(). Other tools' files: the name from the record's name sources
 * (else the id); kind, aliases, country and notes from the values the
 * dialect names (the kind matched against ours, relation-type.ts); every
 * other value → `actor.attributes`. Our own files: the fields the reader
 * tagged, the rest attributes with their escaped names undone.
 */
import { sameName, applyNulls, fillAttributes, newAttributes, takeValue, textOfValue } from './record-values';
import type { MappingContext } from './dialect';
import { hasOwn, type ActorRecord, type Bag, type FileValue } from './records';
import { mapActorKind } from './relation-type';

/** The value a name source accepts: text, or (when it says so) a finite number. */
const nameText = (v: unknown, numbers: boolean | undefined): string | null =>
  typeof v === 'string' || (numbers && typeof v === 'number' && Number.isFinite(v)) ? String(v) : null;

/** The name: a tagged value as it is, else the first usable source; texts not used are kept as their `keepAs` attribute. */
function actorName(record: ActorRecord, values: FileValue[], m: MappingContext, own: boolean): { name: unknown; keep: Array<[string, string]> } {
  const tagged = takeValue(values, 'name', null, m.dialect.match);
  let name: unknown = tagged ? tagged.value : undefined;
  const keep: Array<[string, string]> = [];
  for (const source of record.names) {
    if ('value' in source) {
      if (name !== undefined) continue;
      const i = values.findIndex((v) => v.field === undefined && nameText(v.value, source.numbers) !== null && sameName(v.name, source.value, source.exact ? 'exact' : m.dialect.match));
      if (i < 0) continue;
      const text = nameText(values[i]!.value, source.numbers)!;
      if (text.trim() === '') continue;
      name = own || source.asWritten ? text : text.trim();
      values.splice(i, 1);
    } else if (source.text !== null && source.text.trim() !== '') {
      if (name === undefined) name = own ? source.text : source.text.trim();
      else if (source.keepAs) keep.push([source.keepAs, source.text]);
    }
  }
  return { name, keep };
}

/** Our own fields, as the reader tagged them; true when a kind is given. */
function ownActorFields(actor: Bag, values: FileValue[], m: MappingContext): boolean {
  const { dialect: d } = m;
  const kind = takeValue(values, 'kind', null, d.match);
  if (kind) actor.kind = kind.value;
  else if (d.ownFields === 'lenient') actor.kind = 'organization';
  for (const field of ['aliases', 'country', 'notes'] as const) {
    const v = takeValue(values, field, null, d.match);
    if (v) actor[field] = v.value;
  }
  return kind !== undefined;
}

/** Kind, aliases, country and notes of another tool's record; true when it gives a kind. */
function foreignActorFields(actor: Bag, values: FileValue[], attributes: Bag, m: MappingContext): boolean {
  const { dialect: d, log } = m;
  const rules = d.actor;
  const kind = takeValue(values, 'kind', rules.kind, d.match);
  const hasKind = kind !== undefined && textOfValue(kind.value).trim() !== '';
  if (hasKind) actor.kind = mapActorKind(textOfValue(kind.value));
  const aliases = takeValue(values, 'aliases', rules.aliases, d.match);
  if (aliases) actor.aliases = d.parseAliases ? d.parseAliases(textOfValue(aliases.value)) : aliases.value;
  const country = takeValue(values, 'country', rules.country, d.match);
  if (country) {
    const code = textOfValue(country.value).trim();
    if (/^[A-Za-z]{2}$/.test(code)) actor.country = code.toUpperCase();
    else if (code !== '') attributes[d.keepCountry ? d.keepCountry(log, country, code, ++m.badCountries) : country.name] = country.value;
  }
  const notes = takeValue(values, 'notes', rules.notes, d.match);
  if (notes && textOfValue(notes.value) !== '') actor.notes = textOfValue(notes.value);
  return hasKind;
}

/** One actor record → a raw actor; `hasKind`: the record gave a kind. */
export function mapActor(record: ActorRecord, m: MappingContext): { actor: Bag; hasKind: boolean } {
  const own = m.own.actors;
  const asWritten = own && m.dialect.ownFields === 'as-written';
  const values = record.values.slice();
  const { name, keep } = actorName(record, values, m, own);
  const actor: Bag = { id: record.id };
  if (name !== undefined) actor.name = name;
  else if (!asWritten) actor.name = record.id;
  if (!own) actor.kind = 'organization';
  const attributes = newAttributes();
  if (own) applyNulls(attributes, values, m.dialect);
  const hasKind = own ? ownActorFields(actor, values, m) : foreignActorFields(actor, values, attributes, m);
  fillAttributes(m.log, attributes, values, 'node', own, m.dialect);
  for (const [key, text] of keep) if (!hasOwn(attributes, key)) attributes[key] = text;
  if (Object.keys(attributes).length > 0) actor.attributes = attributes;
  return { actor, hasKind };
}
