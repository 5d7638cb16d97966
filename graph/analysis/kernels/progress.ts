/**
 * Progress from the long kernels (betweenness, sampled betweenness,
 * closeness): `onProgress(done, total)` after each step of work, throttled so
 * that a worker forwarding every report to the UI does not flood it — a report
 * at most every `progressStep(total)` units (at least 64 sources or nodes, and
 * about 100 reports at most), and always one at the end with done = total.
 * Reporting never changes the results: the work is the same, only cut into
 * chunks between reports.
 */
export type ProgressListener = (done: number, total: number) => void;

/** Units of work between two reports: at least 64, and at most about 100 reports in all. */
export function progressStep(total: number): number {
  return Math.max(64, Math.ceil(total / 100));
}
