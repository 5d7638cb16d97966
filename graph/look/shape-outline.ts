/**
 * The outline of an actor kind's shape, as Cytoscape.js draws it, for every
 * picture that draws actors outside the canvas (the PNG and SVG legends, the
 * panel's legend): one geometry, so they cannot disagree with each other or
 * with the graph.
 *
 * Cytoscape (3.x, src/extensions/renderer/base/node-shapes.js and
 * src/math.js) makes its polygons from a regular n-gon on the unit circle,
 * first vertex up for odd n and a flat top for even n, then stretches it to
 * fill the node's box (fitPolygonToSquare); its diamond is the box's four
 * edge midpoints; its round rectangle's corner radius is min(w/4, h/4, 8).
 * Our nodes are square (the stylesheet sets width = height), so a box of
 * `size` × `size` centred on (cx, cy) stands for a node.
 */
import type { NodeShape } from './encoding';

export type ShapeOutline =
  | { kind: 'ellipse'; cx: number; cy: number; rx: number; ry: number }
  | { kind: 'round-rectangle'; x: number; y: number; width: number; height: number; radius: number }
  /** Vertices in drawing order, y growing downwards (screen coordinates). */
  | { kind: 'polygon'; points: Array<readonly [number, number]> };

const SIDES: Partial<Record<NodeShape, number>> = { triangle: 3, rectangle: 4, pentagon: 5, hexagon: 6, octagon: 8 };

export function shapeOutline(shape: NodeShape, cx: number, cy: number, size: number): ShapeOutline {
  const half = size / 2;
  if (shape === 'ellipse') return { kind: 'ellipse', cx, cy, rx: half, ry: half };
  if (shape === 'round-rectangle') return { kind: 'round-rectangle', x: cx - half, y: cy - half, width: size, height: size, radius: Math.min(size / 4, 8) };
  const unit = shape === 'diamond' ? DIAMOND : fitToSquare(unitNgon(SIDES[shape] ?? 8));
  return { kind: 'polygon', points: unit.map(([x, y]) => [round(cx + x * half), round(cy + y * half)] as const) };
}

const DIAMOND: Array<readonly [number, number]> = [[0, 1], [1, 0], [0, -1], [-1, 0]];

/** A regular n-gon on the unit circle, as Cytoscape's generateUnitNgonPoints: odd n with a vertex up, even n with a flat top. */
function unitNgon(sides: number): Array<[number, number]> {
  const step = (2 * Math.PI) / sides;
  const start = sides % 2 === 0 ? Math.PI / 2 + step / 2 : Math.PI / 2;
  return Array.from({ length: sides }, (_, i) => [Math.cos(start + i * step), -Math.sin(start + i * step)]);
}

/** Stretched to span [-1, 1] both ways, top at -1 (Cytoscape's fitPolygonToSquare). */
function fitToSquare(points: Array<[number, number]>): Array<[number, number]> {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const sx = 2 / (Math.max(...xs) - Math.min(...xs));
  const sy = 2 / (Math.max(...ys) - Math.min(...ys));
  const top = Math.min(...ys) * sy;
  return points.map(([x, y]) => [x * sx, y * sy - top - 1]);
}

/** Four decimals: enough for any picture, and no "1.2246e-16" in an SVG attribute. */
const round = (v: number) => Math.round(v * 1e4) / 1e4 + 0;

/** The outline as one SVG element; `style` holds its fill and stroke attributes, already escaped. */
export function outlineSvg(outline: ShapeOutline, style: string): string {
  switch (outline.kind) {
    case 'ellipse':
      return `<ellipse cx="${outline.cx}" cy="${outline.cy}" rx="${outline.rx}" ry="${outline.ry}" ${style}/>`;
    case 'round-rectangle':
      return `<rect x="${outline.x}" y="${outline.y}" width="${outline.width}" height="${outline.height}" rx="${outline.radius}" ${style}/>`;
    case 'polygon':
      return `<polygon points="${outline.points.map(([x, y]) => `${x},${y}`).join(' ')}" ${style}/>`;
  }
}
