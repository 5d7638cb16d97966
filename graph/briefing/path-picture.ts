/**
 * The briefing's picture of a path answer, drawn without a canvas (the CLI has
 * none): the actors of the paths in columns by how far along a path they
 * first stand, `from` on the left and `to` on the right; each relation used as
 * the canvas draws it (graph/look/encoding.ts: its type's colour and dash, an
 * arrow unless mutual, width and opacity by confidence, hollow when
 * contested); each actor in its kind's shape; the legend of what is drawn.
 * The explorer's export puts its own canvas picture in instead.
 */
import { findingOf, type Brief } from './brief';
import type { PathFinding } from './path-brief';
import type { PathHop } from '../analysis/paths';
import { CONFIDENCE_SCALE, CONTESTED_STYLE, RELATION_STYLES, confidenceLook, kindStyle, type NodeShape } from '../look/encoding';
import type { Dataset, RelationType } from '../model/types';
import { cut, esc } from './markup';

const COLUMN = 210;
const ROW = 110;
/** Room left and right for a name's label (LABEL_CHARS at 13 px), above and below for arcs and labels. */
const MARGIN = 110;
const MARGIN_Y = 70;
const RADIUS = 20;
const LABEL_CHARS = 26;

interface Placed {
  id: string;
  x: number;
  y: number;
}

/** Column of each actor: its least position along any path; the target last. */
function columns(brief: PathFinding): Map<string, number> {
  const col = new Map<string, number>();
  let last = 1;
  for (const p of brief.paths) {
    last = Math.max(last, p.path.actors.length - 1);
    p.path.actors.forEach((id, i) => col.set(id, Math.min(col.get(id) ?? Infinity, i)));
  }
  col.set(brief.question.from, 0);
  col.set(brief.question.to, last);
  return col;
}

function layout(brief: PathFinding): { placed: Map<string, Placed>; width: number; height: number } {
  const col = columns(brief);
  const byColumn = new Map<number, string[]>();
  for (const [id, c] of col) byColumn.set(c, [...(byColumn.get(c) ?? []), id]);
  const rows = Math.max(1, ...[...byColumn.values()].map((ids) => ids.length));
  const width = MARGIN * 2 + COLUMN * Math.max(1, Math.max(...byColumn.keys()));
  const height = MARGIN_Y * 2 + ROW * (rows - 1) + 40;
  const placed = new Map<string, Placed>();
  for (const [c, ids] of byColumn) {
    const top = MARGIN_Y + ((rows - ids.length) * ROW) / 2;
    ids.forEach((id, i) => placed.set(id, { id, x: MARGIN + c * COLUMN, y: top + i * ROW }));
  }
  return { placed, width, height };
}

/** An SVG shape centred on (x, y), for each kind's NodeShape as the canvas draws it. */
export function shapeMarkup(shape: NodeShape, x: number, y: number, r: number, fill: string): string {
  const style = `fill="${fill}" stroke="#37474f" stroke-width="1.5"`;
  const polygon = (n: number, turn: number) => {
    const pts = Array.from({ length: n }, (_, i) => {
      const a = turn + (2 * Math.PI * i) / n;
      return `${(x + r * Math.cos(a)).toFixed(1)},${(y + r * Math.sin(a)).toFixed(1)}`;
    });
    return `<polygon points="${pts.join(' ')}" ${style}/>`;
  };
  switch (shape) {
    case 'ellipse':
      return `<ellipse cx="${x}" cy="${y}" rx="${r}" ry="${r}" ${style}/>`;
    case 'triangle':
      return polygon(3, -Math.PI / 2);
    case 'pentagon':
      return polygon(5, -Math.PI / 2);
    case 'hexagon':
      return polygon(6, 0);
    case 'diamond':
      return polygon(4, -Math.PI / 2);
    case 'octagon':
      return polygon(8, Math.PI / 8);
    case 'round-rectangle':
      return `<rect x="${x - r}" y="${y - r * 0.75}" width="${2 * r}" height="${1.5 * r}" rx="${r * 0.3}" ${style}/>`;
    case 'rectangle':
      return `<rect x="${x - r}" y="${y - r * 0.75}" width="${2 * r}" height="${1.5 * r}" ${style}/>`;
  }
}

const DASH: Record<'solid' | 'dashed' | 'dotted', string> = { solid: '', dashed: ' stroke-dasharray="8 5"', dotted: ' stroke-dasharray="2 4"' };

function markers(types: Iterable<RelationType>): string {
  const out: string[] = [];
  for (const t of types) {
    const { color } = RELATION_STYLES[t];
    out.push(
      `<marker id="arrow-${t}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${color}"/></marker>`,
      `<marker id="hollow-${t}" viewBox="0 0 12 12" refX="11" refY="6" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto"><path d="M1,1 L11,6 L1,11 z" fill="${CONTESTED_STYLE.coreColor}" stroke="${color}" stroke-width="1.5"/></marker>`,
    );
  }
  return `<defs>${out.join('')}</defs>`;
}

/** The relation's line from a to b, bent by `bend` (px) when parallel relations join the same pair. */
function relationMarkup(hop: PathHop, a: Placed, b: Placed, bend: number): string {
  const style = RELATION_STYLES[hop.type];
  const { width, opacity } = confidenceLook(CONFIDENCE_SCALE, hop.confidence);
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  // Stop at the shapes' rims, so arrowheads show.
  const sx = a.x + (dx / len) * (RADIUS + 2);
  const sy = a.y + (dy / len) * (RADIUS + 2);
  const ex = b.x - (dx / len) * (RADIUS + 4);
  const ey = b.y - (dy / len) * (RADIUS + 4);
  const mx = (sx + ex) / 2 - (dy / len) * bend;
  const my = (sy + ey) / 2 + (dx / len) * bend;
  const d = `M${sx.toFixed(1)},${sy.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`;
  const title = `<title>${esc(`${hop.type}: ${hop.source} → ${hop.target}, confidence ${hop.confidence.toFixed(2)}${hop.contested ? ', contested' : hop.weak ? ', weak' : ''}`)}</title>`;
  if (hop.contested) {
    const arrow = style.arrow ? ` marker-end="url(#hollow-${hop.type})"` : '';
    return (
      `<g class="relation contested">${title}<path d="${d}" fill="none" stroke="${style.color}" stroke-width="${CONTESTED_STYLE.core + CONTESTED_STYLE.outline}"${arrow}/>` +
      `<path d="${d}" fill="none" stroke="${CONTESTED_STYLE.coreColor}" stroke-width="${CONTESTED_STYLE.core}"/></g>`
    );
  }
  const arrow = style.arrow ? ` marker-end="url(#arrow-${hop.type})"` : '';
  return `<g class="relation">${title}<path d="${d}" fill="none" stroke="${style.color}" stroke-width="${width.toFixed(2)}" stroke-opacity="${opacity.toFixed(2)}"${DASH[style.line]}${arrow}/></g>`;
}

function legendMarkup(types: RelationType[], kinds: string[], contested: boolean, top: number): { markup: string; height: number } {
  const items: string[] = [];
  let y = top;
  items.push(`<text x="${MARGIN - 30}" y="${y}" font-weight="bold">Legend</text>`);
  y += 22;
  for (const t of types) {
    const s = RELATION_STYLES[t];
    const arrow = s.arrow ? ` marker-end="url(#arrow-${t})"` : '';
    items.push(`<line x1="${MARGIN - 30}" y1="${y - 4}" x2="${MARGIN + 20}" y2="${y - 4}" stroke="${s.color}" stroke-width="3"${DASH[s.line]}${arrow}/>`);
    items.push(`<text x="${MARGIN + 32}" y="${y}">${esc(`${s.label}: ${s.description}`)}</text>`);
    y += 22;
  }
  if (contested) {
    const color = '#616161';
    items.push(`<line x1="${MARGIN - 30}" y1="${y - 4}" x2="${MARGIN + 20}" y2="${y - 4}" stroke="${color}" stroke-width="${CONTESTED_STYLE.core + CONTESTED_STYLE.outline}"/>`);
    items.push(`<line x1="${MARGIN - 30}" y1="${y - 4}" x2="${MARGIN + 20}" y2="${y - 4}" stroke="${CONTESTED_STYLE.coreColor}" stroke-width="${CONTESTED_STYLE.core}"/>`);
    items.push(`<text x="${MARGIN + 32}" y="${y}">${esc(`${CONTESTED_STYLE.label}: ${CONTESTED_STYLE.description}`)}</text>`);
    y += 22;
  }
  items.push(`<text x="${MARGIN - 30}" y="${y}">Line width and opacity: the relation's confidence (thin and faint = weak).</text>`);
  y += 26;
  for (const k of kinds) {
    const s = kindStyle(k);
    items.push(shapeMarkup(s.shape, MARGIN - 18, y - 5, 9, s.color));
    items.push(`<text x="${MARGIN + 2}" y="${y}">${esc(s.label)}</text>`);
    y += 24;
  }
  return { markup: `<g class="legend" font-size="13">${items.join('')}</g>`, height: y - top };
}

/** The picture as a standalone SVG document (UTF-8, no external references). */
export function pathPicture(brief: Brief, dataset: Dataset): string {
  const finding = findingOf(brief, 'paths');
  if (!finding) throw new RangeError('pathPicture: the briefing holds no path question');
  const { placed, width: graphWidth, height } = layout(finding);
  const kindOf = new Map(dataset.actors.map((a) => [a.id, a.kind]));
  const hops = new Map<string, PathHop>();
  for (const p of finding.paths) for (const h of p.path.hops) hops.set(h.relationId, h);
  const pairCount = new Map<string, number>();
  const edges: string[] = [];
  for (const hop of hops.values()) {
    const a = placed.get(hop.source);
    const b = placed.get(hop.target);
    if (!a || !b) continue;
    const pair = [hop.source, hop.target].sort().join('\u0000');
    const i = pairCount.get(pair) ?? 0;
    pairCount.set(pair, i + 1);
    // A relation that skips columns would run through the actors between: it arcs over them
    // (negative bends go up for a left-to-right line, away from the labels below the shapes).
    const skipped = Math.max(0, Math.round(Math.abs(b.x - a.x) / COLUMN) - 1);
    const bend = (i === 0 ? 0 : (i % 2 ? 1 : -1) * Math.ceil(i / 2) * 26) - (a.y === b.y ? skipped * 48 : 0);
    edges.push(relationMarkup(hop, a, b, bend));
  }
  const nodes = [...placed.values()].map((p) => {
    const s = kindStyle(kindOf.get(p.id) ?? 'other');
    const name = brief.names.get(p.id) ?? p.id;
    return (
      `<g class="actor"><title>${esc(name)}</title>${shapeMarkup(s.shape, p.x, p.y, RADIUS, s.color)}` +
      `<text x="${p.x}" y="${p.y + RADIUS + 18}" text-anchor="middle">${esc(cut(name, LABEL_CHARS))}</text></g>`
    );
  });
  const types = [...new Set([...hops.values()].map((h) => h.type))];
  const kinds = [...new Set([...placed.keys()].map((id) => kindOf.get(id) ?? 'other'))];
  const contested = [...hops.values()].some((h) => h.contested);
  const legend = legendMarkup(types, kinds, contested, height + 10);
  const width = Math.max(graphWidth, 640);
  const total = height + 20 + legend.height;
  const empty = finding.paths.length === 0 ? `<text x="${MARGIN}" y="${MARGIN_Y - 30}" font-style="italic">No path: only the two actors asked about are drawn.</text>` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="system-ui, sans-serif" font-size="13">` +
    `<title>${esc(brief.title)}</title>${markers(types)}<rect width="100%" height="100%" fill="#ffffff"/>${empty}` +
    `<g class="relations">${edges.join('')}</g><g class="actors">${nodes.join('')}</g>${legend.markup}</svg>`
  );
}
