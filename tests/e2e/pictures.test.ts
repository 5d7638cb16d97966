/**
 * The exported PNG and SVG as their readers meet them (issue 11 §5): datasets
 * with a long title, an unknown kind with a 120-letter name and a
 * right-to-left title, opened with `?data=`, exported from the Export dialog.
 * The SVG parsed by @xmldom/xmldom and laid out by Chromium (every line inside
 * the legend, the right-to-left title set right to left); the PNG decoded in
 * the page and its pixels read where each kind's shape is; the outlines
 * compared with the running Cytoscape's own node shapes.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { KIND_STYLES, kindStyle, shapeOutline, type Dataset, type NodeShape, type ShapeOutline } from '../../graph';
import { serveFolder, type StaticServer } from '../support/static-server';
import { launchBrowser, openApp } from './browser';

const LEGEND_WIDTH = 230;
const SCALE = 2;
const LONG_KIND = `unknownkind${'x'.repeat(109)}`;
const LONG_TITLE = Array.from({ length: 40 }, (_, i) => `Tajikistan’s partners and threats, part ${i + 1}:`).join(' ');
const RTL_TITLE = 'طالبان و تاجیکستان';
/** 3,000 words: some 1,200 lines, a legend taller than any canvas a browser draws (32,767 px at 2 px a point). */
const HUGE_TITLE = Array.from({ length: 3000 }, (_, i) => `Tajikistan${i}`).join(' ');
const SOURCE = { title: 'A source of record', publisher: 'Example Publisher', date: '2023-04', url: 'https://example.org/report' };

function dataset(title: string, kinds: string[]): Dataset {
  const actors = kinds.map((kind, i) => ({ id: `a${i}`, name: `Actor ${i}`, aliases: [], kind }));
  const relations = actors.slice(1).map((a, i) => ({ id: `r${i}`, source: 'a0', target: a.id, type: i % 2 === 0 ? 'partner' : 'threat', claims: [] }));
  return { format: 'actorscope', version: 1, meta: { title, sources: [SOURCE] }, actors, relations } as unknown as Dataset;
}

const KINDS = [...Object.keys(KIND_STYLES), LONG_KIND];
let browser: Browser;
let server: StaticServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'actorscope-pictures-'));
  writeFileSync(join(dir, 'long.json'), JSON.stringify(dataset(LONG_TITLE, KINDS)));
  writeFileSync(join(dir, 'rtl.json'), JSON.stringify(dataset(RTL_TITLE, ['state', 'armed-group'])));
  writeFileSync(join(dir, 'huge.json'), JSON.stringify(dataset(HUGE_TITLE, ['state', 'armed-group'])));
  server = await serveFolder(dir);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(file?: string): Promise<{ page: Page; errors: string[] }> {
  const url = file ? `${inject('baseUrl')}?data=${encodeURIComponent(`${server.url}${file}`)}` : inject('baseUrl');
  return openApp(browser, url);
}

/** Clicks an Export button and reads the downloaded file. */
async function exported(page: Page, button: 'PNG (with legend)' | 'SVG (with legend)'): Promise<{ name: string; bytes: Buffer }> {
  const menu = page.getByRole('dialog', { name: 'Export' });
  if (!(await menu.isVisible())) await page.getByRole('button', { name: 'Export ▾' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), menu.getByRole('button', { name: button }).click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

function parseSvg(text: string) {
  const problems: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => void problems.push(`${level}: ${message}`) }).parseFromString(text, 'image/svg+xml');
  expect(problems).toEqual([]);
  const legend = [...doc.getElementsByTagName('g')].find((g) => g.getAttribute('class') === 'legend')!;
  expect(legend).toBeDefined();
  const texts = (role: string) => [...legend.getElementsByTagName('text')].filter((t) => t.getAttribute('class') === `legend-${role}`);
  const spans = (t: XmlElement) => [...t.getElementsByTagName('tspan')].map((s) => s.textContent ?? '');
  return { legend, texts, spans };
}

/** The page's own view of the SVG: put inline, each legend line's box in legend coordinates. */
function chromiumLines(page: Page, svg: string) {
  return page.evaluate((text) => {
    const doc = new window.DOMParser().parseFromString(text, 'image/svg+xml');
    const root = document.importNode(doc.documentElement!, true) as unknown as SVGSVGElement;
    document.body.append(root);
    const legend = root.querySelector('g.legend')!;
    const offset = legend.getBoundingClientRect().left;
    const lines = [...legend.querySelectorAll('tspan')].map((s) => {
      const box = s.getBoundingClientRect();
      const t = s as SVGTSpanElement;
      const n = t.getNumberOfChars();
      return { text: s.textContent, role: s.parentElement!.getAttribute('class'), left: box.left - offset, right: box.right - offset, first: n ? t.getStartPositionOfChar(0).x : 0, last: n ? t.getStartPositionOfChar(n - 1).x : 0 };
    });
    root.remove();
    return lines;
  }, svg);
}

/** RGB of the PNG's pixels at device-pixel points, decoded by the browser. */
function pngPixels(page: Page, png: Buffer, points: Array<[number, number]>) {
  return page.evaluate(
    async ({ base64, points }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(image.width, image.height);
      const g = canvas.getContext('2d')!;
      g.drawImage(image, 0, 0);
      const data = g.getImageData(0, 0, image.width, image.height).data;
      const at = ([x, y]: [number, number]) => [...data.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 3)];
      return { width: image.width, height: image.height, pixels: points.map(at) };
    },
    { base64: png.toString('base64'), points },
  );
}

/** Inside by more than `margin`, outside by more than `margin`, or too near the outline to say. */
function where(o: ShapeOutline, x: number, y: number, margin = 1.5): 'in' | 'out' | 'edge' {
  let inside: boolean;
  let distance: number;
  if (o.kind === 'ellipse') {
    const d = Math.hypot(x - o.cx, y - o.cy) - o.rx;
    inside = d < 0;
    distance = Math.abs(d);
  } else {
    const pts = o.kind === 'polygon' ? o.points : [[o.x, o.y], [o.x + o.width, o.y], [o.x + o.width, o.y + o.height], [o.x, o.y + o.height]] as const;
    inside = false;
    distance = Infinity;
    pts.forEach(([x1, y1], i) => {
      const [x2, y2] = pts[(i + 1) % pts.length]!;
      if (y1 > y !== y2 > y && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) inside = !inside;
      const t = Math.max(0, Math.min(1, ((x - x1) * (x2 - x1) + (y - y1) * (y2 - y1)) / ((x2 - x1) ** 2 + (y2 - y1) ** 2)));
      distance = Math.min(distance, Math.hypot(x - (x1 + t * (x2 - x1)), y - (y1 + t * (y2 - y1))));
    });
    // A round rectangle's corners are neither: leave them out.
    if (o.kind === 'round-rectangle') {
      const nearCorner = [o.x, o.x + o.width].some((cx) => Math.abs(x - cx) < o.radius + margin) && [o.y, o.y + o.height].some((cy) => Math.abs(y - cy) < o.radius + margin);
      if (nearCorner) return 'edge';
    }
  }
  if (distance <= margin) return 'edge';
  return inside ? 'in' : 'out';
}

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]!) <= 6);

/** The outline a kind's legend symbol has in the SVG, read back from its element. */
function outlineOf(g: XmlElement): ShapeOutline {
  const shape = g.getElementsByTagName('*')[0]!;
  const n = (name: string) => Number(shape.getAttribute(name));
  if (shape.tagName === 'ellipse') return { kind: 'ellipse', cx: n('cx'), cy: n('cy'), rx: n('rx'), ry: n('ry') };
  if (shape.tagName === 'rect') return { kind: 'round-rectangle', x: n('x'), y: n('y'), width: n('width'), height: n('height'), radius: n('rx') };
  const points = shape.getAttribute('points')!.split(' ').map((p) => p.split(',').map(Number) as [number, number]);
  return { kind: 'polygon', points };
}

describe('exported pictures', () => {
  it('draw the legend’s kinds in their shapes, the long title whole, and a caption with the source and the day', async () => {
    const { page, errors } = await open('long.json');
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    const svg = await exported(page, 'SVG (with legend)');
    // The file name from the title, cut at a dash within 80 characters.
    expect(svg.name).toBe('tajikistans-partners-and-threats-part-1-tajikistans-partners-and-threats-part-2.svg');
    const svgText = svg.bytes.toString('utf8');
    const { legend, texts, spans } = parseSvg(svgText);

    // One shape per kind in view, each its kind's: the state a circle, the armed group a 3-point polygon, …
    const symbols = [...legend.getElementsByTagName('g')].filter((g) => g.hasAttribute('data-kind'));
    expect(symbols.map((g) => g.getAttribute('data-kind'))).toEqual(KINDS.map((k) => kindStyle(k).label));
    const shapeOf = (label: string) => {
      const el = symbols.find((g) => g.getAttribute('data-kind') === label)!.getElementsByTagName('*')[0]!;
      return `${el.tagName}${el.tagName === 'polygon' ? `/${el.getAttribute('points')!.split(' ').length}` : el.tagName === 'rect' ? `/rx=${el.getAttribute('rx')}` : ''}`;
    };
    expect(Object.fromEntries(KINDS.map((k) => [kindStyle(k).label, shapeOf(kindStyle(k).label)]))).toEqual({
      State: 'ellipse',
      'Armed group': 'polygon/3',
      'Political group': 'polygon/5',
      Bloc: 'polygon/6',
      Region: 'polygon/4',
      Person: 'rect/rx=3',
      Organization: 'polygon/4',
      [LONG_KIND]: 'polygon/8',
    });
    expect(new Set(symbols.map((g) => g.getElementsByTagName('*')[0]!.toString())).size).toBe(KINDS.length);

    // The title in full across its lines, the 120-letter kind broken into pieces, the caption there with the day.
    const [title] = texts('title');
    expect(spans(title!).length).toBeGreaterThan(10);
    expect(spans(title!).join(' ')).toBe(LONG_TITLE);
    const longLabel = texts('label').find((t) => spans(t)[0]!.startsWith('unknownkind'))!;
    expect(spans(longLabel).length).toBeGreaterThan(2);
    expect(spans(longLabel).join('')).toBe(LONG_KIND);
    const caption = spans(texts('caption')[0]!).join(' ');
    expect(caption).toBe(`Source: A source of record, Example Publisher, 2023-04, https://example.org/report. Picture made ${today} with Actorscope.`);

    // Laid out by Chromium, every line stays inside the legend column.
    const lines = await chromiumLines(page, svgText);
    expect(lines.length).toBeGreaterThan(30);
    for (const l of lines) {
      expect(l.left, l.text!).toBeGreaterThanOrEqual(11);
      expect(l.right, l.text!).toBeLessThanOrEqual(LEGEND_WIDTH - 11);
    }
    const size = await page.evaluate(async (text) => {
      const img = new Image();
      img.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    }, svgText);
    expect(size[0]).toBeGreaterThan(LEGEND_WIDTH);

    // The PNG: the legend is taller than the graph, so the picture grew to hold it.
    const png = await exported(page, 'PNG (with legend)');
    expect(png.name).toMatch(/^tajikistans-partners-.*\.png$/);
    writeFileSync('/tmp/actorscope-pictures-long.png', png.bytes);
    const graphHeight = await page.evaluate(() => window.__actorscope!.cy.container()!.clientHeight);
    const svgHeight = Number(svgText.match(/<svg [^>]*height="(\d+(?:\.\d+)?)"/)![1]);
    // Each kind's symbol read in the PNG on a grid over its box: its fill colour well inside its outline, the legend's grey well outside.
    const samples: Array<{ kind: string; expect: 'in' | 'out'; at: [number, number] }> = [];
    const width = (await pngPixels(page, png.bytes, [])).width;
    const legendX = width - LEGEND_WIDTH * SCALE;
    for (const g of symbols) {
      const outline = outlineOf(g);
      const [cx, cy] = outline.kind === 'ellipse' ? [outline.cx, outline.cy] : outline.kind === 'round-rectangle' ? [outline.x + 6, outline.y + 6] : [26, outline.points.reduce((s, p) => s + p[1], 0) / outline.points.length];
      for (let dx = -7; dx <= 7; dx += 0.5)
        for (let dy = -7; dy <= 7; dy += 0.5) {
          const x = cx + dx;
          const y = Math.round(cy) + dy;
          const w = where(outline, x + 0.25, y + 0.25);
          if (w !== 'edge') samples.push({ kind: g.getAttribute('data-kind')!, expect: w, at: [legendX + Math.round(x * SCALE), Math.round(y * SCALE)] });
        }
    }
    const read = await pngPixels(page, png.bytes, samples.map((s) => s.at));
    expect(read.height).toBe(Math.max(graphHeight * SCALE, svgHeight * SCALE));
    expect(read.height).toBeGreaterThan(graphHeight * SCALE + 100);
    const wrong = samples.filter((s, i) => !near(read.pixels[i]!, s.expect === 'in' ? rgb(kindStyle(KINDS[KINDS.map((k) => kindStyle(k).label).indexOf(s.kind)]!).color) : rgb('#f8f9fa')));
    expect(samples.filter((s) => s.expect === 'in').length).toBeGreaterThan(KINDS.length * 100);
    expect(wrong.map((s) => `${s.kind} ${s.expect} at ${s.at}`)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sets a right-to-left title right to left against the right margin, uncut, in both pictures', async () => {
    const { page, errors } = await open('rtl.json');
    const svg = await exported(page, 'SVG (with legend)');
    expect(svg.name).toBe('طالبان-و-تاجیکستان.svg');
    const svgText = svg.bytes.toString('utf8');
    const { texts, spans } = parseSvg(svgText);
    const [title] = texts('title');
    expect(title!.getAttribute('direction')).toBe('rtl');
    expect(spans(title!)).toEqual([RTL_TITLE]);
    const line = (await chromiumLines(page, svgText)).find((l) => l.role === 'legend-title')!;
    // Against the right margin (218), and the first letter in logical order is the rightmost.
    expect(line.right).toBeGreaterThan(LEGEND_WIDTH - 12 - 2);
    expect(line.right).toBeLessThanOrEqual(LEGEND_WIDTH - 12 + 1);
    expect(line.left).toBeGreaterThan(12 + 20);
    expect(line.first).toBeGreaterThan(line.last);

    // The PNG: the title's ink in its band ends at the right margin and starts well inside.
    const png = await exported(page, 'PNG (with legend)');
    writeFileSync('/tmp/actorscope-pictures-rtl.png', png.bytes);
    const { width } = await pngPixels(page, png.bytes, []);
    const legendX = width - LEGEND_WIDTH * SCALE;
    const band: Array<[number, number]> = [];
    for (let x = 0; x < LEGEND_WIDTH * SCALE; x++) for (let y = 10 * SCALE; y < 26 * SCALE; y += 2) band.push([legendX + x, y]);
    const { pixels } = await pngPixels(page, png.bytes, band);
    const inked = band.filter((_, i) => !near(pixels[i]!, rgb('#f8f9fa'))).map(([x]) => (x - legendX) / SCALE);
    expect(Math.max(...inked)).toBeGreaterThan(LEGEND_WIDTH - 12 - 3);
    expect(Math.max(...inked)).toBeLessThanOrEqual(LEGEND_WIDTH - 12 + 1);
    expect(Math.min(...inked)).toBeGreaterThan(12 + 20);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the embedded dataset’s picture the graph’s size, its legend beside it with the source named', async () => {
    const { page, errors } = await open();
    const png = await exported(page, 'PNG (with legend)');
    expect(png.name).toBe('tajikistans-security-partners-and-threats-2023.png');
    writeFileSync('/tmp/actorscope-pictures-tajikistan.png', png.bytes);
    const graphHeight = await page.evaluate(() => window.__actorscope!.cy.container()!.clientHeight);
    expect((await pngPixels(page, png.bytes, [])).height).toBe(graphHeight * SCALE);
    const { texts, spans } = parseSvg((await exported(page, 'SVG (with legend)')).bytes.toString('utf8'));
    expect(spans(texts('title')[0]!).join(' ')).toBe('Tajikistan’s security partners and threats (2023)');
    expect(spans(texts('caption')[0]!).join(' ')).toMatch(/^Source: Tajikistan Provides Security With the Help of Russia and China, Asia News \(Asials\), 2023\. Picture made \d{4}-\d\d-\d\d with Actorscope\.$/);
    // The panel's legend draws the kinds from the same outlines: the armed group's icon is the triangle the pictures draw.
    const icon = await page.getByRole('button', { name: /^Armed group/ }).locator('svg polygon').getAttribute('points');
    const triangle = shapeOutline('triangle', 7, 7, 12);
    expect(icon).toBe(triangle.kind === 'polygon' ? triangle.points.map(([x, y]) => `${x},${y}`).join(' ') : '');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says so when a title is too long for any PNG, and the SVG still holds it whole', async () => {
    const { page, errors } = await open('huge.json');
    await page.getByRole('button', { name: 'Export ▾' }).click();
    const menu = page.getByRole('dialog', { name: 'Export' });
    await menu.getByRole('button', { name: 'PNG (with legend)' }).click();
    await expect(menu.getByRole('status').filter({ hasText: /failed/ }).textContent({ timeout: 20_000 })).resolves.toMatch(
      /^Export failed: the legend is too tall for a PNG \(\d+ px: the title or a kind's name is very long\); the SVG export has no such limit$/,
    );
    const { texts, spans } = parseSvg((await exported(page, 'SVG (with legend)')).bytes.toString('utf8'));
    expect(spans(texts('title')[0]!).join(' ')).toBe(HUGE_TITLE);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('uses Cytoscape’s own outlines for every kind’s shape', async () => {
    const { page, errors } = await open();
    const shapes = [...new Set([...Object.values(KIND_STYLES).map((k) => k.shape), kindStyle('unknown').shape])].filter((s) => s !== 'ellipse' && s !== 'round-rectangle');
    const theirs = await page.evaluate(
      (names) => {
        const renderer = (window.__actorscope!.cy as unknown as { renderer(): { nodeShapes: Record<string, { points: number[] }> } }).renderer();
        return Object.fromEntries(names.map((n) => [n, [...renderer.nodeShapes[n]!.points]]));
      },
      shapes as string[],
    );
    for (const shape of shapes) {
      const ours = shapeOutline(shape as NodeShape, 0, 0, 2);
      expect(ours.kind).toBe('polygon');
      const flat = ours.kind === 'polygon' ? ours.points.flat() : [];
      expect(flat.length, shape).toBe(theirs[shape]!.length);
      flat.forEach((v, i) => expect(v, `${shape}[${i}]`).toBeCloseTo(theirs[shape]![i]!, 3));
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
