/**
 * The divider between the canvas and the side panel (a WAI-ARIA window
 * splitter): drag it, or focus it and use ←/→ (16 px; with Shift 80 px),
 * Home and End for the narrowest and widest panel. The value it announces is
 * the panel's width in pixels.
 */
import { useRef } from 'react';
import { SIDE_MIN } from './use-side-width';

interface SideDividerProps {
  width: number;
  max: number;
  onWidth: (width: number) => void;
}

export function SideDivider({ width, max, onWidth }: SideDividerProps) {
  const drag = useRef<{ x: number; width: number } | null>(null);
  return (
    <div
      className="side-divider"
      role="separator"
      aria-orientation="vertical"
      aria-label="Side panel width"
      aria-controls="side-panel"
      aria-valuemin={SIDE_MIN}
      aria-valuemax={max}
      aria-valuenow={width}
      aria-valuetext={`${width} pixels`}
      tabIndex={0}
      onPointerDown={(e) => {
        drag.current = { x: e.clientX, width };
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        // The panel is on the right: dragging left widens it.
        if (drag.current) onWidth(drag.current.width + drag.current.x - e.clientX);
      }}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
      onKeyDown={(e) => {
        const step = e.shiftKey ? 80 : 16;
        const next =
          e.key === 'ArrowLeft' ? width + step : e.key === 'ArrowRight' ? width - step : e.key === 'Home' ? SIDE_MIN : e.key === 'End' ? max : null;
        if (next !== null) {
          e.preventDefault();
          onWidth(next);
        }
      }}
    />
  );
}
