/**
 * graph/io/documents/ in a Vite-bundled module Web Worker in Chromium, as the
 * explorer will run it: a page of its own (built here, in a temporary folder,
 * with the project's Vite) starts a worker that calls readDocument() on the
 * bytes it is sent. Proves that the bundle loads pdf.js lazily in a worker
 * (no DOM, no DOMParser, no nested worker), reads a PDF page by page with
 * progress, fetches the Adobe CMaps a CJK PDF needs from where the page
 * serves them, and reads HTML and text there as in Node; and that the text
 * it gives for a page is, line for line, what Chromium shows of it. It also pins the one
 * message pdf.js's worker module posts to the page when imported in a worker
 * (graph/io/documents/pdf-engine.ts): a page's worker client must ignore it.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentResult } from '../../graph/io/documents';
import { serveFolder, type StaticServer } from '../support/static-server';
import { launchBrowser } from './browser';

const ROOT = join(__dirname, '..', '..');

const FILES: Record<string, string> = {
  'index.html': '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>documents in a worker</title></head><body><script type="module" src="./main.ts"></script></body></html>',
  'main.ts': `
    const worker = new Worker(new URL('./documents.worker.ts', import.meta.url), { type: 'module' });
    const others: unknown[] = [];
    let answer: ((v: unknown) => void) | null = null;
    worker.onmessage = (e) => { if (e.data && e.data.reply === true) answer?.(e.data); else others.push(e.data); };
    Object.assign(window, {
      others,
      read: (bytes: number[], name: string) => new Promise((resolve) => { answer = resolve; worker.postMessage({ bytes: new Uint8Array(bytes), name }); }),
    });
  `,
  'documents.worker.ts': `
    import { readDocument } from ${JSON.stringify(join(ROOT, 'graph/io/documents/index.ts'))};
    self.onmessage = async (e: MessageEvent) => {
      const progress: Array<[number, number]> = [];
      // The CMaps as the app would serve them: pdfjs-dist's cmaps/ folder, copied next to the build.
      const loadPdfCMap = async (file: string) => new Uint8Array(await (await fetch(new URL('/cmaps/' + file, location.href))).arrayBuffer());
      const result = await readDocument(e.data.bytes, e.data.name, { onProgress: (d, n) => progress.push([d, n]), loadPdfCMap });
      postMessage({ reply: true, result, progress, hasDom: typeof (self as any).document !== 'undefined' || typeof (self as any).DOMParser !== 'undefined' });
    };
  `,
};

interface Reply {
  result: DocumentResult;
  progress: Array<[number, number]>;
  hasDom: boolean;
}

let dir: string;
let server: StaticServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'actorscope-documents-worker-'));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
  await build({
    configFile: false,
    root: dir,
    logLevel: 'warn',
    worker: { format: 'es' },
    server: { fs: { allow: [ROOT, dir] } },
    build: { outDir: join(dir, 'dist'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 5000 },
  });
  cpSync(join(ROOT, 'node_modules/pdfjs-dist/cmaps'), join(dir, 'dist/cmaps'), { recursive: true });
  server = await serveFolder(join(dir, 'dist'));
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(server.url);
  await page.waitForFunction(() => 'read' in window);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const read = (bytes: Uint8Array, name: string): Promise<Reply> =>
  page.evaluate(([b, n]) => (window as unknown as { read: (b: number[], n: string) => Promise<Reply> }).read(b, n), [Array.from(bytes), name] as const);

describe('readDocument in a bundled Web Worker', () => {
  it('reads a PDF page by page with progress, with no DOM there', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.setTitle('Worker check');
    for (const text of ['First page text.', 'Second page text.']) doc.addPage([300, 300]).drawText(text, { x: 30, y: 250, size: 12, font });
    const reply = await read(await doc.save(), 'two.pdf');
    expect(reply.hasDom).toBe(false);
    expect(reply.result).toEqual({ ok: true, document: { kind: 'pdf', title: 'Worker check', text: 'First page text.\n\nSecond page text.', pages: [0, 18], date: expect.any(String) }, warnings: [] });
    expect(reply.progress).toEqual([[1, 2], [2, 2]]);
    // pdf.js's worker module, imported in a worker, announces itself once to the page; nothing else reaches it.
    expect(await page.evaluate(() => (window as unknown as { others: unknown[] }).others)).toEqual([{ sourceName: 'worker', targetName: 'main', action: 'ready', data: null }]);
  });

  it('refuses a PDF without text there as in Node', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([300, 300]).drawRectangle({ x: 10, y: 10, width: 100, height: 100 });
    const reply = await read(await doc.save(), 'scan.pdf');
    expect(reply.result).toEqual({ ok: false, problems: [{ where: 'scan.pdf', message: 'this PDF has no text layer (scanned pages?) — it needs OCR first (its one page holds no text)' }] });
  });

  it('reads CJK text with the CMaps fetched in the worker', async () => {
    // As in tests/unit/documents.test.ts: a Type0 font encoded by the predefined CMap UniJIS-UCS2-H, "日本".
    const show = 'BT /F1 24 Tf 30 200 Td <65E5672C> Tj ET';
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
      `<< /Length ${show.length} >>\nstream\n${show}\nendstream`,
      '<< /Type /Font /Subtype /Type0 /BaseFont /HeiseiMin-W3 /Encoding /UniJIS-UCS2-H /DescendantFonts [6 0 R] >>',
      '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HeiseiMin-W3 /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> /FontDescriptor 7 0 R >>',
      '<< /Type /FontDescriptor /FontName /HeiseiMin-W3 /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>',
    ];
    let pdf = '%PDF-1.4\n';
    const offsets = objects.map((o, i) => {
      const at = pdf.length;
      pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
      return at;
    });
    const xref = pdf.length;
    pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    const reply = await read(new TextEncoder().encode(pdf), 'jp.pdf');
    expect(reply.result).toMatchObject({ ok: true, document: { kind: 'pdf', text: '日本' } });
  });

  it('gives the lines Chromium shows for a page (innerText), line for line', async () => {
    // Every kind of markup the reader treats (blocks, inline, entities, hidden, noscript, template, tables, pre, br,
    // comments); scripts and styles with content a renderer could show if it got them wrong. Left out on purpose,
    // since the reader drops what Chromium shows: aria-hidden parts (drawn, but hidden from assistive tools) and form
    // controls' labels.
    const html = `<!doctype html><html><head><title>Check</title><style>p { color: #333 }</style><script>var shown = 'SCRIPT TEXT';</script></head>
      <body><h1>Border   talks</h1><p>Russia&#x2019;s minister said
      the <b>border</b> <i>is</i> calm &amp; quiet.</p><p>Click&nbsp;here<br>Second line</p>
      <div hidden>Hidden text</div><p style="display:none">Styled away</p><!-- comment -->
      <div>Outer <div>inner</div> tail</div><blockquote><p>Quoted</p></blockquote><ul><li>One<li>Two</ul>
      <noscript>Enable JS</noscript><template><p>Template</p></template>
      <table><tr><td>A</td><td>B</td></tr><tr><td>C</td><td>D</td></tr></table>
      <pre>  line 1
  line 2</pre><section><article><h2>Deep</h2><p>Nested <span>inline <em>text</em></span>.</p></article></section></body></html>`;
    const reply = await read(new TextEncoder().encode(html), 'check.html');
    if (!reply.result.ok) throw new Error(JSON.stringify(reply.result.problems));
    const shown = await browser.newPage();
    try {
      await shown.setContent(html);
      const innerText = await shown.evaluate(() => document.body.innerText);
      const lines = (s: string) => s.split('\n').filter((l) => l.trim() !== '');
      expect(lines(reply.result.document.text)).toEqual(lines(innerText));
    } finally {
      await shown.close();
    }
  });

  it('reads HTML and Windows-1252 text there', async () => {
    const html = await read(new TextEncoder().encode('<!doctype html><title>T</title><script>alert(1)</script><p>Hello&nbsp;<b>world</b><p>Two'), 'p.html');
    expect(html.result).toEqual({ ok: true, document: { kind: 'html', title: 'T', text: 'Hello\u00a0world\n\nTwo' }, warnings: [] });
    const text = await read(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x0a]), 'cafe.txt');
    expect(text.result).toMatchObject({ ok: true, document: { kind: 'text', text: 'Café\n' } });
    expect(errors).toEqual([]);
  });
});
