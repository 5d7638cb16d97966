/** What the legend of an exported picture lists: the relation types and actor kinds in view. */
import type { RelationType } from '../../graph';
import { RELATION_STYLES, kindStyle, type NodeShape } from './encoding';

export interface LegendSpec {
  title: string;
  relations: Array<{ label: string; color: string; line: 'solid' | 'dashed' | 'dotted'; arrow: boolean }>;
  kinds: Array<{ label: string; color: string; shape: NodeShape }>;
  /** e.g. "Node size: betweenness" */
  notes: string[];
}

export function legendSpec(title: string, types: readonly RelationType[], kinds: readonly string[], notes: string[]): LegendSpec {
  return {
    title,
    relations: types.map((t) => ({ label: RELATION_STYLES[t].label, color: RELATION_STYLES[t].color, line: RELATION_STYLES[t].line, arrow: RELATION_STYLES[t].arrow })),
    kinds: kinds.map((k) => ({ label: kindStyle(k).label, color: kindStyle(k).color, shape: kindStyle(k).shape })),
    notes,
  };
}

export const LEGEND_WIDTH = 230;
export const LEGEND_ROW = 20;

export function legendHeight(spec: LegendSpec): number {
  return 40 + (spec.relations.length + spec.kinds.length + spec.notes.length + 2) * LEGEND_ROW;
}
