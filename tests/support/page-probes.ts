/**
 * Probes run inside the page for scale tests and measurements: long tasks
 * (a PerformanceObserver installed before the app loads), the app's own
 * performance marks, a requestAnimationFrame heartbeat, and frame times
 * while zooming with the mouse wheel.
 */
import type { Page } from 'playwright-core';

export interface LongTask {
  start: number;
  duration: number;
}

declare global {
  interface Window {
    __longTasks?: LongTask[];
    __heartbeat?: { ticks: number; maxGap: number; last: number; running: boolean };
  }
}

/**
 * Installs the long-task observer; call before page.goto(). Also defines the
 * `__name` helper that esbuild (tsx, vitest) puts into functions it compiles,
 * so functions passed to page.evaluate() run in the page.
 */
export async function installLongTaskProbe(page: Page): Promise<void> {
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  await page.addInitScript(() => {
    window.__longTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks!.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // no long-task support: the list stays empty
    }
  });
}

/** Long tasks that started in [from, to) (page time, ms). */
export function longTasks(page: Page, from = 0, to = Infinity): Promise<LongTask[]> {
  return page.evaluate(([a, b]) => (window.__longTasks ?? []).filter((t) => t.start >= a && t.start < b), [from, to] as const);
}

export const longest = (tasks: readonly LongTask[]): number => tasks.reduce((m, t) => Math.max(m, t.duration), 0);

/** The app's performance marks (`actorscope:*`), by name, in page time (ms). */
export function appMarks(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('actorscope:')).map((m) => [m.name.slice('actorscope:'.length), m.startTime])),
  );
}

export const pageNow = (page: Page): Promise<number> => page.evaluate(() => performance.now());

/** Starts a requestAnimationFrame loop that counts frames and the longest gap between them. */
export function startHeartbeat(page: Page): Promise<void> {
  return page.evaluate(() => {
    const hb = { ticks: 0, maxGap: 0, last: performance.now(), running: true };
    window.__heartbeat = hb;
    const tick = (t: number) => {
      if (!hb.running) return;
      hb.maxGap = Math.max(hb.maxGap, t - hb.last);
      hb.last = t;
      hb.ticks++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

export function readHeartbeat(page: Page): Promise<{ ticks: number; maxGap: number }> {
  return page.evaluate(() => ({ ticks: window.__heartbeat?.ticks ?? 0, maxGap: window.__heartbeat?.maxGap ?? 0 }));
}

export function stopHeartbeat(page: Page): Promise<void> {
  return page.evaluate(() => {
    if (window.__heartbeat) window.__heartbeat.running = false;
  });
}

export interface FrameStats {
  frames: number;
  mean: number;
  p95: number;
  max: number;
}

/**
 * Zooms in and out with the mouse wheel over the graph (steps in, then as
 * many out) and returns the frame intervals measured with
 * requestAnimationFrame meanwhile, then once Cytoscape has settled.
 */
export async function zoomFrameTimes(page: Page, steps = 12): Promise<FrameStats> {
  const box = await page.getByRole('region', { name: 'Actor graph' }).boundingBox();
  if (!box) throw new Error('no graph region');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __framesOn: boolean };
    w.__frames = [];
    w.__framesOn = true;
    let last = performance.now();
    const tick = (t: number) => {
      if (!w.__framesOn) return;
      w.__frames.push(t - last);
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(40);
  }
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(40);
  }
  await page.waitForTimeout(400);
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __framesOn: boolean };
    w.__framesOn = false;
    return w.__frames.slice(1);
  });
  const sorted = [...frames].sort((a, b) => a - b);
  return {
    frames: frames.length,
    mean: frames.reduce((s, x) => s + x, 0) / Math.max(1, frames.length),
    p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
    max: sorted.at(-1) ?? 0,
  };
}

/**
 * Elements whose content is cut off with no way to see it: clipped by their
 * own overflow (hidden or clip, not a one-line name cut with an ellipsis and
 * its whole text in a title), or lying past the right edge of the window.
 * Scrolling containers are fine: what they hold can be reached.
 */
export function cutOff(page: Page, root: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const out: string[] = [];
    const fieldName = (el: Element) =>
      el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? ` [${el.labels?.[0]?.textContent?.trim() ?? el.getAttribute('aria-label') ?? el.name}] “${el.value.slice(0, 40)}”` : '';
    const describe = (el: Element) => `${fieldName(el)}${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} “${(el.textContent ?? '').trim().slice(0, 40)}”`;
    for (const top of document.querySelectorAll(selector)) {
      for (const el of [top, ...top.querySelectorAll('*')]) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden') continue;
        const clipsX = style.overflowX === 'hidden' || style.overflowX === 'clip';
        const clipsY = style.overflowY === 'hidden' || style.overflowY === 'clip';
        const named = style.textOverflow === 'ellipsis' && (el.getAttribute('title') || el.closest('[title]'));
        if (clipsX && !named && el.scrollWidth > el.clientWidth + 1) out.push(`${describe(el)}: ${el.scrollWidth - el.clientWidth}px cut on the right`);
        if (clipsY && el.scrollHeight > el.clientHeight + 1) out.push(`${describe(el)}: ${el.scrollHeight - el.clientHeight}px cut at the bottom`);
        const scrolledTo = (e: Element | null): boolean => {
          for (let a = e?.parentElement; a; a = a.parentElement) if (/auto|scroll/.test(getComputedStyle(a).overflowX)) return true;
          return false;
        };
        if (box.right > window.innerWidth + 1 && el.children.length === 0 && !scrolledTo(el)) out.push(`${describe(el)}: past the window's right edge by ${Math.round(box.right - window.innerWidth)}px`);
      }
    }
    return out;
  }, root);
}
