/**
 * GEXF viz data → attributes: position → x, y (z if not 0), size, color
 * ("#rrggbb"); on edges color and thickness. Shapes are not kept.
 */
import type { AttributeValue } from '../../model/types';
import type { FileValue } from '../common/records';
import { parseNumber } from '../common/value-typing';
import type { ProblemLog } from '../common/problem-log';
import { attr, childElements, locate, type XmlElement } from './tree';

/** viz elements → values, unless a declared attribute of that name is there already. */
export function readViz(el: XmlElement, owner: 'node' | 'edge', values: FileValue[], ctx: { ns: string | null; log: ProblemLog }): void {
  const { ns, log } = ctx;
  const add = (name: string, value: AttributeValue, at: string) => {
    if (values.some((v) => v.name === name)) {
      log.tally(`viz-shadowed:${owner}:${name}`, at, (n) => `viz ${name} ignored on ${n === 1 ? `one ${owner}` : `${n} ${owner}s`}: a declared attribute "${name}" is kept instead`);
    } else values.push({ name, value, at });
  };
  const num = (v: XmlElement, name: string): number | null => {
    const raw = attr(v, name);
    if (raw === null) return null;
    const n = parseNumber(raw);
    if (n === null) log.tally(`viz-number:${owner}`, locate(v), (k) => `viz ${v.localName} ${name} ${JSON.stringify(raw)} is not a number; ignored${k > 1 ? ` (${k} values)` : ''}`);
    return n;
  };
  for (const v of childElements(el)) {
    if (v.ns === ns || !/viz/i.test(v.ns ?? v.prefix ?? '')) continue;
    const at = locate(v);
    if (['start', 'end', 'startopen', 'endopen', 'timestamp'].some((a) => attr(v, a) !== null)) {
      log.tally(`viz-time:${owner}`, at, (k) => `viz values over time are not kept: each ${owner}'s first viz value is read as holding always (${k === 1 ? 'one timed viz element' : `${k} timed viz elements`})`);
    }
    switch (v.localName) {
      case 'position': {
        if (owner !== 'node') break;
        const x = num(v, 'x');
        const y = num(v, 'y');
        const z = num(v, 'z');
        if (x !== null) add('x', x, at);
        if (y !== null) add('y', y, at);
        if (z !== null && z !== 0) add('z', z, at);
        break;
      }
      case 'size':
      case 'thickness': {
        const n = num(v, 'value');
        if (n !== null) add(v.localName, n, at);
        break;
      }
      case 'color': {
        const color = vizColor(v);
        if (color) add('color', color, at);
        else log.tally(`viz-color:${owner}`, at, (k) => `viz color without valid r, g, b (0–255) or hex ignored${k > 1 ? ` (${k} elements)` : ''}`);
        break;
      }
      default:
        break; // shape: not kept
    }
  }
}

function vizColor(v: XmlElement): string | null {
  const hex = attr(v, 'hex');
  if (hex !== null) {
    const m = /^#?([0-9a-f]{6})(?:[0-9a-f]{2})?$/i.exec(hex.trim());
    return m ? `#${m[1]!.toLowerCase()}` : null;
  }
  const parts = ['r', 'g', 'b'].map((c) => parseNumber(attr(v, c) ?? ''));
  if (parts.some((p) => p === null || p < 0 || p > 255 || !Number.isInteger(p))) return null;
  return `#${parts.map((p) => p!.toString(16).padStart(2, '0')).join('')}`;
}
