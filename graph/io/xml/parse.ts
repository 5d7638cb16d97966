/**
 * The XML reader shared by the GEXF and GraphML formats: a guarded parse into
 * a compact tree (tree.ts has its helpers, escape.ts the writers' escaping).
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
 * Before xmldom sees the text, `prescan` (prescan.ts) refuses what xmldom
 * would let through or treat differently from other parsers.
 */
import { DOMParser } from '@xmldom/xmldom';
import type { Problem } from '../../schema/problems';
import type { FormatId } from '../format';
import { lineColumn, prescan } from './prescan';
import { describeRoot, locate, type XmlElement } from './tree';

export type XmlParseResult =
  | { ok: true; root: XmlElement; warnings: Problem[] }
  | { ok: false; problem: Problem };

/** Friendlier words for xmldom's commonest messages. */
function explain(message: string): string {
  const unclosed = /^unclosed xml tag\(s\): (.*)$/.exec(message);
  if (unclosed) {
    const tags = unclosed[1]!.split(', ').map((t) => `<${t}>`).join(', ');
    return `the file ends before ${tags} ${unclosed[1]!.includes(',') ? 'are' : 'is'} closed: it is truncated or not well-formed`;
  }
  if (message === 'unexpected end of input') return 'the file ends in the middle of a tag: it is truncated';
  if (message === 'missing root element') return 'no XML element found';
  if (message.startsWith(TOO_DEEP)) return message;
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
 * How deep elements may nest. Graph files need few levels (GEXF's
 * gexf > graph > nodes > node > attvalues > attvalue is 6; each level of a
 * yEd group or a hierarchical GEXF node adds 2), so 256 allows over 120
 * levels of groups, while the readers walk the tree by recursion (a few stack
 * frames per level) and 3,000 levels overflowed the stack.
 */
export const MAX_XML_DEPTH = 256;
const TOO_DEEP = 'elements nested deeper than';

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
    if (this.stack.length >= MAX_XML_DEPTH) {
      this.fatalError(`${TOO_DEEP} ${MAX_XML_DEPTH} levels: <${qName}> here is at level ${this.stack.length + 1}; a graph file needs far fewer, so the file is damaged or made to exhaust the reader`);
    }
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

/** A graph file's root: refused unless it is `<gexf>` / `<graphml>`, in a namespace that says so or none. */
export function parseGraphRoot(
  text: string,
  format: Extract<FormatId, 'gexf' | 'graphml'>,
  label: string,
): { ok: true; root: XmlElement; warnings: Problem[] } | { ok: false; format: FormatId; problems: Problem[] } {
  const parsed = parseXml(text);
  if (!parsed.ok) return { ok: false, format, problems: [parsed.problem] };
  const root = parsed.root;
  if (root.localName !== format || (root.ns !== null && !new RegExp(format, 'i').test(root.ns))) {
    return { ok: false, format, problems: [{ severity: 'error', path: locate(root), message: `this is ${describeRoot(root)}, not a ${label} file` }] };
  }
  return parsed;
}
