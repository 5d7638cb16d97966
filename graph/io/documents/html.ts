/**
 * An HTML page → the text a reader sees on it, as plain text whose blank
 * lines separate the page's blocks, so the paragraph rule
 * (graph/sources/paragraphs.ts) numbers the page's paragraphs, headings and
 * list items one by one.
 *
 * - Parsed by htmlparser2's streaming tokenizer (no DOM: DOMParser does not
 *   exist in a Web Worker), which also closes implied tags (`<p>a<p>b`) and
 *   decodes entities. Nothing from the page is run or rendered; the text is
 *   only ever used as text.
 * - Dropped with everything inside: the head, `<script>`, `<style>`,
 *   `<noscript>` (we read as a browser with scripts on would show it),
 *   `<template>`, embedded media and graphics' fallbacks, comments, and hidden
 *   elements (`hidden`, `aria-hidden="true"`, an inline `display:none` or
 *   `visibility:hidden`). Styles from stylesheets are not applied.
 * - Block elements (html-elements.ts) and `<br>` end a paragraph: a `<br>`
 *   is a paragraph break too, so a line of an address or a poem is a
 *   paragraph of its own. Table cells of a row are joined by a tab.
 * - Whitespace collapses as CSS `white-space: normal` does (runs of space,
 *   tab and line ends become one space, none at a block's edges); no-break
 *   spaces are kept; `<pre>` keeps its text as written (line ends as LF, the
 *   HTML parser's rule).
 * - Title from `<title>`, else JSON-LD's headline, else the first `<h1>`;
 *   author, date and URL from the metadata that news and blog pages carry
 *   (html-meta.ts, html-json-ld.ts).
 *
 * Readability-style extraction (main content only, without navigation and
 * footers) is not done: every visible paragraph is kept, so a quote from any
 * part of the page can be anchored. Measured on three real pages with
 * navigation, a help overlay and scripts (the rustdoc book's mdBook pages),
 * @mozilla/readability 0.6 over linkedom 0.18 kept 777, 812 and 98 words
 * where this reader keeps 780, 815 and 98, the same overlay included: no gain
 * for two more dependencies. Against Chromium's innerText on those pages,
 * 95% of our words agree in order (LCS); the rest is what only CSS or the
 * page's scripts decide (a help overlay hidden by a stylesheet, a table of
 * contents built by a script).
 */
import { Parser } from 'htmlparser2';
import { BLOCK_ELEMENTS, isHidden, SKIPPED_ELEMENTS } from './html-elements';
import { HtmlMeta } from './html-meta';
import { baseNameOf } from './kind';
import { shortTitle } from './text';
import type { SourceDocument } from './types';

interface Open {
  name: string;
  /** This element and everything inside it is not shown. */
  skip: boolean;
}

/** The visible text, paragraph by paragraph. */
class VisibleText {
  readonly paragraphs: string[] = [];
  private line = '';
  /** The separator owed before the next word: a collapsed space or a cell's tab. */
  private pending = '';

  /** Text under `white-space: normal`. */
  add(text: string): void {
    const collapsed = text.replace(/[ \t\n\f\r]+/g, ' ');
    if (collapsed === '') return;
    if (collapsed.startsWith(' ') && this.line !== '' && this.pending === '') this.pending = ' ';
    // Only the collapsed spaces: trim() would also take no-break spaces, which a browser keeps.
    const words = collapsed.replace(/^ | $/g, '');
    if (words !== '') {
      this.line += (this.line === '' ? '' : this.pending) + words;
      this.pending = collapsed.endsWith(' ') ? ' ' : '';
    }
  }

  /** Text inside `<pre>`: as written. */
  addPreformatted(text: string): void {
    if (text === '') return;
    this.line += (this.line === '' ? '' : this.pending) + text.replace(/\r\n?/g, '\n');
    this.pending = '';
  }

  /** A table cell after the first of its row. */
  cell(): void {
    if (this.line !== '') this.pending = '\t';
  }

  /** The end of a block: the paragraph so far is done (an empty one is not counted). */
  breakParagraph(): void {
    const paragraph = this.line.replace(/^\n+|[\n ]+$/g, '');
    if (paragraph.trim() !== '') this.paragraphs.push(paragraph);
    this.line = '';
    this.pending = '';
  }
}

export interface HtmlReading {
  document: SourceDocument;
  warnings: string[];
}

/** Decoded HTML → its visible text and metadata. */
export function htmlDocument(html: string, fileName: string): HtmlReading {
  const stack: Open[] = [];
  const visible = new VisibleText();
  const meta = new HtmlMeta();
  let skipDepth = 0;
  let preDepth = 0;
  let titleText: string | null = null;
  let inTitle = false;
  let firstH1: string | null = null;
  let h1Depth = -1;
  let h1Text = '';
  let inJsonLd = false;
  let jsonLdText = '';

  const close = (name: string) => {
    let i = stack.length - 1;
    while (i >= 0 && stack[i]!.name !== name) i--;
    if (i < 0) return;
    while (stack.length > i) {
      const open = stack.pop()!;
      if (open.skip) skipDepth--;
      if (open.name === 'pre' || open.name === 'listing' || open.name === 'xmp') preDepth--;
      if (open.name === 'title') inTitle = false;
      if (open.name === 'script' && inJsonLd) {
        meta.jsonLdScript(jsonLdText);
        inJsonLd = false;
      }
      if (stack.length === h1Depth) {
        firstH1 = h1Text;
        h1Depth = -1;
      }
      if (skipDepth === 0 && (BLOCK_ELEMENTS.has(open.name) || open.name === 'br')) visible.breakParagraph();
    }
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        meta.element(name, attributes);
        const skip = SKIPPED_ELEMENTS.has(name) || isHidden(attributes);
        if (name === 'title' && titleText === null && stack.every((o) => o.name !== 'svg')) {
          inTitle = true;
          titleText = '';
        }
        if (skipDepth === 0 && !skip) {
          if (BLOCK_ELEMENTS.has(name)) visible.breakParagraph();
          else if (name === 'td' || name === 'th') visible.cell();
          if (name === 'h1' && firstH1 === null && h1Depth < 0) {
            h1Depth = stack.length;
            h1Text = '';
          }
        }
        if (name === 'script' && (attributes.type ?? '').trim().toLowerCase() === 'application/ld+json') {
          inJsonLd = true;
          jsonLdText = '';
        }
        if (skip) skipDepth++;
        if (name === 'pre' || name === 'listing' || name === 'xmp') preDepth++;
        stack.push({ name, skip });
      },
      ontext(text) {
        if (inTitle) titleText += text;
        if (inJsonLd) jsonLdText += text;
        if (skipDepth > 0) return;
        if (preDepth > 0) visible.addPreformatted(text);
        else visible.add(text);
        if (h1Depth >= 0) h1Text += text;
      },
      onclosetag(name) {
        close(name);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  visible.breakParagraph();

  const text = visible.paragraphs.join('\n\n');
  const clean = (s: string | null | undefined) => (s ? shortTitle(s) : '');
  const found = meta.result();
  const title = clean(titleText) || clean(found.headline) || clean(firstH1) || baseNameOf(fileName);
  const document: SourceDocument = { kind: 'html', title, text };
  if (found.author) document.author = found.author;
  if (found.date) document.date = found.date;
  if (found.url) document.url = found.url;
  return { document, warnings: found.warnings.map((w) => `${fileName}: ${w}`) };
}
