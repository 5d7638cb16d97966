/**
 * The time bar below the canvas: a histogram of the dated claims per year, a
 * window to drag and resize (or "as of" a single year), Play year by year at
 * a chosen speed, "dated claims only", and back to all time. Everything else
 * follows the window it sets (the canvas, the table, every analysis, the
 * briefing, the URL). It says, always, what the window leaves out and that
 * undated claims hold in every window.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { describeWindowReport, type TimeWindow, type WindowReport } from '../../graph';
import { moveWindow, playStep, resizeWindow, windowOf, yearAt, yearsOf, type YearSpan, type YearWindow } from './time-scale';

export interface TimeBarProps {
  /** Dated claims per year (claimsPerYear of the whole dataset). */
  perYear: ReadonlyMap<number, number>;
  span: YearSpan;
  window: TimeWindow | null;
  onWindow: (window: TimeWindow | null) => void;
  /** What the current window left out; null for all time. */
  report: WindowReport | null;
  /** The dataset's relations and its undated claims (for all time). */
  relations: number;
  undated: number;
}

const SPEEDS = [
  { ms: 2000, label: '2 s a year' },
  { ms: 1000, label: '1 s a year' },
  { ms: 500, label: '½ s a year' },
];

type Drag = { mode: 'move' | 'from' | 'to'; startYear: number; start: YearWindow } | null;

export function TimeBar({ perYear, span, window, onWindow, report, relations, undated }: TimeBarProps) {
  const years = yearsOf(window, span);
  const datedOnly = window?.datedOnly ?? false;
  const asOf = window !== null && years.from === years.to;
  const track = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag>(null);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1000);

  // A drag reports every pointer move: only a change of year is a new window.
  const sent = useRef<string | null>(null);
  const set = (next: YearWindow) => {
    const key = `${next.from}..${next.to}`;
    if (sent.current === key && window?.from === String(next.from) && window?.to === String(next.to)) return;
    sent.current = key;
    onWindow(windowOf(next, datedOnly));
  };

  // Play: one year on per tick, the window's width kept; it stops at the end of the span.
  const latest = useRef({ years, window });
  latest.current = { years, window };
  useEffect(() => {
    if (!playing) return;
    const timer = setTimeout(() => {
      const next = playStep(latest.current.years, span);
      if (!next) setPlaying(false);
      else onWindow(windowOf(next, latest.current.window?.datedOnly ?? false));
    }, speed);
    return () => clearTimeout(timer);
  }, [playing, speed, window, span, onWindow]);

  const play = () => {
    if (playing) return setPlaying(false);
    // From the start when there is nothing left to play (or no window yet: year by year from the first).
    if (!window || years.to >= span.last) {
      const width = window ? years.to - years.from : 0;
      onWindow(windowOf({ from: span.first, to: span.first + width }, datedOnly));
    }
    setPlaying(true);
  };

  const yearOf = (e: PointerEvent) => {
    const box = track.current!.getBoundingClientRect();
    return yearAt(e.clientX - box.left, box.width, span);
  };
  const down = (mode: 'move' | 'from' | 'to' | 'new') => (e: PointerEvent) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    (e.currentTarget as Element).setPointerCapture(e.pointerId);
    setPlaying(false);
    const year = yearOf(e);
    if (mode === 'new') {
      // A press on the histogram outside the window starts a window there; dragging stretches it.
      const start = { from: year, to: year };
      set(start);
      drag.current = { mode: 'to', startYear: year, start };
      return;
    }
    drag.current = { mode, startYear: year, start: window ? years : { from: span.first, to: span.last } };
  };
  const move = (e: PointerEvent) => {
    const d = drag.current;
    if (!d) return;
    const year = yearOf(e);
    if (d.mode === 'move') set(moveWindow(d.start, year - d.startYear, span));
    else if (d.mode === 'to' && year < d.start.from) set({ from: year, to: d.start.from });
    else set(resizeWindow(d.start, d.mode, year, span));
  };
  const up = () => {
    drag.current = null;
  };

  // Keys: arrows a year, Page Up/Down five, Home/End the span's ends; on the window itself they move it whole.
  const keys = (mode: 'move' | 'from' | 'to') => (e: KeyboardEvent) => {
    const step = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -5, PageUp: 5 }[e.key];
    const current = window ? years : { from: span.first, to: span.last };
    let next: YearWindow | null = null;
    if (step !== undefined) next = mode === 'move' ? moveWindow(current, step, span) : resizeWindow(current, mode, current[mode] + step, span);
    else if (e.key === 'Home') next = mode === 'move' ? moveWindow(current, span.first - current.from, span) : resizeWindow(current, mode, span.first, span);
    else if (e.key === 'End') next = mode === 'move' ? moveWindow(current, span.last - current.to, span) : resizeWindow(current, mode, span.last, span);
    if (!next) return;
    e.preventDefault();
    setPlaying(false);
    set(next);
  };

  const n = span.last - span.first + 1;
  const max = Math.max(1, ...perYear.values());
  const left = ((years.from - span.first) / n) * 100;
  const width = ((years.to - years.from + 1) / n) * 100;
  const label = window ? (asOf ? `as of ${years.from}` : `${years.from}–${years.to}`) : `all time (${span.first}–${span.last})`;
  const summary = report
    ? describeWindowReport(report, relations)
    : `All time: every relation counts${undated ? `; ${undated} undated claims among them` : ''}`;
  const ticks = tickYears(span);

  return (
    <section className="time-bar" aria-label="Time window">
      <div className="time-controls">
        <button type="button" className="time-play" aria-pressed={playing} onClick={play}>
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <label>
          <span className="sr-only">Speed</span>
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} aria-label="Play speed">
            {SPEEDS.map((s) => (
              <option key={s.ms} value={s.ms}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={asOf}
            onChange={(e) => {
              setPlaying(false);
              onWindow(windowOf(e.target.checked ? { from: years.to, to: years.to } : { from: Math.max(span.first, years.to - 4), to: years.to }, datedOnly));
            }}
          />{' '}
          As of one year
        </label>
        <label>
          <input
            type="checkbox"
            checked={datedOnly}
            onChange={(e) => onWindow(window ? { ...windowOf(years, e.target.checked) } : e.target.checked ? { datedOnly: true } : null)}
          />{' '}
          Dated claims only
        </label>
        <button
          type="button"
          disabled={!window}
          onClick={() => {
            setPlaying(false);
            onWindow(null);
          }}
        >
          All time
        </button>
        <strong className="time-label" data-testid="time-label">
          {label}
        </strong>
      </div>
      {/* Captured pointer events bubble here from the window and its handles: one place follows the drag. */}
      <div className="time-track" ref={track} onPointerDown={down('new')} onPointerMove={move} onPointerUp={up} onPointerCancel={up}>
        <div className="time-bars" aria-hidden="true">
          {Array.from({ length: n }, (_, i) => {
            const year = span.first + i;
            const count = perYear.get(year) ?? 0;
            const inside = year >= years.from && year <= years.to;
            return (
              <span key={year} className={`time-col${window && inside ? ' in-window' : ''}`} title={`${year}: ${count} dated claim${count === 1 ? '' : 's'}`}>
                <span className="time-col-bar" style={{ height: `${(count / max) * 100}%` }} />
              </span>
            );
          })}
        </div>
        <div
          className={`time-window${window ? '' : ' all-time'}`}
          style={{ left: `${left}%`, width: `${width}%` }}
          role="slider"
          tabIndex={0}
          aria-label="Time window (moves the whole window)"
          aria-valuemin={span.first}
          aria-valuemax={span.last}
          aria-valuenow={years.from}
          aria-valuetext={label}
          onPointerDown={down('move')}
          onKeyDown={keys('move')}
          data-testid="time-window"
        />
        {(['from', 'to'] as const).map((end) =>
          asOf && end === 'to' ? null : (
            <div
              key={end}
              className={`time-handle ${end}`}
              style={{ left: `${end === 'from' ? left : left + width}%` }}
              role="slider"
              tabIndex={0}
              aria-label={asOf ? 'As of year' : end === 'from' ? 'Window starts' : 'Window ends'}
              aria-valuemin={span.first}
              aria-valuemax={span.last}
              aria-valuenow={years[end]}
              onPointerDown={down(asOf ? 'move' : end)}
              onKeyDown={keys(asOf ? 'move' : end)}
              data-testid={`time-handle-${end}`}
            />
          ),
        )}
      </div>
      <div className="time-axis" aria-hidden="true">
        {ticks.map((y) => (
          <span key={y} style={{ left: `${((y - span.first + 0.5) / n) * 100}%` }}>
            {y}
          </span>
        ))}
      </div>
      <p className="time-summary" role="status">
        {summary}
      </p>
    </section>
  );
}

/** Year labels: the first and the last, and every 5th (or 10th on a long span) between, none crowding an end. */
function tickYears(span: YearSpan): number[] {
  const n = span.last - span.first + 1;
  const every = n > 60 ? 10 : n > 12 ? 5 : 1;
  const ticks = [span.first];
  for (let y = Math.ceil((span.first + 1) / every) * every; y < span.last; y += every) if (y - span.first >= every / 2 && span.last - y >= every / 2) ticks.push(y);
  ticks.push(span.last);
  return ticks;
}
