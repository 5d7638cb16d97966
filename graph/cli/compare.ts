/**
 * `actorscope compare`: two to six actors side by side — metric values and
 * ranks, bars of each value as a share of the graph's highest, ranks per
 * relation-type layer, and how ranks move without doubtful relations.
 * Node-free like the other commands: graph/cli.ts supplies the I/O.
 */
import { DEFAULT_LAYERS, MAX_COMPARED, MIN_COMPARED } from '../analysis/compare';
import { UsageError, ask, askWeighed, fileArgument, parseCommandArgs, type Io } from './common';
import { loadDataset } from './load-dataset';
import { EXPLAIN_LIMIT, toText, type CompareReport } from './compare-text';
import { printLeftOut, withLeftOut } from './left-out';
import { jsonText } from './terminal';
import { runJson } from './network-note';
import {
  EVIDENCE_OPTIONS,
  actorIdOption,
  actorIdsOption,
  evidenceOption,
  gradeOption,
  metricsOption,
  networkOption,
  relationTypesOption,
  splitList,
  weightByOption,
  wholeNumberOption,
} from './options';

export const COMPARE_USAGE = `actorscope compare FILE --actors ID,ID[,...] [--metrics M,...] [--undirected] [--layer-metric M,...] [--layers TYPE,...] [--stability-metric M] [--min-grade GRADE] [--explain [--explain-samples K] [--explain-seed N]] [--tie-to ID] [--network cooperation|conflict|all|TYPE,TYPE] [--weighted [--weight-by evidence|value]] [--evidence all|uncontested] [--min-confidence X] [--json]
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
    --network: the relation types the metrics and the stability rankings run on: cooperation (partner,
    supplier, suspected-supporter), conflict (threat), all (default) or a comma list; not the layers,
    each of which is a network of one type already; PN ignores it (the whole signed network).
    --weighted: weighted in the metrics, layers and stability: degrees become strengths (sums of
    the relations' weights), eigenvector, PageRank, hub and authority weigh each tie by its relations'
    summed weight, betweenness and closeness take a tie of weight w as a step of length 1/w; PN stays
    unweighted. --weight-by evidence (a relation weighs its confidence) or value (the sum of its
    claims' values, e.g. SIPRI TIV; a relation without one is left out); by default value when the
    relations carry values, else evidence.
    JSON: {actors: [{id, name, metrics: {M: {value, normalized, rank}}}], actorCount,
      graph: {actors, relations, directed, filter}, network?: {network, types, description, ignoredBy}
      (unless all), weighted?: true, weightBy?: evidence|value, withoutValue?: N and unweighted?: [M]
      (with --weighted), unavailable: {M: reason},
      layers: {M: [{layer, relations, unavailable?, rows: [{id, name, value, rank, change}]}]},
      stability: {metric, withoutSuspected: {dropped, spearman, moves}, minGrade?: {grade, dropped, spearman, moves}},
      explain?: [{id, name, betweenness: {value, exact, estimate?, totalPairs, pairs}, eigenvector: {value, contributions}}],
      tieStrength?: {to, actors: [{id, name, strength, relations, supports, disputes, witnessesFor, witnessesAgainst,
        bestGrade, contested, leftOut, rule}], filter, rule}}
      (exact: false when sampled; estimate = {samples, of, nearest, seed, standardError, epsilon, confidence, bound})
    where moves = [{id, name, baseValue, variantValue, baseRank, variantRank, delta}] of the compared
    actors (delta = base rank − variant rank: positive = moves up), and null = n/a;
    and evidence: {setting, leftOut} when the evidence setting left relations out.`;

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
    network: 'string',
    weighted: 'boolean',
    'weight-by': 'string',
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
  const network = networkOption(values.network);
  const weighted = values.weighted;
  const weightBy = weightByOption(values['weight-by'], weighted);
  const evidence = evidenceOption({ evidence: values.evidence, 'min-confidence': values['min-confidence'] });
  const explainSamples = wholeNumberOption('explain-samples', values['explain-samples'], { min: 1, max: 2 ** 31 - 1 });
  const explainSeed = wholeNumberOption('explain-seed', values['explain-seed'], { min: 0, max: 2 ** 32 - 1 });
  if ((explainSamples !== undefined || explainSeed !== undefined) && !values.explain) {
    throw new UsageError(`--${explainSamples !== undefined ? 'explain-samples' : 'explain-seed'} goes with --explain`);
  }

  const dataset = loadDataset(io, file, values);
  if (!dataset) return 1;
  const actors = actorIdsOption(dataset, 'actors', values.actors);
  const undirected = values.undirected;
  const tieTo = values['tie-to'] === undefined ? undefined : actorIdOption(dataset, 'tie-to', values['tie-to']);

  // Every part counts the same relations; the compare answer says which were left out.
  const compared = askWeighed({ type: 'compare', dataset, evidence, options: { actors, metrics, undirected, network, weighted, weightBy } });
  // The layers and the stability rankings weigh what the comparison weighed.
  const by = weightBy ?? compared.result.weightBy;
  const report: CompareReport = {
    comparison: compared.result,
    relations: compared.result.relations,
    layers: layerMetrics.map((metric) => ask({ type: 'layers', dataset, evidence, options: { metric, layers, undirected, actors, weighted, weightBy: by } })),
    stability: { metric: stabilityMetric?.[0] ?? layerMetrics[0]!, variants: [] },
    evidence: compared.evidence,
  };
  const metric = report.stability.metric;
  report.stability.variants.push({
    key: 'withoutSuspected',
    result: ask({ type: 'stability', dataset, evidence, options: { metric, dropSuspected: true, undirected, network, weighted, weightBy: by } }),
  });
  if (minGrade !== undefined) {
    report.stability.variants.push({
      key: 'minGrade',
      grade: minGrade,
      result: ask({ type: 'stability', dataset, evidence, options: { metric, minGrade, undirected, network, weighted, weightBy: by } }),
    });
  }
  if (values.explain) {
    report.explain = actors.map((actor) =>
      ask({ type: 'explain', dataset, evidence, options: { actor, undirected, limit: EXPLAIN_LIMIT, samples: explainSamples, seed: explainSeed } }),
    );
  }
  if (tieTo !== undefined) report.tieStrength = ask({ type: 'tieStrength', dataset, evidence, options: { actors, to: tieTo } });
  if (values.json) io.out(jsonText(withLeftOut(toJson(report, actors), report.evidence)));
  else {
    io.out(toText(report, actors, dataset));
    printLeftOut(io, file, report.evidence);
  }
  return 0;
}

/** 2..6 distinct ids, checked before the file is read (unknown ids are checked after); `option` names the option (compare's --actors, brief's --compare). */
export function checkActorCount(value: string | undefined, option = 'actors'): void {
  if (value === undefined) throw new UsageError(`compare needs --actors with ${MIN_COMPARED} to ${MAX_COMPARED} actor ids`);
  const ids = splitList(value);
  if (ids.length < MIN_COMPARED || ids.length > MAX_COMPARED) {
    throw new UsageError(`--${option} needs ${MIN_COMPARED} to ${MAX_COMPARED} actor ids, not ${ids.length}`);
  }
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new UsageError(`--${option}: "${id}" is given twice`);
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
    ...runJson(c),
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

