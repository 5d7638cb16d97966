/**
 * Compare's tie strength: for each compared actor, its ties to one chosen
 * actor (either way) that count under the filter and the evidence setting:
 * relations, claims and witnesses for and against, the strength (the sum of
 * the relations' confidences) and the best grade, strongest first — the
 * `tieStrength` request (graph/analysis/compare/tie-strength.ts).
 */
import { useState } from 'react';
import { useCore } from '../state/use-core';
import { ActorPicker } from './ActorPicker';
import type { AnalysisContext } from './analysis-context';
import { onGraph } from '../state/on-graph';

export function TieStrengthSection({ ctx, actors }: { ctx: AnalysisContext; actors: string[] }) {
  const [to, setTo] = useState<string | null>(null);
  const target = to !== null && ctx.visible.actors.some((a) => a.id === to) ? to : null;
  const status = useCore(
    target ? { type: 'tieStrength', ...onGraph(ctx), options: { actors, to: target } } : null,
  );
  const result = status.state === 'ready' ? status.result : null;
  return (
    <section aria-label="Tie strength">
      <h3>Tie strength</h3>
      <div className="form-row">
        <ActorPicker
          label="Ties to"
          actors={ctx.visible.actors}
          value={target}
          onChange={setTo}
          picking={ctx.picking === 'Ties to'}
          onPickOnGraph={() => ctx.armPick('Ties to', setTo)}
        />
      </div>
      {!target && <p className="muted">Choose an actor to see how strongly each compared actor is tied to it.</p>}
      {status.state === 'failed' && <p className="status">Failed: {status.error}</p>}
      {result && target && (
        <>
          <table className="compact tie-strength" aria-label={`Ties to ${result.to.name}`}>
            <thead>
              <tr>
                <th scope="col">Actor</th>
                <th scope="col" title="Relations with the chosen actor, either way, that count">Relations</th>
                <th scope="col" title="Claims for / against, over those relations">Claims</th>
                <th scope="col" title="Independent witnesses (source + asserter) for / against, each counted once">Witnesses</th>
                <th scope="col" title="The sum of the relations' confidences: the expected number of them that hold">Strength</th>
                <th scope="col" title="The strongest supporting witness's Admiralty grade">Best grade</th>
              </tr>
            </thead>
            <tbody>
              {result.actors.map((a) => (
                <tr key={a.id} title={a.rule}>
                  <th scope="row">{a.name}</th>
                  {a.strength === null ? (
                    <td colSpan={5} className="muted">n/a{a.unavailable ? `: ${a.unavailable}` : ''}</td>
                  ) : (
                    <>
                      <td>{a.relations.length}{a.leftOut.length > 0 && <span className="muted"> (+{a.leftOut.length} not counted)</span>}</td>
                      <td>{a.supports} / {a.disputes}</td>
                      <td>{a.witnessesFor.length} / {a.witnessesAgainst.length}</td>
                      <td className="num">{a.strength.toFixed(3)}</td>
                      <td>{a.bestGrade ?? '–'}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">{result.rule}</p>
        </>
      )}
    </section>
  );
}
