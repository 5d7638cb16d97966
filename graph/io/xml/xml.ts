/**
 * XML plumbing shared by the GEXF and GraphML formats: a guarded parse, a few
 * element helpers, and escaping for the writers.
 *
 * Parsing goes through @xmldom/xmldom 0.9: it runs in a Web Worker (where
 * `DOMParser` does not exist), checks well-formedness, resolves namespaces,
 * decodes references and gives every element a line and column. We do not
 * use graphology-gexf / graphology-graphml (GUIDE §4, measured): they do not
 * check for parse errors (a truncated file imports as a partial graph), crash
 * on yEd's `<key for="all">` / `for="port"`, ignore `<desc>`, read
 * `"  true  "` as false and `INF` as NaN, and write control characters
 * unescaped. Our readers and writers are small and work over this module.
 *
 * xmldom's SAX events build a compact tree (`XmlElement`: name, namespace,
 * attributes as a flat list, content, line, column) rather than its W3C DOM,
 * through the parser's `domHandler` option. Measured on a 17 MB GEXF of
 * 20,000 nodes and 100,000 edges in Node 20: the W3C DOM took 3.4 s and a
 * 670 MB heap, this tree 1.6 s and under 200 MB. The option is marked
 * internal in xmldom's types, so the version is pinned exactly in
 * package.json and tests/unit/gexf.test.ts checks what we rely on (elements,
 * namespaces, text and CDATA, locations, each kind of error).
 *
 * Before xmldom sees the text, `prescan` refuses what xmldom would let through
 * or treat differently from other parsers:
 * - `<!DOCTYPE` and `<!ENTITY`: entity expansion differs between parsers
 *   (Node, Chromium) and is a denial-of-service vector; graph files never need it;
 * - characters XML 1.0 forbids (C0 controls other than tab/LF/CR, U+FFFE,
 *   U+FFFF, lone surrogates), also when written as `&#1;`;
 * - a bare `&` or an entity other than the five XML defines (xmldom accepts `a & b`).
 * Every refusal is located as `line L:C` (1-based, UTF-16 columns).
 */
import { DOMParser } from '@xmldom/xmldom';
import type { Problem } from '../../schema/problems';

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

export type XmlParseResult =
  | { ok: true; root: XmlElement; warnings: Problem[] }
  | { ok: false; problem: Problem };

/** Characters XML 1.0 (§2.2) does not allow anywhere in a document. */
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Markup the prescan must see: comments, CDATA and processing instructions
 * are skipped whole (a `<!DOCTYPE` or `&` inside them is text), declarations
 * and references are checked.
 */
const MARKUP =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)|<!(DOCTYPE|ENTITY)\b(\s+html\b)?|&(?:#x([0-9a-fA-F]{1,8});|#([0-9]{1,10});|([A-Za-z_:][-\w.:]*);)?/gi;

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

export function isXmlChar(code: number): boolean {
  return (
    code === 0x9 || code === 0xa || code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** `U+0001` */
export function codePointName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** 1-based line and column of an offset; the text has `\n` line ends only. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function errorAt(text: string, offset: number, message: string): Problem {
  const { line, column } = lineColumn(text, offset);
  return { severity: 'error', path: `line ${line}:${column}`, message };
}

/** The checks xmldom does not make (see the header). Returns the first problem, or null. */
export function prescan(text: string): Problem | null {
  const bad = FORBIDDEN_CHAR.exec(text);
  if (bad) {
    const code = bad[0].codePointAt(0)!;
    const what = code >= 0xd800 && code <= 0xdfff ? `an unpaired surrogate (${codePointName(code)})` : `the control character ${codePointName(code)}`;
    return errorAt(text, bad.index, `${what} is not allowed in XML 1.0; the file is damaged or was written by a tool that does not escape it`);
  }
  MARKUP.lastIndex = 0;
  for (let m = MARKUP.exec(text); m !== null; m = MARKUP.exec(text)) {
    const token = m[0];
    if (token.startsWith('<!--') || token.startsWith('<?') || token.startsWith('<![')) continue;
    if (m[1] !== undefined) {
      const decl = m[1].toUpperCase();
      if (decl === 'DOCTYPE' && m[2] !== undefined) {
        return errorAt(text, m.index, 'this is an HTML page (<!DOCTYPE html>), not a graph file');
      }
      return errorAt(
        text,
        m.index,
        decl === 'DOCTYPE'
          ? 'a document type declaration (<!DOCTYPE …>) is not accepted: it can define entities that parsers expand differently; remove it'
          : 'an entity declaration (<!ENTITY …>) is not accepted: remove it',
      );
    }
    const hex = m[3];
    const dec = m[4];
    const name = m[5];
    if (hex !== undefined || dec !== undefined) {
      const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec!, 10);
      if (!isXmlChar(code)) {
        return errorAt(text, m.index, `${token} refers to ${code <= 0x10ffff ? codePointName(code) : 'no character'}, which XML 1.0 does not allow`);
      }
    } else if (name !== undefined) {
      if (!XML_ENTITIES.has(name)) {
        return errorAt(text, m.index, `${token} is not an XML entity (only &amp; &lt; &gt; &quot; &apos; exist without a DTD); write the character itself`);
      }
    } else {
      return errorAt(text, m.index, 'a bare "&" must be written &amp;');
    }
  }
  return null;
}

/** Friendlier words for xmldom's commonest messages. */
function explain(message: string): string {
  const unclosed = /^unclosed xml tag\(s\): (.*)$/.exec(message);
  if (unclosed) {
    const tags = unclosed[1]!.split(', ').map((t) => `<${t}>`).join(', ');
    return `the file ends before ${tags} ${unclosed[1]!.includes(',') ? 'are' : 'is'} closed: it is truncated or not well-formed`;
  }
  if (message === 'unexpected end of input') return 'the file ends in the middle of a tag: it is truncated';
  if (message === 'missing root element') return 'no XML element found';
  return `not well-formed XML: ${message}`;
}

interface Locator {
  lineNumber?: number;
  columnNumber?: number;
}

/** What xmldom's SAX parser hands to startElement. */
interface SaxAttributes {
  length: number;
  getQName(i: number): string;
  getValue(i: number): string;
  getURI(i: number): string | undefined;
}

type ErrorLevel = 'warning' | 'error' | 'fatalError';

/**
 * Receives xmldom's SAX events (the `domHandler` contract of xmldom 0.9's
 * DOMParser) and builds the compact tree. It also checks what xmldom leaves
 * to its DOM: an undeclared namespace prefix and a second root element.
 */
class TreeBuilder {
  readonly doc: { documentElement: XmlElement | null; createTextNode: () => object; appendChild: () => void } = {
    documentElement: null,
    createTextNode: () => ({}),
    appendChild: () => undefined,
  };
  currentElement: XmlElement | undefined = undefined;
  locator: Locator | undefined = undefined;
  readonly mimeType: string;
  private readonly stack: XmlElement[] = [];
  private readonly onError: (level: ErrorLevel, message: string, context: TreeBuilder) => void;

  constructor(options: { mimeType: string; onError: (level: ErrorLevel, message: string, context: TreeBuilder) => void }) {
    this.mimeType = options.mimeType;
    this.onError = options.onError;
  }

  setDocumentLocator(locator: Locator | undefined): void {
    if (locator) locator.lineNumber = 0;
    this.locator = locator;
  }

  startElement(ns: string | undefined, localName: string, qName: string, attributes: SaxAttributes): void {
    const colon = qName.indexOf(':');
    const prefix = colon > 0 ? qName.slice(0, colon) : null;
    if (prefix !== null && !ns) this.fatalError(`the namespace prefix "${prefix}" of <${qName}> is not declared`);
    const attrs: string[] = [];
    for (let i = 0; i < attributes.length; i++) {
      const name = attributes.getQName(i);
      const c = name.indexOf(':');
      if (c > 0 && !attributes.getURI(i)) {
        const p = name.slice(0, c);
        if (p !== 'xmlns' && p !== 'xml') this.fatalError(`the namespace prefix "${p}" of the attribute ${name} is not declared`);
      }
      attrs.push(name, attributes.getValue(i));
    }
    const el: XmlElement = {
      name: qName,
      localName,
      prefix,
      ns: ns || null,
      attrs,
      content: [],
      line: this.locator?.lineNumber ?? 1,
      column: this.locator?.columnNumber ?? 1,
    };
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.content.push(el);
    else if (this.doc.documentElement) this.fatalError(`a second root element <${qName}>: an XML document has one`);
    else this.doc.documentElement = el;
    this.stack.push(el);
    this.currentElement = el;
  }

  endElement(): void {
    this.stack.pop();
    this.currentElement = this.stack[this.stack.length - 1];
  }

  characters(chars: string, start: number, length: number): void {
    const text = chars.substr(start, length);
    if (text !== '' && this.currentElement) this.currentElement.content.push(text);
  }

  startDocument(): void {}
  endDocument(): void {}
  startPrefixMapping(): void {}
  endPrefixMapping(): void {}
  ignorableWhitespace(): void {}
  processingInstruction(): void {}
  comment(): void {}
  startCDATA(): void {}
  endCDATA(): void {}
  startDTD(): void {}
  endDTD(): void {}
  skippedEntity(): void {}

  warning(message: string): void {
    this.onError('warning', message, this);
  }
  error(message: string): void {
    this.onError('error', message, this);
  }
  fatalError(message: string): never {
    this.onError('fatalError', message, this);
    throw new Error(message);
  }
}

/**
 * Parses XML text. Errors of any level (xmldom's warnings included, such as
 * an unquoted attribute) refuse the file; the one exception is xmldom's
 * notice of U+FFFD, a legal character that often means a wrong encoding,
 * which becomes a warning.
 */
export function parseXml(input: string): XmlParseResult {
  // XML 1.0 §2.11 line ends. Done here, not by xmldom, whose default also turns
  // U+0085, U+2028 and U+2029 into line feeds (XML 1.1), which would change text.
  const text = (input.charCodeAt(0) === 0xfeff ? input.slice(1) : input).replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { ok: false, problem: { severity: 'error', path: 'line 1:1', message: 'the file is empty' } };
  const refused = prescan(text);
  if (refused) return { ok: false, problem: refused };

  const warnings: Problem[] = [];
  let first: { message: string; line: number; column: number } | null = null;
  let root: XmlElement | null = null;
  try {
    const onError = (level: ErrorLevel, message: string, context: TreeBuilder) => {
      if (level === 'warning' && message.startsWith('Unicode replacement character')) {
        const { line, column } = lineColumn(text, text.indexOf('\ufffd'));
        warnings.push({
          severity: 'warning',
          path: `line ${line}:${column}`,
          message: 'the file contains U+FFFD (replacement character): it may have been saved with another encoding than UTF-8',
        });
        return;
      }
      first ??= { message, line: context.locator?.lineNumber ?? 1, column: context.locator?.columnNumber ?? 1 };
      throw new Error(message);
    };
    const doc = new DOMParser({ locator: true, normalizeLineEndings: (s: string) => s, onError, domHandler: TreeBuilder }).parseFromString(text, 'text/xml') as unknown as TreeBuilder['doc'];
    root = doc.documentElement;
  } catch (err) {
    const found = first as { message: string; line: number; column: number } | null;
    const message = found?.message ?? (err instanceof Error ? err.message : String(err));
    let line = Math.max(1, found?.line ?? 1);
    let column = Math.max(1, found?.column ?? 1);
    if (message.startsWith('unclosed xml tag')) {
      // xmldom places this at the last tag it saw; the place to look is where the file stops.
      ({ line, column } = lineColumn(text, text.trimEnd().length));
    }
    const lastOpen = text.lastIndexOf('<');
    if (lastOpen > text.lastIndexOf('>')) {
      // Cut inside a tag (a truncated download): say so, at that tag, whatever xmldom's words.
      ({ line, column } = lineColumn(text, lastOpen));
      return { ok: false, problem: { severity: 'error', path: `line ${line}:${column}`, message: explain('unexpected end of input') } };
    }
    return { ok: false, problem: { severity: 'error', path: `line ${line}:${column}`, message: explain(message) } };
  }
  if (!root) return { ok: false, problem: { severity: 'error', path: 'line 1:1', message: 'no XML element found' } };
  return { ok: true, root, warnings };
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

// ---------------------------------------------------------------- writing

/**
 * Text → XML, for the writers. A character XML 1.0 cannot carry (a C0 control,
 * U+FFFE/U+FFFF, an unpaired surrogate) cannot be escaped either (`&#1;` is not
 * allowed), so the writer throws an Error naming the actor or relation: the
 * user removes the character, rather than getting a file no tool opens.
 */
export function assertWritable(value: string, where: () => string): void {
  const bad = FORBIDDEN_CHAR.exec(value);
  if (bad) {
    const code = bad[0].codePointAt(0)!;
    throw new Error(
      `cannot write ${where()}: it contains ${codePointName(code)} at position ${bad.index + 1}, a character XML 1.0 does not allow; remove it and export again`,
    );
  }
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;' };

/**
 * Escapes element content: `&`, `<`, `>` (so `]]>` never appears), and CR,
 * which a parser would otherwise turn into LF.
 */
export function xmlText(value: string, where: () => string): string {
  assertWritable(value, where);
  return /[&<>\r]/.test(value) ? value.replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c]!) : value;
}

/**
 * Escapes an attribute value for double quotes; tab, LF and CR become
 * character references, which survive attribute-value normalisation.
 */
export function xmlAttr(value: string, where: () => string): string {
  assertWritable(value, where);
  return /[&<>"\t\n\r]/.test(value) ? value.replace(/[&<>"\t\n\r]/g, (c) => TEXT_ESCAPES[c]!) : value;
}

/** Is `name` the root element near the start (after a BOM, the XML declaration, comments or processing instructions)? For sniffing. */
export function startsWithRoot(text: string, name: string): boolean {
  const root = /^\ufeff?\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*)*<(?:[\w.-]+:)?([\w.-]+)[\s>/]/.exec(text.slice(0, 8192));
  return root?.[1] === name;
}
