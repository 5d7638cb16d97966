/** The public face of the core: src/ imports from here and nowhere deeper. */
export * from './model/types';
export * from './model/actor-graph';
export * from './model/filter';
export * from './schema/problems';
export * from './schema/grade';
export { restore, type RestoreResult } from './schema/restore';
export { parseEdgeListCsv, type ImportResult } from './io/csv-edge-list';
export * from './analysis/metrics';
export { buildMetricGraph } from './analysis/metric-graph';
export { handle, type Request, type Response, type Result } from './protocol';
export { readDataset, formatFromName, type ReadResult, type DatasetFormat } from './io/read-dataset';
export { parseJsonText } from './io/json-text';
