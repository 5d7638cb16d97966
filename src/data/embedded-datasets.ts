/**
 * The datasets bundled with the explorer, offered in the workspace menu and
 * by `?dataset=ID`. Each has its own workspace id: opening it shows the copy
 * saved under that id when there is one (edits to an embedded dataset are
 * saved there), else the bundled file; the bundle is never changed. Only the
 * first is in the start-up bundle; the others are loaded when asked for
 * (dynamic import: a chunk of their own), so the first paint does not grow.
 */
import { formatProblem, restore, type Dataset } from '../../graph';
import { loadDefaultDataset } from './default-dataset';

export interface EmbeddedDataset {
  /** What `?dataset=` names. */
  id: string;
  /** How the menu offers it. */
  title: string;
  /** Its own workspace, where edits to it are saved. */
  workspace: { id: string; name: string };
  load: () => Promise<Dataset>;
}

function restoreEmbedded(raw: unknown, title: string): Dataset {
  const result = restore(raw);
  if (!result.ok) throw new Error(`The embedded dataset “${title}” is invalid:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.dataset;
}

export const EMBEDDED_DATASETS: readonly EmbeddedDataset[] = [
  {
    id: 'tajikistan-2023',
    title: 'Tajikistan 2023: the interview',
    workspace: { id: 'tajikistan-2023', name: 'Tajikistan 2023' },
    load: () => Promise.resolve(loadDefaultDataset()),
  },
  {
    id: 'central-asia-arms',
    title: 'Arms transfers to Central Asia 1992–2021 (SIPRI)',
    workspace: { id: 'central-asia-arms', name: 'Central Asia arms 1992–2021' },
    load: async () => restoreEmbedded((await import('../../public/data/central-asia-arms-1992-2021.json')).default, 'central-asia-arms'),
  },
];

/** The one the explorer opens on when nothing else is asked for. */
export const DEFAULT_EMBEDDED = EMBEDDED_DATASETS[0]!;

export const embeddedById = (id: string): EmbeddedDataset | undefined => EMBEDDED_DATASETS.find((d) => d.id === id);
export const embeddedByWorkspace = (workspaceId: string): EmbeddedDataset | undefined => EMBEDDED_DATASETS.find((d) => d.workspace.id === workspaceId);
