/**
 * The `changes` overlay (two windows compared), shared by the canvas, its
 * legend and the Changes panel: Okabe–Ito's colour-blind-safe bluish green,
 * vermillion and orange, each with its own line and a word on the edge, so
 * that colour is never the only cue.
 */
export const CHANGE_STYLES = {
  added: { label: 'Added', word: 'new', color: '#009e73', line: 'solid', dash: null, outline: false, width: 5 },
  removed: { label: 'Removed', word: 'gone', color: '#d55e00', line: 'dashed', dash: [8, 5], outline: false, width: 4 },
  changed: { label: 'Changed', word: 'changed', color: '#e69f00', line: 'solid', dash: null, outline: true, width: 4 },
  replaced: { label: 'Was (before its type changed)', word: 'was', color: '#e69f00', line: 'dotted', dash: [2, 4], outline: false, width: 3.5 },
} as const;

export type ChangeKind = keyof typeof CHANGE_STYLES;
export const CHANGE_KINDS = Object.keys(CHANGE_STYLES) as ChangeKind[];
