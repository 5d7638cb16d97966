/**
 * GraphML `<key>`s: found before the graph or inside it (Gephi's
 * cdata.graphml), looked up by element kind and id — the same id may be
 * declared once for nodes and once for edges — then among `for="all"` keys.
 * Values are typed by `attr.type` (common/value-typing.ts); `<default>`s are
 * typed once here. A key declared for another kind of element (a graph key on
 * a node) is still used, with a warning; a key that is not declared at all is
 * kept as text under its id, with a warning.
 */
import type { AttributeValue } from '../../model/types';
import type { ProblemLog } from '../common/problem-log';
import { typeOrKeep, valueTypeOf, type ValueType } from '../common/value-typing';
import { attr, childElements, hasElementChildren, locate, textOf, type XmlElement } from './tree';

export type Domain = 'node' | 'edge' | 'graph';

export interface KeyDef {
  id: string;
  domain: string;
  name: string;
  declared: string;
  type: ValueType;
  /** attr.type was given: the content is a value even if it holds elements. */
  typed: boolean;
  default: AttributeValue | undefined;
}

/** Is `el` the GraphML element `name` (in the file's GraphML namespace)? */
export type IsGraphml = (el: XmlElement, name: string) => boolean;

export const plural = (n: number, one: string, many = `${one}s`) => (n === 1 ? `one ${one}` : `${n} ${many}`);

/** The keys of a file by domain (`node`, `edge`, `graph`, `all`, or another `for`) and id. */
export class KeyTable {
  private readonly keys = new Map<string, Map<string, KeyDef>>();

  constructor(root: XmlElement, private readonly isG: IsGraphml, private readonly log: ProblemLog) {
    this.collect(root);
  }

  private collect(parent: XmlElement): void {
    const isG = this.isG;
    for (const c of childElements(parent)) {
      if (isG(c, 'key')) this.read(c);
      else if (isG(c, 'graph')) this.collect(c);
      else if (isG(c, 'node') || isG(c, 'edge')) for (const g of childElements(c)) if (isG(g, 'graph')) this.collect(g);
    }
  }

  private read(el: XmlElement): void {
    const at = locate(el);
    const id = attr(el, 'id');
    if (id === null) {
      this.log.warn(at, 'a <key> without an id is ignored');
      return;
    }
    const domain = attr(el, 'for') ?? 'all';
    const byId = this.keys.get(domain) ?? new Map<string, KeyDef>();
    this.keys.set(domain, byId);
    if (byId.has(id)) {
      this.log.warn(at, `key ${JSON.stringify(id)} is declared twice for ${domain}; the first declaration is used`);
      return;
    }
    const declared = attr(el, 'attr.type');
    const key: KeyDef = {
      id,
      domain,
      name: attr(el, 'attr.name') ?? id,
      declared: declared ?? 'string',
      type: valueTypeOf(declared),
      typed: declared !== null,
      default: undefined,
    };
    const def = childElements(el).find((c) => this.isG(c, 'default'));
    if (def && !hasElementChildren(def) && (domain === 'node' || domain === 'edge' || domain === 'all')) {
      key.default = typeOrKeep(this.log, textOf(def), key.type, key.declared, { at: locate(def), owner: domain === 'edge' ? 'edge' : 'node', name: key.name });
    }
    byId.set(id, key);
  }

  /** The names of the keys that apply to a domain (its own and `for="all"`). */
  namesFor(domain: string): string[] {
    return [...(this.keys.get(domain)?.values() ?? []), ...(this.keys.get('all')?.values() ?? [])].map((k) => k.name);
  }

  /** The keys with a default that apply to a domain: its own, then `for="all"`. */
  withDefaults(domain: Exclude<Domain, 'graph'>): KeyDef[] {
    const out: KeyDef[] = [];
    for (const byId of [this.keys.get(domain), this.keys.get('all')]) {
      for (const key of byId?.values() ?? []) if (key.default !== undefined) out.push(key);
    }
    return out;
  }

  /** A key of the domain or `for="all"`, without warnings (graph data). */
  find(domain: Domain, id: string): KeyDef | undefined {
    return this.keys.get(domain)?.get(id) ?? this.keys.get('all')?.get(id);
  }

  /** The key a `<data key>` refers to; one declared elsewhere, or none, is tallied. */
  lookup(domain: Domain, id: string, at: string): KeyDef {
    const key = this.find(domain, id);
    if (key) return key;
    for (const [otherDomain, byId] of this.keys) {
      const other = byId.get(id);
      if (other) {
        this.log.tally(`wrong-domain:${domain}:${id}`, at, (n) =>
          `key ${JSON.stringify(id)} (${JSON.stringify(other.name)}) is declared for ${otherDomain} but used on ${plural(n, domain)}: the value is kept`);
        return other;
      }
    }
    this.log.tally(`undeclared:${domain}:${id}`, at, (n) => `key ${JSON.stringify(id)} is not declared (no <key id="${id}">): kept as text on ${plural(n, domain)}`);
    return { id, domain, name: id, declared: 'string', type: 'string', typed: true, default: undefined };
  }
}
