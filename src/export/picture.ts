/**
 * Pictures of the current view, with a legend beside the graph. The graph's
 * own picture comes from the canvas (src/canvas/graph-picture.ts: Cytoscape's
 * PNG, cytoscape-svg's SVG); here it only gets its legend. Text from the
 * dataset is drawn as canvas text or escaped into SVG text nodes, never as
 * markup.
 */
import { CONTESTED_CORE, CONTESTED_OUTLINE, EVIDENCE_INK, LEGEND_WIDTH, type LegendSpec } from '../look/legend-spec';
import { cssFont, layoutLegend, pictureText, type LegendLayout, type LegendLine, type LegendSymbol, type TextStyle } from '../look/legend-layout';
import { outlineSvg, shapeOutline, type ShapeOutline } from '../look/encoding';

/** The graph as the canvas draws it now, at the size of the view (CSS pixels). */
export interface GraphPicture {
  width: number;
  height: number;
  /** A PNG on white, `scale` device pixels per CSS pixel. */
  png(scale: number): Promise<Blob>;
  /** An SVG document on white, at scale 1. */
  svg(): string;
}

const SCALE = 2;
const MAX_CANVAS_SIDE = 32_767;
/** The actor kinds' symbols: a 12 px box, as a node's shape fills its box on the canvas. */
const KIND_SYMBOL = 12;
const KIND_SYMBOL_X = 26;
const SHAPE_STROKE = '#37474f';

/**
 * Text widths for both pictures come from a canvas's measureText in the
 * font the PNG draws with; the SVG asks for the same family and sizes, so in
 * this browser its lines are exactly the PNG's. Another viewer's sans-serif
 * may be a little wider or narrower: the 12 px margins take that up.
 */
function canvasMeasure(): (text: string, style: TextStyle) => number {
  const g = document.createElement('canvas').getContext('2d');
  if (!g) throw new Error('this browser cannot measure text for the picture (no 2D canvas)');
  return (text, style) => {
    g.font = cssFont(style);
    return g.measureText(text).width;
  };
}

export async function viewPng(picture: GraphPicture, legend: LegendSpec): Promise<Blob> {
  const layout = layoutLegend(legend, canvasMeasure());
  const graphBlob = await picture.png(SCALE);
  const image = await createImageBitmap(graphBlob);
  const canvas = document.createElement('canvas');
  canvas.width = image.width + LEGEND_WIDTH * SCALE;
  canvas.height = Math.max(image.height, layout.height * SCALE);
  // Browsers draw no canvas taller than 32,767 px (and toBlob then gives nothing): say why instead of "encoding failed".
  if (canvas.height > MAX_CANVAS_SIDE)
    throw new Error(`the legend is too tall for a PNG (${layout.height} px: the title or a kind's name is very long); the SVG export has no such limit`);
  const g = canvas.getContext('2d');
  if (!g) throw new Error('this browser cannot draw the picture (no 2D canvas)');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.drawImage(image, 0, 0);
  g.save();
  g.translate(image.width, 0);
  g.scale(SCALE, SCALE);
  drawLegendOnCanvas(g, layout, canvas.height / SCALE);
  g.restore();
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

/** A legend row's sample line, from x `from` to `to`, in the current stroke style. */
function strokeSample(g: CanvasRenderingContext2D, y: number, from: number, to: number): void {
  g.beginPath();
  g.moveTo(from, y - 4);
  g.lineTo(to, y - 4);
  g.stroke();
}

/** A legend row's arrowhead path, at the sample line's end (fill or stroke it). */
function arrowhead(g: CanvasRenderingContext2D, y: number): void {
  g.beginPath();
  g.moveTo(40, y - 8);
  g.lineTo(47, y - 4);
  g.lineTo(40, y);
}

/** The outline as a canvas path (fill or stroke it). */
export function traceOutline(g: CanvasRenderingContext2D, outline: ShapeOutline): void {
  g.beginPath();
  switch (outline.kind) {
    case 'ellipse':
      g.ellipse(outline.cx, outline.cy, outline.rx, outline.ry, 0, 0, Math.PI * 2);
      break;
    case 'round-rectangle':
      g.roundRect(outline.x, outline.y, outline.width, outline.height, outline.radius);
      break;
    case 'polygon':
      outline.points.forEach(([x, y], i) => (i === 0 ? g.moveTo(x, y) : g.lineTo(x, y)));
      g.closePath();
      break;
  }
}

/** An actor kind's symbol, centred on its row's text (baseline y). */
const kindOutline = (y: number, symbol: LegendSymbol & { kind: 'actor-kind' }) => shapeOutline(symbol.actorKind.shape, KIND_SYMBOL_X, y - 5, KIND_SYMBOL);

function drawSymbolOnCanvas(g: CanvasRenderingContext2D, s: LegendSymbol): void {
  const y = s.y;
  if (s.kind === 'relation') {
    const r = s.relation;
    g.strokeStyle = r.color;
    g.lineWidth = 2.5;
    g.setLineDash(r.line === 'dashed' ? [6, 3] : r.line === 'dotted' ? [2, 3] : []);
    strokeSample(g, y, 12, 40);
    g.setLineDash([]);
    if (r.arrow) {
      g.fillStyle = r.color;
      arrowhead(g, y);
      g.fill();
    }
  } else if (s.kind === 'evidence') {
    const e = s.evidence;
    g.strokeStyle = EVIDENCE_INK;
    g.globalAlpha = e.opacity;
    g.lineWidth = e.hollow ? e.width + CONTESTED_OUTLINE : e.width;
    strokeSample(g, y, 12, 40);
    g.globalAlpha = 1;
    if (e.hollow) {
      g.strokeStyle = CONTESTED_CORE;
      g.lineWidth = e.width;
      strokeSample(g, y, 13, 39);
      g.fillStyle = CONTESTED_CORE;
      g.strokeStyle = EVIDENCE_INK;
      g.lineWidth = 1.2;
      arrowhead(g, y);
      g.closePath();
      g.fill();
      g.stroke();
    }
  } else {
    g.fillStyle = s.actorKind.color;
    g.strokeStyle = SHAPE_STROKE;
    g.lineWidth = 1;
    traceOutline(g, kindOutline(y, s));
    g.fill();
    g.stroke();
  }
}

function drawLineOnCanvas(g: CanvasRenderingContext2D, line: LegendLine): void {
  g.font = cssFont(line.style);
  g.fillStyle = line.style.color;
  // The canvas runs the bidi algorithm on each line; `direction` sets its paragraph level, textAlign which edge sits at x.
  g.direction = line.direction;
  g.textAlign = line.align;
  g.fillText(line.text, line.x, line.y);
}

function drawLegendOnCanvas(g: CanvasRenderingContext2D, layout: LegendLayout, height: number): void {
  g.fillStyle = '#f8f9fa';
  g.fillRect(0, 0, layout.width, height);
  for (const s of layout.symbols) drawSymbolOnCanvas(g, s);
  for (const p of layout.paragraphs) for (const line of p.lines) drawLineOnCanvas(g, line);
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/**
 * The graph as a nested <svg> placed at the picture's top left, so its own
 * viewBox stays as cytoscape-svg made it. Through the XML parser rather than
 * by text: cytoscape-svg writes width and height on its root already, and a
 * second pair made the file malformed XML that browsers refuse to open.
 */
function nestedSvg(graph: string, width: number, height: number): string {
  const doc = new DOMParser().parseFromString(graph, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'svg' || doc.getElementsByTagName('parsererror').length > 0) throw new Error('the drawn graph is not a readable SVG');
  root.setAttribute('x', '0');
  root.setAttribute('y', '0');
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  return new XMLSerializer().serializeToString(root);
}

function symbolSvg(s: LegendSymbol): string {
  const y = s.y;
  if (s.kind === 'relation') {
    const r = s.relation;
    const dash = r.line === 'dashed' ? ' stroke-dasharray="6 3"' : r.line === 'dotted' ? ' stroke-dasharray="2 3"' : '';
    const line = `<line x1="12" y1="${y - 4}" x2="40" y2="${y - 4}" stroke="${r.color}" stroke-width="2.5"${dash}/>`;
    return r.arrow ? `${line}<polygon points="40,${y - 8} 47,${y - 4} 40,${y}" fill="${r.color}"/>` : line;
  }
  if (s.kind === 'evidence') {
    const e = s.evidence;
    if (!e.hollow) return `<line x1="12" y1="${y - 4}" x2="40" y2="${y - 4}" stroke="${EVIDENCE_INK}" stroke-width="${e.width}" stroke-opacity="${e.opacity}"/>`;
    return (
      `<line x1="12" y1="${y - 4}" x2="40" y2="${y - 4}" stroke="${EVIDENCE_INK}" stroke-width="${e.width + CONTESTED_OUTLINE}"/>` +
      `<line x1="13" y1="${y - 4}" x2="39" y2="${y - 4}" stroke="${CONTESTED_CORE}" stroke-width="${e.width}"/>` +
      `<polygon points="40,${y - 8} 47,${y - 4} 40,${y}" fill="${CONTESTED_CORE}" stroke="${EVIDENCE_INK}" stroke-width="1.2"/>`
    );
  }
  // data-kind: which kind the shape stands for, for readers of the file (and its tests).
  return `<g data-kind="${escapeXml(pictureText(s.actorKind.label))}">${outlineSvg(kindOutline(y, s), `fill="${s.actorKind.color}" stroke="${SHAPE_STROKE}" stroke-width="1"`)}</g>`;
}

/**
 * A paragraph as one <text>, a <tspan> per line. SVG's text-anchor is relative
 * to the direction (start is the right edge in right-to-left text), so the
 * line's left or right edge is turned into start or end accordingly.
 */
function paragraphSvg(role: string, lines: LegendLine[]): string {
  const first = lines[0]!;
  const s = first.style;
  const anchor = (first.align === 'left') === (first.direction === 'ltr') ? 'start' : 'end';
  const attrs = [
    `class="legend-${role}"`,
    `font-size="${s.size}"`,
    s.bold ? 'font-weight="bold"' : '',
    `fill="${s.color}"`,
    first.direction === 'rtl' ? 'direction="rtl" unicode-bidi="embed"' : '',
    anchor === 'end' ? 'text-anchor="end"' : '',
  ].filter((a) => a !== '');
  const spans = lines.map((l) => `<tspan x="${l.x}" y="${l.y}">${escapeXml(l.text)}</tspan>`).join('');
  return `<text ${attrs.join(' ')}>${spans}</text>`;
}

export function viewSvg(picture: GraphPicture, legend: LegendSpec): string {
  const layout = layoutLegend(legend, canvasMeasure());
  const graph = picture.svg();
  const width = picture.width;
  const height = Math.max(picture.height, layout.height);
  const inner = nestedSvg(graph, width, picture.height);
  const items = [...layout.symbols.map(symbolSvg), ...layout.paragraphs.map((p) => paragraphSvg(p.role, p.lines))];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width + LEGEND_WIDTH}" height="${height}" viewBox="0 0 ${width + LEGEND_WIDTH} ${height}" font-family="sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    inner,
    `<g class="legend" transform="translate(${width},0)"><rect width="${LEGEND_WIDTH}" height="${height}" fill="#f8f9fa"/>${items.join('')}</g>`,
    '</svg>',
  ].join('\n');
}
