/**
 * Signs of relation types for structural balance and path signs (GUIDE §7):
 * partner, supplier and suspected-supporter are positive ties, threat negative.
 * `other` has no sign (0): it is left out of balance and makes a path's sign 0.
 */
import type { RelationType } from '../model/types';

export type Sign = 1 | -1 | 0;
export type SignMap = Record<RelationType, Sign>;

export const DEFAULT_SIGNS: SignMap = {
  partner: 1,
  supplier: 1,
  'suspected-supporter': 1,
  threat: -1,
  other: 0,
};

export function signOf(type: RelationType, signs: SignMap = DEFAULT_SIGNS): Sign {
  return signs[type];
}
