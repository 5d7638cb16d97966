/**
 * The briefing's content and its HTML and SVG, read by what will read them:
 * the SVG and the HTML's structure by @xmldom/xmldom (the SVG as XML with every
 * error fatal), the view link by the explorer's own URL reader, the content
 * hash against Node's crypto (an independent SHA-256). The file opened in
 * Chromium and printed to PDF is tests/e2e/briefing.test.ts.
 *
 * Known answers, from the embedded dataset (public/data/tajikistan-2023.json)
 * by hand: the radical groups reach China by threat chains in one path, their
 * direct threat r12 (one claim, B2: confidence 0.64). With every relation type
 * in either direction, k = 3, the second path is radical groups → Tajikistan
 * (threat r11, three claims of one witness) — China (partner r4, three claims
 * of two witnesses).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { buildPathBrief, briefHtml, canonicalJson, contentHash, findingOf, pathPicture, pathViewLink, sensitivity } from '../../graph/briefing';
import { main } from '../../graph/cli';
import { handle } from '../../graph/protocol';
import { restore } from '../../graph/schema/restore';
import type { Claim, Dataset, Grade } from '../../graph/model/types';
import { DEFAULT_EVIDENCE, ALL_EVIDENCE } from '../../graph/analysis/evidence-setting';
import { readUrlView } from '../../src/state/url-state';
import { runWithFiles } from '../support/run-command';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EMBEDDED_TEXT = readFileSync(`${ROOT}public/data/tajikistan-2023.json`, 'utf8');
const restored = restore(JSON.parse(EMBEDDED_TEXT));
if (!restored.ok) throw new Error('the embedded dataset does not restore');
const EMBEDDED = restored.dataset;

/** Parses XML with every warning and error thrown, as a strict consumer would. */
function parseStrict(text: string, type: 'image/svg+xml' | 'text/html') {
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(text, type);
}

function pathsOf(dataset: Dataset, query: { from: string; to: string; types: Dataset['relations'][number]['type'][]; directed: boolean; k: number }, evidence = DEFAULT_EVIDENCE) {
  const response = handle({ type: 'paths', dataset, evidence, query: { ...query, end: 'target' } });
  if (!response.ok) throw new Error(response.error);
  return { paths: response.result, report: response.evidence };
}

const claim = (grade: Grade, stance: Claim['stance'] = 'supports', asserter = 'A'): Claim => ({
  quote: `q ${grade} ${stance} ${asserter}`,
  sourceId: `source-${asserter}`,
  locator: { paragraph: 1 },
  assertedBy: asserter,
  stance,
  grade,
});

describe('sensitivity: does a finding hold without claims below C3?', () => {
  it('holds on a B2 claim, and fails naming why on D4 only, on a B2 dispute against a C3, and without claims', () => {
    expect(sensitivity([{ id: 'a', claims: [claim('B2')] }])).toEqual({ grade: 'C3', holds: true, failing: [] });
    // C3 itself meets C3: the threshold is "at or better".
    expect(sensitivity([{ id: 'a', claims: [claim('C3')] }]).holds).toBe(true);
    // D4 and F6 are below C3 (reliability D/F after C; credibility 4/6 after 3).
    expect(sensitivity([{ id: 'a', claims: [claim('D4'), claim('F6', 'supports', 'B')] }]).failing).toEqual([{ relationId: 'a', why: 'no-support-at-grade' }]);
    // B3 (reliability better, credibility equal) meets C3; C4 does not (credibility 4).
    expect(sensitivity([{ id: 'a', claims: [claim('B3')] }, { id: 'b', claims: [claim('C4')] }]).failing).toEqual([{ relationId: 'b', why: 'no-support-at-grade' }]);
    // A C3 witness for (0.36) against a B2 witness against (0.64): contested once the rest is dropped.
    expect(sensitivity([{ id: 'a', claims: [claim('C3'), claim('B2', 'disputes', 'B'), claim('E5', 'supports', 'C')] }]).failing).toEqual([{ relationId: 'a', why: 'contested-at-grade' }]);
    expect(sensitivity([{ id: 'a', claims: [] }]).failing).toEqual([{ relationId: 'a', why: 'no-claims' }]);
    // A relation used twice in a path is judged once.
    expect(sensitivity([{ id: 'a', claims: [] }, { id: 'a', claims: [] }]).failing).toHaveLength(1);
  });
});

describe('the content hash', () => {
  it('is SHA-256 of the canonical JSON, the same whatever order the keys came in', () => {
    const expected = createHash('sha256').update(canonicalJson(EMBEDDED), 'utf8').digest('hex');
    expect(contentHash(EMBEDDED)).toBe(`sha256:${expected}`);
    const reordered = JSON.parse(JSON.stringify(EMBEDDED, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v))) as Dataset;
    expect(Object.keys(reordered)[0]).not.toBe(Object.keys(EMBEDDED)[0]);
    expect(contentHash(reordered)).toBe(contentHash(EMBEDDED));
    // One changed grade changes it.
    const changed = structuredClone(EMBEDDED);
    changed.relations[0]!.claims[0]!.grade = 'F6';
    expect(contentHash(changed)).not.toBe(contentHash(EMBEDDED));
  });

  it('writes canonical JSON with sorted keys and non-ASCII as is', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'é', c: null }], u: undefined })).toBe('{"a":[{"c":null,"d":"é"}],"b":1}');
  });
});

describe('a path briefing of the embedded dataset', () => {
  const question = { from: 'radical-islamist-groups', to: 'china', label: 'Any tie', types: ['partner', 'threat', 'supplier', 'suspected-supporter', 'other'] as const, directed: false, k: 3 };
  const { paths, report } = pathsOf(EMBEDDED, { ...question, types: [...question.types] }, ALL_EVIDENCE);
  const brief = buildPathBrief({ dataset: EMBEDDED, question: { ...question, types: [...question.types] }, paths, evidence: ALL_EVIDENCE, ...(report ? { report } : {}) }, { date: '2026-12-02T10:00:00Z', author: 'A. Analyst' });
  const found = findingOf(brief, 'paths')!;

  it('numbers every claim of every relation used, supporting ones first, in order of first use', () => {
    expect(paths.map((p) => p.hops.map((h) => h.relationId))).toEqual([['r12'], ['r11', 'r4']]);
    const claimsOf = (id: string) => EMBEDDED.relations.find((r) => r.id === id)!.claims;
    expect(brief.footnotes.map((f) => f.relationId)).toEqual(['r12', 'r11', 'r11', 'r11', 'r4', 'r4', 'r4']);
    expect(brief.footnotes.map((f) => f.n)).toEqual(brief.footnotes.map((_f, i) => i + 1));
    expect(found.paths[1]!.hops.map((h) => h.notes.length)).toEqual([claimsOf('r11').length, claimsOf('r4').length]);
    for (const f of brief.footnotes) expect(f.claim.stance).toBe('supports');
  });

  it('says each path holds without claims below C3 (their claims are B2 and better), and the title names the question', () => {
    expect(found.paths.map((p) => p.sensitivity.holds)).toEqual([true, true]);
    expect(brief.title).toBe('Any tie: Radical Islamist groups based in Afghanistan to China — Tajikistan’s security partners and threats (2023)');
    expect(brief.hash).toBe(contentHash(EMBEDDED));
  });

  it('draws a well-formed SVG: every actor of the paths in its kind’s shape, every relation once, the legend', () => {
    const svg = parseStrict(pathPicture(brief, EMBEDDED), 'image/svg+xml');
    const root = svg.documentElement!;
    expect(root.nodeName).toBe('svg');
    const groups = (cls: string) => Array.from(root.getElementsByTagName('g')).filter((g) => g.getAttribute('class')?.split(' ').includes(cls));
    expect(groups('actor').map((g) => g.getElementsByTagName('title')[0]!.textContent)).toEqual(
      expect.arrayContaining(['Radical Islamist groups based in Afghanistan', 'China', 'Tajikistan']),
    );
    expect(groups('actor')).toHaveLength(3);
    expect(groups('relation')).toHaveLength(3);
    // The armed group is a triangle (a 3-point polygon), states ellipses, as the canvas draws them.
    const radical = groups('actor').find((g) => g.getElementsByTagName('title')[0]!.textContent!.startsWith('Radical'))!;
    expect(radical.getElementsByTagName('polygon')[0]!.getAttribute('points')!.split(' ')).toHaveLength(3);
    expect(groups('actor').filter((g) => g.getElementsByTagName('ellipse').length === 1)).toHaveLength(2);
    const legend = groups('legend')[0]!;
    expect(Array.from(legend.getElementsByTagName('text')).map((t) => t.textContent)).toEqual(
      expect.arrayContaining(['Threat: source threatens target', 'Partner: mutual partnership (no arrow)', 'Armed group', 'State']),
    );
  });

  it('writes HTML with a policy that refuses every request and script, the sections, and a footnote per claim', () => {
    const html = briefHtml(brief, { svg: pathPicture(brief, EMBEDDED), alt: 'the paths' });
    const doc = parseStrict(html, 'text/html');
    const meta = Array.from(doc.getElementsByTagName('meta')).find((m) => m.getAttribute('http-equiv') === 'Content-Security-Policy')!;
    expect(meta.getAttribute('content')).toContain("default-src 'none'");
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
    expect(Array.from(doc.getElementsByTagName('h2')).map((h) => h.textContent)).toEqual(['Picture', 'Question', 'Paths', 'Evidence counted', 'How to read it', 'Claims']);
    const notes = Array.from(doc.getElementsByTagName('li')).filter((li) => li.getAttribute('id')?.startsWith('fn-'));
    expect(notes).toHaveLength(brief.footnotes.length);
    expect(notes[0]!.textContent).toContain(brief.footnotes[0]!.claim.quote);
    // Every footnote reference points at a footnote that exists.
    const ids = new Set(notes.map((n) => `#${n.getAttribute('id')!}`));
    const refs = Array.from(doc.getElementsByTagName('a')).map((a) => a.getAttribute('href')!).filter((h) => h.startsWith('#'));
    expect(refs.length).toBeGreaterThanOrEqual(brief.footnotes.length);
    for (const r of refs) expect(ids.has(r), r).toBe(true);
    // The picture is an image of a data URI, so nothing in it can run or fetch.
    const img = doc.getElementsByTagName('img')[0]!;
    expect(img.getAttribute('src')!.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    parseStrict(decodeURIComponent(img.getAttribute('src')!.slice('data:image/svg+xml;charset=utf-8,'.length)), 'image/svg+xml');
  });
});

describe('hostile text in a briefing', () => {
  const hostile = restore({
    format: 'actorscope',
    version: 1,
    meta: { title: 'Hostile <b>names</b>' },
    actors: [
      { id: 'a', name: '<script>alert(1)</script>', kind: 'armed-group' },
      { id: 'b', name: 'b\u202Eevil', kind: 'state' },
      { id: 'c', name: '"quoted" & \'single\' <img src=x onerror=alert(2)>', kind: 'person' },
    ],
    relations: [
      { id: 'r1', source: 'a', target: 'b', type: 'threat', claims: [{ quote: '</li><script>alert(3)</script>', source: { title: 'T <i>', url: 'https://example.org/?a=1&b="2"' }, locator: { paragraph: 2, chars: [0, 5] }, assertedBy: '<u>x</u>', stance: 'supports', grade: 'B2' }] },
      { id: 'r2', source: 'b', target: 'c', type: 'partner', claims: [] },
    ],
  });
  if (!hostile.ok) throw new Error(JSON.stringify(hostile.problems));
  const dataset = hostile.dataset;
  const { paths } = pathsOf(dataset, { from: 'a', to: 'c', types: ['threat', 'partner'], directed: false, k: 1 });
  const brief = buildPathBrief({ dataset, question: { from: 'a', to: 'c', label: 'Chosen types', types: ['threat', 'partner'], directed: false, k: 1 }, paths, evidence: DEFAULT_EVIDENCE }, { date: '2026-12-02T10:00:00Z' });

  it('keeps every name and quote as text: no element from the data, names isolated, the claimless hop said not to hold', () => {
    const html = briefHtml(brief, { svg: pathPicture(brief, dataset), alt: 'the paths' });
    const doc = parseStrict(html, 'text/html');
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
    expect(doc.getElementsByTagName('b')).toHaveLength(0);
    expect(doc.getElementsByTagName('u')).toHaveLength(0);
    expect(doc.getElementsByTagName('img')).toHaveLength(1); // the picture only
    const text = doc.documentElement!.textContent!;
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('</li><script>alert(3)</script>');
    expect(Array.from(doc.getElementsByTagName('bdi')).map((b) => b.textContent)).toContain('b\u202Eevil');
    const sensitivityLine = Array.from(doc.getElementsByTagName('p')).find((p) => p.getAttribute('class') === 'sensitivity')!.textContent!;
    expect(sensitivityLine).toBe('Does not hold without claims below C3: b\u202Eevil — "quoted" & \'single\' <img src=x onerror=alert(2)> (partner) carries no claim at all.');
    parseStrict(pathPicture(brief, dataset), 'image/svg+xml');
  });
});

describe('the view link', () => {
  it('is read back by the explorer as the same question and evidence setting', () => {
    const link = pathViewLink('http://127.0.0.1:5173/?data=%2Fdata%2Fx.json', {
      from: 'radical-islamist-groups',
      to: 'china',
      preset: 'custom',
      types: ['threat', 'partner'],
      directed: false,
      k: 3,
      evidence: { contested: 'include', minGrade: 'C3', minConfidence: 0.5 },
    });
    const view = readUrlView(new URL(link).search);
    expect(view).toEqual({
      data: '/data/x.json',
      tab: 'paths',
      path: { from: 'radical-islamist-groups', to: 'china', types: ['threat', 'partner'], directed: false, preset: 'custom', k: 3 },
      evidence: { contested: 'include', minGrade: 'C3', minConfidence: 0.5 },
    });
    // Defaults are left out, as the explorer leaves them out.
    expect(pathViewLink('http://x/', { from: 'a', to: 'b', preset: 'threat-chains', types: ['threat'], directed: true, k: 5, evidence: DEFAULT_EVIDENCE })).toBe('http://x/?tab=paths&from=a&to=b');
  });
});

describe('actorscope brief', () => {
  it('writes the briefing to --out, says what it wrote and what the evidence left out, and refuses to overwrite', () => {
    const files = new Map([['t.json', EMBEDDED_TEXT]]);
    const run = runWithFiles(main, files, 'brief', 't.json', '--from', 'radical-islamist-groups', '--to', 'china', '--out', 'b.html', '--date', '2026-12-02T10:00:00Z', '--link', 'http://127.0.0.1:5173/');
    expect(run.code).toBe(0);
    expect(run.err).toContain('wrote b.html: 1 path, 1 claim cited');
    expect(run.err).toContain('3 contested relations not counted: r9, r10, r15');
    const doc = parseStrict(files.get('b.html')!, 'text/html');
    expect(doc.getElementsByTagName('h1')[0]!.textContent).toBe('Threat chains: Radical Islamist groups based in Afghanistan to China — Tajikistan’s security partners and threats (2023)');
    const footer = doc.getElementsByTagName('footer')[0]!;
    expect(footer.getElementsByTagName('a')[0]!.getAttribute('href')).toBe('http://127.0.0.1:5173/?tab=paths&from=radical-islamist-groups&to=china');
    const again = runWithFiles(main, files, 'brief', 't.json', '--from', 'radical-islamist-groups', '--to', 'china', '--out', 'b.html');
    expect(again.code).toBe(1);
    expect(again.err).toContain('b.html: exists already; give --force to overwrite it');
  });

  it('refuses a bad date or link as usage errors', () => {
    const files = new Map([['t.json', EMBEDDED_TEXT]]);
    expect(runWithFiles(main, files, 'brief', 't.json', '--from', 'china', '--to', 'russia', '--date', 'soon').err).toContain('--date: "soon" is not an ISO 8601 date');
    expect(runWithFiles(main, files, 'brief', 't.json', '--from', 'china', '--to', 'russia', '--link', 'javascript:alert(1)').err).toContain('is not an http(s) address');
  });
});

describe('a footnote leads back to its passage', () => {
  it('links each claim quoted from a source with text to the explorer’s Source tab at its characters', () => {
    const { paths } = pathsOf(EMBEDDED, { from: 'radical-islamist-groups', to: 'china', types: ['threat'], directed: true, k: 1 }, ALL_EVIDENCE);
    const viewLink = 'http://127.0.0.1:5173/?ws=tajikistan-2023&tab=paths';
    const brief = buildPathBrief({ dataset: EMBEDDED, question: { from: 'radical-islamist-groups', to: 'china', label: 'Chosen types', types: ['threat'], directed: true, k: 1 }, paths, evidence: ALL_EVIDENCE }, { date: '2026-12-02T10:00:00Z', viewLink });
    const html = briefHtml(brief);
    const links = [...html.matchAll(/<a class="passage" href="([^"]+)">/g)].map((m) => new URL(m[1]!.replace(/&amp;/g, '&')));
    expect(links.length).toBe(brief.footnotes.length);
    const first = brief.footnotes[0]!;
    expect(readUrlView(links[0]!.search)).toMatchObject({ ws: 'tajikistan-2023', tab: 'source', read: { sourceId: 'malysheva-interview-2023', focus: first.claim.locator.chars } });
  });
});
