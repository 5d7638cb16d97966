import { useMemo } from 'react';
import { applyEvidence, type Dataset, type EvidenceReport, type EvidenceSetting } from '../../graph';

export interface CountedGraph {
  /** The filtered dataset with only the relations that count under the setting. */
  counted: Dataset;
  /** The setting as checked, and what it left out (the panels' footnotes say it). */
  report: EvidenceReport;
  /** The ids of the filtered relations the setting left out (the canvas draws them as not counted). */
  leftOut: ReadonlySet<string>;
}

/**
 * Which of the shown relations count under the evidence setting, worked out
 * once per change on the UI thread: the canvas marks the others, and every
 * panel's footnote reads the same report. The worker applies the same setting
 * to each analysis request (graph/protocol.ts), so the two always agree.
 */
export function useEvidence(visible: Dataset, setting: EvidenceSetting): CountedGraph {
  return useMemo(() => {
    const { dataset, leftOut, setting: checked } = applyEvidence(visible, setting);
    const ids = new Set([...leftOut.contested, ...leftOut.belowGrade, ...leftOut.belowConfidence]);
    return { counted: dataset, report: { setting: checked, leftOut }, leftOut: ids };
  }, [visible, setting]);
}
