import { useMemo } from 'react';
import { windowDataset, type Dataset, type TimeWindow, type WindowReport } from '../../graph';

export interface WindowedDataset {
  /** The dataset as it stands in the window (each relation with its claims there); the dataset itself for all time. */
  dataset: Dataset;
  /** What the window left out and kept undated; null for all time. */
  report: WindowReport | null;
  /** The relations with no supporting claim in the window (the canvas fades them out). */
  outside: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The dataset in the time window, worked out once per change on the UI
 * thread for the canvas and the footnotes; the worker windows each request
 * itself (graph/protocol.ts), so the two agree.
 */
export function useTimeWindow(dataset: Dataset, window: TimeWindow | null): WindowedDataset {
  return useMemo(() => {
    if (!window) return { dataset, report: null, outside: NONE };
    const { dataset: windowed, report } = windowDataset(dataset, window);
    return { dataset: windowed, report, outside: new Set(report.relationsOut) };
  }, [dataset, window]);
}
