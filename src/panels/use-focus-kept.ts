/**
 * Focus never drops to the page body: when what had the focus is gone after a
 * change (the relation button in a list that now shows that relation, a
 * deleted actor's Delete button), the focus moves to `target` instead, so a
 * keyboard user goes on from the new content rather than from the top of the
 * page. Focus that is still somewhere (the graph, the table) is left alone.
 */
import { useEffect, type RefObject } from 'react';

export function useFocusKept(target: RefObject<HTMLElement | null>, change: unknown): void {
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) target.current?.focus({ preventScroll: false });
  }, [change]);
}
