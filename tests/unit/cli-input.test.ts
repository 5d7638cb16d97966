/**
 * What the command line reads (issue 11 §3, §4), through the real
 * `node bin/actorscope.mjs` on files in a temporary folder:
 * - bytes decoded as the explorer decodes them (graph/io/decode.ts): UTF-16
 *   with its byte-order mark validates; Windows-1252 is read with the same
 *   warning the import report shows; binary is refused, located;
 * - nothing that is not a regular file is opened (/dev/zero, a FIFO, a folder);
 * - a file over the cap is refused at once with its size, the cap and how to
 *   raise it: the cap is set small here (`--max-input-mb`, ACTORSCOPE_MAX_INPUT_MB)
 *   rather than writing a huge file. The default cap, the heap / 40, comes
 *   from measurements written in graph/cli/input-limit.ts; its words are
 *   checked on inputRefusal directly.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../graph/cli/common';
import { HEAP_PER_INPUT_BYTE, inputLimit, inputRefusal, takeInputLimitOption } from '../../graph/cli/input-limit';

// Every test here starts the real command (tsx compiling it at each start): seconds each on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'actorscope.mjs');
const dir = mkdtempSync(join(tmpdir(), 'actorscope-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MB = 1024 * 1024;
const CITIES = 'source,target,type\nKöln,Käln,partner\nMünchen,Mänchen,threat\n';
const file = (name: string, bytes: Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout.trim(), err: r.stderr.trim(), signal: r.signal };
}

describe('the CLI decodes bytes as the explorer does', () => {
  it('validates a UTF-16 LE CSV with its byte-order mark (it said "not a text file" before)', () => {
    const path = file('utf16.csv', Buffer.from(`\ufeff${CITIES}`, 'utf16le'));
    expect(cli(['validate', path])).toMatchObject({ code: 0, err: '', out: `${path}: valid: 4 actors, 2 relations, 0 claims` });
  });

  it('reads a UTF-16 BE file too, and converts it', () => {
    const path = file('utf16be.csv', Buffer.from(`\ufeff${CITIES}`, 'utf16le').swap16());
    const out = join(dir, 'cities.json');
    const r = cli(['convert', path, out]);
    expect(r).toMatchObject({ code: 0, out: `wrote 4 actors, 2 relations to ${out} (actorscope-json)` });
    const written = JSON.parse(readFileSync(out, 'utf8')) as { actors: Array<{ name: string }> };
    expect(written.actors.map((a) => a.name).sort()).toEqual(['Käln', 'Köln', 'Mänchen', 'München']);
  });

  it('reads Windows-1252 with the warning that names the lines, and keeps Köln and Käln apart', () => {
    const path = file('cp1252.csv', Buffer.from(CITIES, 'latin1'));
    const r = cli(['validate', path]);
    expect(r.err).toBe(`${path}: warning: line 2: read as Windows-1252, not UTF-8: 4 bytes that UTF-8 does not allow, on lines 2 (ö, ä), 3 (ü, ä); if these characters are wrong, save the file as UTF-8\n${path}: 1 warning`);
    expect(r.code).toBe(1);
    const json = JSON.parse(cli(['relations', path, '--json']).out) as { relations: Array<{ source: string; target: string }> };
    expect(json.relations.map((x) => [x.source, x.target])).toEqual([['Köln', 'Käln'], ['München', 'Mänchen']]);
  });

  it('refuses binary at its first NUL byte', () => {
    const path = file('binary.csv', Buffer.from([...Buffer.from('source,target\nab'), 0xff, 0x00, 0x0a]));
    expect(cli(['validate', path])).toMatchObject({ code: 1, err: `${path}: line 2:4: a NUL byte in a file that is not UTF-8: this is not a text file (a binary file, or text in an encoding this program does not guess); save it as UTF-8 text\n${path}: invalid: 1 error, 0 warnings` });
  });
});

describe('the CLI reads regular files only, and not too large ones', () => {
  it('refuses /dev/zero at once, saying it is a character device', () => {
    const r = cli(['validate', '/dev/zero']);
    expect(r).toMatchObject({ code: 1, err: '/dev/zero: is a character device, not a file', signal: null });
  });

  it('refuses a FIFO without opening it (opening would wait for a writer)', () => {
    const fifo = join(dir, 'pipe.csv');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(cli(['metrics', fifo])).toMatchObject({ code: 1, err: `${fifo}: is a named pipe (FIFO), not a file` });
  });

  it('refuses a folder', () => {
    expect(cli(['validate', dir])).toMatchObject({ code: 1, err: `${dir}: is a directory` });
  });

  const ROWS = Math.ceil((1.5 * MB) / 12); // 1.5 MB of 12-byte rows
  const big = () => file('big.csv', Buffer.from(`source,target,type\n${'a,b,partner\n'.repeat(ROWS)}`));

  it('refuses a file over --max-input-mb with its size, the cap and how to raise it; under the cap it is read', () => {
    const path = big();
    expect(cli(['validate', path, '--max-input-mb', '1'])).toMatchObject({ code: 1, err: `${path}: is 1.5 MB, more than the cap of 1 MB set by --max-input-mb; raise it to read the file (--max-input-mb 2)` });
    expect(cli(['--max-input-mb=2', 'validate', path])).toMatchObject({ code: 0, out: `${path}: valid: 2 actors, ${ROWS} relations, 0 claims` });
  });

  it('takes the cap from ACTORSCOPE_MAX_INPUT_MB, and refuses a cap that is not a number (usage, exit 2)', () => {
    const path = big();
    expect(cli(['validate', path], { ACTORSCOPE_MAX_INPUT_MB: '0.5' })).toMatchObject({ code: 1, err: `${path}: is 1.5 MB, more than the cap of 0.5 MB set by ACTORSCOPE_MAX_INPUT_MB; raise it to read the file (--max-input-mb 2)` });
    const r = cli(['validate', path, '--max-input-mb', 'lots']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^actorscope: --max-input-mb must be a positive number of megabytes, not "lots"/);
  });
});

describe('the default cap (graph/cli/input-limit.ts)', () => {
  it('is the heap / 40: in a 4,144 MB heap a 200 MB CSV is refused with words, naming the heap that would read it', () => {
    const heap = 4144 * MB;
    const limit = inputLimit(heap, undefined, undefined);
    expect(limit).toEqual({ maxBytes: Math.floor(heap / HEAP_PER_INPUT_BYTE), source: 'heap', heapBytes: heap });
    // Measured: this 200 MB, 6.19 M-relation CSV crashed Node's default heap after 78 s, and read in 64 s with an 8,192 MB heap.
    expect(inputRefusal('file', 200 * MB, limit)).toBe(
      'is 200 MB, more than the 104 MB this command reads in its 4,144 MB heap (a file may need 40 times its size in memory). To try anyway, give more memory and a higher cap: NODE_OPTIONS=--max-old-space-size=8192 raises the cap with the heap, or --max-input-mb 221 sets it',
    );
    expect(inputRefusal('file', 100 * MB, limit)).toBeNull();
    expect(inputRefusal('socket', 0, limit)).toBe('is a socket, not a file');
  });

  it('the option wins over the environment; it is taken from anywhere before --', () => {
    expect(inputLimit(MB, '3', '5')).toMatchObject({ maxBytes: 3 * MB, source: 'option' });
    expect(takeInputLimitOption(['metrics', 'f.csv', '--max-input-mb', '3', '--json'])).toEqual({ args: ['metrics', 'f.csv', '--json'], value: '3' });
    expect(takeInputLimitOption(['metrics', '--', '--max-input-mb=3'])).toEqual({ args: ['metrics', '--', '--max-input-mb=3'], value: undefined });
    expect(() => takeInputLimitOption(['metrics', '--max-input-mb'])).toThrow(UsageError);
    expect(() => inputLimit(MB, '-1', undefined)).toThrow(UsageError);
  });
});

describe('validate checks every quote against its source text', () => {
  const embedded = JSON.parse(readFileSync(join(ROOT, 'public/data/tajikistan-2023.json'), 'utf8')) as { relations: Array<{ claims: Array<{ locator: { chars: [number, number] }; quote: string }> }> };

  it('says how many quotes it checked in the embedded dataset', () => {
    expect(cli(['validate', 'public/data/tajikistan-2023.json'])).toMatchObject({
      code: 0,
      out: 'public/data/tajikistan-2023.json: valid: 15 actors, 15 relations, 31 claims; 31 quotes checked against the text of 1 source',
    });
  });

  it('re-anchors a quote whose offsets moved (a warning; --strict an error), and refuses one its source does not hold', () => {
    const moved = structuredClone(embedded);
    const c = moved.relations[2]!.claims[0]!;
    const [start, end] = c.locator.chars;
    c.locator.chars = [start + 4, end + 4];
    const path = file('moved.json', Buffer.from(JSON.stringify(moved)));
    const at = `relations[2].claims[0].locator.chars`;
    expect(cli(['validate', path])).toMatchObject({ code: 1, out: '', err: `${path}: warning: ${at}: [${start + 4}, ${end + 4}] does not hold the quote; re-anchored to [${start}, ${end}] by its text and context\n${path}: 1 warning` });
    expect(cli(['validate', '--strict', path])).toMatchObject({ code: 1, err: `${path}: ${at}: [${start + 4}, ${end + 4}] does not hold the quote; re-anchored to [${start}, ${end}] by its text and context\n${path}: invalid (--strict): 1 error, 0 warnings` });
    const missing = structuredClone(embedded);
    missing.relations[2]!.claims[0]!.quote = 'Tajikistan will join NATO';
    const bad = file('missing.json', Buffer.from(JSON.stringify(missing)));
    expect(cli(['validate', bad])).toMatchObject({ code: 1, err: `${bad}: relations[2].claims[0].quote: not found in the text of source "malysheva-interview-2023"\n${bad}: invalid: 1 error, 0 warnings` });
  });
});

describe('add-source: a document’s text into the dataset’s sources', () => {
  it('adds a text, an HTML page (its visible text only) and a two-page PDF, each validated; refuses a PDF without text and writes nothing', async () => {
    const { PDFDocument, StandardFonts } = await import('pdf-lib');
    const txt = file('note.txt', Buffer.from('Field note\n\nRussia supplies Tajikistan.\n'));
    const outTxt = join(dir, 'with-note.json');
    expect(cli(['add-source', 'public/data/tajikistan-2023.json', txt, '--out', outTxt, '--speaker', 'A. B.'])).toMatchObject({ code: 0, err: `${txt}: source "field-note", 40 characters (text)`, out: `wrote 15 actors, 15 relations to ${outTxt} (actorscope-json)` });
    const withNote = JSON.parse(readFileSync(outTxt, 'utf8')) as { sources: Array<Record<string, unknown>> };
    expect(withNote.sources.at(-1)).toEqual({ id: 'field-note', title: 'Field note', kind: 'other', text: 'Field note\n\nRussia supplies Tajikistan.\n', speaker: 'A. B.' });
    expect(cli(['validate', outTxt])).toMatchObject({ code: 0, out: `${outTxt}: valid: 15 actors, 15 relations, 31 claims; 31 quotes checked against the text of 2 sources` });

    const html = file('page.html', Buffer.from('<!doctype html><html><head><title>A page</title><script>alert(1)</script><style>p{}</style></head><body><p>China &amp; Tajikistan agree.</p><div hidden>secret</div></body></html>'));
    const outHtml = join(dir, 'with-page.json');
    expect(cli(['add-source', outTxt, html, '--out', outHtml])).toMatchObject({ code: 0 });
    const page = (JSON.parse(readFileSync(outHtml, 'utf8')) as { sources: Array<{ title: string; kind: string; text: string }> }).sources.at(-1)!;
    expect(page).toMatchObject({ title: 'A page', kind: 'article' });
    expect(page.text).toContain('China & Tajikistan agree.');
    expect(page.text).not.toMatch(/alert|secret|p\{\}/);

    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    for (const line of ['First page text.', 'Second page text.']) pdf.addPage([300, 200]).drawText(line, { x: 20, y: 150, size: 12, font });
    const pdfPath = file('two.pdf', Buffer.from(await pdf.save()));
    const outPdf = join(dir, 'with-pdf.json');
    expect(cli(['add-source', outHtml, pdfPath, '--out', outPdf, '--title', 'Two pages'])).toMatchObject({ code: 0, err: expect.stringMatching(/source "two-pages", \d+ characters, 2 pages \(pdf\)$/) });
    const two = (JSON.parse(readFileSync(outPdf, 'utf8')) as { sources: Array<{ text: string; pages: number[] }> }).sources.at(-1)!;
    expect(two.text.slice(two.pages[1])).toMatch(/^Second page text\./);
    expect(cli(['validate', outPdf])).toMatchObject({ code: 0 });

    const scan = await PDFDocument.create();
    scan.addPage([200, 200]).drawRectangle({ x: 10, y: 10, width: 50, height: 50 });
    const scanPath = file('scan.pdf', Buffer.from(await scan.save()));
    const outScan = join(dir, 'with-scan.json');
    const refused = cli(['add-source', outPdf, scanPath, '--out', outScan]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/OCR[^]*not added; nothing written$/);
    expect(existsSync(outScan)).toBe(false);
  }, 60_000);
});
