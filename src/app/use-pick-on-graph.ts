/**
 * "Pick on graph": a panel arms a field, and the next actor clicked on the
 * canvas goes to it instead of becoming the selection.
 */
import { useCallback, useRef, useState } from 'react';
import type { Action, Selection } from '../state/app-state';

export interface PickOnGraph {
  /** The armed field's label, or null. */
  picking: string | null;
  armPick: (field: string, onPick: (id: string) => void) => void;
  cancelPick: () => void;
  /** Selects, or hands an actor to the armed field (a click elsewhere while armed does nothing). */
  select: (selection: Selection) => void;
}

export function usePickOnGraph(dispatch: (action: Action) => void): PickOnGraph {
  const [picking, setPicking] = useState<string | null>(null);
  const pickTarget = useRef<((id: string) => void) | null>(null);
  const armPick = useCallback((field: string, onPick: (id: string) => void) => {
    pickTarget.current = onPick;
    setPicking(field);
  }, []);
  const cancelPick = useCallback(() => {
    pickTarget.current = null;
    setPicking(null);
  }, []);
  const select = useCallback(
    (selection: Selection) => {
      if (pickTarget.current) {
        if (selection?.kind === 'actor') {
          pickTarget.current(selection.id);
          pickTarget.current = null;
          setPicking(null);
        }
        return;
      }
      dispatch({ type: 'select', selection });
    },
    [dispatch],
  );
  return { picking, armPick, cancelPick, select };
}
