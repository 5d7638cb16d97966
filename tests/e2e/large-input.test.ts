/**
 * Large and foreign inputs in the explorer (issue 11 §3, §4):
 * - `?data=` on a slow download shows the bytes read of Content-Length, a
 *   progress bar and Cancel; Cancel stops the download (the server sees the
 *   connection closed before it has sent everything) and opens the graph
 *   the explorer had (an imported CSV, saved), unchanged;
 * - a Windows-1252 CSV picked in the import dialog is read as Windows-1252,
 *   and the import report says so, naming its lines; Köln and Käln stay two actors.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openAppForEachTest } from './browser';

let page: Page;
openAppForEachTest((p) => (page = p));

const nodeNames = () => page.evaluate(() => window.__actorscope!.cy.nodes().map((n) => n.data('name') as string).sort());

/** 4 MiB of CSV, sent 32 KiB every 100 ms (about 13 s in all) with its Content-Length. */
const SLOW_SIZE = 4 * 1024 * 1024;
let server: Server;
let slowUrl: string;
/** Bytes the server sent before the browser closed the connection, or null while it is open. */
let closedAfter: number | null = null;

beforeAll(async () => {
  const row = 'actor-a,actor-b,partner\n';
  server = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/csv', 'Content-Length': String(SLOW_SIZE), 'Access-Control-Allow-Origin': '*' });
    let sent = 0;
    closedAfter = null;
    const timer = setInterval(() => {
      const n = Math.min(32 * 1024, SLOW_SIZE - sent);
      res.write(row.repeat(Math.ceil(n / row.length)).slice(0, n));
      sent += n;
      if (sent >= SLOW_SIZE) {
        clearInterval(timer);
        res.end();
      }
    }, 100);
    res.on('close', () => {
      clearInterval(timer);
      closedAfter = sent;
    });
    void req;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  slowUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slow.csv`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('?data= on a large download', () => {
  it('shows the bytes read and a progress bar; Cancel stops the download and leaves the graph as it was', async () => {
    // The graph the user has: an import of their own, saved, so that "as it was" is not just the embedded dataset.
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import' });
    await dialog.getByLabel('Choose files to import').setInputFiles(new URL('../fixtures/e2e/kumu-edges.csv', import.meta.url).pathname);
    await dialog.getByRole('region', { name: 'Import report' }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    await expect.poll(() => page.getByRole('status', { name: 'Save status' }).textContent()).toMatch(/^Saved /);
    const before = await nodeNames();
    expect(before).toEqual(['Hezbollah', 'Houthis', 'Iran', 'Israel', 'United States']);
    const url = new URL(inject('baseUrl'));
    url.search = `?data=${encodeURIComponent(slowUrl)}`;
    await page.goto(url.toString());
    const status = page.getByRole('status').filter({ hasText: 'Opening' });
    const bar = status.getByRole('progressbar', { name: 'Downloading' });
    await bar.waitFor();
    await expect(bar.getAttribute('max')).resolves.toBe(String(SLOW_SIZE));
    await expect.poll(async () => Number(await bar.getAttribute('value')), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect(status.textContent()).resolves.toMatch(/Reading… \d+ KB of 4\.0 MB/);
    // By keyboard: Cancel is the one control on the page, the first Tab stop.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Cancel');
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Actor graph' }).and(page.locator('[aria-busy="false"]')).waitFor({ timeout: 30_000 });
    await expect(page.getByRole('status').filter({ hasText: 'was cancelled' }).textContent()).resolves.toContain(`Opening ${slowUrl} was cancelled.`);
    expect(await nodeNames()).toEqual(before);
    // The download really stopped: the server saw the connection close before it had sent the file.
    await expect.poll(() => closedAfter).not.toBeNull();
    expect(closedAfter!).toBeLessThan(SLOW_SIZE);
    expect(new URL(page.url()).searchParams.get('data')).toBeNull();
  });
});

describe('a Windows-1252 file', () => {
  it('is read as Windows-1252 with a warning naming its lines in the import report', async () => {
    // Written by Excel's "CSV" on Windows: ö = 0xF6, ä = 0xE4, ü = 0xFC.
    const text = 'source,target,type\r\nKöln,Käln,partner\r\nMünchen,Mänchen,threat\r\n';
    const buffer = Buffer.from(text, 'latin1');
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import' });
    await dialog.getByLabel('Choose files to import').setInputFiles({ name: 'staedte.csv', mimeType: 'text/csv', buffer });
    const report = dialog.getByRole('region', { name: 'Import report' });
    await report.waitFor();
    await expect(report.textContent()).resolves.toContain('warning: line 2: read as Windows-1252, not UTF-8: 4 bytes that UTF-8 does not allow, on lines 2 (ö, ä), 3 (ü, ä)');
    await expect(report.textContent()).resolves.not.toContain('No warnings');
    await expect.poll(nodeNames).toEqual(['Käln', 'Köln', 'Mänchen', 'München']);
  });
});
