/**
 * Import, the CSV column preview and export, asked of the core worker's main
 * lane. Panels and start-up call these rather than the worker, so that only
 * src/state/ knows there is one.
 */
import type { Dataset, FormatId, FormatImportResult, ImportFile, ImportOptions, OutputFile } from '../../graph';
import { core } from '../workers/core';
import type { PathsRequest } from './path-request';

/** Files → dataset with a report, or located problems. */
export function importFilesInWorker(files: ImportFile[], options?: ImportOptions): Promise<FormatImportResult> {
  return core().request({ type: 'import', files, options });
}

/** The header and proposed column roles of a CSV file (its text, or its bytes to decode), for the mapping step. */
export function inspectCsvInWorker(file: ImportFile) {
  return core().request('bytes' in file ? { type: 'inspectCsv', bytes: file.bytes } : { type: 'inspectCsv', text: file.text });
}

/** The dataset written in `format`: one file, or several (CSV). */
export function exportDatasetInWorker(dataset: Dataset, format: FormatId, baseName: string): Promise<OutputFile[]> {
  return core().request({ type: 'export', dataset, format, baseName });
}

/** The k best paths of a question (src/state/path-request.ts), asked once rather than followed by a panel. */
export function pathsInWorker(request: PathsRequest) {
  return core().request(request);
}
