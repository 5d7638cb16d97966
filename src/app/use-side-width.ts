/**
 * The side panel's width, in pixels, chosen by dragging or with the keys of
 * its divider, and remembered in this browser (localStorage). Kept between
 * bounds that leave the canvas room: at most the window minus the legend and
 * 320 px of canvas.
 */
import { useCallback, useEffect, useState } from 'react';
import { readRemembered, remember } from './remembered';

const KEY = 'actorscope:side-width';
export const SIDE_MIN = 340;
const LEGEND = 200;
const CANVAS_MIN = 320;

export const sideMax = (windowWidth: number) => Math.max(SIDE_MIN, windowWidth - LEGEND - CANVAS_MIN);

/** The default: 36 % of the window, as before the divider, at least SIDE_MIN. */
const initialWidth = (windowWidth: number) => Math.round(Math.max(SIDE_MIN, windowWidth * 0.36));

export function clampSide(width: number, windowWidth: number): number {
  return Math.round(Math.min(sideMax(windowWidth), Math.max(SIDE_MIN, width)));
}

function remembered(): number | null {
  const n = Number(readRemembered(KEY));
  return Number.isFinite(n) && n > 0 ? n : null;
}

export function useSideWidth(): { width: number; max: number; setWidth: (w: number) => void } {
  const [windowWidth, setWindowWidth] = useState(() => window.innerWidth);
  const [chosen, setChosen] = useState<number | null>(remembered);
  useEffect(() => {
    const onResize = () => setWindowWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  const setWidth = useCallback(
    (w: number) => {
      const next = clampSide(w, windowWidth);
      setChosen(next);
      remember(KEY, String(next));
    },
    [windowWidth],
  );
  return { width: clampSide(chosen ?? initialWidth(windowWidth), windowWidth), max: sideMax(windowWidth), setWidth };
}
