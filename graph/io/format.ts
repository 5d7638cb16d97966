/**
 * The contract every file format implements: an importer that turns files
 * into a dataset with a report, and an exporter that writes one or more files.
 * The readers live by family (csv/, json/, xml/) and all end in
 * common/finish.ts; `registry.ts` lists the formats.
 */
import type { Dataset } from '../model/types';
import type { Problem } from '../schema/problems';

export type FormatId = 'actorscope-json' | 'csv' | 'gexf' | 'graphml' | 'cytoscape-json' | 'graphology-json' | 'node-link';

/** A file's text, as the readers take it (pasted text, or a file's bytes once decoded). */
export interface InputFile {
  name: string;
  text: string;
}

/**
 * A file as read from disk or the network: importFiles decodes its bytes
 * (decode.ts), so the encoding's warnings and refusals land in the report.
 * A Uint8Array crosses postMessage as a structured clone.
 */
export interface ByteFile {
  name: string;
  bytes: Uint8Array;
}

/** What importFiles takes: text, or bytes to decode. */
export type ImportFile = InputFile | ByteFile;

export interface ImportReport {
  format: FormatId;
  /** What was read from the files, before anything was dropped or merged. */
  actorsRead: number;
  relationsRead: number;
  /** Unknown types kept as `other`, duplicates dropped, attributes renamed, values left untyped … each located. */
  warnings: Problem[];
  /** How each file given as bytes was decoded (`utf-8`, `utf-16le`, `windows-1252` …); absent when all came as text. */
  encodings?: Array<{ file: string; encoding: string }>;
}

export type FormatImportResult =
  | { ok: true; dataset: Dataset; report: ImportReport }
  | { ok: false; format: FormatId | null; problems: Problem[] };

export interface OutputFile {
  name: string;
  text: string;
  mime: string;
}

export interface FileFormat {
  id: FormatId;
  label: string;
  /** Lower-case, without the dot. */
  extensions: readonly string[];
  /** Cheap look at the start of a text: is it this format? Used when the extension says nothing. */
  sniff(text: string): boolean;
  /** Reads one file, or (CSV) several that belong together; errors refuse the whole import. */
  read(files: readonly InputFile[]): FormatImportResult;
  /** Writes the dataset; `baseName` without extension. */
  write(dataset: Dataset, baseName: string): OutputFile[];
}
