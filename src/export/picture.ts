/**
 * Pictures of the current view, with a legend beside the graph. The graph's
 * own picture comes from the canvas (src/canvas/graph-picture.ts: Cytoscape's
 * PNG, cytoscape-svg's SVG); here it only gets its legend. Text from the
 * dataset is drawn as canvas text or escaped into SVG text nodes, never as
 * markup.
 */
import { CONTESTED_CORE, CONTESTED_OUTLINE, EVIDENCE_INK, LEGEND_ROW, LEGEND_WIDTH, legendHeight, type LegendSpec } from '../look/legend-spec';

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

export async function viewPng(picture: GraphPicture, legend: LegendSpec): Promise<Blob> {
  const graphBlob = await picture.png(SCALE);
  const image = await createImageBitmap(graphBlob);
  const canvas = document.createElement('canvas');
  canvas.width = image.width + LEGEND_WIDTH * SCALE;
  canvas.height = Math.max(image.height, legendHeight(legend) * SCALE);
  const g = canvas.getContext('2d');
  if (!g) throw new Error('this browser cannot draw the picture (no 2D canvas)');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.drawImage(image, 0, 0);
  g.save();
  g.translate(image.width, 0);
  g.scale(SCALE, SCALE);
  drawLegendOnCanvas(g, legend);
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

function drawLegendOnCanvas(g: CanvasRenderingContext2D, legend: LegendSpec): void {
  g.fillStyle = '#f8f9fa';
  g.fillRect(0, 0, LEGEND_WIDTH, legendHeight(legend));
  g.fillStyle = '#1b1b1b';
  g.font = 'bold 13px sans-serif';
  let y = 22;
  g.fillText(truncate(legend.title, 30), 12, y);
  g.font = '12px sans-serif';
  y += LEGEND_ROW;
  for (const r of legend.relations) {
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
    g.fillStyle = '#1b1b1b';
    g.fillText(r.label, 56, y);
    y += LEGEND_ROW;
  }
  y += 4;
  for (const e of legend.evidence) {
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
    g.fillStyle = '#1b1b1b';
    g.fillText(e.label, 56, y);
    y += LEGEND_ROW;
  }
  y += 4;
  for (const k of legend.kinds) {
    g.fillStyle = k.color;
    g.strokeStyle = '#37474f';
    g.lineWidth = 1;
    g.beginPath();
    if (k.shape === 'ellipse') g.arc(26, y - 5, 6, 0, Math.PI * 2);
    else g.rect(20, y - 11, 12, 12);
    g.fill();
    g.stroke();
    g.fillStyle = '#1b1b1b';
    g.fillText(truncate(k.label, 28), 56, y);
    y += LEGEND_ROW;
  }
  g.fillStyle = '#5f6368';
  g.font = '11px sans-serif';
  for (const note of legend.notes) {
    y += 4;
    g.fillText(truncate(note, 36), 12, y);
    y += LEGEND_ROW - 4;
  }
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

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

export function viewSvg(picture: GraphPicture, legend: LegendSpec): string {
  const graph = picture.svg();
  const width = picture.width;
  const height = Math.max(picture.height, legendHeight(legend));
  const inner = nestedSvg(graph, width, picture.height);
  const rows: string[] = [];
  let y = 22;
  rows.push(`<text x="12" y="${y}" font-weight="bold" font-size="13">${escapeXml(truncate(legend.title, 30))}</text>`);
  y += LEGEND_ROW;
  for (const r of legend.relations) {
    const dash = r.line === 'dashed' ? ' stroke-dasharray="6 3"' : r.line === 'dotted' ? ' stroke-dasharray="2 3"' : '';
    rows.push(`<line x1="12" y1="${y - 4}" x2="40" y2="${y - 4}" stroke="${r.color}" stroke-width="2.5"${dash}/>`);
    if (r.arrow) rows.push(`<polygon points="40,${y - 8} 47,${y - 4} 40,${y}" fill="${r.color}"/>`);
    rows.push(`<text x="56" y="${y}" font-size="12">${escapeXml(r.label)}</text>`);
    y += LEGEND_ROW;
  }
  y += 4;
  for (const e of legend.evidence) {
    if (e.hollow) {
      rows.push(`<line x1="12" y1="${y - 4}" x2="40" y2="${y - 4}" stroke="${EVIDENCE_INK}" stroke-width="${e.width + CONTESTED_OUTLINE}"/>`);
      rows.push(`<line x1="13" y1="${y - 4}" x2="39" y2="${y - 4}" stroke="${CONTESTED_CORE}" stroke-width="${e.width}"/>`);
      rows.push(`<polygon points="40,${y - 8} 47,${y - 4} 40,${y}" fill="${CONTESTED_CORE}" stroke="${EVIDENCE_INK}" stroke-width="1.2"/>`);
    } else {
      rows.push(`<line x1="12" y1="${y - 4}" x2="40" y2="${y - 4}" stroke="${EVIDENCE_INK}" stroke-width="${e.width}" stroke-opacity="${e.opacity}"/>`);
    }
    rows.push(`<text x="56" y="${y}" font-size="12">${escapeXml(e.label)}</text>`);
    y += LEGEND_ROW;
  }
  y += 4;
  for (const k of legend.kinds) {
    rows.push(
      k.shape === 'ellipse'
        ? `<circle cx="26" cy="${y - 5}" r="6" fill="${k.color}" stroke="#37474f"/>`
        : `<rect x="20" y="${y - 11}" width="12" height="12" fill="${k.color}" stroke="#37474f"/>`,
    );
    rows.push(`<text x="56" y="${y}" font-size="12">${escapeXml(truncate(k.label, 28))}</text>`);
    y += LEGEND_ROW;
  }
  for (const note of legend.notes) {
    y += 4;
    rows.push(`<text x="12" y="${y}" font-size="11" fill="#5f6368">${escapeXml(truncate(note, 36))}</text>`);
    y += LEGEND_ROW - 4;
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width + LEGEND_WIDTH}" height="${height}" viewBox="0 0 ${width + LEGEND_WIDTH} ${height}" font-family="sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    inner,
    `<g transform="translate(${width},0)"><rect width="${LEGEND_WIDTH}" height="${height}" fill="#f8f9fa"/>${rows.join('')}</g>`,
    '</svg>',
  ].join('\n');
}
