/**
 * The undo history as saved with a workspace: its last SAVED_HISTORY_LIMIT
 * steps, each as the difference from its neighbour (graph/model/dataset-patch.ts)
 * rather than a whole dataset, so a hundred steps of a large dataset cost about
 * what the records they changed cost. Undo after a reload goes back through
 * them; redo forward.
 */
import { applyPatch, diffDatasets, type Dataset, type DatasetPatch } from '../../graph';
import type { HistoryEntry } from '../state/app-state';

/** How many steps of undo (and of redo) a reload keeps. */
export const SAVED_HISTORY_LIMIT = 100;

export interface SavedStep {
  label: string;
  /** Turns the dataset next to it (towards the present) into this step's dataset. */
  patch: DatasetPatch;
}

export interface SavedHistory {
  /** Oldest first, like AppState.past. */
  past: SavedStep[];
  /** Next redo last, like AppState.future. */
  future: SavedStep[];
}

export interface History {
  past: readonly HistoryEntry[];
  future: readonly HistoryEntry[];
}

// Each step's patch depends only on its dataset and its neighbour's, both immutable: computed once.
const patches = new WeakMap<Dataset, WeakMap<Dataset, DatasetPatch>>();
function patchBetween(neighbour: Dataset, step: Dataset): DatasetPatch {
  let byStep = patches.get(neighbour);
  if (!byStep) patches.set(neighbour, (byStep = new WeakMap()));
  let patch = byStep.get(step);
  if (!patch) byStep.set(step, (patch = diffDatasets(neighbour, step)));
  return patch;
}

/** One side of the history (newest last), walking away from the present dataset. */
function encodeSide(present: Dataset, entries: readonly HistoryEntry[]): SavedStep[] {
  const kept = entries.slice(-SAVED_HISTORY_LIMIT);
  const out: SavedStep[] = new Array(kept.length);
  let neighbour = present;
  for (let i = kept.length - 1; i >= 0; i--) {
    const entry = kept[i]!;
    out[i] = { label: entry.label, patch: patchBetween(neighbour, entry.dataset) };
    neighbour = entry.dataset;
  }
  return out;
}

export function encodeHistory(present: Dataset, history: History): SavedHistory {
  return { past: encodeSide(present, history.past), future: encodeSide(present, history.future) };
}

function decodeSide(present: Dataset, steps: readonly SavedStep[]): HistoryEntry[] {
  const out: HistoryEntry[] = new Array(steps.length);
  let neighbour = present;
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i]!;
    if (typeof step?.label !== 'string') throw new Error(`history step ${i + 1} has no label`);
    const dataset = applyPatch(neighbour, step.patch);
    out[i] = { label: step.label, dataset };
    // The decoded pair is already known: saving again needs no new diff.
    let byStep = patches.get(neighbour);
    if (!byStep) patches.set(neighbour, (byStep = new WeakMap()));
    byStep.set(dataset, step.patch);
    neighbour = dataset;
  }
  return out;
}

/** The history back from its saved form; throws (with what is wrong) when it does not fit the dataset. */
export function decodeHistory(present: Dataset, saved: SavedHistory): History {
  if (!saved || !Array.isArray(saved.past) || !Array.isArray(saved.future)) throw new Error('the saved history is not a list of steps');
  return { past: decodeSide(present, saved.past), future: decodeSide(present, saved.future) };
}
