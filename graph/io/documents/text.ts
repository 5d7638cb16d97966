/**
 * Plain text and Markdown documents: the decoded text is the document, kept
 * exactly as decoded (line ends too: CRLF stays CRLF, no-break spaces stay),
 * so an offset into the stored text is an offset into what the file says and
 * a quote copied from the file is found where it was. The paragraph rule
 * (graph/sources/paragraphs.ts) reads LF, CRLF and CR alike, so nothing needs
 * normalising. Markdown keeps its markup for the same reason: analysts quote
 * what they see in the file, and stripping `**` or `[…](…)` would move every
 * offset after it. Only the title is read from the markup.
 */
import { baseNameOf } from './kind';
import type { SourceDocument } from './types';

const TITLE_MAX = 200;

/** A title no longer than TITLE_MAX characters, cut at a word when it must be cut. */
export function shortTitle(line: string): string {
  const title = line.replace(/\s+/g, ' ').trim();
  if (title.length <= TITLE_MAX) return title;
  const cut = title.slice(0, TITLE_MAX);
  const space = cut.lastIndexOf(' ');
  return `${(space > TITLE_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const LINES = /\r\n|\r|\n/;

/** The first line that is not blank (trim() leaves something, as the paragraph rule counts blank). */
function firstNonBlankLine(text: string): string | undefined {
  return text.split(LINES).find((line) => line.trim() !== '');
}

/** Inline Markdown in a heading, reduced to its words: `The *real* [story](u)` → `The real story`. */
function headingWords(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`|~~)(.+?)\1/g, '$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1');
}

/**
 * The first level-1 heading outside fenced code: ATX (`# Title`, closing #s
 * dropped) or setext (`Title` over `===`); else a YAML front matter `title:`.
 */
export function markdownTitle(text: string): string | undefined {
  const lines = text.split(LINES);
  let fence: string | null = null;
  let start = 0;
  let frontTitle: string | undefined;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
    if (end > 0) {
      const m = lines.slice(1, end).map((l) => /^title:\s*(.*?)\s*$/.exec(l)).find((x) => x);
      if (m?.[1]) frontTitle = m[1].replace(/^(["'])(.*)\1$/, '$2');
      start = end + 1;
    }
  }
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMark) {
      const mark = fenceMark[1]!;
      if (fence === null) fence = mark;
      else if (mark[0] === fence[0] && mark.length >= fence.length) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const atx = /^ {0,3}#(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (atx && atx[1]) return shortTitle(headingWords(atx[1]));
    const next = lines[i + 1];
    if (line.trim() !== '' && !/^ {4}/.test(line) && next !== undefined && /^ {0,3}=+[ \t]*$/.test(next)) return shortTitle(headingWords(line));
  }
  return frontTitle ? shortTitle(frontTitle) : undefined;
}

/** A decoded .txt or .md file as a document: its text unchanged, its title by the rules above. */
export function textDocument(text: string, kind: 'text' | 'markdown', fileName: string): SourceDocument {
  const fromText = kind === 'markdown' ? markdownTitle(text) : undefined;
  const firstLine = firstNonBlankLine(text);
  const title = fromText ?? (firstLine !== undefined ? shortTitle(kind === 'markdown' ? headingWords(firstLine.replace(/^ {0,3}#{1,6}[ \t]+/, '')) : firstLine) : baseNameOf(fileName));
  return { kind, title: title || baseNameOf(fileName), text };
}
