/**
 * The visual encoding of relation types and actor kinds, shared by the
 * stylesheet and the legend so that the two cannot disagree.
 */
import type { RelationType } from '../model/types';

export interface RelationStyle {
  label: string;
  color: string;
  line: 'solid' | 'dashed' | 'dotted';
  arrow: boolean;
  description: string;
}

export const RELATION_STYLES: Record<RelationType, RelationStyle> = {
  partner: { label: 'Partner', color: '#2e7d32', line: 'solid', arrow: false, description: 'mutual partnership (no arrow)' },
  threat: { label: 'Threat', color: '#c62828', line: 'solid', arrow: true, description: 'source threatens target' },
  supplier: { label: 'Supplier', color: '#1565c0', line: 'solid', arrow: true, description: 'source supplies target' },
  'suspected-supporter': {
    label: 'Suspected supporter',
    color: '#8e24aa',
    line: 'dashed',
    arrow: true,
    description: 'source alleged to support target (unconfirmed)',
  },
  other: { label: 'Other', color: '#757575', line: 'dotted', arrow: true, description: 'type not known to Actorscope' },
};

export type NodeShape =
  | 'ellipse'
  | 'triangle'
  | 'pentagon'
  | 'hexagon'
  | 'diamond'
  | 'round-rectangle'
  | 'rectangle'
  | 'octagon';

export interface KindStyle {
  label: string;
  shape: NodeShape;
  color: string;
}

export const KIND_STYLES: Record<string, KindStyle> = {
  state: { label: 'State', shape: 'ellipse', color: '#90caf9' },
  'armed-group': { label: 'Armed group', shape: 'triangle', color: '#ef9a9a' },
  'political-group': { label: 'Political group', shape: 'pentagon', color: '#ffcc80' },
  bloc: { label: 'Bloc', shape: 'hexagon', color: '#a5d6a7' },
  region: { label: 'Region', shape: 'diamond', color: '#e6ee9c' },
  person: { label: 'Person', shape: 'round-rectangle', color: '#ce93d8' },
  organization: { label: 'Organization', shape: 'rectangle', color: '#b0bec5' },
};

/** Kinds a file brings that we do not know get one neutral style, labelled as written. */
export function kindStyle(kind: string): KindStyle {
  return KIND_STYLES[kind] ?? { label: kind, shape: 'octagon', color: '#e0e0e0' };
}

/**
 * How a relation's evidence shows on the canvas: its confidence (0..1, from
 * the core's relationEvidence) sets the line's width and opacity, linearly
 * between these ends, so that a 0.9 relation is a bold line and a 0.1 one a
 * thin, faint one. A large graph draws thinner, fainter lines; its ends are
 * chosen so that a relation without claims (confidence 0.5) looks as it did
 * before evidence was drawn (1 px at 0.45).
 */
export interface ConfidenceScale {
  width: readonly [number, number];
  opacity: readonly [number, number];
}
export const CONFIDENCE_SCALE: ConfidenceScale = { width: [1, 5], opacity: [0.3, 1] };
export const LARGE_CONFIDENCE_SCALE: ConfidenceScale = { width: [0.5, 1.5], opacity: [0.2, 0.7] };

/** The width (px) and opacity a confidence gets under a scale: what the stylesheet's mapData() computes. */
export function confidenceLook(scale: ConfidenceScale, confidence: number): { width: number; opacity: number } {
  const c = Math.min(1, Math.max(0, confidence));
  const at = ([low, high]: readonly [number, number]) => low + (high - low) * c;
  return { width: at(scale.width), opacity: at(scale.opacity) };
}

/**
 * A contested relation (its doubt outweighs its support) is drawn hollow: a
 * white core between two lines of its type's colour, with a hollow arrowhead,
 * whatever its type's own dash. Hollow differs from every type's line (solid,
 * the suspected supporter's dashes, the dots of "other") at any width.
 */
export const CONTESTED_STYLE = {
  label: 'Contested',
  description: 'the claims against it outweigh the claims for it (hollow line, hollow arrowhead)',
  /** The white core's width (px) and the coloured edges' total width around it. */
  core: 1.5,
  outline: 2,
  coreColor: '#ffffff',
} as const;

/**
 * A relation the evidence setting leaves out (src/panels/EvidenceControl.tsx)
 * stays on the canvas, so the analyst sees what is not counted, but faint and
 * dotted: no type is drawn that faint, and dots over any type's line read as
 * "set aside".
 */
export const UNCOUNTED_STYLE = {
  label: 'Not counted',
  description: 'left out of the analyses by the evidence setting (faint, dotted)',
  opacity: 0.3,
} as const;
