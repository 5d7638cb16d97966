/**
 * A choice of the desk kept in this browser (localStorage). Storage may be
 * refused (private mode, site settings): then nothing is remembered, and the
 * choice still applies to the page.
 */
export function readRemembered(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function remember(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Not remembered; it still applies to this page.
  }
}
