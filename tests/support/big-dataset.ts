/**
 * A large synthetic dataset for scale tests and measurements: a seeded
 * Barabási–Albert-like graph (preferential attachment, so a few hubs and a
 * long tail, like event-data networks) in our Actorscope JSON format, with
 * mixed actor kinds and relation types and no claims. The same options give
 * the same file, byte for byte.
 *
 *   npx tsx tests/support/big-dataset.ts out.json [actors=10000] [relations=50000] [seed=1]
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Actor, ActorKind, Dataset, Relation, RelationType } from '../../graph';
import { seededRandom } from '../../graph/analysis/random';

export interface BigDatasetOptions {
  actors: number;
  relations: number;
  seed?: number;
}

function pickWeighted<T>(random: () => number, table: ReadonlyArray<readonly [T, number]>): T {
  let r = random() * table.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of table) if ((r -= w) < 0) return value;
  return table[table.length - 1]![0];
}

const KINDS: ReadonlyArray<readonly [ActorKind, number]> = [
  ['state', 8],
  ['armed-group', 14],
  ['political-group', 14],
  ['bloc', 4],
  ['region', 6],
  ['person', 24],
  ['organization', 30],
];
const TYPES: ReadonlyArray<readonly [RelationType, number]> = [
  ['partner', 40],
  ['threat', 25],
  ['supplier', 25],
  ['suspected-supporter', 10],
];
const KIND_WORDS: Record<string, readonly string[]> = {
  state: ['Republic', 'Kingdom', 'Federation'],
  'armed-group': ['Brigade', 'Front', 'Militia'],
  'political-group': ['Party', 'Movement', 'Alliance'],
  bloc: ['Pact', 'Union', 'Community'],
  region: ['Province', 'Valley', 'Oblast'],
  person: ['(leader)', '(minister)', '(envoy)'],
  organization: ['Corporation', 'Foundation', 'Council'],
};
const SYLLABLES = ['ka', 'ro', 'va', 'tel', 'mir', 'os', 'dan', 'be', 'shi', 'lu', 'gar', 'zen', 'pol', 'ix', 'tu', 'sar', 'ne', 'qa', 'dor', 'vi'];

function pseudoWord(random: () => number): string {
  const n = 2 + Math.floor(random() * 2);
  let w = '';
  for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)]!;
  return w[0]!.toUpperCase() + w.slice(1);
}

/** Actor `i`'s id; actor 0 is the first hub. */
export const bigActorId = (i: number): string => `actor-${String(i).padStart(5, '0')}`;

/**
 * Preferential attachment: each new actor ties to `m` distinct earlier actors
 * chosen with probability proportional to their degree; the remainder (or the
 * excess) of the wanted relation count is made up by extra preferential ties
 * (or by stopping early). No two relations join the same pair.
 */
export function bigDataset({ actors: n, relations: wanted, seed = 1 }: BigDatasetOptions): Dataset {
  if (n < 2) throw new Error('bigDataset needs at least two actors');
  const maxPairs = (n * (n - 1)) / 2;
  if (wanted > maxPairs) throw new Error(`bigDataset: ${wanted} relations do not fit between ${n} actors`);
  const random = seededRandom(seed);
  const m = Math.max(1, Math.floor(wanted / n));

  const actors: Actor[] = [];
  for (let i = 0; i < n; i++) {
    const kind = pickWeighted(random, KINDS);
    const words = KIND_WORDS[kind as string]!;
    const word = words[Math.floor(random() * words.length)]!;
    const actor: Actor = { id: bigActorId(i), name: `${pseudoWord(random)} ${word} ${i}`, kind, aliases: [] };
    if (i % 10 === 0) actor.aliases.push(`Alias ${pseudoWord(random)} ${i}`);
    actors.push(actor);
  }

  const pairs = new Set<number>();
  const ends: number[] = []; // every relation end, so a uniform pick is a degree-proportional pick
  const relations: Relation[] = [];
  const add = (a: number, b: number): boolean => {
    if (a === b) return false;
    const key = a < b ? a * n + b : b * n + a;
    if (pairs.has(key)) return false;
    pairs.add(key);
    ends.push(a, b);
    const type = pickWeighted(random, TYPES);
    const [source, target] = random() < 0.5 ? [a, b] : [b, a];
    relations.push({ id: `r${relations.length + 1}`, source: bigActorId(source), target: bigActorId(target), type, claims: [] });
    return true;
  };
  // A small clique to start from.
  const start = Math.min(n, m + 1);
  for (let i = 0; i < start && relations.length < wanted; i++) for (let j = i + 1; j < start && relations.length < wanted; j++) add(i, j);
  for (let v = start; v < n && relations.length < wanted; v++) {
    let made = 0;
    for (let tries = 0; made < Math.min(m, v) && tries < 50 * m && relations.length < wanted; tries++) {
      const u = ends.length ? ends[Math.floor(random() * ends.length)]! : Math.floor(random() * v);
      if (add(v, u)) made++;
    }
    if (made === 0) add(v, Math.floor(random() * v)); // never leave an actor isolated by bad luck
  }
  // Make up the count with extra ties: one end uniform, the other preferential.
  for (let guard = 0; relations.length < wanted && guard < wanted * 50; guard++) {
    add(Math.floor(random() * n), ends[Math.floor(random() * ends.length)]!);
  }

  return {
    format: 'actorscope',
    version: 2,
    sources: [],
    meta: {
      title: `Synthetic network: ${n.toLocaleString('en')} actors, ${relations.length.toLocaleString('en')} relations`,
      description: `Barabási–Albert-like (preferential attachment, m = ${m}), seed ${seed}; generated by tests/support/big-dataset.ts. No claims: for scale tests only.`,
    },
    actors,
    relations,
  };
}

export function bigDatasetJson(options: BigDatasetOptions): string {
  return JSON.stringify(bigDataset(options));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [out, actors = '10000', relations = '50000', seed = '1'] = process.argv.slice(2);
  if (!out) {
    console.error('usage: tsx tests/support/big-dataset.ts OUT.json [actors] [relations] [seed]');
    process.exit(2);
  }
  writeFileSync(out, bigDatasetJson({ actors: Number(actors), relations: Number(relations), seed: Number(seed) }));
  console.log(`wrote ${out}`);
}
