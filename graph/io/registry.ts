/**
 * Every file format Actorscope reads and writes, and the two entry points the
 * UI, the worker and the CLI use: importFiles() and exportDataset().
 */
import type { Dataset } from '../model/types';
import { csvFormat, type CsvReadOptions } from './csv/csv';
import type { FileFormat, FormatId, FormatImportResult, InputFile, OutputFile } from './format';
import { actorscopeJsonFormat, readActorscopeValue } from './json/actorscope-json';
import { cytoscapeJsonFormat, readCytoscapeValue } from './json/cytoscape-json';
import { graphologyJsonFormat, readGraphologyValue } from './json/graphology-json';
import { parseJsonText } from './json/json-text';
import { isNodeLinkShape, nodeLinkJsonFormat, readNodeLinkValue } from './json/node-link-json';
import { gexfFormat } from './xml/gexf';
import { graphmlFormat } from './xml/graphml';

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
  if (ext === 'json' || ext === 'cyjs') return 'actorscope-json';
  for (const f of [gexfFormat, graphmlFormat, actorscopeJsonFormat, cytoscapeJsonFormat, nodeLinkJsonFormat, graphologyJsonFormat]) {
    if (f.sniff(text)) return f.id;
  }
  if (ext === 'txt') return 'csv';
  return null;
}

/** A parsed JSON value → the reader for its shape. */
export function readJsonValue(value: unknown, name: string): FormatImportResult {
  if (Array.isArray(value)) return readCytoscapeValue(value, name);
  if (typeof value === 'object' && value !== null) {
    const root = value as Record<string, unknown>;
    if (root.format === 'actorscope') return readActorscopeValue(value);
    if (root.elements !== undefined) return readCytoscapeValue(value, name);
    // node-link JSON ({nodes, links} or, networkx ≥ 3.6, {nodes, edges}) vs graphology's {nodes, edges}: see isNodeLinkShape.
    if (isNodeLinkShape(root)) return readNodeLinkValue(value, name);
    if (root.type === 'gephi-lite' || Array.isArray(root.nodes)) return readGraphologyValue(value, name);
  }
  return readActorscopeValue(value);
}

export interface ImportOptions {
  /** Read as this format whatever the names say. */
  format?: FormatId;
  csv?: CsvReadOptions;
}

/**
 * Files → dataset with a report, or located problems. Several files are read
 * together only as CSV (actors + relations, or our export's set).
 */
export function importFiles(files: readonly InputFile[], options: ImportOptions = {}): FormatImportResult {
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
    return readJsonValue(parsed.value, first.name);
  }
  return formatById(format).read(files);
}

export function exportDataset(dataset: Dataset, format: FormatId, baseName: string): OutputFile[] {
  return formatById(format).write(dataset, baseName);
}
