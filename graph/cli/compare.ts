/**
 * `actorscope compare`: two to six actors side by side — metric values and
 * ranks, bars of each value as a share of the graph's highest, ranks per
 * relation-type layer, and how ranks move without doubtful relations.
 * Node-free like the other commands: graph/cli.ts supplies the I/O.
 */
import {
  DEFAULT_LAYERS,
  MAX_COMPARED,
  MIN_COMPARED,
  type BetweennessEstimate,
  type BetweennessExplanation,
  type Comparison,
  type EigenvectorExplanation,
  type LayerResult,
  type StabilityResult,
  type TieStrength,
} from '../analysis/compare';
import { describeEvidence, type EvidenceReport } from '../analysis/evidence-setting';
import { metricById, type MetricId } from '../analysis/metrics';
import type { Dataset, Grade } from '../model/types';
import { UsageError, alignedTable, ask, askWeighed, fileArgument, loadDataset, parseCommandArgs, type Io } from './common';
import { printLeftOut, withLeftOut } from './left-out';
import { EVIDENCE_OPTIONS, actorIdOption, actorIdsOption, evidenceOption, gradeOption, metricsOption, relationTypesOption, splitList, wholeNumberOption } from './options';
import { actorNames, clean } from './terminal';

export const COMPARE_USAGE = `actorscope compare FILE --actors ID,ID[,...] [--metrics M,...] [--undirected] [--layer-metric M,...] [--layers TYPE,...] [--stability-metric M] [--min-grade GRADE] [--explain [--explain-samples K] [--explain-seed N]] [--tie-to ID] [--evidence all|uncontested] [--min-confidence X] [--json]
    Compares ${MIN_COMPARED} to ${MAX_COMPARED} actors (ids as in FILE):
    - each metric's value, rank among all actors (#1 = highest; ties share the best rank, "1224")
      and share of the highest value in the graph, drawn as a bar;
    - for each --layer-metric (default betweenness), the rank on the whole graph and on the
      sub-network of each relation type in --layers (default ${DEFAULT_LAYERS.join(',')}; every layer
      keeps all actors), with ▲n / ▼n = ranks n places higher / lower in that layer than overall;
    - for --stability-metric (default the first layer metric), ranks with and without the
      suspected-supporter relations, and with --min-grade G (e.g. B3) also without the relations
      lacking a supporting claim graded G or better; Spearman's rank correlation over all actors;
    - --explain: which pairs of actors each one's betweenness comes from, and which neighbours
      its eigenvector score comes from. On large graphs (beyond about a second of searching) the
      betweenness is estimated from sampled sources, marked ≈ with its 95 % Hoeffding bound; the
      pairs then come from the searched sources and their total is estimated. --explain-samples K
      searches K sources (K at least the number of actors: exact), --explain-seed N picks them
      (default 1).
    - --tie-to ID: each compared actor's relations with ID, either way: claims for/against, witnesses
      for/against (each counted once over the relations), strength (the sum of the relations'
      confidences), best grade and contested relations; strongest first, and why under the table.
    --evidence and --min-confidence choose the relations every part counts (default: the uncontested
    ones); --min-grade here is the stability variant above, applied after them.
    JSON: {actors: [{id, name, metrics: {M: {value, normalized, rank}}}], actorCount,
      graph: {actors, relations, directed, filter}, unavailable: {M: reason},
      layers: {M: [{layer, relations, unavailable?, rows: [{id, name, value, rank, change}]}]},
      stability: {metric, withoutSuspected: {dropped, spearman, moves}, minGrade?: {grade, dropped, spearman, moves}},
      explain?: [{id, name, betweenness: {value, exact, estimate?, totalPairs, pairs}, eigenvector: {value, contributions}}],
      tieStrength?: {to, actors: [{id, name, strength, relations, supports, disputes, witnessesFor, witnessesAgainst,
        bestGrade, contested, leftOut, rule}], filter, rule}}
      (exact: false when sampled; estimate = {samples, of, nearest, seed, standardError, epsilon, confidence, bound})
    where moves = [{id, name, baseValue, variantValue, baseRank, variantRank, delta}] of the compared
    actors (delta = base rank − variant rank: positive = moves up), and null = n/a;
    and evidence: {setting, leftOut} when the evidence setting left relations out.`;

/** Pairs and neighbours shown per actor with --explain. */
const EXPLAIN_LIMIT = 5;
/** Width of the bars in characters; each character holds eight steps. */
const BAR_WIDTH = 24;
/** Dropped relations listed by name in the text output before "…". */
const DROPPED_SHOWN = 8;

interface StabilityVariant {
  key: 'withoutSuspected' | 'minGrade';
  grade?: Grade;
  result: StabilityResult;
}

interface CompareReport {
  comparison: Comparison;
  relations: number;
  layers: LayerResult[];
  stability: { metric: MetricId; variants: StabilityVariant[] };
  explain?: Array<{ betweenness: BetweennessExplanation; eigenvector: EigenvectorExplanation }>;
  tieStrength?: TieStrength;
  evidence?: EvidenceReport;
}

export function runCompare(args: string[], io: Io): number {
  const { values, positionals } = parseCommandArgs(args, {
    actors: 'string',
    metrics: 'string',
    undirected: 'boolean',
    'layer-metric': 'string',
    layers: 'string',
    'stability-metric': 'string',
    'min-grade': 'string',
    explain: 'boolean',
    'explain-samples': 'string',
    'explain-seed': 'string',
    'tie-to': 'string',
    ...EVIDENCE_OPTIONS,
  });
  const file = fileArgument('compare', positionals);
  checkActorCount(values.actors);
  const metrics = metricsOption('metrics', values.metrics);
  const layerMetrics = metricsOption('layer-metric', values['layer-metric']) ?? ['betweenness'];
  const layers = relationTypesOption('layers', values.layers);
  const stabilityMetric = metricsOption('stability-metric', values['stability-metric']);
  if (stabilityMetric && stabilityMetric.length > 1) throw new UsageError('--stability-metric takes one metric');
  const minGrade = gradeOption('min-grade', values['min-grade']);
  const evidence = evidenceOption({ evidence: values.evidence, 'min-confidence': values['min-confidence'] });
  const explainSamples = wholeNumberOption('explain-samples', values['explain-samples'], { min: 1, max: 2 ** 31 - 1 });
  const explainSeed = wholeNumberOption('explain-seed', values['explain-seed'], { min: 0, max: 2 ** 32 - 1 });
  if ((explainSamples !== undefined || explainSeed !== undefined) && !values.explain) {
    throw new UsageError(`--${explainSamples !== undefined ? 'explain-samples' : 'explain-seed'} goes with --explain`);
  }

  const dataset = loadDataset(io, file, values.format);
  if (!dataset) return 1;
  const actors = actorIdsOption(dataset, 'actors', values.actors);
  const undirected = values.undirected;
  const tieTo = values['tie-to'] === undefined ? undefined : actorIdOption(dataset, 'tie-to', values['tie-to']);

  // Every part counts the same relations; the compare answer says which were left out.
  const compared = askWeighed({ type: 'compare', dataset, evidence, options: { actors, metrics, undirected } });
  const leftOut = compared.evidence ? [...Object.values(compared.evidence.leftOut).flat()] : [];
  const report: CompareReport = {
    comparison: compared.result,
    relations: dataset.relations.length - leftOut.length,
    layers: layerMetrics.map((metric) => ask({ type: 'layers', dataset, evidence, options: { metric, layers, undirected, actors } })),
    stability: { metric: stabilityMetric?.[0] ?? layerMetrics[0]!, variants: [] },
    evidence: compared.evidence,
  };
  const metric = report.stability.metric;
  report.stability.variants.push({
    key: 'withoutSuspected',
    result: ask({ type: 'stability', dataset, evidence, options: { metric, dropSuspected: true, undirected } }),
  });
  if (minGrade !== undefined) {
    report.stability.variants.push({
      key: 'minGrade',
      grade: minGrade,
      result: ask({ type: 'stability', dataset, evidence, options: { metric, minGrade, undirected } }),
    });
  }
  if (values.explain) {
    report.explain = actors.map((actor) =>
      ask({ type: 'explain', dataset, evidence, options: { actor, undirected, limit: EXPLAIN_LIMIT, samples: explainSamples, seed: explainSeed } }),
    );
  }
  if (tieTo !== undefined) report.tieStrength = ask({ type: 'tieStrength', dataset, evidence, options: { actors, to: tieTo } });
  if (values.json) io.out(JSON.stringify(withLeftOut(toJson(report, actors), report.evidence), null, 2));
  else {
    io.out(toText(report, actors, dataset));
    printLeftOut(io, file, report.evidence);
  }
  return 0;
}

/** 2..6 distinct ids, checked before the file is read (unknown ids are checked after). */
function checkActorCount(value: string | undefined): void {
  if (value === undefined) throw new UsageError(`compare needs --actors with ${MIN_COMPARED} to ${MAX_COMPARED} actor ids`);
  const ids = splitList(value);
  if (ids.length < MIN_COMPARED || ids.length > MAX_COMPARED) {
    throw new UsageError(`--actors needs ${MIN_COMPARED} to ${MAX_COMPARED} actor ids, not ${ids.length}`);
  }
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new UsageError(`--actors: "${id}" is given twice`);
    seen.add(id);
  }
}

// ---------------------------------------------------------------- JSON

function toJson(report: CompareReport, actors: readonly string[]): Record<string, unknown> {
  const c = report.comparison;
  const compared = new Set(actors);
  const stability: Record<string, unknown> = { metric: report.stability.metric };
  for (const v of report.stability.variants) {
    stability[v.key] = {
      ...(v.grade !== undefined ? { grade: v.grade } : {}),
      dropped: v.result.dropped,
      spearman: v.result.spearman,
      moves: v.result.moves.filter((m) => compared.has(m.id)),
    };
  }
  const json: Record<string, unknown> = {
    actors: c.actors.map((a) => ({
      id: a.id,
      name: a.name,
      metrics: Object.fromEntries(a.metrics.map((m) => [m.metric, { value: m.value, normalized: m.normalized, rank: m.rank }])),
    })),
    actorCount: c.actorCount,
    graph: { actors: c.actorCount, relations: report.relations, directed: c.directed, filter: c.filter },
    unavailable: Object.fromEntries(c.unavailable.map((u) => [u.metric, u.reason])),
    layers: Object.fromEntries(report.layers.map((l) => [l.metric, l.layers])),
    stability,
  };
  if (report.explain) {
    json.explain = report.explain.map(({ betweenness: b, eigenvector: e }) => ({
      id: b.actor,
      name: b.name,
      // exact: false means value and totalPairs are estimates and the pairs come from the sampled sources.
      betweenness: {
        value: b.betweenness,
        exact: b.exact,
        ...(b.estimate ? { estimate: b.estimate } : {}),
        totalPairs: b.totalPairs,
        pairs: b.pairs,
      },
      eigenvector: {
        value: e.eigenvector,
        ...(e.unavailable !== undefined ? { unavailable: e.unavailable } : {}),
        contributions: e.contributions.slice(0, EXPLAIN_LIMIT),
      },
    }));
  }
  if (report.tieStrength) {
    const { evidence: _evidence, ...ties } = report.tieStrength; // the answer's own evidence field says it
    json.tieStrength = ties;
  }
  return json;
}

// ---------------------------------------------------------------- text

function formatValue(metric: MetricId, value: number | null): string {
  if (value === null) return 'n/a';
  return metricById(metric).integer ? String(value) : value.toFixed(4);
}

function valueAndRank(metric: MetricId, value: number | null, rank: number | null): string {
  return value === null ? 'n/a' : `${formatValue(metric, value)} (#${rank})`;
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

function toText(report: CompareReport, actors: readonly string[], dataset: Dataset): string {
  const c = report.comparison;
  const names = c.actors.map((a) => clean(a.name));
  const out: string[] = [];
  out.push(
    `${names.join(' vs ')}: ${c.actorCount} actors, ${report.relations} relations, ${c.directed ? 'directed: partner counted both ways' : 'undirected: every relation mutual'}`,
    `Ranks are among all ${c.actorCount} actors: #1 = highest value; tied actors share the best rank.`,
    '',
    alignedTable(
      ['id', 'name', ...c.metrics.map((m) => metricById(m).label)],
      c.actors.map((a) => [a.id, a.name, ...a.metrics.map((m) => valueAndRank(m.metric, m.value, m.rank))]),
    ),
  );
  for (const u of c.unavailable) out.push(`${metricById(u.metric).label}: n/a: ${u.reason}`);

  out.push('', 'Share of the highest value in the graph:');
  const nameWidth = Math.max(...names.map((n) => n.length));
  for (const [k, metric] of c.metrics.entries()) {
    const max = c.maxima[k]!.max;
    out.push(`${metricById(metric).label} (highest ${formatValue(metric, max)})`);
    c.actors.forEach((a, i) => {
      const m = a.metrics[k]!;
      const shown = m.normalized === null ? 'n/a' : `${bar(m.normalized).padEnd(BAR_WIDTH)}  ${m.normalized.toFixed(2)}`;
      out.push(`  ${names[i]!.padEnd(nameWidth)}  ${shown}`);
    });
  }

  for (const l of report.layers) {
    const label = metricById(l.metric).label;
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
            return `${valueAndRank(l.metric, r.value, r.rank)}${layer.layer === 'all' ? '' : ` ${mark.padStart(3)}`}`;
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
      `${metricById(metric).label} with and without ${what}:`,
      `dropped: ${droppedText}`,
      `Spearman rank correlation over all actors: ${r.spearman === null ? 'n/a' : r.spearman.toFixed(3)}`,
      alignedTable(
        ['id', 'name', 'with', 'without', 'move'],
        r.moves
          .filter((m) => compared.has(m.id))
          .map((m) => [
            m.id,
            m.name,
            valueAndRank(metric, m.baseValue, m.baseRank),
            valueAndRank(metric, m.variantValue, m.variantRank),
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
