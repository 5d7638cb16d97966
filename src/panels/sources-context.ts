/**
 * The open dataset's sources, for whatever shows a claim's citation (the claim
 * lists, the witnesses of a relation): provided once by App, so that every list
 * of claims need not be handed the dataset.
 */
import { createContext, useContext } from 'react';
import { sourceLookup, type Source } from '../../graph';

export const SourcesContext = createContext<(id: string) => Source>(sourceLookup({ sources: [] }));

export function useSourceOf(): (id: string) => Source {
  return useContext(SourcesContext);
}
