/**
 * The visual encoding of relation types and actor kinds, shared by the
 * stylesheet and the legend so that the two cannot disagree.
 */
import type { RelationType } from '../../graph';

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
