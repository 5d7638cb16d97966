import type { Locator } from '../model/types';

/** Where a quote stands, as every view writes it: "¶ 15, chars 4413–4592", "row 12" (empty when the locator says nothing). */
export function locatorText(locator: Locator): string {
  const parts: string[] = [];
  if (locator.paragraph !== undefined) parts.push(`¶ ${locator.paragraph}`);
  if (locator.row !== undefined) parts.push(`row ${locator.row}`);
  if (locator.chars) parts.push(`chars ${locator.chars[0]}–${locator.chars[1]}`);
  return parts.join(', ');
}
