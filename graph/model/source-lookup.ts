/** A dataset's sources by id, for the many places that show a claim's citation. */
import type { Dataset, Source } from './types';

/**
 * Looks a claim's source up. restore() guarantees every claim's `sourceId` is
 * one of the dataset's sources; a dataset built by hand that breaks this gets
 * a stand-in citing the id, rather than a crash in the middle of a drawing.
 */
export function sourceLookup(dataset: Pick<Dataset, 'sources'>): (id: string) => Source {
  const byId = new Map(dataset.sources.map((s) => [s.id, s]));
  return (id) => byId.get(id) ?? { id, title: id };
}
