/**
 * What every request on the graph carries: the dataset, the filter, the
 * evidence setting and the time window (graph/protocol.ts applies them in
 * that order: window, filter, evidence). One place, so that no panel can ask
 * its question outside the window the canvas shows.
 */
import type { Dataset, EvidenceSetting, GraphFilter, TimeWindow } from '../../graph';

export interface GraphQuestion {
  dataset: Dataset;
  filter: GraphFilter;
  evidence: EvidenceSetting;
  window?: TimeWindow;
}

/** No `window` key at all for all time, so a request's key is the one it had before windows. */
export function onGraph(from: { dataset: Dataset; filter: GraphFilter; evidence: EvidenceSetting; window?: TimeWindow | null | undefined }): GraphQuestion {
  const question: GraphQuestion = { dataset: from.dataset, filter: from.filter, evidence: from.evidence };
  if (from.window) question.window = from.window;
  return question;
}
