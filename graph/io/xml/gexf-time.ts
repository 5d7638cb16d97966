/**
 * Time in a dynamic GEXF file, read onto our calendar: every time becomes a
 * partial ISO date (graph/schema/dates.ts), the only time the model knows.
 *
 * - timeformat `date` / `dateTime`: YYYY-MM-DD as written (YYYY and YYYY-MM
 *   too); a dateTime keeps its day, and a time of day other than midnight is
 *   dropped with one warning for the file (our claims hold on whole days).
 * - timeformat `integer` / `double` (GEXF's default): a whole number from 1000
 *   to 9999 (`1992`, `1992.0`) is that year. Any other number (`3.5`, `12`) is
 *   refused at its element: those files count steps, not dates, and a window
 *   on our calendar cannot place them; reading them statically would drop
 *   their time, so they are not read at all.
 * - `startopen` / `endopen` (GEXF 1.2's open bounds; 1.3 removed them) are read
 *   as inclusive bounds, with one warning: our days have no open ends.
 * - A span's start after its end is an error at its element.
 *
 * An element's spans: its `<spells>`, else its own start/end (or GEXF 1.3
 * `timestamp`, `timestamps`, `intervals`); none means it holds always.
 */
import { dateBounds, isPartialDate } from '../../schema/dates';
import type { ProblemLog } from '../common/problem-log';
import { attr, children, hasAttr, locate, type XmlElement } from './tree';

export type TimeFormat = 'date' | 'dateTime' | 'integer' | 'double';

/** When something holds: its first and last partial date, either open (undefined), inclusive. */
export interface Span {
  start?: string;
  end?: string;
}

/** A span as the file gives it: where, and the element that gives it (for a claim's quote). */
export interface LocatedSpan extends Span {
  el: XmlElement;
}

/** Reads the file's times: its timeformat, with the warnings it owes once per file. */
export class GexfClock {
  readonly format: TimeFormat;
  /** A timeformat GEXF does not define: an error at the graph once a time is read (a file without time reads as before). */
  private unknown: { raw: string; at: string } | null = null;

  /** The graph's timeformat (GEXF's default: double). */
  constructor(
    graph: XmlElement,
    private readonly log: ProblemLog,
  ) {
    const raw = attr(graph, 'timeformat') ?? 'double';
    // networkx writes `long` for integer times.
    const format = raw === 'long' ? 'integer' : raw;
    if (format === 'date' || format === 'dateTime' || format === 'integer' || format === 'double') this.format = format;
    else {
      this.format = 'double';
      this.unknown = { raw, at: locate(graph) };
    }
  }

  /** One time → a partial date, or null (an error logged at `el`). `what`: the attribute (`start`, `end`, `timestamp`). */
  read(raw: string, el: XmlElement, what: string): string | null {
    if (this.unknown) {
      this.log.error(this.unknown.at, `timeformat ${JSON.stringify(this.unknown.raw)} is not one GEXF defines (integer, double, date, dateTime): the times cannot be read`);
      this.unknown = null;
    }
    const t = raw.trim();
    const at = locate(el);
    const bad = (why: string) => {
      this.log.error(at, `<${el.localName}> ${what} ${JSON.stringify(raw)} ${why}`);
      return null;
    };
    if (this.format === 'integer' || this.format === 'double') {
      const year = /^([+]?\d+)(?:\.0*)?$/.exec(t);
      const n = year ? Number(year[1]) : NaN;
      if (Number.isInteger(n) && n >= 1000 && n <= 9999) return String(n);
      if (isPartialDate(t)) return t;
      return bad(`(timeformat "${this.format}") is not a year: Actorscope places time on calendar days, and only a whole number from 1000 to 9999 reads as a year; write the times as years or dates (timeformat="date")`);
    }
    if (isPartialDate(t)) return t;
    const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(t);
    if (m && isPartialDate(m[1])) {
      const midnight = m[2] === '00' && m[3] === '00' && (m[4] ?? '00') === '00' && /^0*$/.test(m[5] ?? '');
      if (!midnight) {
        this.log.tally('time-of-day', at, (n) =>
          `times of day are not kept: Actorscope's time is whole days, so ${n === 1 ? `${JSON.stringify(raw)} is read as ${m[1]}` : `${n} times (the first ${JSON.stringify(raw)}) are read as their days`}`);
      }
      return m[1]!;
    }
    return bad(`is not a date for timeformat "${this.format}" (YYYY-MM-DD${this.format === 'dateTime' ? ', or YYYY-MM-DDThh:mm:ss' : ''})`);
  }

  /** The span an element's start/end (or startopen/endopen, or timestamp) give; null when it gives none or is wrong (logged). */
  spanOf(el: XmlElement): Span | null | 'bad' {
    const timestamp = attr(el, 'timestamp');
    if (timestamp !== null) {
      const day = this.read(timestamp, el, 'timestamp');
      return day === null ? 'bad' : { start: day, end: day };
    }
    const span: Span = {};
    let ok = true;
    for (const [key, open] of [['start', 'startopen'], ['end', 'endopen']] as const) {
      let raw = attr(el, key);
      if (raw === null && hasAttr(el, open)) {
        raw = attr(el, open);
        this.log.tally('open-bound', locate(el), (n) =>
          `startopen/endopen (open interval bounds) are read as inclusive bounds: Actorscope's days have no open ends (${n === 1 ? 'one element' : `${n} elements`})`);
      }
      if (raw === null) continue;
      const day = this.read(raw, el, key);
      if (day === null) ok = false;
      else span[key] = day;
    }
    if (!ok) return 'bad';
    if (span.start === undefined && span.end === undefined) return null;
    if (span.start !== undefined && span.end !== undefined && dateBounds(span.start)[0] > dateBounds(span.end)[1]) {
      this.log.error(locate(el), `<${el.localName}> starts (${span.start}) after it ends (${span.end})`);
      return 'bad';
    }
    return span;
  }

  /**
   * When a node or edge holds: its spells, else its own start/end, timestamp,
   * GEXF 1.3 `intervals="<[a, b]; [c, d]>"` or `timestamps="<[a, b]>"`. An
   * empty list: it holds always (or a time was wrong: logged).
   */
  spansOf(el: XmlElement, ns: string | null): LocatedSpan[] {
    const out: LocatedSpan[] = [];
    const lists = spellLists(el, ns);
    for (const list of lists) {
      for (const spell of [...children(list, ns, 'spell'), ...children(list, ns, 'slice')]) {
        const span = this.spanOf(spell);
        // A spell with neither end holds always: an open span.
        if (span !== 'bad') out.push({ ...(span ?? {}), el: spell });
      }
    }
    if (lists.length > 0) {
      if (['start', 'end', 'timestamp'].some((a) => hasAttr(el, a))) {
        this.log.tally('spells-and-own', locate(el), (n) => `<${el.localName}> gives both spells and its own start/end: the spells are read (${n === 1 ? 'one element' : `${n} elements`})`);
      }
      return out;
    }
    const own = this.spanOf(el);
    if (own !== null && own !== 'bad') return [{ ...own, el }];
    for (const [name, pairs] of [['intervals', true], ['timestamps', false]] as const) {
      const list = attr(el, name);
      if (list === null) continue;
      for (const item of listItems(list, pairs)) {
        const times = item.map((t, i) => this.read(t, el, `${name} ${i === 0 ? 'start' : 'end'}`));
        if (times.some((t) => t === null)) continue;
        const span: Span = { start: times[0]!, end: times[times.length - 1]! };
        if (dateBounds(span.start!)[0] > dateBounds(span.end!)[1]) {
          this.log.error(locate(el), `<${el.localName}> ${name}: an interval starts (${span.start}) after it ends (${span.end})`);
          continue;
        }
        out.push({ ...span, el });
      }
    }
    return out;
  }
}

/** `<[2001, 2003]; [2005, 2006]>` → [['2001', '2003'], …]; `<[2001, 2003]>` as timestamps → [['2001'], ['2003']]. */
function listItems(text: string, pairs: boolean): string[][] {
  const inner = text.trim().replace(/^</, '').replace(/>$/, '');
  if (pairs) {
    return inner.split(';').map((s) => s.trim().replace(/^[[(]/, '').replace(/[\])]$/, '').split(',').map((t) => t.trim()).slice(0, 2)).filter((p) => p.length === 2 && p[0] !== '');
  }
  return inner.replace(/^\[/, '').replace(/\]$/, '').split(/[,;]/).map((t) => t.trim()).filter((t) => t !== '').map((t) => [t]);
}

/** `<spells>`, and GEXF 1.1's `<slices>` (networkx writes them for version 1.1). */
const spellLists = (el: XmlElement, ns: string | null) => [...children(el, ns, 'spells'), ...children(el, ns, 'slices')];

/** Whether an element carries time of its own (start/end, open bounds, timestamps, intervals, spells). */
export function hasTime(el: XmlElement, ns: string | null): boolean {
  return ['start', 'end', 'startopen', 'endopen', 'timestamp', 'timestamps', 'intervals'].some((a) => hasAttr(el, a)) || spellLists(el, ns).length > 0;
}
