/**
 * Documents → source text (graph/io/documents/): plain text, Markdown, HTML
 * and PDF. Offsets are UTF-16 code units, counted by hand in the comments;
 * the PDFs are made here with pdf-lib, and their text is checked against
 * poppler's pdftotext, the reader analysts (and the briefing test) use.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFHexString, StandardFonts, rgb } from 'pdf-lib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCancellation, MAX_DOCUMENT_BYTES, readDocument, type DocumentResult, type SourceDocument } from '../../graph/io/documents';
import { paragraphsOf } from '../../graph/sources/paragraphs';
import { ensurePoppler } from '../ensure-poppler.mjs';

const utf8 = (s: string) => new TextEncoder().encode(s);

function accepted(result: DocumentResult): { document: SourceDocument; warnings: string[] } {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
  return result;
}

function refused(result: DocumentResult): string {
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.document).slice(0, 300)}`);
  return result.problems.map((p) => `${p.where}: ${p.message}`).join('\n');
}

describe('plain text', () => {
  // "Interview notes" 15 + CRLF CRLF 4 = 19; "Alpha " 6 → 25; 😀 is 2 units → 27; " said:" 6 → 33; NBSP 1 → 34;
  // "Russia supplies Tajikistan." is 27 units → [34, 61).
  const text = 'Interview notes\r\n\r\nAlpha 😀 said:\u00a0Russia supplies Tajikistan.\r\nIt went on.\r\n';

  it('keeps the text as decoded (CRLF, NBSP, astral characters), so offsets point into the file', async () => {
    const { document, warnings } = accepted(await readDocument(utf8(text), 'notes.txt'));
    expect(document.kind).toBe('text');
    expect(document.text).toBe(text);
    expect(document.text.slice(34, 61)).toBe('Russia supplies Tajikistan.');
    expect(document.title).toBe('Interview notes');
    expect(document.pages).toBeUndefined();
    expect(warnings).toEqual([]);
    expect(paragraphsOf(document.text).map((p) => [p.start, p.end])).toEqual([[0, 15], [19, 74]]);
  });

  it('reads Windows-1252 with the decoder\'s warning naming the line', async () => {
    // "Caf\xe9" is not UTF-8; Windows-1252 reads 0xE9 as é.
    const bytes = new Uint8Array([...utf8('Report\n\nLe caf'), 0xe9, ...utf8(' de Douchanb'), 0xe9, ...utf8('.\n')]);
    const { document, warnings } = accepted(await readDocument(bytes, 'cafe.txt'));
    expect(document.text).toBe('Report\n\nLe café de Douchanbé.\n');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^cafe\.txt, line 3: read as Windows-1252, not UTF-8: 2 bytes .* on line 3 \(é, é\)/);
  });

  it('takes the file name as title when there is no line, and refuses blank or binary files', async () => {
    expect(refused(await readDocument(utf8(' \r\n\u00a0\n'), 'blank.txt'))).toBe('blank.txt: this document holds no text, only blanks');
    expect(refused(await readDocument(new Uint8Array(0), 'empty.txt'))).toBe('empty.txt: this file is empty');
    expect(refused(await readDocument(new Uint8Array([0x41, 0xff, 0x00, 0x42]), 'x.txt'))).toMatch(/^x\.txt, .*not a text file/);
    expect(refused(await readDocument(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'report.docx'))).toMatch(/^report\.docx: this is a Word document, which is not read/);
  });

  it('refuses a document above the size cap, saying both sizes', async () => {
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1).fill(0x61);
    expect(refused(await readDocument(big, 'huge.txt'))).toBe('huge.txt: this file is 50.0 MB, above the 50.0 MB documents may be: split it, or save only the part the claims come from');
  });

  it('rejects with an AbortError when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await readDocument(utf8('text'), 'a.txt', { signal: controller.signal }).catch((e: unknown) => e);
    expect(isCancellation(error)).toBe(true);
    expect((error as Error).name).toBe('AbortError');
  });
});

describe('Markdown', () => {
  it('keeps the markup (offsets into what the analyst sees) and takes the first # heading as title', async () => {
    const md = 'Draft, not for circulation\n\n# The *real* story of [Dushanbe](https://example.org)  #\n\nSome **bold** text.\n';
    const { document } = accepted(await readDocument(utf8(md), 'story.md'));
    expect(document).toEqual({ kind: 'markdown', title: 'The real story of Dushanbe', text: md });
  });

  it('skips headings in fenced code, reads setext and front matter titles', async () => {
    const fenced = '```\n# not a title\n```\n\nReal Title\n==========\n\ntext\n';
    expect(accepted(await readDocument(utf8(fenced), 'a.md')).document.title).toBe('Real Title');
    const front = '---\ntitle: "From the front matter"\n---\n\nNo heading here.\n';
    expect(accepted(await readDocument(utf8(front), 'b.markdown')).document.title).toBe('From the front matter');
    expect(accepted(await readDocument(utf8('plain first line\n'), 'c.md')).document.title).toBe('plain first line');
  });
});

describe('HTML', () => {
  const html = `<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8"><title>  Border talks &amp; trade  </title>
<meta name="author" content="Jane  Doe">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<link rel="canonical" href="https://example.org/news/border-talks">
<style>p { color: red } .x::after { content: "STYLE TEXT" }</style>
<script>alert(1); document.write("SCRIPT TEXT")</script>
</head>
<body>
<article>
  <h1>Border   talks</h1>
  <p>Russia&#x2019;s minister   said
     the <b>border</b> <i>is</i> calm.</p>
  <p onclick="alert(2)">Click&nbsp;here &amp; see.<br>Second line</p>
  <div hidden>Hidden text</div>
  <div aria-hidden="true">Aria hidden</div>
  <p style="display: none">Styled away</p>
  <!-- a comment -->
  <div>Outer <div>inner</div> tail</div>
  <blockquote><p>Quoted</p></blockquote>
  <ul><li>One<li>Two</ul>
  <noscript>Enable JS</noscript>
  <template><p>Template text</p></template>
  <table><tr><td>A</td><td>B</td></tr><tr><td>C</td><td>D</td></tr></table>
  <pre>  line 1
  line 2</pre>
  <p>Published <time datetime="2024-03-01">1 March</time>.
</article>
</body></html>`;

  // What a browser's innerText shows, with blocks as blank-line-separated paragraphs (br too, as the reader's rule says).
  const expected = [
    'Border talks',
    'Russia\u2019s minister said the border is calm.',
    'Click\u00a0here & see.',
    'Second line',
    'Outer',
    'inner',
    'tail',
    'Quoted',
    'One',
    'Two',
    'A\tB',
    'C\tD',
    '  line 1\n  line 2',
    'Published 1 March.',
  ];

  it('gives the visible text only, one paragraph per block, entities decoded, whitespace collapsed', async () => {
    const { document, warnings } = accepted(await readDocument(utf8(html), 'page.html'));
    expect(document.text).toBe(expected.join('\n\n'));
    for (const gone of ['alert', 'SCRIPT TEXT', 'STYLE TEXT', 'color', 'Hidden', 'Aria', 'Styled', 'comment', 'Enable JS', 'Template', 'onclick']) {
      expect(document.text).not.toContain(gone);
    }
    // The paragraph rule numbers the page's blocks: the pre's two lines are one paragraph.
    expect(paragraphsOf(document.text).map((p) => document.text.slice(p.start, p.end))).toEqual(expected);
    expect(document).toMatchObject({ kind: 'html', title: 'Border talks & trade', author: 'Jane Doe', date: '2024-03-05T10:00:00Z', url: 'https://example.org/news/border-talks' });
    expect(warnings).toEqual([]);
  });

  it('is sniffed from content whatever the name; title from the first h1 when there is no <title>', async () => {
    const page = '<html><body><h1>The <em>first</em> heading</h1><h1>Second</h1><p>x</p><time datetime="2023-11">Nov</time></body></html>';
    const { document } = accepted(await readDocument(utf8(page), 'saved.txt'));
    expect(document).toEqual({ kind: 'html', title: 'The first heading', text: 'The first heading\n\nSecond\n\nx\n\nNov', date: '2023-11' });
  });

  it('leaves out a date that is not ISO and a URL that is not http(s), with warnings', async () => {
    const page = '<!doctype html><meta name="date" content="March 5"><link rel="canonical" href="javascript:alert(1)"><p>Body</p>';
    const { document, warnings } = accepted(await readDocument(utf8(page), 'p.html'));
    expect(document.date).toBeUndefined();
    expect(document.url).toBeUndefined();
    expect(warnings).toEqual([
      'p.html: the page\'s date "March 5" (<meta date>) is not an ISO 8601 date: not used',
      'p.html: the page\'s address "javascript:alert(1)" (<link rel="canonical">) is not an absolute http(s) URL: not used',
    ]);
  });

  it('reads schema.org JSON-LD metadata as data, after the meta tags', async () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'The Site' },
        { '@type': ['NewsArticle'], headline: 'Talks  on the border', author: [{ '@type': 'Person', name: 'A. One' }, 'B. Two'], datePublished: '2024-02-01', url: 'https://news.example/a' },
      ],
    });
    const page = `<!doctype html><script type="application/ld+json">{ not json</script><script type="application/ld+json">${ld}</script><p>Body</p>`;
    const { document, warnings } = accepted(await readDocument(utf8(page), 'ld.html'));
    expect(document).toEqual({ kind: 'html', title: 'Talks on the border', text: 'Body', author: 'A. One, B. Two', date: '2024-02-01', url: 'https://news.example/a' });
    expect(warnings).toEqual([]);
    // The page's own meta tags come first.
    const withMeta = `<!doctype html><title>T</title><meta name="author" content="Meta Author"><meta property="article:published_time" content="2024-03-01">${page}`;
    expect(accepted(await readDocument(utf8(withMeta), 'ld.html')).document).toMatchObject({ title: 'T', author: 'Meta Author', date: '2024-03-01' });
  });

  it('refuses a page with no visible text', async () => {
    expect(refused(await readDocument(utf8('<!doctype html><script>alert(1)</script><div hidden>x</div>'), 'p.html'))).toBe('p.html: this page has no visible text (only markup, scripts or hidden parts)');
  });
});

interface PdfLine {
  text: string;
  x?: number;
  /** Baseline from the page's top. */
  top: number;
}

/** A PDF made with pdf-lib: one entry per page, each its lines (12 pt Helvetica), or null for a page with only a rectangle. */
async function makePdf(pages: Array<PdfLine[] | null>, info: { title?: string; author?: string; created?: Date } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  if (info.title) doc.setTitle(info.title);
  if (info.author) doc.setAuthor(info.author);
  if (info.created) doc.setCreationDate(info.created);
  for (const lines of pages) {
    const page = doc.addPage([420, 595]);
    if (lines === null) page.drawRectangle({ x: 50, y: 50, width: 300, height: 400, color: rgb(0.2, 0.2, 0.2) });
    else for (const l of lines) page.drawText(l.text, { x: l.x ?? 50, y: 595 - l.top, size: 12, font });
  }
  return doc.save();
}

// Page 1: two lines 14 pt apart (leading), then a paragraph 40 pt below; page 2: a line set as two runs, then one more line.
const PAGE_1 = [
  { text: 'Page one, first line.', top: 80 },
  { text: 'Page one, second line.', top: 94 },
  { text: 'A new paragraph on page one.', top: 134 },
];
const PAGE_2 = [
  { text: 'Left', top: 80 },
  { text: 'right on page two.', x: 110, top: 80 },
  { text: 'It ends here.', top: 94 },
];
const PAGE_1_TEXT = 'Page one, first line.\nPage one, second line.\n\nA new paragraph on page one.';
const PAGE_2_TEXT = 'Left right on page two.\nIt ends here.';

/** poppler's text of each page (pdftotext ends each page with a form feed), whitespace-normalised. */
function pdftotextPages(bytes: Uint8Array): string[] {
  ensurePoppler();
  const dir = mkdtempSync(join(tmpdir(), 'actorscope-documents-'));
  try {
    const file = join(dir, 'made.pdf');
    writeFileSync(file, bytes);
    const out = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    return out.split('\f').slice(0, -1).map(normalised);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const normalised = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('PDF', () => {
  it('gives the text per page, where each page starts, and progress per page', async () => {
    const bytes = await makePdf([PAGE_1, PAGE_2], { title: 'Two pages', author: 'A. Writer', created: new Date('2024-03-05T10:15:00Z') });
    const progress: Array<[number, number]> = [];
    const { document, warnings } = accepted(await readDocument(bytes, 'two.pdf', { onProgress: (done, total) => progress.push([done, total]) }));
    expect(document.text).toBe(`${PAGE_1_TEXT}\n\n${PAGE_2_TEXT}`);
    // Page 1 is 21 + LF + 22 + 2 LF + 28 = 74 units; page 2 starts after it and the blank line between pages.
    expect(document.pages).toEqual([0, 76]);
    expect(document.text.slice(document.pages![1]!)).toBe(PAGE_2_TEXT);
    expect(progress).toEqual([[1, 2], [2, 2]]);
    expect(document).toMatchObject({ kind: 'pdf', title: 'Two pages', author: 'A. Writer', date: '2024-03-05T10:15:00Z' });
    expect(warnings).toEqual([]);
    // The paragraph gap on page 1 and the page break make three paragraphs.
    expect(paragraphsOf(document.text)).toHaveLength(3);
    // The caller's bytes are still there (pdf.js was given a copy).
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes[0]).toBe(0x25);
  });

  it('reads what poppler reads, page by page', async () => {
    const bytes = await makePdf([PAGE_1, PAGE_2]);
    const { document } = accepted(await readDocument(bytes, 'two.pdf'));
    const ours = document.pages!.map((start, i) => normalised(document.text.slice(start, document.pages![i + 1])));
    expect(ours).toEqual(pdftotextPages(bytes));
    expect(ours).toEqual([normalised(PAGE_1_TEXT), normalised(PAGE_2_TEXT)]);
  });

  it('is sniffed by its first bytes whatever the name, titled by its first line without an info title', async () => {
    const { document } = accepted(await readDocument(await makePdf([PAGE_2]), 'renamed.txt'));
    expect(document.kind).toBe('pdf');
    expect(document.title).toBe('Left right on page two.');
    expect(document.pages).toEqual([0]);
  });

  it('leaves out a Title the PDF writer took from a file name', async () => {
    for (const generated of ['Microsoft Word - Border report v3.docx', 'untitled', 'draft_final.doc']) {
      const { document } = accepted(await readDocument(await makePdf([PAGE_1], { title: generated }), 'x.pdf'));
      expect(document.title).toBe('Page one, first line.');
    }
  });

  it('names the pages without text among pages with text', async () => {
    const { document, warnings } = accepted(await readDocument(await makePdf([PAGE_1, null, PAGE_2]), 'scan.pdf'));
    // Page 1's 74 units and its separator; the empty page 2 is only its separator.
    expect(document.pages).toEqual([0, 76, 78]);
    expect(warnings).toEqual(['scan.pdf: page 2 of 3 holds no text (scanned?): its text is missing until it is OCRed']);
    const two = accepted(await readDocument(await makePdf([null, PAGE_1, null]), 'scan.pdf'));
    expect(two.warnings).toEqual(['scan.pdf: pages 1 and 3 of 3 hold no text (scanned?): their text is missing until they are OCRed']);
  });

  it('refuses a PDF with no text layer, saying it needs OCR', async () => {
    expect(refused(await readDocument(await makePdf([null, null]), 'scan.pdf'))).toBe(
      'scan.pdf: this PDF has no text layer (scanned pages?) — it needs OCR first (none of its 2 pages holds any text)',
    );
  });

  it('refuses a truncated or broken PDF in words', async () => {
    const bytes = await makePdf([PAGE_1, PAGE_2]);
    expect(refused(await readDocument(bytes.slice(0, bytes.length >> 1), 'cut.pdf'))).toBe(
      'cut.pdf: this PDF is cut short: it does not end with the %%EOF marker every complete PDF ends with; download or export it again',
    );
    expect(refused(await readDocument(utf8('<!DOCTYPE html><html><body>Access denied</body></html>'), 'report.pdf'))).toBe(
      'report.pdf: this file is named .pdf but is not a PDF (it does not start with %PDF-): it is a web page, perhaps saved instead of the document it links to',
    );
    expect(refused(await readDocument(utf8('%PDF-1.7\nnot really a PDF\n%%EOF\n'), 'bad.pdf'))).toBe(
      'bad.pdf: this is not a readable PDF (pdf.js: "Invalid PDF structure."): the file is damaged or cut short; download or export it again',
    );
  });

  it('refuses a password-protected PDF, with pdf.js\'s reason', async () => {
    // The standard security handler (ISO 32000 §7.6.4) with a /U entry no empty password produces: pdf.js must ask for one.
    const doc = await PDFDocument.create();
    doc.addPage([300, 300]).drawText('secret', { x: 30, y: 250, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
    const filled = (n: number, byte: string) => PDFHexString.of(byte.repeat(n));
    doc.context.trailerInfo.Encrypt = doc.context.register(doc.context.obj({ Filter: 'Standard', V: 1, R: 2, O: filled(32, '11'), U: filled(32, '22'), P: -4 }));
    doc.context.trailerInfo.ID = doc.context.obj([filled(16, '33'), filled(16, '33')]);
    expect(refused(await readDocument(await doc.save({ useObjectStreams: false }), 'locked.pdf'))).toBe(
      'locked.pdf: this PDF is protected by a password (pdf.js: "No password given"): save a copy without the password and open that',
    );
  });

  it('reads Cyrillic text by the font\'s ToUnicode map, as poppler does', async () => {
    // A hand-made PDF whose font maps codes 41–47 (A–G) to Д у ш а н б е (U+0414 U+0443 U+0448 U+0430 U+043D U+0431 U+0435)
    // by a ToUnicode CMap (ISO 32000 §9.10.3): the way PDF writers carry non-Latin text of subset fonts.
    const toUnicode = [
      '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
      '/CMapName /Cyrillic-test def /CMapType 2 def',
      '1 begincodespacerange <00> <FF> endcodespacerange',
      '7 beginbfchar <41> <0414> <42> <0443> <43> <0448> <44> <0430> <45> <043D> <46> <0431> <47> <0435> endbfchar',
      'endcmap CMapName currentdict /CMap defineresource pop end end',
    ].join('\n');
    const show = 'BT /F1 18 Tf 30 200 Td <41424344454647> Tj ET';
    const bytes = handMadePdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
      `<< /Length ${show.length} >>\nstream\n${show}\nendstream`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 65 /LastChar 71 /Widths [600 600 600 600 600 600 600] /ToUnicode 6 0 R >>',
      `<< /Length ${toUnicode.length} >>\nstream\n${toUnicode}\nendstream`,
    ]);
    const { document } = accepted(await readDocument(bytes, 'ru.pdf'));
    expect(document.text).toBe('Душанбе');
    expect(pdftotextPages(bytes)).toEqual(['Душанбе']);
  });

  it('reads CJK text through the Adobe CMaps it is given, and refuses it without them', async () => {
    // A hand-made PDF (ISO 32000 §9.7): a Type0 font, not embedded, encoded by the predefined CMap UniJIS-UCS2-H, so
    // the string <65E5672C> is U+65E5 U+672C, "日本"; only the CMap tells pdf.js which characters these are.
    const show = 'BT /F1 24 Tf 30 200 Td <65E5672C> Tj ET';
    const bytes = handMadePdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
      `<< /Length ${show.length} >>\nstream\n${show}\nendstream`,
      '<< /Type /Font /Subtype /Type0 /BaseFont /HeiseiMin-W3 /Encoding /UniJIS-UCS2-H /DescendantFonts [6 0 R] >>',
      '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HeiseiMin-W3 /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> /FontDescriptor 7 0 R >>',
      '<< /Type /FontDescriptor /FontName /HeiseiMin-W3 /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>',
    ]);
    const asked: string[] = [];
    const loadPdfCMap = async (file: string) => {
      asked.push(file);
      return new Uint8Array(readFileSync(new URL(`../../node_modules/pdfjs-dist/cmaps/${file}`, import.meta.url)));
    };
    const { document } = accepted(await readDocument(bytes, 'jp.pdf', { loadPdfCMap }));
    expect(document.text).toBe('日本');
    expect(asked).toContain('UniJIS-UCS2-H.bcmap');
    expect(refused(await readDocument(bytes, 'jp.pdf'))).toBe(
      "jp.pdf: this PDF's fonts need Adobe character maps (UniJIS-UCS2-H) to give their text, and the reader was not given them: its text would be missing or incomplete",
    );
    const failing = async () => {
      throw new Error('offline');
    };
    expect(refused(await readDocument(bytes, 'jp.pdf', { loadPdfCMap: failing }))).toMatch(/could not load them \(offline\)/);
  });

  it('rejects with an AbortError when cancelled between pages', async () => {
    const controller = new AbortController();
    const bytes = await makePdf([PAGE_1, PAGE_2, PAGE_1]);
    const seen: number[] = [];
    const error = await readDocument(bytes, 'three.pdf', { signal: controller.signal, onProgress: (done) => (seen.push(done), controller.abort()) }).catch((e: unknown) => e);
    expect(isCancellation(error)).toBe(true);
    expect(seen).toEqual([1]);
  });
});

describe('HTML encodings', () => {
  // "Душанбе" in Windows-1251: Д 0xC4, у 0xF3, ш 0xF8, а 0xE0, н 0xED, б 0xE1, е 0xE5 (the code page's table).
  const dushanbe1251 = [0xc4, 0xf3, 0xf8, 0xe0, 0xed, 0xe1, 0xe5];
  const page = (meta: string) => new Uint8Array([...utf8(`<!doctype html><html><head>${meta}<title>T</title></head><body><p>`), ...dushanbe1251, ...utf8('</p></body></html>')]);

  it('reads a page that is not UTF-8 as its <meta charset> says', async () => {
    for (const meta of ['<meta charset="windows-1251">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">']) {
      const { document, warnings } = accepted(await readDocument(page(meta), 'news.html'));
      expect(document.text).toBe('Душанбе');
      expect(warnings).toEqual(['news.html: read as windows-1251, as the page\'s <meta charset="windows-1251"> says (its bytes are not UTF-8)']);
    }
  });

  it('keeps decode.ts\'s Windows-1252 reading and warning without a usable declaration', async () => {
    for (const meta of ['', '<meta charset="no-such-encoding">', '<meta name="x" content="charset=windows-1251">']) {
      const { document, warnings } = accepted(await readDocument(page(meta), 'news.html'));
      expect(document.text).toBe('Äóøàíáå');
      expect(warnings[0]).toMatch(/^news\.html, line 1: read as Windows-1252, not UTF-8: 7 bytes/);
    }
    // Declared Latin-1 (which TextDecoder reads as Windows-1252): the page's word, so no guess to warn of.
    const latin = accepted(await readDocument(page('<meta charset="iso-8859-1">'), 'news.html'));
    expect(latin.document.text).toBe('Äóøàíáå');
    expect(latin.warnings).toEqual([]);
  });
});

describe('HTML, any text', () => {
  /** A word: letters, digits and the characters HTML must escape or that are easy to get wrong (NBSP, astral, quotes, &). */
  const word = fc.stringMatching(/^[A-Za-z0-9\u00a0\u00e9\u0416<>&"'\u2019]{1,8}$/).filter((w) => w.trim() !== '');
  const withAstral = fc.tuple(word, fc.boolean()).map(([w, astral]) => (astral ? `${w}\u{1F600}` : w));
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const gap = fc.constantFrom(' ', '  ', '\n', '\t', ' \r\n   ');
  const inline = fc.constantFrom(['', ''], ['<b>', '</b>'], ['<i>', '</i>'], ['<span class="x">', '</span>'], ['<a href="https://e.org">', '</a>']);
  const block = fc.constantFrom(['<p>', '</p>'], ['<div>', '</div>'], ['<h2>', '</h2>'], ['<blockquote><p>', '</p></blockquote>'], ['<ul><li>', '</li></ul>'], ['', '<br>']);
  const paragraph = fc.array(fc.tuple(withAstral, gap, inline), { minLength: 1, maxLength: 6 });

  it('gives each block its words, joined by one space, one paragraph per block', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(paragraph, block), { minLength: 1, maxLength: 6 }), (blocks) => {
        const html = `<!doctype html><body>\n${blocks
          .map(([words, [open, close]]) => `${open}${words.map(([w, g, [a, b]], i) => `${i === 0 ? '' : g}${a}${escape(w)}${b}`).join('')}${close}\n`)
          .join('')}</body>`;
        const expected = blocks.map(([words]) => words.map(([w]) => w).join(' '));
        return htmlText(html).then((text) => {
          expect(text).toBe(expected.join('\n\n'));
          expect(paragraphsOf(text)).toHaveLength(expected.length);
        });
      }),
      { numRuns: 200 },
    );
  });
});

async function htmlText(html: string): Promise<string> {
  return accepted(await readDocument(utf8(html), 'any.html')).document.text;
}

/** A PDF from its objects (1 0 obj … in order), with a correct cross-reference table. */
function handMadePdf(objects: string[]): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  const entries = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return utf8(out);
}
