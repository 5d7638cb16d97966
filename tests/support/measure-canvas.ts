/**
 * Measures the explorer on a large generated graph in headless Chromium, one
 * configuration of the large-graph knobs (src/canvas/scale.ts) after another
 * in the same run: time to the drawn graph, the app's phase marks, the
 * longest long task while loading, and frame times while zooming.
 *
 *   npm run build && npx tsx tests/support/measure-canvas.ts [actors=10000] [relations=50000] [config …]
 *
 * Configurations: `all` (the defaults), `none` (every knob off but the worker
 * layout, which fCoSE would otherwise replace by minutes on the UI thread),
 * `-knob` (the defaults less one knob), e.g. `-haystack`, and `+knob` (one
 * knob that is off by default turned on), e.g. `+webgl`. Metrics are
 * cancelled before zooming, so every configuration zooms on an idle machine.
 */
import { mkdtempSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ScaleKnobs } from '../../src/canvas/scale';
import { launchBrowser } from '../e2e/browser';
import { bigDatasetJson } from './big-dataset';
import { appMarks, installLongTaskProbe, longTasks, longest, zoomFrameTimes } from './page-probes';
import { serveFolder } from './static-server';

const args = process.argv.slice(2);
const numbers = args.filter((a) => /^\d+$/.test(a)).map(Number);
const [actors = 10_000, relations = 50_000] = numbers;
const configs = args.filter((a) => !/^\d+$/.test(a));
if (!configs.length) configs.push('none', 'all', '-haystack', '-labelLevelOfDetail', '-hideEdgesOnViewport', '-textureOnViewport', '-sliced', '+webgl');

const NONE: Partial<ScaleKnobs> = { haystack: false, labelLevelOfDetail: false, hideEdgesOnViewport: false, textureOnViewport: false, sliced: false, lightHover: false };
function knobsOf(config: string): Partial<ScaleKnobs> | undefined {
  if (config === 'all') return undefined;
  if (config === 'none') return NONE;
  const name = config.slice(1) as keyof ScaleKnobs;
  if (config.startsWith('-')) return { [name]: false };
  if (config.startsWith('+')) return { [name]: true };
  throw new Error(`unknown configuration ${config}`);
}

const dir = mkdtempSync(join(tmpdir(), 'actorscope-measure-'));
cpSync(resolve('dist'), dir, { recursive: true });
writeFileSync(join(dir, 'big.json'), bigDatasetJson({ actors, relations, seed: 1 }));
const server = await serveFolder(dir);
const browser = await launchBrowser();
const rows: Record<string, unknown>[] = [];
try {
  for (const config of configs) {
    const page = await browser.newPage({ viewport: { width: 1500, height: 920 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await installLongTaskProbe(page);
    const knobs = knobsOf(config);
    if (knobs) await page.addInitScript((k) => (window.__actorscopeKnobs = k), knobs);
    const started = Date.now();
    await page.goto(`${server.url}?data=${encodeURIComponent(`${server.url}big.json`)}`);
    await page.getByRole('region', { name: 'Actor graph' }).and(page.locator('[aria-busy="false"]')).waitFor({ timeout: 600_000 });
    const drawnAfter = Date.now() - started;
    const marks = await appMarks(page);
    const load = await longTasks(page, 0, (marks.drawn ?? Infinity) + 1);
    // Metrics start once the graph is drawn; stop them, so that zooming has the machine to itself in every configuration.
    await page.locator('.metrics-controls .status').getByRole('button', { name: 'Cancel' }).click({ timeout: 60_000 });
    await page.waitForTimeout(1000);
    const zoom = await zoomFrameTimes(page);
    const row = {
      config,
      drawnS: +(drawnAfter / 1000).toFixed(1),
      // Page phases: the canvas starts after fetch + import; the worker lays out; elements go in; fit; first paint.
      canvasStartS: +((marks['canvas-start'] ?? 0) / 1000).toFixed(1),
      layoutWorkerMs: Math.round((marks['layout-result'] ?? 0) - (marks['layout-start'] ?? 0)),
      addMs: Math.round((marks['elements-added'] ?? 0) - (marks['layout-result'] ?? 0)),
      fitMs: Math.round((marks['layout-applied'] ?? 0) - (marks['elements-added'] ?? 0)),
      paintMs: Math.round((marks.drawn ?? 0) - (marks['layout-applied'] ?? 0)),
      longestLoadTaskMs: Math.round(longest(load)),
      zoomFrames: zoom.frames,
      zoomMeanMs: Math.round(zoom.mean),
      zoomP95Ms: Math.round(zoom.p95),
      zoomMaxMs: Math.round(zoom.max),
      errors: errors.length,
      firstError: errors[0]?.slice(0, 120),
    };
    rows.push(row);
    console.log(JSON.stringify(row));
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
console.table(rows);
