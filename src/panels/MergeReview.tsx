/**
 * The review step of "Add to the current dataset": each incoming actor the
 * core proposes as a duplicate, with its candidates and why, and the choice to
 * merge it into one or keep it as new; then what the merge will do, before
 * anything changes. The merge itself is one commit, so one undo takes it back.
 */
import { useMemo, useState } from 'react';
import { PROPOSED_STRENGTH, applyMerge, proposedDecisions, type Dataset, type MatchReason, type MergeDecision, type MergeProposal, type MergeSummary } from '../../graph';

interface MergeReviewProps {
  current: Dataset;
  incoming: Dataset;
  /** The file names, for the undo label. */
  names: string;
  proposal: MergeProposal;
  onMerge: (dataset: Dataset, label: string, summary: MergeSummary) => void;
  onBack: () => void;
}

/** Rows shown at first; more on request, so that a proposal for 10,000 actors does not make 10,000 selects at once. */
const PAGE = 200;
const NEW = '\u0000new';

export function reasonText(reason: MatchReason): string {
  switch (reason.kind) {
    case 'id':
      return 'same id';
    case 'name':
      return 'same name';
    case 'alias':
      return reason.of === 'current' ? `alias of it: “${reason.text}”` : `“${reason.text}”, an alias of the incoming one, is its name`;
    case 'country':
      return `same country code ${reason.code}`;
    case 'transliteration':
      return `transliteration: “${reason.incoming}” = “${reason.current}”`;
  }
}

export function MergeReview({ current, incoming, names, proposal, onMerge, onBack }: MergeReviewProps) {
  const [decisions, setDecisions] = useState(() => proposedDecisions(proposal));
  const [shown, setShown] = useState(PAGE);
  const currentById = useMemo(() => new Map(current.actors.map((a) => [a.id, a])), [current]);
  const incomingById = useMemo(() => new Map(incoming.actors.map((a) => [a.id, a])), [incoming]);
  // What the merge would make, for the summary: the same function the Merge button commits.
  const preview = useMemo(() => applyMerge(current, incoming, decisions, new Date().toISOString()), [current, incoming, decisions]);
  const decide = (incomingId: string, decision: MergeDecision) => setDecisions((d) => new Map(d).set(incomingId, decision));
  const setAll = (choose: (candidates: MergeProposal['actors'][number]) => MergeDecision) =>
    setDecisions(new Map(proposal.actors.map((p) => [p.incomingId, choose(p)])));
  // Made again on the click, so that the history note has the time of the merge, not of the last change of mind.
  const merge = () => {
    const result = applyMerge(current, incoming, decisions, new Date().toISOString());
    if (result.ok) onMerge(result.dataset, `merge ${names}`, result.summary);
  };
  // Two incoming actors of one name and kind are told apart by their ids, so that every select has its own label.
  const labels = useMemo(() => {
    const plain = new Map(proposal.actors.map((p) => [p.incomingId, `${incomingById.get(p.incomingId)!.name} (${incomingById.get(p.incomingId)!.kind})`]));
    const uses = new Map<string, number>();
    for (const label of plain.values()) uses.set(label, (uses.get(label) ?? 0) + 1);
    return new Map([...plain].map(([id, label]) => [id, uses.get(label)! > 1 ? `${label}, id ${id}` : label]));
  }, [proposal, incomingById]);
  const proposed = proposal.actors.filter((p) => p.candidates[0]!.strength >= PROPOSED_STRENGTH).length;

  return (
    <section aria-label="Review the merge" className="merge-review">
      <h3>Add “{incoming.meta.title}” to the current dataset</h3>
      <p className="muted">
        {incoming.actors.length} actors read; {proposal.actors.length} may already be in the current dataset ({proposed} proposed for merging). A merged actor keeps every name, alias and claim of both.
      </p>
      {proposal.actors.length > 0 && (
        <>
          <div className="form-row">
            <button type="button" onClick={() => setAll((p) => ({ into: p.candidates[0]!.currentId }))}>Merge every one into its best match</button>
            <button type="button" onClick={() => setAll(() => 'new')}>Keep every one as new</button>
            <button type="button" onClick={() => setDecisions(proposedDecisions(proposal))}>As proposed</button>
          </div>
          <div className="merge-table-wrap">
            <table className="compact merge-table">
              <thead>
                <tr>
                  <th scope="col">Incoming actor</th>
                  <th scope="col">Current actor, and why</th>
                  <th scope="col">Decision</th>
                </tr>
              </thead>
              <tbody>
                {proposal.actors.slice(0, shown).map((p) => {
                  const decision = decisions.get(p.incomingId) ?? 'new';
                  const value = decision === 'new' ? NEW : decision.into;
                  const label = labels.get(p.incomingId)!;
                  return (
                    <tr key={p.incomingId}>
                      <th scope="row">{label}</th>
                      <td>
                        <ul className="merge-candidates">
                          {p.candidates.map((c) => (
                            <li key={c.currentId} className={c.strength >= PROPOSED_STRENGTH ? undefined : 'muted'}>
                              <strong>{currentById.get(c.currentId)!.name}</strong>: {c.reasons.map((r) => reasonText(r)).join('; ')}
                              {c.strength < PROPOSED_STRENGTH && ' (weak: not proposed)'}
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td>
                        <select aria-label={`Decision for ${label}`} value={value} onChange={(e) => decide(p.incomingId, e.target.value === NEW ? 'new' : { into: e.target.value })}>
                          {p.candidates.map((c) => (
                            <option key={c.currentId} value={c.currentId}>merge into {currentById.get(c.currentId)!.name}</option>
                          ))}
                          <option value={NEW}>keep as a new actor</option>
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {proposal.actors.length > shown && (
            <button type="button" onClick={() => setShown((n) => n + PAGE)}>
              Show {Math.min(PAGE, proposal.actors.length - shown)} more of {proposal.actors.length - shown}
            </button>
          )}
        </>
      )}
      {preview.ok ? (
        <div role="status" aria-label="Merge summary" className="merge-summary">
          <strong>The merge:</strong> <SummaryText summary={preview.summary} />
        </div>
      ) : (
        <div className="problems" role="alert">
          <strong>This merge would not make a valid dataset:</strong>
          <ul>{preview.problems.slice(0, 20).map((p, i) => <li key={i}>{p.path}: {p.message}</li>)}</ul>
        </div>
      )}
      <div className="form-row">
        <button type="button" className="primary" disabled={!preview.ok} onClick={merge}>
          Merge
        </button>
        <button type="button" onClick={onBack}>Back</button>
      </div>
    </section>
  );
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function SummaryText({ summary: s }: { summary: MergeSummary }) {
  const renamed = [...s.actors.renamed, ...s.relations.renamed, ...s.sources.renamed];
  return (
    <>
      {count(s.actors.incoming, 'actor')} ({s.actors.joined} merged into current ones, {s.actors.added} new), {count(s.relations.incoming, 'relation')} ({s.relations.joined}{' '}
      joined to existing ones, {s.relations.added} new), {count(s.claims.added, 'claim')} added ({s.claims.duplicates} already held left out),{' '}
      {count(s.sources.incoming, 'source')} ({s.sources.matched} already held{s.sources.texts > 0 && `, ${s.sources.texts} of them given their text`}, {s.sources.added} new).
      {renamed.length > 0 && ` Ids already used, renamed: ${renamed.slice(0, 10).map((r) => `${r.from} → ${r.to}`).join(', ')}${renamed.length > 10 ? ` and ${renamed.length - 10} more` : ''}.`}
    </>
  );
}
