/**
 * The large-graph layout (graph/layout/force-layout.ts) and its `layout`
 * request: the same seed gives the same positions, every position is finite,
 * the output is centred and scaled to the room asked for, tied nodes end up
 * closer than untied ones, and bad input is refused with a message.
 */
import { describe, expect, it } from 'vitest';
import { forceLayout, handle } from '../../graph';
import { seededRandom } from '../../graph/analysis/random';

/** Two dense clusters of 100 nodes joined by one edge. */
function twoClusters(): { order: number; edges: Int32Array } {
  const random = seededRandom(7);
  const pairs: number[] = [];
  for (const base of [0, 100]) {
    for (let i = 0; i < 400; i++) pairs.push(base + Math.floor(random() * 100), base + Math.floor(random() * 100));
  }
  pairs.push(0, 100);
  return { order: 200, edges: Int32Array.from(pairs) };
}

const options = { maxIterations: 60, timeBudgetMs: 0, seed: 3 };

describe('forceLayout', () => {
  it('is deterministic for a seed, finite, centred and scaled', () => {
    const { order, edges } = twoClusters();
    const a = forceLayout(order, edges, options);
    const b = forceLayout(order, edges, options);
    expect(a.positions).toEqual(b.positions);
    expect(a.positions).toHaveLength(2 * order);
    expect(a.iterations).toBe(60);
    expect([...a.positions].every(Number.isFinite)).toBe(true);
    let cx = 0;
    let cy = 0;
    for (let i = 0; i < order; i++) {
      cx += a.positions[2 * i]!;
      cy += a.positions[2 * i + 1]!;
    }
    expect(Math.abs(cx / order)).toBeLessThan(1e-6);
    expect(Math.abs(cy / order)).toBeLessThan(1e-6);
    // 90% of the nodes within a disc of area 0.9 n × spacing².
    const radii = Array.from({ length: order }, (_, i) => Math.hypot(a.positions[2 * i]!, a.positions[2 * i + 1]!)).sort((x, y) => x - y);
    expect(radii[Math.floor(order * 0.9)]).toBeCloseTo(70 * Math.sqrt((0.9 * order) / Math.PI), 6);
    expect(forceLayout(order, edges, { ...options, seed: 4 }).positions).not.toEqual(a.positions);
  });

  it('puts the two clusters apart', () => {
    const { order, edges } = twoClusters();
    const { positions: p } = forceLayout(order, edges, { ...options, maxIterations: 200 });
    const centre = (from: number) => {
      let x = 0;
      let y = 0;
      for (let i = from; i < from + 100; i++) {
        x += p[2 * i]!;
        y += p[2 * i + 1]!;
      }
      return { x: x / 100, y: y / 100 };
    };
    const spread = (from: number, c: { x: number; y: number }) => {
      let s = 0;
      for (let i = from; i < from + 100; i++) s += Math.hypot(p[2 * i]! - c.x, p[2 * i + 1]! - c.y);
      return s / 100;
    };
    const [c0, c1] = [centre(0), centre(100)];
    const between = Math.hypot(c0.x - c1.x, c0.y - c1.y);
    expect(between).toBeGreaterThan(spread(0, c0));
    expect(between).toBeGreaterThan(spread(100, c1));
  });

  it('handles empty and edgeless graphs, and refuses bad input', () => {
    expect(forceLayout(0, new Int32Array()).positions).toHaveLength(0);
    const lone = forceLayout(3, new Int32Array(), options).positions;
    expect([...lone].every(Number.isFinite)).toBe(true);
    expect(() => forceLayout(2, Int32Array.from([0, 5]))).toThrow(/outside 0..1/);
    expect(() => forceLayout(2, Int32Array.from([0]))).toThrow(/pairs/);
  });

  it('answers the core’s `layout` request with a Float64Array of positions', () => {
    const { order, edges } = twoClusters();
    const response = handle({ type: 'layout', order, edges, options });
    if (!response.ok) throw new Error(response.error);
    expect(response.result.positions).toBeInstanceOf(Float64Array);
    expect(response.result.positions).toEqual(forceLayout(order, edges, options).positions);
    expect(handle({ type: 'layout', order: -1, edges: new Int32Array(), options })).toEqual({ ok: false, error: 'forceLayout: -1 is not a node count' });
  });
});
