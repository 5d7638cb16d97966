/**
 * The legend doubles as the filter: each relation type and actor kind is a
 * toggle button (aria-pressed = shown). Under the types, how evidence is
 * drawn: width and opacity by confidence, and the contested relations' line.
 */
import { RELATION_TYPES, type EvidenceReport, type EvidenceSetting, type RelationType } from '../../graph';
import { EvidenceControl } from './EvidenceControl';
import type { ReactNode } from 'react';
import { CONFIDENCE_SCALE, CONTESTED_STYLE, RELATION_STYLES, UNCOUNTED_STYLE, confidenceLook, kindStyle, shapeOutline, type NodeShape, type RelationStyle } from '../look/encoding';

interface LegendProps {
  kinds: readonly string[];
  relationCounts: ReadonlyMap<RelationType, number>;
  kindCounts: ReadonlyMap<string, number>;
  hiddenRelationTypes: readonly RelationType[];
  hiddenActorKinds: readonly string[];
  onToggleRelationType: (t: RelationType) => void;
  onToggleActorKind: (k: string) => void;
  evidenceReport: EvidenceReport;
  shownRelations: number;
  onEvidence: (setting: EvidenceSetting) => void;
}

export function Legend(props: LegendProps) {
  const types = RELATION_TYPES.filter((t) => t !== 'other' || (props.relationCounts.get(t) ?? 0) > 0);
  return (
    <section className="legend" aria-label="Legend and filters">
      <h2>Relations</h2>
      <ul>
        {types.map((t) => {
          const s = RELATION_STYLES[t];
          const shown = !props.hiddenRelationTypes.includes(t);
          return (
            <FilterToggle
              key={t}
              shown={shown}
              title={`${shown ? 'Hide' : 'Show'} ${s.label.toLowerCase()} relations: ${s.description}`}
              onToggle={() => props.onToggleRelationType(t)}
              icon={<LineIcon style={s} />}
              label={s.label}
              count={props.relationCounts.get(t) ?? 0}
            />
          );
        })}
      </ul>
      <EvidenceKey />
      <EvidenceControl report={props.evidenceReport} shown={props.shownRelations} onEvidence={props.onEvidence} />
      <h2>Actors</h2>
      <ul>
        {props.kinds.map((k) => {
          const s = kindStyle(k);
          const shown = !props.hiddenActorKinds.includes(k);
          return (
            <FilterToggle
              key={k}
              shown={shown}
              title={`${shown ? 'Hide' : 'Show'} actors of kind ${s.label.toLowerCase()}`}
              onToggle={() => props.onToggleActorKind(k)}
              icon={<ShapeIcon shape={s.shape} color={s.color} />}
              label={s.label}
              count={props.kindCounts.get(k) ?? 0}
            />
          );
        })}
      </ul>
    </section>
  );
}

/** The confidences the legend shows as examples of the width and opacity scale. */
const STRONG = 0.9;
const WEAK = 0.1;

function EvidenceKey() {
  return (
    <>
      <h2>Evidence</h2>
      <ul className="evidence-key" aria-label="How evidence is drawn">
        <li title={`A relation believed with confidence ${STRONG} (0 to 1, from its claims' grades)`}>
          <EvidenceIcon confidence={STRONG} />
          <span>Confidence {STRONG}</span>
        </li>
        <li title={`A relation believed with confidence ${WEAK}`}>
          <EvidenceIcon confidence={WEAK} />
          <span>Confidence {WEAK}</span>
        </li>
        <li title={`${CONTESTED_STYLE.label}: ${CONTESTED_STYLE.description}`}>
          <EvidenceIcon contested />
          <span>{CONTESTED_STYLE.label}</span>
        </li>
        <li title={`${UNCOUNTED_STYLE.label}: ${UNCOUNTED_STYLE.description}`}>
          <UncountedIcon />
          <span>{UNCOUNTED_STYLE.label}</span>
        </li>
      </ul>
      <p className="legend-note">
        Wider and more opaque: more confident. {CONTESTED_STYLE.label}: doubt outweighs support. {UNCOUNTED_STYLE.label}: left out by the
        evidence setting below. Hover a relation for its evidence.
      </p>
    </>
  );
}

/** A faint dotted line, as the canvas draws a relation the evidence setting leaves out. */
function UncountedIcon() {
  return (
    <svg width="34" height="12" aria-hidden="true">
      <line x1="2" y1="6" x2="32" y2="6" stroke="#37474f" strokeWidth="2" strokeDasharray="2 4" strokeOpacity={UNCOUNTED_STYLE.opacity} />
    </svg>
  );
}

/** A neutral line drawn as the canvas draws a relation of that confidence, or hollow for a contested one. */
function EvidenceIcon({ confidence = 0, contested = false }: { confidence?: number; contested?: boolean }) {
  const ink = '#37474f';
  if (contested) {
    return (
      <svg width="34" height="12" aria-hidden="true">
        <line x1="2" y1="6" x2="24" y2="6" stroke={ink} strokeWidth={CONTESTED_STYLE.core + CONTESTED_STYLE.outline} />
        <line x1="2.8" y1="6" x2="23.2" y2="6" stroke={CONTESTED_STYLE.coreColor} strokeWidth={CONTESTED_STYLE.core} />
        <polygon points="24.5,1.5 32.5,6 24.5,10.5" fill={CONTESTED_STYLE.coreColor} stroke={ink} strokeWidth="1.2" />
      </svg>
    );
  }
  const { width, opacity } = confidenceLook(CONFIDENCE_SCALE, confidence);
  return (
    <svg width="34" height="12" aria-hidden="true">
      <line x1="2" y1="6" x2="32" y2="6" stroke={ink} strokeWidth={width} strokeOpacity={opacity} />
    </svg>
  );
}

interface FilterToggleProps {
  shown: boolean;
  title: string;
  onToggle: () => void;
  icon: ReactNode;
  label: string;
  count: number;
}

/** One legend entry: its symbol, name and count, pressed while shown. */
function FilterToggle({ shown, title, onToggle, icon, label, count }: FilterToggleProps) {
  return (
    <li>
      <button type="button" aria-pressed={shown} title={title} onClick={onToggle}>
        {icon}
        <span>{label}</span>
        <span className="count">{count}</span>
      </button>
    </li>
  );
}

/** A relation type's line: its colour, dash and (for directed types) arrowhead. */
function LineIcon({ style: s }: { style: RelationStyle }) {
  return (
    <svg width="34" height="12" aria-hidden="true">
      <line
        x1="2" y1="6" x2={s.arrow ? 24 : 32} y2="6"
        stroke={s.color} strokeWidth="2.5"
        strokeDasharray={s.line === 'dashed' ? '6 3' : s.line === 'dotted' ? '2 3' : undefined}
      />
      {s.arrow && <polygon points="24,1 33,6 24,11" fill={s.color} />}
    </svg>
  );
}

/** A kind's shape as the canvas draws it, from the geometry the exported legends use too (shapeOutline). */
export function ShapeIcon({ shape, color }: { shape: NodeShape; color: string }) {
  const common = { fill: color, stroke: '#37474f', strokeWidth: 1 };
  const o = shapeOutline(shape, 7, 7, 12);
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
      {o.kind === 'ellipse' && <ellipse cx={o.cx} cy={o.cy} rx={o.rx} ry={o.ry} {...common} />}
      {o.kind === 'round-rectangle' && <rect x={o.x} y={o.y} width={o.width} height={o.height} rx={o.radius} {...common} />}
      {o.kind === 'polygon' && <polygon points={o.points.map(([x, y]) => `${x},${y}`).join(' ')} {...common} />}
    </svg>
  );
}
