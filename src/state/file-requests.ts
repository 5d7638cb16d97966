/**
 * Import, the CSV column preview and export, asked of the core worker's main
 * lane. Panels and start-up call these rather than the worker, so that only
 * src/state/ knows there is one.
 */
import type { Dataset, FormatId, FormatImportResult, ImportOptions, InputFile, OutputFile } from '../../graph';
import { core } from '../workers/core';

/** Files → dataset with a report, or located problems. */
export function importFilesInWorker(files: InputFile[], options?: ImportOptions): Promise<FormatImportResult> {
  return core().request({ type: 'import', files, options });
}

/** The header and proposed column roles of a CSV text, for the mapping step. */
export function inspectCsvInWorker(text: string) {
  return core().request({ type: 'inspectCsv', text });
}

/** The dataset written in `format`: one file, or several (CSV). */
export function exportDatasetInWorker(dataset: Dataset, format: FormatId, baseName: string): Promise<OutputFile[]> {
  return core().request({ type: 'export', dataset, format, baseName });
}
