/** What the legend of an exported picture lists: the relation types and actor kinds in view, and how evidence is drawn. */
import type { Dataset, RelationType } from '../../graph';
import { pictureCaption } from './picture-caption';
import { CONFIDENCE_SCALE, CONTESTED_STYLE, RELATION_STYLES, confidenceLook, kindStyle, type NodeShape } from './encoding';

export interface LegendSpec {
  title: string;
  relations: Array<{ label: string; color: string; line: 'solid' | 'dashed' | 'dotted'; arrow: boolean }>;
  /** Width and opacity by confidence (two examples), then the contested relations' hollow line. */
  evidence: Array<{ label: string; width: number; opacity: number; hollow: boolean }>;
  kinds: Array<{ label: string; color: string; shape: NodeShape }>;
  /** e.g. "Node size: betweenness" */
  notes: string[];
  /** The source of the data and the day the picture was made (src/look/picture-caption.ts). */
  caption: string;
}

/** The confidences the legend shows as examples (as the app's legend does). */
const EXAMPLES = [0.9, 0.1];

/** `madeOn`: the day the picture is made, ISO YYYY-MM-DD (localIsoDate). */
export function legendSpec(dataset: Pick<Dataset, 'meta' | 'sources'>, types: readonly RelationType[], kinds: readonly string[], notes: string[], madeOn: string): LegendSpec {
  return {
    title: dataset.meta.title,
    relations: types.map((t) => ({ label: RELATION_STYLES[t].label, color: RELATION_STYLES[t].color, line: RELATION_STYLES[t].line, arrow: RELATION_STYLES[t].arrow })),
    evidence: [
      ...EXAMPLES.map((c) => {
        const { width, opacity } = confidenceLook(CONFIDENCE_SCALE, c);
        return { label: `Confidence ${c}`, width: round(width), opacity: round(opacity), hollow: false };
      }),
      { label: CONTESTED_STYLE.label, width: CONTESTED_STYLE.core, opacity: 1, hollow: true },
    ],
    kinds: kinds.map((k) => ({ label: kindStyle(k).label, color: kindStyle(k).color, shape: kindStyle(k).shape })),
    notes: ['Line width and opacity: confidence', `${CONTESTED_STYLE.label}: doubt outweighs support`, ...notes],
    caption: pictureCaption(dataset, madeOn),
  };
}

const round = (x: number) => Math.round(x * 100) / 100;

/** The legend column's width; its height grows with what it holds (layoutLegend in legend-layout.ts). */
export const LEGEND_WIDTH = 230;
export const LEGEND_ROW = 20;
/** The ink of the evidence examples (neutral: the relation types have the colours). */
export const EVIDENCE_INK = '#37474f';
export const CONTESTED_OUTLINE = CONTESTED_STYLE.outline;
export const CONTESTED_CORE = CONTESTED_STYLE.coreColor;

