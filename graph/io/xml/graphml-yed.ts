/**
 * yEd / yFiles graphics data on a GraphML node or edge: the label (a name
 * candidate; HTML markup in it is kept as written, never rendered), the
 * geometry → x, y (the centre), width, height, and the fill → color. Other
 * graphics and styles are not kept (one warning per key).
 */
import type { ProblemLog } from '../common/problem-log';
import { parseNumber } from '../common/value-typing';
import { plural, type KeyDef } from './graphml-keys';
import { attr, childElements, hasAttr, locate, ownText, textOf, type XmlElement } from './tree';

/** What yEd / yFiles graphics data say about a node or edge. */
export interface Graphics {
  label: string | null;
  geometry: { x: number; y: number; width: number; height: number } | null;
  color: string | null;
}

/** Labels, geometry and fill from yEd (`y:ShapeNode`, `y:PolyLineEdge`) or yFiles for HTML (`y:Label.Text`, `y:RectD`, style `fill`). */
export function readGraphics(d: XmlElement, key: KeyDef, domain: 'node' | 'edge', into: Graphics, log: ProblemLog): void {
  let found = false;
  const walk = (n: XmlElement) => {
    for (const c of childElements(n)) {
      const name = c.localName;
      if (into.label === null && (name === 'NodeLabel' || name === 'EdgeLabel' || name === 'Label.Text')) {
        const t = name === 'Label.Text' ? textOf(c) : ownText(c);
        if (t.trim() !== '') {
          into.label = t;
          found = true;
        }
      } else if (domain === 'node' && into.geometry === null && (name === 'Geometry' || name === 'RectD')) {
        const [x, y, w, h] = (name === 'Geometry' ? ['x', 'y', 'width', 'height'] : ['X', 'Y', 'Width', 'Height']).map((a) => parseNumber(attr(c, a) ?? ''));
        if (x != null && y != null && w != null && h != null) {
          into.geometry = { x, y, width: w, height: h };
          found = true;
        }
      } else if (domain === 'node' && into.color === null && name === 'Fill') {
        // yEd: #RRGGBB or #RRGGBBAA
        const m = /^#([0-9a-f]{6})(?:[0-9a-f]{2})?$/i.exec(attr(c, 'color') ?? '');
        if (m) {
          into.color = `#${m[1]!.toLowerCase()}`;
          found = true;
        }
      } else if (domain === 'node' && into.color === null && key.name === 'NodeStyle' && hasAttr(c, 'fill')) {
        // yFiles for HTML: #AARRGGBB or #RRGGBB
        const m = /^#(?:[0-9a-f]{2})?([0-9a-f]{6})$/i.exec(attr(c, 'fill') ?? '');
        if (m) {
          into.color = `#${m[1]!.toLowerCase()}`;
          found = true;
        }
      }
      walk(c);
    }
  };
  walk(d);
  if (!found) {
    log.tally(`graphics:${domain}:${key.name}`, locate(d), (n) =>
      `${domain} data ${JSON.stringify(key.name)} (yEd/yFiles graphics or structured data) is not imported (${plural(n, domain)})`);
  }
}
