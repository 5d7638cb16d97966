import { DEFAULT_EXACT_LIMIT, type BalanceResult, type SignedRelation } from '../analysis/balance';
import { MAX_EXACT_SIZE } from '../analysis/balance/exact';
import { DEFAULT_SIGNS } from '../analysis/signs';
import type { Dataset, Grade, Relation } from '../model/types';
import { RELATION_TYPES, isMutual } from '../model/types';
import { alignedTable, askWeighed, fileArgument, parseCommandArgs, type Io } from './common';
import { loadDataset } from './load-dataset';
import { printLeftOut, withLeftOut } from './left-out';
import { EVIDENCE_OPTIONS, evidenceOption, wholeNumberOption } from './options';
import { actorNames, clean, jsonText } from './terminal';

export const BALANCE_USAGE = `actorscope balance FILE [--json] [--evidence all|uncontested] [--min-confidence X] [--min-grade C3] [--exact-limit ${DEFAULT_EXACT_LIMIT}]`;

export function runBalance(args: string[], io: Io): number {
  const { values, positionals } = parseCommandArgs(args, { 'min-grade': 'string', ...EVIDENCE_OPTIONS, 'exact-limit': 'string' });
  const file = fileArgument('balance', positionals);
  const evidence = evidenceOption(values);
  const exactLimit = wholeNumberOption('exact-limit', values['exact-limit'], { min: 0, max: MAX_EXACT_SIZE });
  const dataset = loadDataset(io, file, values);
  if (!dataset) return 1;
  const { result, evidence: report } = askWeighed({ type: 'balance', dataset, evidence, options: { exactLimit } });
  if (values.json) io.out(jsonText(withLeftOut(toJson(result), report)));
  else {
    io.out(toText(dataset, result, evidence.minGrade, evidence.minConfidence));
    printLeftOut(io, file, report);
  }
  return 0;
}

function toJson(r: BalanceResult) {
  return {
    triads: r.triads,
    unbalancedTriads: r.unbalancedTriads.map((t) => t.actors),
    frustration: r.frustration,
    factions: r.factions,
    exact: r.exact,
    lowerBound: r.lowerBound,
    method: r.method,
  };
}

const signText = (sign: number) => (sign > 0 ? '+' : '−');

function toText(dataset: Dataset, r: BalanceResult, minGrade: Grade | undefined, minConfidence: number | undefined): string {
  const relations = new Map(dataset.relations.map((rel) => [rel.id, rel] as const));
  const name = actorNames(dataset.actors);
  const ends = (s: SignedRelation) => `${name(s.source)} ${isMutual(s.type) ? '–' : '→'} ${name(s.target)}`;
  const signs = (wanted: number) => RELATION_TYPES.filter((t) => DEFAULT_SIGNS[t] === wanted).join(', ');

  const lines = [
    `Structural balance on ${r.graph.relations} signed relations among ${r.graph.actors} actors ` +
      `(${signs(1)} +; ${signs(-1)} −; relations read undirected${minGrade ? `; only relations with a supporting claim at ${minGrade} or better` : ''}` +
      `${minConfidence !== undefined ? `; only relations with confidence at least ${minConfidence}` : ''}).`,
    '',
    `Triads: ${r.triads.balanced} balanced, ${r.triads.unbalanced} unbalanced.`,
  ];
  r.unbalancedTriads.forEach((t, i) => {
    lines.push('', `${i + 1}. ${t.actors.map(name).join(', ')}`);
    for (const s of t.relations) {
      const quote = firstQuote(relations.get(s.id));
      lines.push(`   ${ends(s)}: ${s.type} (${signText(s.sign)})${quote ? `  "${clean(quote)}"` : ''}`);
    }
  });
  if (r.ambivalentPairs.length) {
    lines.push('', 'Ambivalent pairs (joined by both + and − relations):');
    for (const p of r.ambivalentPairs) {
      lines.push(`  ${p.actors.map(name).join(' and ')}: ${p.relations.map((s) => `${s.type} (${signText(s.sign)})`).join(', ')}`);
    }
  }
  lines.push(
    '',
    `Frustration: ${r.frustration}${r.exact ? '' : ` (at least ${r.lowerBound})`}. ${r.method}`,
    '',
    `Faction 1 (${r.factions[0].length}): ${r.factions[0].map(name).join(', ') || 'none'}`,
    `Faction 2 (${r.factions[1].length}): ${r.factions[1].map(name).join(', ') || 'none'}`,
  );
  if (r.frustratedRelations.length) {
    const faction = new Map<string, number>();
    r.factions.forEach((f, i) => f.forEach((id) => faction.set(id, i + 1)));
    lines.push('', `Frustrated relations (${r.frustratedRelations.length}):`, '');
    const rows = r.frustratedRelations.map((s) => [
      s.id,
      ends(s),
      `${s.type} (${signText(s.sign)})`,
      s.sign > 0 ? 'across factions' : `within faction ${faction.get(s.source)}`,
    ]);
    lines.push(alignedTable(['id', 'relation', 'type', 'violates'], rows, 4));
  }
  if (r.unsigned.length) lines.push('', `No signed relation (in neither faction): ${r.unsigned.map(name).join(', ')}`);
  return lines.join('\n');
}

/** The quote of the relation's first supporting claim (or its first claim). */
function firstQuote(relation: Relation | undefined): string | undefined {
  if (!relation) return undefined;
  return (relation.claims.find((c) => c.stance === 'supports') ?? relation.claims[0])?.quote;
}
