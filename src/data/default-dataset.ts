/**
 * The embedded default: the Tajikistan 2023 dataset, bundled so the explorer
 * shows something real on first start, offline. It passes through restore()
 * like any file would.
 */
import raw from '../../public/data/tajikistan-2023.json';
import { restore, formatProblem, type Dataset } from '../../graph';

export function loadDefaultDataset(): Dataset {
  const result = restore(raw);
  if (!result.ok) {
    throw new Error(`The embedded dataset is invalid:\n${result.problems.map(formatProblem).join('\n')}`);
  }
  return result.dataset;
}
