/**
 * The evidence of one relation that an analysis result rests on (a path hop,
 * a triad's side, a bloc tie, a compare explanation): its confidence, marked
 * when weak or contested (in words, not colour alone), and, unfolded, its
 * claims for and against with grade and asserter. Text only: React escapes
 * every quote.
 */
import { PassageLink } from '../reader/PassageLink';
import { describeGrade, isWeak, weighRelation, type Claim, type Relation } from '../../graph';
import { countOf, formatShare } from '../look/evidence-text';

export function RelationClaims({ relation }: { relation: Relation | undefined }) {
  if (!relation) return null;
  const e = weighRelation(relation);
  const weak = isWeak(e);
  const supporting = relation.claims.filter((c) => c.stance === 'supports');
  const disputing = relation.claims.filter((c) => c.stance !== 'supports');
  const mark = e.contested ? 'contested' : weak ? 'weak' : null;
  return (
    <details className={`relation-claims${mark ? ` ${mark}` : ''}`}>
      <summary>
        confidence <strong>{formatShare(e.confidence)}</strong>
        {mark && (
          <>
            {' '}
            <span className={`${mark}-badge`} title={mark === 'contested' ? 'The claims against outweigh the claims for' : 'Less than one C3 witness alone would give'}>
              {mark}
            </span>
          </>
        )}
        <span className="why-hint">
          {' '}
          · {countOf(supporting.length, 'claim')} for{e.bestGrade && <> (best {e.bestGrade})</>}, {disputing.length} against
        </span>
      </summary>
      <ClaimQuotes title="For" claims={supporting} />
      <ClaimQuotes title="Against" claims={disputing} />
    </details>
  );
}

function ClaimQuotes({ title, claims }: { title: string; claims: readonly Claim[] }) {
  if (!claims.length) return <p className="muted claims-none">{title}: none.</p>;
  return (
    <div className="claims-side">
      <h4>{title}</h4>
      <ul>
        {claims.map((c, i) => (
          <li key={i} className={`claim ${c.stance}`}>
            <q>{c.quote}</q> <span className="asserted">— {c.assertedBy || 'unattributed'}</span>{' '}
            <span className={`grade grade-${c.grade[0]}`} title={describeGrade(c.grade)}>
              {c.grade}
            </span>{' '}
            <PassageLink claim={c} />
          </li>
        ))}
      </ul>
    </div>
  );
}
