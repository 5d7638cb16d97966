/**
 * Versions of datasets. Datasets are immutable (every edit makes a new one),
 * so identity is version: the first time a dataset is seen it gets the next
 * number. Workers keep datasets by this number (graph/session.ts), and
 * request keys use it instead of hashing 50,000 relations.
 */
import type { Dataset } from '../../graph';

const versions = new WeakMap<Dataset, number>();
let next = 1;

export function datasetVersion(dataset: Dataset): number {
  let version = versions.get(dataset);
  if (version === undefined) versions.set(dataset, (version = next++));
  return version;
}
