/**
 * The evidence behind a relation. Everything from the file is rendered as
 * text (React escapes it); links are made only for http(s) addresses.
 */
import { describeGrade, type Claim } from '../../graph';

const isWebLink = (url: string) => /^https?:\/\//i.test(url);

function where(claim: Claim): string {
  const parts: string[] = [];
  if (claim.locator.paragraph !== undefined) parts.push(`¶ ${claim.locator.paragraph}`);
  if (claim.locator.chars) parts.push(`chars ${claim.locator.chars[0]}–${claim.locator.chars[1]}`);
  return parts.join(', ');
}

function when(claim: Claim): string | null {
  if (claim.date) return claim.date;
  if (claim.period) return `${claim.period.from ?? '…'} – ${claim.period.to ?? '…'}`;
  return null;
}

export function ClaimList({ claims }: { claims: readonly Claim[] }) {
  if (claims.length === 0) return <p className="no-claims">No claim backs this relation.</p>;
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
          <div className="claim-source">
            {c.source.url && isWebLink(c.source.url) ? (
              <a href={c.source.url} target="_blank" rel="noopener noreferrer">{c.source.title}</a>
            ) : (
              <cite>{c.source.title}</cite>
            )}
            {c.source.publisher && <>, {c.source.publisher}</>}
            {c.source.date && <>, {c.source.date}</>}
            {where(c) && <> · {where(c)}</>}
          </div>
          {c.notes && <p className="claim-notes">{c.notes}</p>}
        </li>
      ))}
    </ol>
  );
}
