/**
 * The Cytoscape stylesheet (src/canvas/stylesheet.ts) under the WebGL knob:
 * Cytoscape's WebGL renderer draws no dashes, dots or outlines (GUIDE §4), so
 * the sheet a large graph gets with `webgl` on has no such rule, and the
 * relations the canvas renderer tells apart by their line (suspected
 * supporters dashed, contested hollow) get a colour, opacity or width instead.
 */
import { describe, expect, it } from 'vitest';
import { RELATION_STYLES } from '../../src/look/encoding';
import { stylesheet, WEBGL_BROKEN_LINE_OPACITY, WEBGL_CONTESTED, WEBGL_UNCOUNTED } from '../../src/canvas/stylesheet';
import { LARGE_KNOBS, type ScaleKnobs } from '../../src/canvas/scale';

const LARGE = LARGE_KNOBS;

type Rule = { selector: string; style: Record<string, unknown> };
const rules = (knobs?: ScaleKnobs) => stylesheet(knobs) as unknown as Rule[];
/** Rules that ask for what WebGL cannot draw: a dashed or dotted line, a dash pattern, an edge's outline. */
const undrawable = (sheet: Rule[]) =>
  sheet.filter(
    (r) =>
      ['dashed', 'dotted'].includes(String(r.style['line-style'])) ||
      r.style['line-dash-pattern'] !== undefined ||
      Number(r.style['line-outline-width'] ?? 0) > 0,
  ).map((r) => r.selector);
/** The style an edge of `type` gets from the rules matching it by type or contested flag alone, in order (the last wins). */
function edgeStyle(sheet: Rule[], type: string, contested: boolean): Record<string, unknown> {
  const matches = (selector: string) =>
    selector.split(',').some((one) => {
      const s = one.trim();
      if (!s.startsWith('edge') || /[.:]/.test(s)) return false;
      const types = [...s.matchAll(/\[type = "([^"]+)"\]/g)].map((m) => m[1]);
      if (types.some((t) => t !== type)) return false;
      return !s.includes('[?contested]') || contested;
    });
  return Object.assign({}, ...sheet.filter((r) => matches(r.selector)).map((r) => r.style));
}

describe('the large-graph stylesheet under the WebGL knob', () => {
  it('has dashed, dotted and outlined rules without the knob (what the WebGL sheet must leave out)', () => {
    const canvas = undrawable(rules({ ...LARGE }));
    expect(canvas).toContain('edge.uncounted');
    expect(canvas).toContain('edge[?contested]');
    expect(canvas).toContain('edge.change-removed');
    expect(undrawable(rules())).not.toEqual([]);
  });

  it('has no dashed or dotted line, dash pattern or outline with the knob on, with or without haystack edges', () => {
    expect(undrawable(rules({ ...LARGE, webgl: true }))).toEqual([]);
    expect(undrawable(rules({ ...LARGE, webgl: true, haystack: false }))).toEqual([]);
  });

  it('draws a suspected supporter fainter than a solid type, in its own colour, and a contested relation in a colour of its own, wider', () => {
    const sheet = rules({ ...LARGE, webgl: true });
    const suspected = edgeStyle(sheet, 'suspected-supporter', false);
    const threat = edgeStyle(sheet, 'threat', false);
    expect(RELATION_STYLES['suspected-supporter'].line).toBe('dashed');
    expect(suspected['line-color']).toBe(RELATION_STYLES['suspected-supporter'].color);
    expect(suspected['line-opacity']).toBe(WEBGL_BROKEN_LINE_OPACITY);
    expect(threat['line-opacity']).toBeUndefined();
    // Opacity still follows confidence (the base rule's mapper), for both.
    expect(String(suspected.opacity)).toMatch(/^mapData\(confidence/);

    const contested = edgeStyle(sheet, 'threat', true);
    expect(contested['line-color']).toBe(WEBGL_CONTESTED['line-color']);
    expect(contested.width).toBe(WEBGL_CONTESTED.width);
    const typeColours = Object.values(RELATION_STYLES).map((s) => s.color);
    expect(typeColours).not.toContain(WEBGL_CONTESTED['line-color']);
    // Wider than any ordinary relation of a large graph (0.5–1.5 px by confidence).
    expect(WEBGL_CONTESTED.width).toBeGreaterThan(1.5);
  });

  it('draws a relation left out by the evidence setting grey-blue and faint, and a contested one left out still slate and wide', () => {
    const sheet = rules({ ...LARGE, webgl: true });
    const typeColours = Object.values(RELATION_STYLES).map((s) => s.color);
    expect(typeColours).not.toContain(WEBGL_UNCOUNTED['line-color']);
    const at = (selector: string) => sheet.findIndex((r) => r.selector === selector);
    expect(sheet[at('edge.uncounted')]!.style).toEqual(WEBGL_UNCOUNTED);
    // The contested rule after the uncounted one: a contested relation (all of them, under the default setting) keeps its colour and width.
    expect(at('edge[?contested]')).toBeGreaterThan(at('edge.uncounted'));
    const left = Object.assign({}, ...sheet.filter((r) => ['edge.uncounted', 'edge[?contested]'].includes(r.selector)).map((r) => r.style));
    expect(left).toMatchObject({ 'line-color': WEBGL_CONTESTED['line-color'], width: WEBGL_CONTESTED.width, opacity: WEBGL_UNCOUNTED.opacity });
  });

  it('leaves the canvas renderer’s large sheet and the small sheet as they were', () => {
    const canvas = rules({ ...LARGE });
    expect(edgeStyle(canvas, 'threat', true)['line-outline-width']).toBeGreaterThan(0);
    expect(canvas.some((r) => r.style['line-opacity'] !== undefined)).toBe(false);
    const small = rules();
    expect(edgeStyle(small, 'suspected-supporter', false)['line-style']).toBe('dashed');
  });
});
