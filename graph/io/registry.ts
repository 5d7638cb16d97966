/**
 * Every file format Actorscope reads and writes, and the two entry points the
 * UI, the worker and the CLI use: importFiles() and exportDataset().
 */
import type { Dataset } from '../model/types';
import type { Problem } from '../schema/problems';
import { csvFormat, type CsvReadOptions } from './csv/csv';
import { decodeBytes } from './decode';
import type { FileFormat, FormatId, FormatImportResult, ImportFile, InputFile, OutputFile } from './format';
import { actorscopeJsonFormat, readActorscopeValue } from './json/actorscope-json';
import { cytoscapeJsonFormat, readCytoscapeValue } from './json/cytoscape-json';
import { graphologyJsonFormat, readGraphologyValue } from './json/graphology-json';
import { parseJsonText } from './json/json-text';
import { isNodeLinkShape, nodeLinkJsonFormat, readNodeLinkValue } from './json/node-link-json';
import { gexfFormat } from './xml/gexf';
import { graphmlFormat } from './xml/graphml';
import { ANNOTATION_FILE_REFUSAL, isAnnotationFile } from './annotations/annotation-shape';

export const FORMATS: readonly FileFormat[] = [
  actorscopeJsonFormat,
  csvFormat,
  gexfFormat,
  graphmlFormat,
  cytoscapeJsonFormat,
  graphologyJsonFormat,
  nodeLinkJsonFormat,
];

export const formatById = (id: FormatId): FileFormat => FORMATS.find((f) => f.id === id)!;

const extensionOf = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/**
 * The format of a file: by its extension, then by a look at its start.
 * `.json` is one extension for four formats, so JSON is told apart by shape
 * when it is read (see importFiles). Without an extension, node-link JSON is
 * sniffed before graphology JSON: networkx multigraph links carry a `"key"`
 * too, which graphology's sniff looks for.
 */
export function detectFormat(name: string, text: string): FormatId | null {
  const ext = extensionOf(name);
  if (ext === 'gexf') return 'gexf';
  if (ext === 'graphml') return 'graphml';
  if (ext === 'csv' || ext === 'tsv') return 'csv';
  // .jsonld: read by shape too, so that a file of Web Annotations is told for what it is.
  if (ext === 'json' || ext === 'cyjs' || ext === 'jsonld') return 'actorscope-json';
  for (const f of [gexfFormat, graphmlFormat, actorscopeJsonFormat, cytoscapeJsonFormat, nodeLinkJsonFormat, graphologyJsonFormat]) {
    if (f.sniff(text)) return f.id;
  }
  if (ext === 'txt') return 'csv';
  return null;
}

/** A parsed JSON value → the reader for its shape. */
export function readJsonValue(value: unknown, name: string, parseWarnings: readonly Problem[] = []): FormatImportResult {
  if (isAnnotationFile(value)) return { ok: false, format: null, problems: [{ severity: 'error', path: '', message: ANNOTATION_FILE_REFUSAL }] };
  if (Array.isArray(value)) return readCytoscapeValue(value, name, parseWarnings);
  if (typeof value === 'object' && value !== null) {
    const root = value as Record<string, unknown>;
    if (root.format === 'actorscope') return readActorscopeValue(value, parseWarnings);
    if (root.elements !== undefined) return readCytoscapeValue(value, name, parseWarnings);
    // node-link JSON ({nodes, links} or, networkx ≥ 3.6, {nodes, edges}) vs graphology's {nodes, edges}: see isNodeLinkShape.
    if (isNodeLinkShape(root)) return readNodeLinkValue(value, name, parseWarnings);
    if (root.type === 'gephi-lite' || Array.isArray(root.nodes)) return readGraphologyValue(value, name, parseWarnings);
  }
  return readActorscopeValue(value, parseWarnings);
}

export interface ImportOptions {
  /** Read as this format whatever the names say. */
  format?: FormatId;
  csv?: CsvReadOptions;
}

/**
 * Files → dataset with a report, or located problems. Several files are read
 * together only as CSV (actors + relations, or our export's set). Files given
 * as bytes are decoded first (decode.ts): a refusal names its file's place,
 * and how each was read goes into the report with its warnings.
 */
export function importFiles(files: readonly ImportFile[], options: ImportOptions = {}): FormatImportResult {
  const decoded = decodeFiles(files);
  if (!decoded.ok) {
    const first = files[decoded.index]!;
    return { ok: false, format: options.format ?? detectFormat(first.name, ''), problems: [decoded.problem] };
  }
  const result = importTexts(decoded.files, options);
  if (decoded.encodings.length === 0) return result;
  // A refusal keeps the decoding's warnings: "read as Windows-1252" may be why.
  if (!result.ok) return { ...result, problems: [...result.problems, ...decoded.warnings] };
  return { ...result, report: { ...result.report, warnings: [...decoded.warnings, ...result.report.warnings], encodings: decoded.encodings } };
}

type Decoded =
  | { ok: true; files: InputFile[]; warnings: Problem[]; encodings: Array<{ file: string; encoding: string }> }
  | { ok: false; index: number; problem: Problem };

/** The text of each file; bytes decoded, with `actors.csv, ` before the places when there are several. */
function decodeFiles(files: readonly ImportFile[]): Decoded {
  const texts: InputFile[] = [];
  const warnings: Problem[] = [];
  const encodings: Array<{ file: string; encoding: string }> = [];
  for (const [index, file] of files.entries()) {
    if (!('bytes' in file)) {
      texts.push(file);
      continue;
    }
    const decoded = decodeBytes(file.bytes, { prefix: files.length > 1 ? `${file.name}, ` : '' });
    if (!decoded.ok) return { ok: false, index, problem: decoded.problem };
    texts.push({ name: file.name, text: decoded.text });
    warnings.push(...decoded.warnings);
    encodings.push({ file: file.name, encoding: decoded.encoding });
  }
  return { ok: true, files: texts, warnings, encodings };
}

function importTexts(files: readonly InputFile[], options: ImportOptions): FormatImportResult {
  if (files.length === 0) return { ok: false, format: null, problems: [{ severity: 'error', path: '', message: 'no file given' }] };
  const first = files[0]!;
  const format = options.format ?? detectFormat(first.name, first.text);
  if (format === null) {
    return {
      ok: false,
      format: null,
      problems: [{ severity: 'error', path: first.name, message: 'unknown file type: expected .json (Actorscope, Cytoscape.js, graphology or node-link JSON), .csv/.tsv, .gexf or .graphml' }],
    };
  }
  if (files.length > 1 && format !== 'csv') {
    return { ok: false, format, problems: [{ severity: 'error', path: files[1]!.name, message: 'only CSV files can be imported together (actors + relations); open one file at a time' }] };
  }
  if (format === 'csv') return csvFormat.read(files, options.csv);
  if (format === 'actorscope-json' && !options.format) {
    // Our JSON, Cytoscape.js, graphology or node-link JSON: the shape decides.
    const parsed = parseJsonText(first.text);
    if (!parsed.ok) return { ok: false, format, problems: [parsed.problem] };
    return readJsonValue(parsed.value, first.name, parsed.warnings);
  }
  return formatById(format).read(files);
}

export function exportDataset(dataset: Dataset, format: FormatId, baseName: string): OutputFile[] {
  return formatById(format).write(dataset, baseName);
}
