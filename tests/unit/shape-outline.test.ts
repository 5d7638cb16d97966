/**
 * The actor kinds' outlines the exported legends and the panel's legend draw.
 * Expected points worked by hand from Cytoscape 3.x's own construction
 * (src/math.js generateUnitNgonPoints then fitPolygonToSquare: a regular n-gon
 * on the unit circle, odd n vertex up, even n flat-topped, stretched to fill
 * [-1, 1]², top moved to -1), written out below for a node box of 2 × 2 at
 * the origin; tests/e2e/pictures.test.ts checks the same points against the
 * running Cytoscape's node shapes.
 */
import { describe, expect, it } from 'vitest';
import { KIND_STYLES, kindStyle, outlineSvg, shapeOutline, type NodeShape, type ShapeOutline } from '../../graph';

const points = (o: ShapeOutline) => {
  if (o.kind !== 'polygon') throw new Error(`expected a polygon, got ${o.kind}`);
  return o.points.map(([x, y]) => [x, y]);
};
const close = (actual: number[][], expected: number[][]) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((p, i) => {
    expect(p[0]).toBeCloseTo(expected[i]![0]!, 4);
    expect(p[1]).toBeCloseTo(expected[i]![1]!, 4);
  });
};
const t = Math.tan(Math.PI / 8); // 0.4142: the octagon's half side over its half width

describe('shapeOutline: Cytoscape’s node shapes', () => {
  it('gives the hexagon its six vertices: flat top and bottom at ±r, points at ±r on the axis', () => {
    // Unit hexagon at 120°, 180°, …, 60° → (−½, −√3/2), (−1, 0), …; y stretched by 2/√3 to ±1.
    close(points(shapeOutline('hexagon', 0, 0, 2)), [[-0.5, -1], [-1, 0], [-0.5, 1], [0.5, 1], [1, 0], [0.5, -1]]);
    // Centred on (100, 50), 20 across: the same, scaled by 10 and moved.
    close(points(shapeOutline('hexagon', 100, 50, 20)), [[95, 40], [90, 50], [95, 60], [105, 60], [110, 50], [105, 40]]);
  });

  it('points the triangle up and fills its box', () => {
    // (0, −1), (−√3/2, ½), (√3/2, ½) → x by 2/√3, y by 4/3 then up by ⅓.
    close(points(shapeOutline('triangle', 0, 0, 2)), [[0, -1], [-1, 1], [1, 1]]);
  });

  it('gives the pentagon a vertex up and a flat bottom', () => {
    // x by 2/(2 cos 18°), y by 2/(1 + cos 36°), top moved to −1.
    const side = Math.cos((54 * Math.PI) / 180) / Math.cos((18 * Math.PI) / 180); // 0.618
    const shoulder = -1 + (1 - Math.sin((18 * Math.PI) / 180)) * (2 / (1 + Math.cos(Math.PI / 5))); // −0.2361
    close(points(shapeOutline('pentagon', 0, 0, 2)), [[0, -1], [-1, shoulder], [-side, 1], [side, 1], [1, shoulder]]);
    expect(shoulder).toBeCloseTo(-0.2361, 4);
  });

  it('draws the octagon regular (its box is square), the rectangle as the box, the diamond on the edge midpoints', () => {
    close(points(shapeOutline('octagon', 0, 0, 2)), [[-t, -1], [-1, -t], [-1, t], [-t, 1], [t, 1], [1, t], [1, -t], [t, -1]]);
    close(points(shapeOutline('rectangle', 0, 0, 2)), [[-1, -1], [-1, 1], [1, 1], [1, -1]]);
    close(points(shapeOutline('diamond', 10, 10, 4)), [[10, 12], [12, 10], [10, 8], [8, 10]]);
  });

  it('draws the ellipse as a circle and the round rectangle with Cytoscape’s corner (min(w/4, h/4, 8))', () => {
    expect(shapeOutline('ellipse', 5, 6, 12)).toEqual({ kind: 'ellipse', cx: 5, cy: 6, rx: 6, ry: 6 });
    expect(shapeOutline('round-rectangle', 5, 6, 12)).toEqual({ kind: 'round-rectangle', x: -1, y: 0, width: 12, height: 12, radius: 3 });
    expect(shapeOutline('round-rectangle', 0, 0, 100)).toMatchObject({ radius: 8 });
  });

  it('gives every kind a shape of its own, and unknown kinds the octagon', () => {
    const signature = (shape: NodeShape) => JSON.stringify(shapeOutline(shape, 0, 0, 2));
    const shapes = Object.values(KIND_STYLES).map((k) => k.shape);
    expect(new Set(shapes.map(signature)).size).toBe(shapes.length);
    expect(shapes).not.toContain('octagon');
    expect(signature(kindStyle('militia of unknown kind').shape)).toBe(signature('octagon'));
  });

  it('writes each as one SVG element with plain numbers', () => {
    expect(outlineSvg(shapeOutline('triangle', 26, 17, 12), 'fill="red"')).toBe('<polygon points="26,11 20,23 32,23" fill="red"/>');
    expect(outlineSvg(shapeOutline('ellipse', 26, 17, 12), 'fill="red"')).toBe('<ellipse cx="26" cy="17" rx="6" ry="6" fill="red"/>');
    expect(outlineSvg(shapeOutline('round-rectangle', 26, 17, 12), 'fill="red"')).toBe('<rect x="20" y="11" width="12" height="12" rx="3" fill="red"/>');
    for (const shape of Object.values(KIND_STYLES).map((k) => k.shape)) expect(outlineSvg(shapeOutline(shape, 26, 17, 12), '')).not.toMatch(/e-|NaN|-0[ ,"]/);
  });
});
