/** FILE as every analysis command reads it: its problems printed, and the time window applied (options.ts). */
import { windowDataset } from '../analysis/time-window';
import type { Dataset } from '../model/types';
import { printProblems, readFileResult, type Io } from './common';
import { windowOption, windowText } from './options';

/**
 * FILE read, its problems printed; null means exit 1. With a time window
 * (`--window` or `--from`/`--to`, `--at`, `--dated-only`: options.ts), the dataset as it stands
 * in it (graph/analysis/time-window.ts), what it left out said on stderr.
 */
export function loadDataset(io: Io, file: string, values: { format?: string | undefined; window?: string | undefined; at?: string | undefined; from?: string | undefined; to?: string | undefined; 'dated-only'?: boolean | undefined }): Dataset | null {
  const window = windowOption(values);
  const read = readFileResult(io, file, values.format);
  if (!read) return null;
  if (!read.ok) {
    printProblems(io, file, read.problems);
    return null;
  }
  printProblems(io, file, read.warnings);
  if (!window) return read.dataset;
  const { dataset, report } = windowDataset(read.dataset, window);
  const out = report.relationsOut.length;
  io.err(
    `${file}: window ${windowText(window)}: ${out} of ${read.dataset.relations.length} relations left out (no supporting claim in it)` +
      `${report.claimsOut ? `; ${report.claimsOut} claims outside it dropped` : ''}${report.undated ? `; ${report.undated} undated claims held, as always` : ''}`,
  );
  return dataset;
}
