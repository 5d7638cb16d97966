import type { Grade } from '../model/types';

/**
 * Admiralty (NATO STANAG 2511) grades. Reliability of the source: A completely
 * reliable, B usually reliable, C fairly reliable, D not usually reliable,
 * E unreliable, F cannot be judged. Credibility of the information: 1 confirmed,
 * 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged.
 */
export const RELIABILITY = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
} as const;

export const CREDIBILITY = {
  1: 'confirmed',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'truth cannot be judged',
} as const;

export function isGrade(value: unknown): value is Grade {
  return typeof value === 'string' && /^[A-F][1-6]$/.test(value);
}

export function describeGrade(grade: Grade): string {
  const r = grade[0] as keyof typeof RELIABILITY;
  const c = Number(grade[1]) as keyof typeof CREDIBILITY;
  return `${RELIABILITY[r]}, ${CREDIBILITY[c]}`;
}
