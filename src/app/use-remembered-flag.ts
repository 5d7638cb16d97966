/** An on/off choice of the desk (e.g. the centrality table shown), remembered in this browser. */
import { useCallback, useState } from 'react';

export function useRememberedFlag(key: string, initial: boolean): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => {
    try {
      const v = localStorage.getItem(key);
      return v === null ? initial : v === '1';
    } catch {
      return initial;
    }
  });
  const set = useCallback(
    (next: boolean) => {
      setOn(next);
      try {
        localStorage.setItem(key, next ? '1' : '0');
      } catch {
        // Not remembered; it still applies to this page.
      }
    },
    [key],
  );
  return [on, set];
}
