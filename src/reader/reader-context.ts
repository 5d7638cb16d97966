/**
 * Opening a passage of a source text from anywhere a quote or locator is
 * shown (the claim lists, the path hops, the triad cards): provided once by
 * App, so those lists need not be handed the dispatcher.
 */
import { createContext, useContext } from 'react';

export interface ReaderOpener {
  /** Shows the source in the Source tab, the passage [start, end) brought into view and marked. */
  openPassage: (sourceId: string, chars?: readonly [number, number]) => void;
}

export const ReaderContext = createContext<ReaderOpener | null>(null);

export function useReader(): ReaderOpener | null {
  return useContext(ReaderContext);
}
