/**
 * Comparing actors: metrics side by side as bars with ranks; rankings per
 * relation layer; how rankings move without doubtful evidence; and why an
 * actor scores what it scores.
 */
import { memo, useState } from 'react';
import { METRICS, metricView, type BetweennessExplanation, type Comparison, type Grade, type MetricId } from '../../graph';
import { RELATION_STYLES } from '../look/encoding';
import { BLOC_COLORS } from '../look/palette';
import { DEFAULT_NETWORK_SETTING, networkOptions, type NetworkSetting } from '../state/network-setting';
import { versionedRequestKey } from '../state/request-key';
import { usePublishAnalysis } from '../state/open-analyses';
import { useCore } from '../state/use-core';
import { ActorPicker } from './ActorPicker';
import type { AnalysisContext, PanelVisibility } from './analysis-context';
import { ANY_GRADE, GradeThreshold } from './controls';
import { EvidenceFootnote } from './EvidenceFootnote';
import { RelationClaims } from './RelationClaims';
import { RelationEnds } from './RelationEnds';
import { formatMetric } from './format';
import { NetworkControl } from './NetworkControl';
import { TieStrengthSection } from './TieStrengthSection';
import { onGraph } from '../state/on-graph';
import { OverTimeChart } from './compare/OverTimeChart';

const MAX_ACTORS = 6;

/** Memoised: App re-renders on every metrics step; a panel re-renders only when its own props change. */
export const ComparePanel = memo(function ComparePanel({ ctx, undirected, view }: { ctx: AnalysisContext; undirected: boolean; view: PanelVisibility }) {
  const [actors, setActors] = useState<string[]>([]);
  const [adding, setAdding] = useState<string | null>(null);
  const [metric, setMetric] = useState<MetricId>('betweenness');
  const [network, setNetwork] = useState<NetworkSetting>(DEFAULT_NETWORK_SETTING);
  const visibleIds = new Set(ctx.visible.actors.map((a) => a.id));
  const chosen = actors.filter((id) => visibleIds.has(id));
  const add = (id: string | null) => {
    if (id && !actors.includes(id) && actors.length < MAX_ACTORS) setActors([...actors, id]);
    setAdding(null);
  };
  const enough = chosen.length >= 2;
  const options = { actors: chosen, undirected, ...networkOptions(network) };
  const status = useCore(enough ? { type: 'compare', ...onGraph(ctx), options } : null);
  // Export → Briefing offers these actors, compared as here.
  usePublishAnalysis('compare', enough ? options : null);
  const comparison = status.state === 'ready' ? status.result : null;
  const colour = (id: string) => BLOC_COLORS[chosen.indexOf(id) % BLOC_COLORS.length]!;

  return (
    <section className="analysis compare-panel" aria-label="Compare actors">
      <h2>Compare actors</h2>
      <ul className="chips" aria-label="Actors compared">
        {chosen.map((id) => (
          <li key={id} style={{ borderColor: colour(id) }}>
            {ctx.actorName(id)}{' '}
            <button type="button" aria-label={`Remove ${ctx.actorName(id)}`} onClick={() => setActors(actors.filter((x) => x !== id))}>×</button>
          </li>
        ))}
      </ul>
      {actors.length < MAX_ACTORS && (
        <div className="form-row">
          {/* A new key after each addition empties the box for the next one. */}
          <ActorPicker key={actors.length} label="Add actor" actors={ctx.visible.actors.filter((a) => !actors.includes(a.id))} value={adding} onChange={add} picking={ctx.picking === 'Add actor'} onPickOnGraph={() => ctx.armPick('Add actor', add)} />
          {ctx.selectedActorId && !actors.includes(ctx.selectedActorId) && (
            <button type="button" onClick={() => add(ctx.selectedActorId)}>Add selected</button>
          )}
        </div>
      )}
      <NetworkControl idPrefix="compare" value={network} onChange={setNetwork} />
      <p className="status" role="status" aria-live="polite">
        {!enough ? `Choose 2 to ${MAX_ACTORS} actors.` : status.state === 'computing' ? 'Comparing…' : status.state === 'failed' ? `Failed: ${status.error}` : ''}
      </p>
      {comparison && (
        <div className="bars" role="table" aria-label="Metrics side by side">
          {comparison.metrics.map((m) => (
            <div key={m} className="bar-group" role="rowgroup">
              <div className="bar-metric" role="row"><span role="rowheader">{metricView(m, comparison.weighted).label}</span></div>
              {comparison.actors.map((a) => {
                const c = a.metrics.find((x) => x.metric === m)!;
                return (
                  <div key={a.id} className="bar-row" role="row">
                    <span className="bar-name" role="cell">{a.name}</span>
                    <span className="bar-track" role="cell" aria-label={`${a.name} ${metricView(m, comparison.weighted).label} ${formatMetric(m, c.value, comparison.weighted)}, rank ${c.rank ?? 'n/a'} of ${comparison.actorCount}`}>
                      <span className="bar-fill" style={{ width: `${(c.normalized ?? 0) * 100}%`, background: colour(a.id) }} />
                    </span>
                    <span className="bar-value" role="cell">
                      {formatMetric(m, c.value, comparison.weighted)} <span className="muted">#{c.rank ?? '–'}/{comparison.actorCount}</span>
                    </span>
                  </div>
                );
              })}
            </div>
          ))}
          <p className="muted">Bars: each metric divided by its maximum over all {comparison.actorCount} actors; #rank among them (1 = highest, ties share a rank).</p>
          <NetworkFootnote comparison={comparison} />
        </div>
      )}
      {enough && (
        <>
          <label>
            Metric for rankings{' '}
            <select value={metric} onChange={(e) => setMetric(e.target.value as MetricId)}>
              {METRICS.map((m) => <option key={m.id} value={m.id}>{metricView(m.id, network.weighted).label}</option>)}
            </select>
          </label>
          <LayerSection ctx={ctx} actors={chosen} metric={metric} undirected={undirected} weighted={network.weighted} />
          <StabilitySection ctx={ctx} actors={chosen} metric={metric} undirected={undirected} network={network} />
          <TieStrengthSection ctx={ctx} actors={chosen} />
          <OverTimeChart ctx={ctx} actors={chosen} undirected={undirected} network={network} colour={colour} />
        </>
      )}
      {view.opened && <ExplainSection ctx={ctx} candidates={chosen} undirected={undirected} />}
      {view.opened && <EvidenceFootnote report={ctx.evidenceReport} onEvidence={ctx.setEvidence} />}
    </section>
  );
});

function change(n: number | null) {
  if (n === null || n === 0) return null;
  return n > 0 ? <span className="up" title={`${n} places higher than in all relations`}>▲{n}</span> : <span className="down" title={`${-n} places lower than in all relations`}>▼{-n}</span>;
}

/** Which network the comparison ran on, and what the weighting did and did not weigh. */
function NetworkFootnote({ comparison: c }: { comparison: Comparison }) {
  const label = (id: MetricId) => metricView(id, c.weighted).label;
  return (
    <p className="muted network-note">
      Network: {c.network.description}
      {c.network.network !== 'all' && c.network.ignoredBy.length > 0 && <> ({c.network.ignoredBy.map(label).join(', ')}: the whole signed network)</>}.{' '}
      {c.weighted
        ? `Weighted by evidence: strengths and weighted eigenvector, PageRank and HITS${c.unweighted?.length ? `; ${c.unweighted.map(label).join(', ')} stay unweighted` : ''}. `
        : ''}
      The layers below are one relation type each, whatever the network; tie strength and the explanations count every type, unweighted.
    </p>
  );
}

function LayerSection({ ctx, actors, metric, undirected, weighted }: { ctx: AnalysisContext; actors: string[]; metric: MetricId; undirected: boolean; weighted: boolean }) {
  const options = { metric, actors, undirected, ...(weighted ? { weighted } : {}) };
  const status = useCore({ type: 'layers', ...onGraph(ctx), options });
  const result = status.state === 'ready' ? status.result : null;
  return (
    <section aria-label="Rankings per relation layer">
      <h3>Rank by {metricView(metric, weighted).label.toLowerCase()} in each layer</h3>
      {result && (
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">Actor</th>
              {result.layers.map((l) => (
                <th scope="col" key={l.layer} style={l.layer === 'all' ? undefined : { color: RELATION_STYLES[l.layer].color }}>
                  {l.layer === 'all' ? 'All' : RELATION_STYLES[l.layer].label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {actors.map((id) => (
              <tr key={id}>
                <th scope="row">{ctx.actorName(id)}</th>
                {result.layers.map((l) => {
                  const row = l.rows.find((r) => r.id === id);
                  return (
                    <td key={l.layer}>
                      {row?.rank ?? '–'} {row && change(row.change)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function StabilitySection({ ctx, actors, metric, undirected, network }: { ctx: AnalysisContext; actors: string[]; metric: MetricId; undirected: boolean; network: NetworkSetting }) {
  const [dropSuspected, setDropSuspected] = useState(true);
  const [minGrade, setMinGrade] = useState<Grade>(ANY_GRADE);
  const options = { metric, dropSuspected, minGrade: minGrade === ANY_GRADE ? undefined : minGrade, undirected, ...networkOptions(network) };
  const status = useCore({ type: 'stability', ...onGraph(ctx), options });
  const result = status.state === 'ready' ? status.result : null;
  const moved = result?.moves.filter((m) => m.delta !== 0 && m.delta !== null) ?? [];
  return (
    <section aria-label="Rank stability">
      <h3>Does the ranking hold without doubtful evidence?</h3>
      <label>
        <input type="checkbox" checked={dropSuspected} onChange={(e) => setDropSuspected(e.target.checked)} /> Drop suspected relations
      </label>
      <GradeThreshold value={minGrade} onChange={setMinGrade} />
      {result && (
        <>
          <p className="muted">
            {result.dropped.length} relation{result.dropped.length === 1 ? '' : 's'} dropped
            {result.spearman !== null && <>; Spearman rank correlation with the full ranking {result.spearman.toFixed(3)}</>}.
            {moved.length === 0 && ' No actor changes rank.'}
          </p>
          <table className="compact">
            <thead>
              <tr><th scope="col">Actor</th><th scope="col">Rank before</th><th scope="col">after</th><th scope="col">move</th></tr>
            </thead>
            <tbody>
              {result.moves
                .filter((m) => actors.includes(m.id) || (m.delta !== null && m.delta !== 0))
                .map((m) => (
                  <tr key={m.id} className={actors.includes(m.id) ? 'compared' : undefined}>
                    <th scope="row">{m.name}</th>
                    <td>{m.baseRank ?? '–'}</td>
                    <td>{m.variantRank ?? '–'}</td>
                    <td>{change(m.delta) ?? '='}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function ExplainSection({ ctx, candidates, undirected }: { ctx: AnalysisContext; candidates: string[]; undirected: boolean }) {
  const fallback = ctx.selectedActorId ?? candidates[0] ?? null;
  const [chosen, setChosen] = useState<string | null>(null);
  // "Compute exactly" asks for every source that reaches the actor, for this actor on this graph only.
  const [exactAsked, setExactAsked] = useState<{ key: string; sources: number } | null>(null);
  const actor = chosen ?? fallback;
  // The question without the exact count: the same actor, direction and graph.
  const askKey = versionedRequestKey({ type: 'explain', ...onGraph(ctx), options: { actor: actor ?? '', undirected } });
  const samples = exactAsked?.key === askKey ? exactAsked.sources : undefined;
  const options = { actor: actor ?? '', undirected, ...(samples !== undefined ? { samples } : {}) };
  const status = useCore(actor ? { type: 'explain', ...onGraph(ctx), options } : null);
  const result = status.state === 'ready' ? status.result : null;
  return (
    <section aria-label="Explain a score">
      <h3>Explain a score</h3>
      <ActorPicker label="Explain" actors={ctx.visible.actors} value={actor} onChange={setChosen} />
      {status.state === 'failed' && <p className="status">Failed: {status.error}</p>}
      {status.state === 'computing' && samples !== undefined && (
        <p className="status" role="status">Computing the exact betweenness from all {count(samples)} sources…</p>
      )}
      {result && actor && (
        <>
          <BetweennessPart
            ctx={ctx}
            actor={actor}
            explanation={result.betweenness}
            onExact={(sources) => setExactAsked({ key: askKey, sources })}
          />
          <h4>Eigenvector {formatMetric('eigenvector', result.eigenvector.eigenvector)}</h4>
          {result.eigenvector.contributions.length === 0 ? (
            <p className="muted">{result.eigenvector.eigenvector === null ? 'Eigenvector centrality is n/a on this graph.' : 'No neighbour passes it any score.'}</p>
          ) : (
            <ul className="explain">
              {result.eigenvector.contributions.map((c) => (
                <li key={c.id}>
                  {ctx.actorName(c.id)}: {(c.share * 100).toFixed(0)}% <span className="muted">(its own score {c.score.toFixed(3)})</span>
                  <TiesBetween ctx={ctx} a={actor} b={c.id} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

/** The counted relations between two actors, each with its claims for and against: what a contribution rests on. */
function TiesBetween({ ctx, a, b }: { ctx: AnalysisContext; a: string; b: string }) {
  const ties = ctx.counted.relations.filter((r) => (r.source === a && r.target === b) || (r.source === b && r.target === a));
  if (!ties.length) return null;
  return (
    <ul className="ties-between">
      {ties.map((r) => (
        <li key={r.id}>
          <RelationEnds ctx={ctx} source={r.source} target={r.target} type={r.type} />
          <RelationClaims relation={r} />
        </li>
      ))}
    </ul>
  );
}

const count = (n: number) => n.toLocaleString('en');
/** Two significant digits, without a trailing exponent for ordinary sizes (0.0012, 0.25). */
const twoDigits = (x: number) => String(+x.toPrecision(2));

/**
 * The pairs behind an actor's betweenness. Exact: the value and the pairs, all counted. Sampled (large
 * graphs): the value is an estimate with its bound, the pairs come from the searched sources only and
 * their total is estimated — each said next to the numbers, with a way to ask for the exact one.
 */
function BetweennessPart({ ctx, actor, explanation: b, onExact }: { ctx: AnalysisContext; actor: string; explanation: BetweennessExplanation; onExact: (sources: number) => void }) {
  const name = ctx.actorName(actor);
  const e = b.exact ? undefined : b.estimate;
  const value = formatMetric('betweenness', b.betweenness);
  if (!e) {
    return (
      <>
        <h4>Betweenness {value}</h4>
        {b.pairs.length === 0 ? (
          <p className="muted">No shortest path between two other actors runs through {name}.</p>
        ) : (
          <>
            <p className="muted">
              Shortest paths through {name}, by share of each pair's shortest paths ({b.totalPairs} pair{b.totalPairs === 1 ? '' : 's'} in all):
            </p>
            <PairList ctx={ctx} pairs={b.pairs} />
          </>
        )}
      </>
    );
  }
  return (
    <>
      <h4>
        Betweenness ≈ {value} <span className="muted">± {twoDigits(e.epsilon)} (95 %)</span>
      </h4>
      <p className="table-note estimate" role="note">
        Estimated from {count(e.samples)} of {count(e.of)} sources (seed {e.seed}
        {e.nearest > 0 ? `; the ${count(e.nearest)} sources nearest ${name} searched in full, the others at random` : ', at random'}): within ±
        {twoDigits(e.epsilon)} of the exact value with probability at least 95 % (Hoeffding's inequality), standard error about{' '}
        {twoDigits(e.standardError)}. The pairs listed are from the searched sources only.{' '}
        <button type="button" className="link" onClick={() => onExact(e.of)}>
          Compute exactly
        </button>{' '}
        (all {count(e.of)} sources, about {Math.max(2, Math.round(e.of / e.samples))}× as long)
      </p>
      {b.pairs.length === 0 ? (
        <p className="muted">No pair found through {name} from the searched sources.</p>
      ) : (
        <>
          <p className="muted">
            Shortest paths through {name} found from the searched sources, by share of each pair's shortest paths (about {count(b.totalPairs)} pair
            {b.totalPairs === 1 ? '' : 's'} in all, estimated):
          </p>
          <PairList ctx={ctx} pairs={b.pairs} />
        </>
      )}
    </>
  );
}

function PairList({ ctx, pairs }: { ctx: AnalysisContext; pairs: BetweennessExplanation['pairs'] }) {
  return (
    <ul className="explain">
      {pairs.map((p, i) => (
        <li key={i}>
          {ctx.actorName(p.source)} → {ctx.actorName(p.target)}: {p.through} of {p.paths} ({(p.share * 100).toFixed(0)}%)
        </li>
      ))}
    </ul>
  );
}
