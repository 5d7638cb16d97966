/**
 * The time window the analyses ran in and what it left out, for the footnote
 * under every result (EvidenceFootnote): provided once by App, so that each
 * panel says the window without being handed it.
 */
import { createContext, useContext } from 'react';
import type { WindowReport } from '../../graph';

/** Null for all time. `relations`: how many the dataset holds, for "3 of 20 left out". */
export const TimeWindowContext = createContext<{ report: WindowReport; relations: number } | null>(null);

export function useTimeWindowReport(): { report: WindowReport; relations: number } | null {
  return useContext(TimeWindowContext);
}
