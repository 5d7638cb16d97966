import { useEffect, type RefObject } from 'react';

/**
 * Closes a popup on a click outside it or on Escape. Escape from inside the
 * popup gives the focus back to its toggle (the control with aria-expanded in
 * `ref`), so the keyboard never lands on the page body.
 */
export function useDismiss(ref: RefObject<HTMLElement | null>, open: boolean, close: () => void): void {
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) close();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      const box = ref.current;
      const inside = !!box && box.contains(document.activeElement);
      close();
      if (inside) box.querySelector<HTMLElement>('[aria-expanded]')?.focus();
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [ref, open, close]);
}
