/** An on/off choice of the desk (e.g. the centrality table shown), remembered in this browser. */
import { useCallback, useState } from 'react';
import { readRemembered, remember } from './remembered';

export function useRememberedFlag(key: string, initial: boolean): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => {
    const v = readRemembered(key);
    return v === null ? initial : v === '1';
  });
  const set = useCallback(
    (next: boolean) => {
      setOn(next);
      remember(key, next ? '1' : '0');
    },
    [key],
  );
  return [on, set];
}
