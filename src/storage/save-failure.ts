/**
 * Why a save failed, in words with the sizes: "the workspace is 52 MB; this
 * browser lets this site keep 40 MB, 12 MB of it already used". A quota error
 * or an aborted write (how Chromium reports running out of room inside a
 * transaction) gets the sizes; anything else its own message.
 */
import type { Dataset } from '../../graph';
import { describeStorageError, errorName } from './workspace-store';

export interface StorageRoom {
  /** Bytes this site may keep, and bytes it keeps now (navigator.storage.estimate()). */
  quota?: number;
  usage?: number;
}

const KB = 1024;
const MB = 1024 * KB;
/** "52 MB", "1.3 MB", "20 kB". */
export function megabytes(bytes: number): string {
  if (bytes < MB) return `${Math.max(1, Math.round(bytes / KB))} kB`;
  const mb = bytes / MB;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

export function saveFailureWords(error: string, workspaceBytes: number, room: StorageRoom): string {
  const size = `the workspace is ${megabytes(workspaceBytes)}`;
  const what = error === 'AbortError' ? 'the browser stopped the write' : 'the browser’s storage for this site is full';
  const advice = 'export your work to a file (Export), or delete old workspaces (workspace menu)';
  if (room.quota === undefined) return `${what}: ${size}, more than this browser will keep for this site — ${advice}`;
  const used = room.usage ?? 0;
  // The estimate can say there is room when the disk itself is full (Chromium's quota follows free disk space).
  if (room.quota - used >= workspaceBytes) {
    return `${what}: ${size}, and the browser reports ${megabytes(room.quota - used)} free for this site yet refused it (the disk may be full) — ${advice}`;
  }
  return `${what}: ${size}; this browser lets this site keep ${megabytes(room.quota)}${room.usage !== undefined ? `, ${megabytes(used)} of it already used` : ''} — ${advice}`;
}

export async function explainSaveFailure(err: unknown, dataset: Dataset): Promise<string> {
  const name = errorName(err);
  if (name !== 'QuotaExceededError' && name !== 'AbortError') return describeStorageError(err);
  let room: StorageRoom = {};
  try {
    room = (await navigator.storage?.estimate?.()) ?? {};
  } catch {
    // No estimate: the size alone still says why.
  }
  return saveFailureWords(name, new Blob([JSON.stringify(dataset)]).size, room);
}
