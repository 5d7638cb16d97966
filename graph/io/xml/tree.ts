/** The compact XML tree the reader builds (parse.ts), and the helpers the GEXF and GraphML readers walk it with. */

/** An element of the compact tree. Attribute values and text are decoded. */
export interface XmlElement {
  /** Qualified name as written: `viz:color`. */
  readonly name: string;
  readonly localName: string;
  readonly prefix: string | null;
  /** Namespace URI, or null. */
  readonly ns: string | null;
  /** Attributes as [qualified name, value, …]; elements have few, so a flat list is fastest. */
  readonly attrs: string[];
  /** Child elements and text (text and CDATA), in document order; comments and PIs dropped. */
  readonly content: Array<XmlElement | string>;
  /** 1-based line and column of the `<`. */
  readonly line: number;
  readonly column: number;
}

/** `line L:C` of an element. */
export function locate(el: XmlElement): string {
  return `line ${el.line}:${el.column}`;
}

/** An attribute's value by qualified name, or null. */
export function attr(el: XmlElement, name: string): string | null {
  const a = el.attrs;
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1]!;
  return null;
}

export function hasAttr(el: XmlElement, name: string): boolean {
  return attr(el, name) !== null;
}

/** Element children, in order. */
export function childElements(parent: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of parent.content) if (typeof c !== 'string') out.push(c);
  return out;
}

/** Same namespace (null and '' both mean none). */
export function sameNamespace(el: XmlElement, ns: string | null): boolean {
  return el.ns === (ns || null);
}

/** Element children with this local name in this namespace. */
export function children(parent: XmlElement, ns: string | null, localName: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of parent.content) if (typeof c !== 'string' && c.localName === localName && c.ns === (ns || null)) out.push(c);
  return out;
}

export function firstChild(parent: XmlElement, ns: string | null, localName: string): XmlElement | null {
  for (const c of parent.content) if (typeof c !== 'string' && c.localName === localName && c.ns === (ns || null)) return c;
  return null;
}

/** Text and CDATA content of an element and its descendants (the DOM's textContent). */
export function textOf(el: XmlElement): string {
  const c = el.content;
  if (c.length === 1 && typeof c[0] === 'string') return c[0];
  let s = '';
  for (const part of c) s += typeof part === 'string' ? part : textOf(part);
  return s;
}

/** Text and CDATA directly inside an element (not in child elements). */
export function ownText(el: XmlElement): string {
  let s = '';
  for (const part of el.content) if (typeof part === 'string') s += part;
  return s;
}

export function hasElementChildren(el: XmlElement): boolean {
  for (const c of el.content) if (typeof c !== 'string') return true;
  return false;
}

/** What a wrong root looks like, for the error message. */
export function describeRoot(root: XmlElement): string {
  const name = root.localName;
  if (name === 'gexf') return 'a GEXF file (<gexf>)';
  if (name === 'graphml') return 'a GraphML file (<graphml>)';
  if (name.toLowerCase() === 'html') return 'an HTML page (<html>)';
  if (name === 'svg') return 'an SVG image (<svg>)';
  return `an XML document whose root element is <${root.name}>`;
}

/** Is `name` the root element near the start (after a BOM, the XML declaration, comments or processing instructions)? For sniffing. */
export function startsWithRoot(text: string, name: string): boolean {
  const root = /^\ufeff?\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*)*<(?:[\w.-]+:)?([\w.-]+)[\s>/]/.exec(text.slice(0, 8192));
  return root?.[1] === name;
}
