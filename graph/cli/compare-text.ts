/**
 * The text `actorscope compare` prints: the comparison table with its bars,
 * the layers, the stability variants, the explanations and the tie strength.
 * Every text from the file goes through clean() (terminal.ts).
 */
import type { BetweennessEstimate, BetweennessExplanation, Comparison, EigenvectorExplanation, LayerResult, StabilityResult, TieStrength } from '../analysis/compare';
import { describeEvidence, type EvidenceReport } from '../analysis/evidence-setting';
import { metricView, type MetricId } from '../analysis/metrics';
import type { Dataset, Grade } from '../model/types';
import { alignedTable } from './common';
import { networkNote } from './network-note';
import { actorNames, clean } from './terminal';

/** Pairs and neighbours shown per actor with --explain. */
export const EXPLAIN_LIMIT = 5;
/** Width of the bars in characters; each character holds eight steps. */
const BAR_WIDTH = 24;
/** Dropped relations listed by name in the text output before "…". */
const DROPPED_SHOWN = 8;

export interface StabilityVariant {
  key: 'withoutSuspected' | 'minGrade';
  grade?: Grade;
  result: StabilityResult;
}

export interface CompareReport {
  comparison: Comparison;
  relations: number;
  layers: LayerResult[];
  stability: { metric: MetricId; variants: StabilityVariant[] };
  explain?: Array<{ betweenness: BetweennessExplanation; eigenvector: EigenvectorExplanation }>;
  tieStrength?: TieStrength;
  evidence?: EvidenceReport;
}

// ---------------------------------------------------------------- text

/** How a report shows its metrics: weighted by evidence (--weighted) or not, labels and number format as metricView gives them. */
interface Shown {
  label(metric: MetricId): string;
  value(metric: MetricId, value: number | null): string;
  valueAndRank(metric: MetricId, value: number | null, rank: number | null): string;
}

function shownAs(weighted: boolean): Shown {
  const value = (metric: MetricId, v: number | null) => (v === null ? 'n/a' : metricView(metric, weighted).integer ? String(v) : v.toFixed(4));
  return {
    label: (metric) => metricView(metric, weighted).label,
    value,
    valueAndRank: (metric, v, rank) => (v === null ? 'n/a' : `${value(metric, v)} (#${rank})`),
  };
}

/** ▲n: n places higher; ▼n: lower; = unchanged; blank when there is nothing to compare. */
function change(n: number | null): string {
  if (n === null) return '';
  return n > 0 ? `▲${n}` : n < 0 ? `▼${-n}` : '=';
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A horizontal bar of `fraction` (0..1) of BAR_WIDTH, in eighths of a character. */
export function bar(fraction: number, width = BAR_WIDTH): string {
  const steps = Math.round(Math.min(1, Math.max(0, fraction)) * width * 8);
  return '█'.repeat(Math.floor(steps / 8)) + EIGHTHS[steps % 8]!;
}

export function toText(report: CompareReport, actors: readonly string[], dataset: Dataset): string {
  const c = report.comparison;
  const show = shownAs(c.weighted);
  const names = c.actors.map((a) => clean(a.name));
  const out: string[] = [];
  out.push(
    `${names.join(' vs ')}: ${c.actorCount} actors, ${report.relations} relations, ${c.directed ? 'directed: partner counted both ways' : 'undirected: every relation mutual'}`,
    `Ranks are among all ${c.actorCount} actors: #1 = highest value; tied actors share the best rank.`,
    ...networkNote(c),
    '',
    alignedTable(
      ['id', 'name', ...c.metrics.map((m) => show.label(m))],
      c.actors.map((a) => [a.id, a.name, ...a.metrics.map((m) => show.valueAndRank(m.metric, m.value, m.rank))]),
    ),
  );
  for (const u of c.unavailable) out.push(`${show.label(u.metric)}: n/a: ${u.reason}`);

  out.push('', 'Share of the highest value in the graph:');
  const nameWidth = Math.max(...names.map((n) => n.length));
  for (const [k, metric] of c.metrics.entries()) {
    const max = c.maxima[k]!.max;
    out.push(`${show.label(metric)} (highest ${show.value(metric, max)})`);
    c.actors.forEach((a, i) => {
      const m = a.metrics[k]!;
      const shown = m.normalized === null ? 'n/a' : `${bar(m.normalized).padEnd(BAR_WIDTH)}  ${m.normalized.toFixed(2)}`;
      out.push(`  ${names[i]!.padEnd(nameWidth)}  ${shown}`);
    });
  }

  for (const l of report.layers) {
    const label = show.label(l.metric);
    out.push(
      '',
      `${label} by relation-type layer (▲n / ▼n: n places higher / lower in the layer than in the whole graph):`,
      alignedTable(
        ['layer', 'relations', ...names],
        l.layers.map((layer) => [
          layer.layer,
          String(layer.relations),
          ...layer.rows.map((r) => {
            const mark = change(r.change);
            return `${show.valueAndRank(l.metric, r.value, r.rank)}${layer.layer === 'all' ? '' : ` ${mark.padStart(3)}`}`;
          }),
        ]),
        1,
      ),
    );
    for (const layer of l.layers) if (layer.unavailable) out.push(`${layer.layer}: n/a: ${layer.unavailable}`);
  }

  const metric = report.stability.metric;
  const compared = new Set(actors);
  const relationById = new Map(dataset.relations.map((r) => [r.id, r]));
  const actorName = actorNames(dataset.actors);
  for (const v of report.stability.variants) {
    const r = v.result;
    const what = v.key === 'withoutSuspected' ? 'the suspected-supporter relations' : `the relations lacking a supporting claim graded ${v.grade} or better`;
    const droppedText = r.dropped.length
      ? r.dropped
          .slice(0, DROPPED_SHOWN)
          .map((id) => {
            const rel = relationById.get(id)!;
            return `${clean(id)} ${actorName(rel.source)} ${rel.type} ${actorName(rel.target)}`;
          })
          .join('; ') + (r.dropped.length > DROPPED_SHOWN ? `; … (${r.dropped.length} in all)` : '')
      : 'none';
    out.push(
      '',
      `${show.label(metric)} with and without ${what}:`,
      `dropped: ${droppedText}`,
      `Spearman rank correlation over all actors: ${r.spearman === null ? 'n/a' : r.spearman.toFixed(3)}`,
      alignedTable(
        ['id', 'name', 'with', 'without', 'move'],
        r.moves
          .filter((m) => compared.has(m.id))
          .map((m) => [
            m.id,
            m.name,
            show.valueAndRank(metric, m.baseValue, m.baseRank),
            show.valueAndRank(metric, m.variantValue, m.variantRank),
            change(m.delta) || 'n/a',
          ]),
      ),
    );
  }

  if (report.explain) {
    for (const { betweenness: b, eigenvector: e } of report.explain) {
      out.push('', `Why ${clean(b.name)}:`);
      if (b.betweenness === null) out.push('  betweenness n/a');
      else if (!b.exact && b.estimate) out.push(...estimatedBetweenness(b, b.betweenness, b.estimate));
      else {
        const pairs = `${b.totalPairs} ${b.directed ? 'ordered ' : ''}pair${b.totalPairs === 1 ? '' : 's'}`;
        out.push(
          b.totalPairs === 0
            ? `  betweenness ${b.betweenness.toFixed(4)}: on no shortest path between two other actors`
            : `  betweenness ${b.betweenness.toFixed(4)}: on shortest paths between ${pairs} of other actors${b.totalPairs > b.pairs.length ? `; the first ${b.pairs.length}` : ''}:`,
        );
      }
      if (b.betweenness !== null) {
        for (const p of b.pairs) {
          out.push(`    ${clean(p.sourceName)} ${b.directed ? '→' : '–'} ${clean(p.targetName)}: ${p.through} of ${p.paths} shortest paths`);
        }
      }
      if (e.eigenvector === null) out.push(`  eigenvector n/a${e.unavailable ? `: ${e.unavailable}` : ''}`);
      else {
        const shown = e.contributions.slice(0, EXPLAIN_LIMIT);
        out.push(
          `  eigenvector ${e.eigenvector.toFixed(4)}, from ${b.directed ? 'in-' : ''}neighbours: ${
            shown.length ? shown.map((x) => `${clean(x.name)} ${(x.share * 100).toFixed(0)}%`).join(', ') : 'none'
          }${e.contributions.length > shown.length ? ', …' : ''}`,
        );
      }
    }
  }
  if (report.tieStrength) out.push('', ...tieText(report.tieStrength, report.evidence));
  return out.join('\n');
}

/** One row per actor, strongest first, then the rule and each actor's sum. */
function tieText(t: TieStrength, evidence: EvidenceReport | undefined): string[] {
  const rows = t.actors.map((a) => {
    if (a.strength === null) return [a.id, a.name, '-', '-', '-', 'n/a', '-', '-'];
    const dropped = a.leftOut.filter((tie) => tie.reason === 'contested').length;
    const [wFor, wAgainst] = [a.witnessesFor.length, a.witnessesAgainst.length];
    const contested = dropped ? `${dropped} not counted` : String(a.contested);
    return [a.id, a.name, String(a.relations.length), `${a.supports}/${a.disputes}`, `${wFor}/${wAgainst}`, a.strength.toFixed(3), a.bestGrade ?? '-', contested];
  });
  const counting = evidence ? `; counting ${describeEvidence(evidence.setting)}` : '';
  return [
    `Ties to ${clean(t.to.name)} (strongest first${counting}):`,
    alignedTable(['id', 'name', 'relations', 'claims for/against', 'witnesses for/against', 'strength', 'best grade', 'contested'], rows),
    t.rule,
    ...t.actors.map((a) => `${clean(a.name)}: ${clean(a.rule)}`),
  ];
}

/** Two significant digits: 0.091, 0.0012. */
const twoDigits = (x: number) => String(+x.toPrecision(2));

/**
 * A sampled explanation: the value marked ≈ with its bound, where the sources came from, and the
 * pair count as an estimate; the pairs (printed after) are from the searched sources only.
 */
function estimatedBetweenness(b: BetweennessExplanation, value: number, e: BetweennessEstimate): string[] {
  const pairs = `about ${b.totalPairs} ${b.directed ? 'ordered ' : ''}pair${b.totalPairs === 1 ? '' : 's'} of other actors (estimated)`;
  return [
    `  betweenness ≈ ${value.toFixed(4)} ± ${twoDigits(e.epsilon)} (95 %), estimated from ${e.samples} of ${e.of} sources (seed ${e.seed}):`,
    `  ${e.bound}; standard error about ${twoDigits(e.standardError)};`,
    b.pairs.length === 0
      ? `  on shortest paths between ${pairs}; none found from the searched sources`
      : `  on shortest paths between ${pairs}; ${b.pairs.length === 1 ? 'one' : `the first ${b.pairs.length}`} found from the searched sources:`,
  ];
}
