/**
 * What the elements controller and the layout controller share about laying
 * the graph out: whether the canvas is busy (and what a large graph is doing
 * meanwhile), how many layouts new instances have asked for, and a large
 * graph's elements while they wait for the worker's positions.
 */
import type { ElementDefinition } from 'cytoscape';
import { useCallback, useRef, useState, type RefObject } from 'react';

export interface LayoutWork {
  busy: boolean;
  setBusy(busy: boolean): void;
  /** What a large graph is doing while busy ("Drawing…", "Laying out…"). */
  progress: string | null;
  setProgress(progress: string | null): void;
  /** Layouts asked for by new instances (0: none yet, e.g. drawn from saved positions). */
  runs: number;
  requestLayout(): void;
  /**
   * A large graph laid out in the worker gets its elements only with their
   * positions, so that it is drawn once, in place: until then they wait here.
   */
  pending: RefObject<ElementDefinition[] | null>;
}

export function useLayoutWork(): LayoutWork {
  const [busy, setBusy] = useState(true);
  const [progress, setProgress] = useState<string | null>(null);
  const [runs, setRuns] = useState(0);
  const requestLayout = useCallback(() => setRuns((n) => n + 1), []);
  const pending = useRef<ElementDefinition[] | null>(null);
  return { busy, setBusy, progress, setProgress, runs, requestLayout, pending };
}
