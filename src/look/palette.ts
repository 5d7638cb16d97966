/** Colours for blocs (Tableau 10, colour-blind aware); blocs beyond ten share grey. */
export const BLOC_COLORS = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
export const OTHER_BLOC_COLOR = '#d0d0d0';
export const blocColor = (index: number) => BLOC_COLORS[index] ?? OTHER_BLOC_COLOR;

export const FACTION_COLORS = ['#1f77b4', '#d62728'] as const;
