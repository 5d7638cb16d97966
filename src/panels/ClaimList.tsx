/**
 * The evidence behind a relation: how much it is believed and why (its
 * witnesses for and against, their grades, the rule), then its claims.
 * Everything from the file is rendered as text (React escapes it); links are
 * made only for http(s) addresses.
 */
import { describeGrade, locatorText, relationEvidence, type Claim, type Witness } from '../../graph';
import { PassageLink } from '../reader/PassageLink';
import { useSourceOf } from './sources-context';
import { countOf, forAndAgainst, formatShare, verdict, witnessName, witnessWeight } from '../look/evidence-text';

const isWebLink = (url: string) => /^https?:\/\//i.test(url);

const where = (claim: Claim) => locatorText(claim.locator);

function when(claim: Claim): string | null {
  if (claim.date) return claim.date;
  if (claim.period) return `${claim.period.from ?? '…'} – ${claim.period.to ?? '…'}`;
  return null;
}

interface ClaimListProps {
  claims: readonly Claim[];
  /** Headed by the confidence, as one line to unfold for its why (false where the why is shown already). */
  withWhy?: boolean;
}

export function ClaimList({ claims, withWhy = true }: ClaimListProps) {
  return (
    <>
      {withWhy && <EvidenceWhy claims={claims} open={false} />}
      {claims.length === 0 ? <p className="no-claims">No claim backs this relation.</p> : <Claims claims={claims} />}
    </>
  );
}

/**
 * The relation's confidence, and on unfolding why: support against doubt,
 * each side's independent witnesses with their grades, and the rule that
 * combined them. A disclosure, so that it is reached and opened by keyboard.
 */
export function EvidenceWhy({ claims, open }: { claims: readonly Claim[]; open: boolean }) {
  const e = relationEvidence({ claims: [...claims] });
  return (
    <details className="evidence-why" open={open}>
      <summary>
        Confidence <strong>{formatShare(e.confidence)}</strong>
        {e.contested && <> <span className="contested-badge">contested</span></>}
        <span className="why-hint">
          {' '}
          · witnesses {forAndAgainst(e.witnessesFor.length, e.witnessesAgainst.length)}
          {e.bestGrade && <> · best {e.bestGrade}</>}
        </span>
        <span className="why-ask"> · why?</span>
      </summary>
      <p className="verdict">{verdict(e)}</p>
      <WitnessList title="For" witnesses={e.witnessesFor} claims={e.supports} />
      <WitnessList title="Against" witnesses={e.witnessesAgainst} claims={e.disputes} />
      <p className="rule">Rule: {e.rule}</p>
    </details>
  );
}

function WitnessList({ title, witnesses, claims }: { title: string; witnesses: readonly Witness[]; claims: number }) {
  const sourceOf = useSourceOf();
  return (
    <div className="witnesses">
      <h4>
        {title}: {countOf(witnesses.length, 'witness', 'witnesses')}, {countOf(claims, 'claim')}
      </h4>
      {witnesses.length > 0 && (
        <ul>
          {witnesses.map((w, i) => (
            <li key={i}>
              <span className={`grade grade-${w.grade[0]}`} title={describeGrade(w.grade)}>
                {w.grade}
              </span>{' '}
              {witnessName(w, sourceOf(w.sourceId).title)} <span className="muted">({witnessWeight(w)})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Claims({ claims }: { claims: readonly Claim[] }) {
  return (
    <ol className="claims">
      {claims.map((c, i) => (
        <li key={i} className={`claim ${c.stance}`}>
          <blockquote>{c.quote}</blockquote>
          <div className="claim-meta">
            <span className="asserted">— {c.assertedBy || 'unattributed'}</span>
            <span className={`grade grade-${c.grade[0]}`} title={describeGrade(c.grade)}>
              {c.grade}
            </span>
            {c.stance === 'disputes' && <span className="stance" title="This claim argues against the relation">disputes</span>}
            {when(c) && <span className="when">{when(c)}</span>}
          </div>
          <ClaimSource claim={c} />
          {c.notes && <p className="claim-notes">{c.notes}</p>}
        </li>
      ))}
    </ol>
  );
}

function ClaimSource({ claim }: { claim: Claim }) {
  const source = useSourceOf()(claim.sourceId);
  return (
    <div className="claim-source">
      {source.url && isWebLink(source.url) ? (
        <a href={source.url} target="_blank" rel="noopener noreferrer">{source.title}</a>
      ) : (
        <cite>{source.title}</cite>
      )}
      {source.publisher && <>, {source.publisher}</>}
      {source.date && <>, {source.date}</>}
      {where(claim) && <> · {where(claim)}</>} <PassageLink claim={claim} />
    </div>
  );
}
