/**
 * The source commands (graph/cli/sources.ts, mentions.ts, annotations.ts,
 * annotate.ts) through main(), on files held in a Map, and coverageOf
 * (graph/sources/coverage.ts) on a text counted by hand.
 *
 * Known answers for the embedded dataset: its interview has 28 paragraphs
 * and the 31 claims name (in `locator.paragraph`, as written in the file and
 * checked word for word by sources.test.ts) the paragraphs counted here from
 * the file itself; 98 mentions and 26 candidates are mentions.test.ts's hand
 * counts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../graph/cli';
import type { Claim, Dataset, Source } from '../../graph/model/types';
import { coverageOf } from '../../graph/sources/coverage';
import { runWithFiles } from '../support/run-command';

const ROOT = join(__dirname, '..', '..');
const EMBEDDED = readFileSync(join(ROOT, 'public/data/tajikistan-2023.json'), 'utf8');
const raw = JSON.parse(EMBEDDED) as Dataset;
const INTERVIEW = 'malysheva-interview-2023';
const files = () => new Map([['d.json', EMBEDDED]]);
const run = (fs: Map<string, string>, ...args: string[]) => runWithFiles(main, fs, ...args);

describe('coverageOf', () => {
  const source: Source = { id: 's', title: 'S', text: 'One.\n\nTwo.\r\n\r\nThree.' };
  const claim = (start: number, sourceId = 's'): Claim => ({ quote: 'x', sourceId, locator: { chars: [start, start + 1] }, assertedBy: '', stance: 'supports', grade: 'A1' });
  it('counts claims by the paragraph their quote starts in', () => {
    // Paragraphs: [0, 4) "One.", [6, 10) "Two.", [14, 20) "Three."; offset 5 is the blank line.
    const c = coverageOf(source, [claim(0), claim(2), claim(15), claim(5), claim(0, 'other'), { ...claim(0), locator: { paragraph: 2 } }]);
    expect(c?.paragraphs.map((p) => [p.n, p.start, p.end, p.claims])).toEqual([[1, 0, 4, 2], [2, 6, 10, 1], [3, 14, 20, 1]]);
    expect(c).toMatchObject({ coded: 3, unplaced: 1 });
  });
  it('is null for a source without text', () => {
    expect(coverageOf({ id: 's', title: 'S' }, [])).toBeNull();
  });
});

describe('actorscope sources', () => {
  const named = raw.relations.flatMap((r) => r.claims).map((c) => c.locator.paragraph!);
  it('the interview: 31 claims, and the paragraphs they name coded', () => {
    const r = run(files(), 'sources', 'd.json', '--json');
    expect(r.code).toBe(0);
    const [row] = (JSON.parse(r.out) as { sources: Array<Record<string, unknown> & { coverage: { claimsPerParagraph: number[] } }> }).sources;
    expect(row).toMatchObject({ id: INTERVIEW, kind: 'interview', text: true, characters: raw.sources[0]!.text!.length, pages: null, claims: 31 });
    expect(row!.coverage).toMatchObject({ coded: new Set(named).size, paragraphs: 28, unplaced: 0 });
    expect(row!.coverage.claimsPerParagraph).toEqual(Array.from({ length: 28 }, (_, i) => named.filter((n) => n === i + 1).length));
  });
  it('as text: one row with "N of 28 paragraphs coded"', () => {
    const r = run(files(), 'sources', 'd.json');
    expect(r.out.split('\n')[2]).toMatch(new RegExp(`^${INTERVIEW} +Tajikistan Provides .* interview +7784 characters +- +31 +${new Set(named).size} of 28 paragraphs coded$`));
  });
});

describe('actorscope mentions', () => {
  it('--json: the mentions and candidates of the interview', () => {
    const r = run(files(), 'mentions', 'd.json', '--source', INTERVIEW, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { mentions: Array<{ actor: string; start: number; end: number; text: string }>; candidates: Array<{ text: string; start: number; end: number }> };
    expect(out.mentions).toHaveLength(98);
    expect(out.candidates).toHaveLength(26);
    const text = raw.sources[0]!.text!;
    for (const m of out.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(Object.keys(out.mentions[0]!)).toEqual(['actor', 'start', 'end', 'text']);
    expect(Object.keys(out.candidates[0]!)).toEqual(['text', 'start', 'end']);
  });
  it('as text: names, counts and paragraph numbers', () => {
    const lines = run(files(), 'mentions', 'd.json', '--source', INTERVIEW).out.split('\n');
    expect(lines[0]).toBe('98 mentions of 15 known actors in 28 paragraphs:');
    expect(lines.find((l) => l.startsWith('Russia '))).toMatch(/^Russia +russia +1, 3, 5, 7-9 +Russia, Moscow +8$/);
    expect(lines).toContain('16 candidate names that are no known actor (suggestions, not actors):');
  });
  it('a source without text, an unknown source, no --source', () => {
    const noText = JSON.stringify({ ...raw, sources: [{ id: 'bare', title: 'Bare' }], relations: [] });
    expect(run(new Map([['n.json', noText]]), 'mentions', 'n.json', '--source', 'bare')).toMatchObject({ code: 1, err: 'n.json: source "bare" has no text to look for mentions in; add the document\'s text first' });
    expect(run(files(), 'mentions', 'd.json', '--source', 'nope')).toMatchObject({ code: 1, err: `d.json: no source "nope"; the sources are "${INTERVIEW}"` });
    expect(run(files(), 'mentions', 'd.json').code).toBe(2);
  });
});

describe('actorscope annotations and annotate', () => {
  it('exports, then adds the annotations back into the dataset without claims: the same claims', () => {
    const fs = files();
    fs.set('empty.json', JSON.stringify({ ...raw, relations: raw.relations.map((r) => ({ ...r, claims: [] })) }));
    expect(run(fs, 'annotations', 'd.json', '--out', 'a.jsonld')).toMatchObject({ code: 0, out: 'wrote 31 annotations (one per claim) to a.jsonld' });
    expect(JSON.parse(fs.get('a.jsonld')!)).toHaveLength(31);
    const r = run(fs, 'annotate', 'empty.json', 'a.jsonld', '--out', 'back.json');
    expect(r).toMatchObject({ code: 0, out: 'added 31 claims (0 already there) from a.jsonld\nwrote 15 actors, 15 relations to back.json (actorscope-json)' });
    // Only what reading empty.json says of itself.
    expect(r.err.split('\n')).toEqual(raw.relations.map((_, i) => `empty.json: warning: relations[${i}].claims: empty: this relation has no evidence`));
    const back = JSON.parse(fs.get('back.json')!) as Dataset;
    const strip = (c: Claim) => ({ ...c, context: undefined });
    expect(back.relations.map((x) => x.claims.map(strip))).toEqual(raw.relations.map((x) => x.claims.map(strip)));
  });
  it('prints to stdout without --out; never overwrites without --force', () => {
    const fs = files();
    expect(JSON.parse(run(fs, 'annotations', 'd.json').out)).toHaveLength(31);
    fs.set('a.jsonld', 'keep');
    expect(run(fs, 'annotations', 'd.json', '--out', 'a.jsonld')).toMatchObject({ code: 1, err: 'a.jsonld: exists already; give --force to overwrite it; nothing written' });
    expect(fs.get('a.jsonld')).toBe('keep');
    expect(run(fs, 'annotations', 'd.json', '--out', 'a.jsonld', '--force').code).toBe(0);
  });
  it('on stdout a bidi control in a quote is written as its \\u escape (the same JSON, harmless on a terminal)', () => {
    const tricky = { ...raw, sources: [{ id: 'n', title: 'N' }], relations: [{ ...raw.relations[0]!, claims: [{ ...raw.relations[0]!.claims[0]!, sourceId: 'n', quote: 'abc\u202edef' }] }] };
    const out = run(new Map([['t.json', JSON.stringify(tricky)]]), 'annotations', 't.json').out;
    expect(out).not.toContain('\u202e');
    expect(out).toContain('abc\\u202edef');
    expect((JSON.parse(out) as Array<{ target: { selector: Array<{ exact: string }> } }>)[0]!.target.selector[0]!.exact).toBe('abc\u202edef');
  });

  it('annotate: a bad annotation is located in its file, and nothing is written', () => {
    const fs = files();
    run(fs, 'annotations', 'd.json', '--out', 'a.jsonld');
    const list = JSON.parse(fs.get('a.jsonld')!) as Array<{ target: { selector: Array<{ exact?: string }> } }>;
    // Annotation [3] is the first relation's fourth claim; with another quote it is no claim that relation has (it has 5), so a new one: relations[0].claims[5].
    list[3]!.target.selector[0]!.exact = 'words the interview never says';
    fs.set('a.jsonld', JSON.stringify(list));
    const r = run(fs, 'annotate', 'd.json', 'a.jsonld', '--out', 'out.json');
    expect(r.code).toBe(1);
    expect(r.err.split('\n')).toEqual([`a.jsonld: [3].target.selector[0].exact: not found in the text of source "${INTERVIEW}" (as relations[0].claims[5].quote)`, 'a.jsonld: not added; nothing written']);
    expect(fs.has('out.json')).toBe(false);
    expect(run(fs, 'annotate', 'd.json', 'a.jsonld').code).toBe(2);
  });
  it('every command has its usage line in the help', () => {
    const help = run(files(), 'help').out;
    for (const line of ['actorscope sources FILE [--json]', 'actorscope mentions FILE --source ID [--json]', 'actorscope annotations FILE [--out OUT.jsonld] [--force]', 'actorscope annotate FILE ANNOTATIONS --out OUT [--force]']) expect(help).toContain(`  ${line}\n`);
  });
});
