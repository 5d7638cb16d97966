/**
 * Path presets (graph/analysis/paths/presets.ts), threats to partners
 * (threat-to-partner.ts), the hop marks and rule sentences (path-rules.ts),
 * and `actorscope paths --preset`:
 * - known answers on a hand-made graph, worked out by hand below;
 * - threats to partners against brute force on random multigraphs (every
 *   simple path, filtered by the definition, sorted by hops, confidence,
 *   names), with k small enough that partners are skipped by their bounds;
 * - properties that must hold on the embedded dataset whatever its details
 *   (hop types, direction, how a path ends, confidence ≤ weakest hop, sign).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_PATH_PRESET,
  PATH_CONFIDENCE_RULE,
  PATH_PRESETS,
  PATH_PRESET_IDS,
  PATH_SIGN_RULE,
  kShortestPaths,
  presetQuery,
  type ActorPath,
  type PathPresetId,
} from '../../graph/analysis/paths';
import { WEAK_CONFIDENCE, relationConfidence } from '../../graph/analysis/evidence';
import { seededRandom } from '../../graph/analysis/random';
import { signOf } from '../../graph/analysis/signs';
import { runPaths } from '../../graph/cli/paths';
import { RELATION_TYPES, isMutual, type Claim, type Dataset, type Grade, type Relation, type RelationType } from '../../graph/model/types';
import { restore } from '../../graph/schema/restore';
import { runCommand } from '../support/run-command';

type Rel = [source: string, target: string, type: RelationType, supports: Grade[], disputes?: Grade[]];

function claim(grade: Grade, stance: Claim['stance'], n: number): Claim {
  // One asserter per claim, so that each claim is its own witness.
  return { quote: `claim ${n}`, sourceId: 'test', locator: { paragraph: 1 }, assertedBy: `speaker ${n}`, stance, grade };
}

function dataset(ids: readonly string[], rels: readonly Rel[]): Dataset {
  let n = 0;
  return {
    format: 'actorscope',
    version: 2,
    sources: [{ id: 'test', title: 'test' }],
    meta: { title: 'path presets test' },
    actors: ids.map((id) => ({ id, name: id, kind: 'state', aliases: [] })),
    relations: rels.map(([source, target, type, supports, disputes = []], i) => ({
      id: `r${i + 1}`,
      source,
      target,
      type,
      claims: [...supports.map((g) => claim(g, 'supports', n++)), ...disputes.map((g) => claim(g, 'disputes', n++))],
    })),
  };
}

const joined = (paths: readonly ActorPath[]) => paths.map((p) => p.actors.join('>'));
const ids = (path: ActorPath) => path.hops.map((h) => h.relationId);

/*
 * The hand-made graph. Confidences: A1 = 1, B2 = 0.64, C3 = 0.36 (evidence.ts, one witness each).
 * T's partners are P (r1) and Q (r2, written Q → T: partner is mutual).
 */
const HAND = dataset(
  ['A', 'P', 'Q', 'S', 'T', 'X'],
  [
    ['T', 'P', 'partner', ['B2']], // r1
    ['Q', 'T', 'partner', ['B2']], // r2
    ['A', 'P', 'threat', ['C3']], // r3 0.36
    ['A', 'X', 'suspected-supporter', ['B2']], // r4
    ['X', 'Q', 'threat', ['B2']], // r5
    ['A', 'T', 'threat', ['A1']], // r6 A threatens T itself: not a threat to a partner
    ['A', 'P', 'suspected-supporter', ['A1']], // r7 1.0: beats r3 as a chain hop, but is no threat
    ['P', 'Q', 'threat', ['B2']], // r8
    ['Q', 'A', 'threat', ['A1']], // r9 points away from the partner Q
    ['T', 'S', 'threat', ['A1']], // r10
    ['S', 'P', 'threat', ['A1']], // r11 S is reached only through T
  ],
);

describe('threats to partners on a hand-made graph', () => {
  const ttp = (from: string, to: string, extra: { k?: number; directed?: boolean; minGrade?: Grade } = {}) =>
    kShortestPaths(HAND, { from, to, k: 10, ...presetQuery('threats-to-partners'), ...extra });

  it('A → T: a threat into P or Q, then the partnership; ranked by hops, then confidence', () => {
    // Group P: A → P by the threat r3 (0.36), not by the more confident support r7; then r1.
    //   A>P>T = 0.36 × 0.64 = 0.2304.
    // Group Q: threats into Q are r5 (from X) and r8 (from P): A>P>Q>T over r7, r8, r2 = 1 × 0.64 × 0.64 = 0.4096,
    //   A>X>Q>T over r4, r5, r2 = 0.64³ = 0.262144.
    // Not: A>T (r6 is no partner hop), A>P>T over r7 (no threat into P), A>T>S>P>T (T twice), A>Q>T (r9 points the other way).
    const paths = ttp('A', 'T');
    expect(joined(paths)).toEqual(['A>P>T', 'A>P>Q>T', 'A>X>Q>T']);
    expect(paths.map(ids)).toEqual([['r3', 'r1'], ['r7', 'r8', 'r2'], ['r4', 'r5', 'r2']]);
    expect(paths.map((p) => p.confidence)).toEqual([expect.closeTo(0.2304, 12), expect.closeTo(0.4096, 12), expect.closeTo(0.262144, 12)]);
    // threat × partner, support × threat × partner: hostile.
    expect(paths.map((p) => p.sign)).toEqual([-1, -1, -1]);
    expect(paths[0]!.hops.at(-1)).toMatchObject({ relationId: 'r1', source: 'T', target: 'P', from: 'P', to: 'T', type: 'partner' });
    expect(joined(ttp('A', 'T', { k: 2 }))).toEqual(['A>P>T', 'A>P>Q>T']);
  });

  it('a partner of the target starts elsewhere; the grade threshold and either-way chains', () => {
    // P is T's partner itself: only its threat into the other partner Q counts.
    expect(joined(ttp('P', 'T'))).toEqual(['P>Q>T']);
    // B2 or better drops r3 (C3), and with it A>P>T.
    expect(joined(ttp('A', 'T', { minGrade: 'B2' }))).toEqual(['A>P>Q>T', 'A>X>Q>T']);
    // Chains either way still need a threat INTO the partner: r9 (Q threatens A) never ends a path at Q.
    expect(joined(ttp('A', 'T', { directed: false }))).toEqual(['A>P>T', 'A>P>Q>T', 'A>X>Q>T']);
    // The same query without the constraint on the end does find A>Q>T over r9 walked backwards.
    expect(joined(kShortestPaths(HAND, { from: 'A', to: 'T', k: 3, types: ['threat', 'partner'], directed: false }))).toContain('A>Q>T');
    expect(ttp('T', 'T')).toEqual([]);
    expect(() => kShortestPaths(HAND, { from: 'A', to: 'T', end: 'partners' as never })).toThrow(/end "partners"/);
  });

  it('with k = 1, a partner whose bound ties with the path in hand is still searched: names decide', () => {
    // C's partnership comes first, so C's group is searched first; A>B>T and A>C>T tie on hops and
    // confidence (B2 each), and B comes before C by name.
    const tie = dataset(
      ['A', 'B', 'C', 'T'],
      [
        ['C', 'T', 'partner', ['B2']],
        ['B', 'T', 'partner', ['B2']],
        ['A', 'C', 'threat', ['B2']],
        ['A', 'B', 'threat', ['B2']],
      ],
    );
    expect(joined(kShortestPaths(tie, { from: 'A', to: 'T', k: 1, ...presetQuery('threats-to-partners') }))).toEqual(['A>B>T']);
    expect(joined(kShortestPaths(tie, { from: 'A', to: 'T', k: 2, ...presetQuery('threats-to-partners') }))).toEqual(['A>B>T', 'A>C>T']);
  });

  it('the other presets on the same graph', () => {
    const preset = (id: PathPresetId, from: string, to: string) => joined(kShortestPaths(HAND, { from, to, k: 10, ...presetQuery(id) }));
    // Threat chains: threat and support, directed; nothing enters T but r6.
    expect(preset('threat-chains', 'A', 'T')).toEqual(['A>T']);
    expect(preset('threat-chains', 'X', 'A')).toEqual(['X>Q>A']);
    // Cooperation: partners both ways (P — T — Q); A has no cooperation tie.
    expect(preset('cooperation', 'P', 'Q')).toEqual(['P>T>Q']);
    expect(preset('cooperation', 'A', 'T')).toEqual([]);
    // Any tie: every relation either way, so the threat r9 joins Q and A directly.
    expect(preset('any', 'Q', 'A')[0]).toBe('Q>A');
    expect(preset('any', 'A', 'T')[0]).toBe('A>T');
  });
});

describe('the presets themselves', () => {
  it('each has a label, a one-line meaning and its types; the default is not "Any tie"', () => {
    expect(PATH_PRESET_IDS).toEqual(['threat-chains', 'threats-to-partners', 'cooperation', 'any']);
    for (const id of PATH_PRESET_IDS) {
      const p = PATH_PRESETS[id];
      expect(p.id).toBe(id);
      expect(p.meaning).not.toMatch(/\n/);
      expect(p.meaning.length).toBeGreaterThan(20);
    }
    expect(presetQuery('threat-chains')).toEqual({ types: ['threat', 'suspected-supporter'], directed: true, end: 'target' });
    expect(presetQuery('threats-to-partners')).toEqual({ types: ['threat', 'suspected-supporter'], directed: true, end: 'threat-to-partner' });
    expect(presetQuery('cooperation')).toEqual({ types: ['partner', 'supplier'], directed: true, end: 'target' });
    expect(presetQuery('any')).toEqual({ types: [...RELATION_TYPES], directed: false, end: 'target' });
    expect(DEFAULT_PATH_PRESET).toBe('threat-chains');
    expect(PATH_SIGN_RULE).toMatch(/^Sign: .*product/);
    expect(PATH_CONFIDENCE_RULE).toMatch(/^Confidence: .*product.*weakest hop/);
  });

  it('a hop is weak below 0.36 (one C3 claim), contested when its doubt outweighs its support, and then marked contested only', () => {
    const marks = dataset(
      ['A', 'B', 'C', 'D', 'E'],
      [
        ['A', 'B', 'threat', ['C3']], // 0.36: just not weak
        ['B', 'C', 'threat', ['C4']], // 0.24: weak
        ['C', 'D', 'threat', ['B2'], ['B2']], // 0.64 × 0.36 = 0.2304, but contested (doubt = support): marked contested, not weak
        ['D', 'E', 'threat', ['A1'], ['C3']], // 1 × 0.64: disputed, neither weak nor contested
      ],
    );
    expect(WEAK_CONFIDENCE).toBeCloseTo(0.36, 12);
    const [path] = kShortestPaths(marks, { from: 'A', to: 'E', ...presetQuery('threat-chains') });
    expect(path!.hops.map(({ weak, contested, supports, disputes }) => ({ weak, contested, supports, disputes }))).toEqual([
      { weak: false, contested: false, supports: 1, disputes: 0 },
      { weak: true, contested: false, supports: 1, disputes: 0 },
      { weak: false, contested: true, supports: 1, disputes: 1 },
      { weak: false, contested: false, supports: 1, disputes: 1 },
    ]);
  });
});

// ---------------------------------------------------------------------------
// Brute force

/** Every threat-to-partner path from `from` to `to`, by the definition, best first (path-order.ts's order with names = ids). */
function bruteForce(data: Dataset, from: string, to: string, types: readonly RelationType[], directed: boolean): string[] {
  const best = (u: string, v: string, ok: (r: Relation) => boolean): number | null => {
    let c: number | null = null;
    for (const r of data.relations) {
      if (r.source === r.target || !ok(r)) continue;
      const forward = r.source === u && r.target === v;
      const backward = r.source === v && r.target === u;
      if (forward || backward) c = Math.max(c ?? -1, relationConfidence(r));
    }
    return c;
  };
  const chainHop = (u: string, v: string) =>
    best(u, v, (r) => types.includes(r.type) && (r.source === u || !directed || isMutual(r.type)));
  const threatHop = (u: string, v: string) => best(u, v, (r) => r.type === 'threat' && r.source === u);
  const partnerHop = (u: string, v: string) => best(u, v, (r) => r.type === 'partner');
  const cost = (c: number) => -Math.log(Math.max(c, 1e-9));

  const found: Array<{ nodes: string[]; cost: number }> = [];
  const actors = data.actors.map((a) => a.id);
  const walk = (nodes: string[], sum: number) => {
    const last = nodes[nodes.length - 1]!;
    // End here: last hop a threat into `partner`, then the partnership into `to`.
    for (const partner of actors) {
      if (nodes.includes(partner) || partner === to) continue;
      const t = threatHop(last, partner);
      const p = partnerHop(partner, to);
      if (t !== null && p !== null) found.push({ nodes: [...nodes, partner, to], cost: sum + cost(t) + cost(p) });
    }
    for (const next of actors) {
      if (nodes.includes(next) || next === to) continue;
      const c = chainHop(last, next);
      if (c !== null) walk([...nodes, next], sum + cost(c));
    }
  };
  if (from !== to) walk([from], 0);
  const seq = (a: string[], b: string[]) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
    return a.length - b.length;
  };
  found.sort((a, b) => a.nodes.length - b.nodes.length || (Math.abs(a.cost - b.cost) <= 1e-9 ? 0 : a.cost - b.cost) || seq(a.nodes, b.nodes));
  return found.map((f) => f.nodes.join('>'));
}

describe('threats to partners against brute force on random multigraphs', () => {
  const GRADES: Grade[] = ['A1', 'B2', 'B3', 'C3', 'D4', 'F6'];
  for (let seed = 1; seed <= 60; seed++) {
    it(`seed ${seed}`, () => {
      const random = seededRandom(seed);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
      const actors = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
      const rels: Rel[] = [];
      // Threats and partnerships weigh double, so that targets have several partners under threat.
      const m = 12 + Math.floor(random() * 16);
      for (let i = 0; i < m; i++) rels.push([pick(actors), pick(actors), pick([...RELATION_TYPES, 'threat', 'partner']), [pick(GRADES)]]);
      const data = dataset(actors, rels);
      const types = pick([['threat', 'suspected-supporter'], [...RELATION_TYPES], ['threat']] as RelationType[][]);
      const directed = random() < 0.7;
      for (const [from, to] of [['a', 'b'], ['c', 'a'], ['d', 'e']] as const) {
        const expected = bruteForce(data, from, to, types, directed);
        // Small k too: then the partners whose bound ranks after k paths in hand go unsearched.
        for (const k of [1, 2]) {
          expect(joined(kShortestPaths(data, { from, to, k, types, directed, end: 'threat-to-partner' })), `${from}>${to} k ${k}`).toEqual(expected.slice(0, k));
        }
        const got = kShortestPaths(data, { from, to, k: 8, types, directed, end: 'threat-to-partner' });
        expect(joined(got), `${from}>${to}`).toEqual(expected.slice(0, 8));
        for (const p of got) {
          expect(p.hops.at(-1)!.type).toBe('partner');
          expect(p.hops.at(-2)).toMatchObject({ type: 'threat', source: p.actors.at(-3), target: p.actors.at(-2) });
        }
      }
    });
  }
});

// ---------------------------------------------------------------------------
// The embedded dataset: properties only (its relations may still be revised).

describe('presets on public/data/tajikistan-2023.json', () => {
  const read = restore(JSON.parse(readFileSync(fileURLToPath(new URL('../../public/data/tajikistan-2023.json', import.meta.url)), 'utf8')));
  if (!read.ok) throw new Error('the Tajikistan dataset does not restore');
  const data = read.dataset;
  const relationType = new Map(data.relations.map((r) => [r.id, r.type]));

  it('every path of every preset between every pair keeps to its types, direction and end; confidence ≤ the weakest hop; sign = product', () => {
    let found = 0;
    for (const id of PATH_PRESET_IDS) {
      const preset = PATH_PRESETS[id];
      for (const from of data.actors) {
        for (const to of data.actors) {
          for (const path of kShortestPaths(data, { from: from.id, to: to.id, k: 3, ...presetQuery(id) })) {
            found++;
            expect(path.actors[0]).toBe(from.id);
            expect(path.actors.at(-1)).toBe(to.id);
            expect(new Set(path.actors).size).toBe(path.actors.length);
            const chain = id === 'threats-to-partners' ? path.hops.slice(0, -2) : path.hops;
            for (const h of chain) {
              expect(preset.types).toContain(h.type);
              if (preset.directed && !isMutual(h.type)) expect(h.from).toBe(h.source);
            }
            if (id === 'threats-to-partners') {
              const [threat, partner] = path.hops.slice(-2);
              expect(threat).toMatchObject({ type: 'threat', target: path.actors.at(-2) });
              expect(threat!.from).toBe(threat!.source);
              expect(partner!.type).toBe('partner');
            }
            for (const h of path.hops) expect(relationType.get(h.relationId)).toBe(h.type);
            expect(path.confidence).toBeLessThanOrEqual(Math.min(...path.hops.map((h) => h.confidence)) + 1e-12);
            expect(path.sign).toBe(path.hops.reduce((s, h) => s * signOf(h.type), 1) || 0);
          }
        }
      }
    }
    // Not an empty dataset: some paths were checked.
    expect(found).toBeGreaterThan(20);
  });
});

// ---------------------------------------------------------------------------
// The CLI

const FIXTURES = join(fileURLToPath(new URL('../..', import.meta.url)), 'tests', 'fixtures', 'paths');

describe('actorscope paths --preset', () => {
  it('Threat chains by default, says so with its meaning, and ends with the sign, confidence and weak-hop rules', () => {
    // small.json: A threatens B (B2) and B threatens D (B2); A — C (partner) → D (supplier), both C3.
    const r = runCommand(runPaths, FIXTURES, 'small.json', '--from', 'A', '--to', 'D');
    expect(r).toMatchObject({ code: 0, err: '' });
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('1 path from Alpha Republic (A) to Delta (D) (Threat chains; directed; types threat, suspected-supporter):');
    expect(lines[1]).toBe(`Threat chains: ${PATH_PRESETS['threat-chains'].meaning}`);
    expect(lines).toContain('1. A → B → D  (2 hops, sign +, confidence 0.410)');
    expect(lines.slice(-3)).toEqual([PATH_SIGN_RULE, PATH_CONFIDENCE_RULE, expect.stringMatching(/^Weak hop: .*below 0\.36/)]);
  });

  it('--preset cooperation and any; --types overrides the preset; a bad name is a usage error', () => {
    const paths = (...args: string[]) =>
      (JSON.parse(runCommand(runPaths, FIXTURES, 'small.json', '--from', 'A', '--to', 'D', '--json', ...args).out) as { paths: Array<{ actors: string[] }> }).paths.map((p) => p.actors.join('>'));
    expect(paths('--preset', 'cooperation')).toEqual(['A>C>D']);
    expect(paths('--preset', 'any')).toEqual(['A>D', 'A>B>D', 'A>C>D']);
    expect(paths('--preset', 'any', '--types', 'partner,supplier')).toEqual(['A>C>D']);
    expect(paths('--types', 'partner,supplier,threat')).toEqual(['A>B>D', 'A>C>D']);
    const bad = runCommand(runPaths, FIXTURES, 'small.json', '--from', 'A', '--to', 'D', '--preset', 'allies');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--preset: "allies" is not one of threat-chains, threats-to-partners, cooperation, any');
  });

  it('--preset threats-to-partners marks a contested hop and lists the claims against', () => {
    const r = runCommand(runPaths, FIXTURES, 'partners.json', '--from', 'A', '--to', 'T', '--preset', 'threats-to-partners', '--evidence', 'all');
    expect(r).toMatchObject({ code: 0, err: '' });
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('1 path from A to T (Threats to partners; directed; types threat, suspected-supporter):');
    expect(lines).toContain('   threat: A → P  [contested]  (r2, confidence 0.230, claims 1 for, 1 against)');
    expect(lines).toContain('      against: “A does not threaten P.” — Test source ¶2, B2');
    const json = JSON.parse(runCommand(runPaths, FIXTURES, 'partners.json', '--from', 'A', '--to', 'T', '--preset', 'threats-to-partners', '--evidence', 'all', '--json').out) as {
      paths: Array<{ relations: Array<Record<string, unknown>>; sign: number }>;
    };
    expect(json.paths[0]!.relations).toEqual([
      { id: 'r2', source: 'A', target: 'P', type: 'threat', confidence: expect.closeTo(0.2304, 12), weak: false, contested: true, supports: 1, disputes: 1 },
      { id: 'r1', source: 'P', target: 'T', type: 'partner', confidence: expect.closeTo(0.64, 12), weak: false, contested: false, supports: 1, disputes: 0 },
    ]);
    expect(json.paths[0]!.sign).toBe(-1);
    // By default the contested threat does not count, and so there is no path.
    expect(runCommand(runPaths, FIXTURES, 'partners.json', '--from', 'A', '--to', 'T', '--preset', 'threats-to-partners').out).toBe(
      'No path from A to T (Threats to partners; directed; types threat, suspected-supporter).',
    );
  });
});
