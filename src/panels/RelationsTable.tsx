/**
 * The picture as a table, for screen readers and for reading it row by row:
 * every relation the canvas shows (the same filters), with its confidence,
 * claims for and against, independent witnesses, and whether the evidence
 * setting counts it. A row's button opens the relation and moves the focus
 * into its card.
 */
import { useMemo } from 'react';
import { listRelations, type Dataset, type EvidenceReport } from '../../graph';
import { RELATION_STYLES } from '../look/encoding';
import { formatShare, leftOutReason } from '../look/evidence-text';
import type { Selection } from '../state/app-state';

interface RelationsTableProps {
  /** The dataset under the canvas's filters. */
  visible: Dataset;
  evidenceReport: EvidenceReport;
  actorName: (id: string) => string;
  onSelect: (s: Selection) => void;
  onClose: () => void;
}

/** The details card of the side panel (DetailsPanel's box), after React has drawn the new selection. */
function focusDetails(): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('#panel-details .details-box')?.focus());
}

export function RelationsTable({ visible, evidenceReport, actorName, onSelect, onClose }: RelationsTableProps) {
  const rows = useMemo(() => listRelations(visible), [visible]);
  const notCounted = rows.filter((r) => leftOutReason(evidenceReport, r.id) !== null).length;
  return (
    <section className="relations-table" aria-label="Relations as a table">
      <div className="form-row">
        <strong>Relations as a table</strong>
        <button type="button" onClick={onClose}>Back to the picture</button>
      </div>
      <div className="table-scroll">
        <table>
          <caption>
            {rows.length} {rows.length === 1 ? 'relation' : 'relations'} shown (the canvas's filters){notCounted ? `; ${notCounted} not counted by the evidence setting` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Relation</th>
              <th scope="col">From</th>
              <th scope="col">Type</th>
              <th scope="col">To</th>
              <th scope="col" className="num">Confidence</th>
              <th scope="col" className="num">Claims for</th>
              <th scope="col" className="num">Against</th>
              <th scope="col" className="num">Witnesses</th>
              <th scope="col">Counted</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const reason = leftOutReason(evidenceReport, r.id);
              return (
                <tr key={r.id} className={reason ? 'uncounted' : undefined}>
                  <th scope="row">
                    <button
                      type="button"
                      className="link"
                      onClick={() => {
                        onSelect({ kind: 'relation', id: r.id });
                        focusDetails();
                      }}
                    >
                      {r.id}
                    </button>
                  </th>
                  <td>{actorName(r.source)}</td>
                  <td>{RELATION_STYLES[r.type].label}</td>
                  <td>{actorName(r.target)}</td>
                  <td className="num">{formatShare(r.confidence)}</td>
                  <td className="num">{r.supports}</td>
                  <td className="num">{r.disputes}</td>
                  <td className="num">{r.witnesses}</td>
                  <td>{reason ? `no: ${reason}` : r.contested ? 'yes, contested' : 'yes'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
