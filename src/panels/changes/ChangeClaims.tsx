/**
 * A relation as it stands in one window, for the Changes lists: its ends (a
 * button that selects it on the graph) and, unfolded, the claims of that
 * window with their date and place in the source (ClaimList).
 */
import type { Claim, RelationType } from '../../../graph';
import type { AnalysisContext } from '../analysis-context';
import { ClaimList } from '../ClaimList';
import { RelationEnds } from '../RelationEnds';
import { countOf } from '../../look/evidence-text';

export interface WindowedRelation {
  id: string;
  source: string;
  target: string;
  type: RelationType;
  claims: readonly Claim[];
}

export function ChangeClaims({ ctx, relation, label }: { ctx: AnalysisContext; relation: WindowedRelation; label?: string }) {
  return (
    <div className="change-relation">
      {label && <span className="change-when">{label} </span>}
      <button type="button" className="link" title="Select this relation" onClick={() => ctx.select({ kind: 'relation', id: relation.id })}>
        <RelationEnds ctx={ctx} source={relation.source} target={relation.target} type={relation.type} />
      </button>
      <details className="change-claims">
        <summary>{countOf(relation.claims.length, 'claim')}{rowsOf(relation.claims)}</summary>
        <ClaimList claims={relation.claims} />
      </details>
    </div>
  );
}

/** ", rows 2, 3" when the claims come from table rows: the quickest way back to the file. */
function rowsOf(claims: readonly Claim[]): string {
  const rows = claims.map((c) => c.locator.row).filter((r): r is number => r !== undefined);
  if (!rows.length) return '';
  const shown = rows.slice(0, 6).join(', ');
  return ` (row${rows.length === 1 ? '' : 's'} ${shown}${rows.length > 6 ? ', …' : ''})`;
}
