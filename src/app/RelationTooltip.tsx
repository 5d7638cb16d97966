/**
 * The tooltip of the relation under the pointer (src/app/relation-hover.ts):
 * its type and ends, confidence, claims and witnesses for and against, and
 * its best grade, and whether the evidence setting counts it. Everything is React text, never markup; it sits beside the
 * pointer, inside the stage, and never takes pointer events.
 */
import { useLayoutEffect, useRef } from 'react';
import { isMutual, relationEvidence, type EvidenceReport, type Relation } from '../../graph';
import { RELATION_STYLES } from '../look/encoding';
import { forAndAgainst, formatShare, leftOutReason } from '../look/evidence-text';
import { useRelationHover } from './relation-hover';

interface RelationTooltipProps {
  relations: ReadonlyMap<string, Relation>;
  names: ReadonlyMap<string, string>;
  /** What the evidence setting leaves out: such a relation says it is not counted, and why. */
  evidenceReport: EvidenceReport;
}

/** Pixels between the pointer and the tooltip, and kept free at the stage's edges. */
const GAP = 14;
const MARGIN = 4;

export function RelationTooltip({ relations, names, evidenceReport }: RelationTooltipProps) {
  const hover = useRelationHover();
  const box = useRef<HTMLDivElement>(null);
  const relation = hover ? relations.get(hover.relationId) : undefined;

  // Below and right of the pointer, or above / left of it where the stage ends; placed before the paint.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || !hover) return;
    const stage = el.offsetParent as HTMLElement | null;
    const width = stage?.clientWidth ?? Infinity;
    const height = stage?.clientHeight ?? Infinity;
    let left = hover.x + GAP;
    if (left + el.offsetWidth > width - MARGIN) left = Math.max(MARGIN, hover.x - GAP - el.offsetWidth);
    let top = hover.y + GAP;
    if (top + el.offsetHeight > height - MARGIN) top = Math.max(MARGIN, hover.y - GAP - el.offsetHeight);
    el.style.left = `${left}px`;
    el.style.top = `${top}px`;
  }, [hover, relation]);

  if (!hover || !relation) return null;
  const style = RELATION_STYLES[relation.type];
  const evidence = relationEvidence(relation);
  const name = (id: string) => names.get(id) ?? id;
  const leftOut = leftOutReason(evidenceReport, relation.id);
  return (
    <div className="relation-tooltip" role="tooltip" ref={box} data-testid="relation-tooltip">
      <p className="tooltip-title">
        <span style={{ color: style.color }}>{style.label}</span>: {name(relation.source)} {isMutual(relation.type) ? '↔' : '→'} {name(relation.target)}
      </p>
      <dl>
        <dt>Confidence</dt>
        <dd>
          {formatShare(evidence.confidence)}
          {evidence.contested && <strong className="contested"> · contested</strong>}
        </dd>
        <dt>Claims</dt>
        <dd>{forAndAgainst(evidence.supports, evidence.disputes)}</dd>
        <dt>Witnesses</dt>
        <dd>{forAndAgainst(evidence.witnessesFor.length, evidence.witnessesAgainst.length)}</dd>
        <dt>Best grade</dt>
        <dd>{evidence.bestGrade ?? 'none (nothing supports it)'}</dd>
      </dl>
      {leftOut && <p className="tooltip-not-counted">Not counted in the analyses: {leftOut}.</p>}
    </div>
  );
}
