/**
 * Where everything in a picture's legend goes: each row's symbol and its
 * text wrapped into lines, and the height all that needs. The PNG and the SVG
 * both draw from this one layout (src/export/picture.ts), so they wrap and
 * place alike, and the height always holds every line: nothing is cut.
 */
import { LEGEND_ROW, LEGEND_WIDTH, type LegendSpec } from './legend-spec';
import { textDirection, wrapText } from './wrap-text';

export interface TextStyle {
  size: number;
  bold: boolean;
  color: string;
}

export const TITLE_STYLE: TextStyle = { size: 13, bold: true, color: '#1b1b1b' };
export const ROW_STYLE: TextStyle = { size: 12, bold: false, color: '#1b1b1b' };
export const NOTE_STYLE: TextStyle = { size: 11, bold: false, color: '#5f6368' };
export const CAPTION_STYLE: TextStyle = { size: 11, bold: false, color: '#3c4043' };

/** The CSS / canvas font of a style; the SVG root sets the same family. */
export function cssFont(style: TextStyle): string {
  return `${style.bold ? 'bold ' : ''}${style.size}px sans-serif`;
}

/** A string's width in a style, e.g. from a canvas's measureText with cssFont(style). */
export type MeasureStyled = (text: string, style: TextStyle) => number;

/**
 * One line of text. `x` is where its `align` edge sits (left or right, in
 * legend coordinates), `y` its baseline; `direction` is its paragraph's,
 * from the first strong letter, so a right-to-left title is laid out right to
 * left and set against the right margin.
 */
export interface LegendLine {
  text: string;
  x: number;
  y: number;
  align: 'left' | 'right';
  direction: 'ltr' | 'rtl';
  style: TextStyle;
}

/** A paragraph: one source string and the lines it was wrapped into (one <text> in the SVG). */
export interface LegendParagraph {
  role: 'title' | 'label' | 'note' | 'caption';
  lines: LegendLine[];
}

/** A row's symbol, drawn with its first line's baseline at `y`. */
export type LegendSymbol =
  | { kind: 'relation'; y: number; relation: LegendSpec['relations'][number] }
  | { kind: 'evidence'; y: number; evidence: LegendSpec['evidence'][number] }
  | { kind: 'actor-kind'; y: number; actorKind: LegendSpec['kinds'][number] };

export interface LegendLayout {
  width: number;
  height: number;
  symbols: LegendSymbol[];
  paragraphs: LegendParagraph[];
}

export const MARGIN = 12;
/** Where a row's label starts, right of its symbol. */
export const LABEL_X = 56;
/** Baseline to baseline within a paragraph: the font size and a little. */
const lineHeight = (style: TextStyle) => Math.round(style.size * 1.3);

export function layoutLegend(spec: LegendSpec, measure: MeasureStyled): LegendLayout {
  const symbols: LegendSymbol[] = [];
  const paragraphs: LegendParagraph[] = [];
  const right = LEGEND_WIDTH - MARGIN;

  /** Wraps `text` between `left` and the right margin from baseline `y`; returns the last line's baseline. */
  const paragraph = (role: LegendParagraph['role'], text: string, style: TextStyle, left: number, y: number): number => {
    const clean = pictureText(text);
    const direction = textDirection(clean);
    const wrapped = wrapText(clean, right - left, (s) => measure(s, style));
    const lines = (wrapped.length > 0 ? wrapped : ['']).map((line, i): LegendLine => ({
      text: line,
      x: direction === 'rtl' ? right : left,
      y: y + i * lineHeight(style),
      align: direction === 'rtl' ? 'right' : 'left',
      direction,
      style,
    }));
    paragraphs.push({ role, lines });
    return lines[lines.length - 1]!.y;
  };

  let y = 22;
  y = paragraph('title', spec.title, TITLE_STYLE, MARGIN, y) + LEGEND_ROW;
  for (const relation of spec.relations) {
    symbols.push({ kind: 'relation', y, relation });
    y = paragraph('label', relation.label, ROW_STYLE, LABEL_X, y) + LEGEND_ROW;
  }
  y += 4;
  for (const evidence of spec.evidence) {
    symbols.push({ kind: 'evidence', y, evidence });
    y = paragraph('label', evidence.label, ROW_STYLE, LABEL_X, y) + LEGEND_ROW;
  }
  y += 4;
  for (const actorKind of spec.kinds) {
    symbols.push({ kind: 'actor-kind', y, actorKind });
    y = paragraph('label', actorKind.label, ROW_STYLE, LABEL_X, y) + LEGEND_ROW;
  }
  for (const note of spec.notes) {
    y += 4;
    y = paragraph('note', note, NOTE_STYLE, MARGIN, y) + LEGEND_ROW - 4;
  }
  y += 8;
  y = paragraph('caption', spec.caption, CAPTION_STYLE, MARGIN, y);
  // Room under the last baseline for its descenders, and a margin.
  return { width: LEGEND_WIDTH, height: Math.ceil(y + MARGIN), symbols, paragraphs };
}

/**
 * Text from the file as a picture may draw it: a character XML 1.0 cannot
 * hold (a C0 control, U+FFFE/U+FFFF, an unpaired surrogate) shows as U+FFFD
 * in both pictures, so the SVG stays well-formed and the PNG says the same.
 */
export function pictureText(text: string): string {
  return text.replace(NOT_XML, '\ufffd');
}

const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
