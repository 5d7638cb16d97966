/**
 * Times findMentions and findCandidates (graph/sources/) on 10,000 seeded
 * actors (a two-word name and two aliases each, some with diacritics and
 * hyphens) over a 50,000-word text with names at about 5 % of its places.
 * `npx tsx tests/bench/mentions.ts [actors] [words]`; prints the median of 5 runs.
 */
import { findCandidates } from '../../graph/sources/candidates';
import { findMentions } from '../../graph/sources/mentions';
import type { Actor } from '../../graph/model/types';

const nActors = Number(process.argv[2] ?? 10_000);
const nWords = Number(process.argv[3] ?? 50_000);
let seed = 7;
const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const SYLLABLES = ['ka', 'ri', 'to', 'mu', 'sel', 'van', 'dor', 'ei', 'lu', 'pa', 'ne', 'zi', 'qo', 'ürk', 'ân'];
const word = (n = 2 + Math.floor(rnd() * 3)) => Array.from({ length: n }, () => SYLLABLES[Math.floor(rnd() * SYLLABLES.length)]).join('');
const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);
const actors: Actor[] = Array.from({ length: nActors }, (_, i) => ({
  id: `a${i}`,
  name: `${cap(word())} ${cap(word())}`,
  kind: 'state',
  aliases: [cap(word()), `${word()}-${word()}`],
}));
const forms = actors.flatMap((a) => [a.name, ...a.aliases]);
const parts: string[] = [];
for (let i = 0; i < nWords; i++) {
  parts.push(rnd() < 0.05 ? forms[Math.floor(rnd() * forms.length)]! : word());
  if (rnd() < 0.05) parts.push('.\n');
}
const text = parts.join(' ');

/** Median over 5 runs of wall time and of this process's CPU time (user + system), in ms: on a shared
 * machine the CPU time is the steadier figure. */
function median(f: () => void): { wall: number; cpu: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < 5; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[2]!;
  return { wall: mid(wall), cpu: mid(cpu) };
}
const ms = (t: { wall: number; cpu: number }) => `${t.wall.toFixed(0)} ms (CPU ${t.cpu.toFixed(0)} ms)`;

let mentions = findMentions(text, actors);
const tMentions = median(() => (mentions = findMentions(text, actors)));
const tBuild = median(() => findMentions('x', actors));
const tCandidates = median(() => findCandidates(text, mentions));
console.log(`${nActors} actors, ${nWords} words (${text.length} UTF-16 units): ${mentions.length} mentions`);
console.log(`findMentions ${ms(tMentions)}, of which building the trie ${ms(tBuild)}; findCandidates ${ms(tCandidates)}`);
