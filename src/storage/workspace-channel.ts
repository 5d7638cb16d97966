/**
 * What one tab tells the others about the workspaces they share (one browser,
 * one origin): a workspace saved or deleted. A tab showing that workspace learns
 * at once that its copy is no longer the latest; the version check inside the
 * save (workspace-store.ts) is the backstop when a message is missed.
 */

export type WorkspaceNews =
  | { kind: 'saved'; id: string; version: number; savedAt: string; change?: string; by: string }
  | { kind: 'deleted'; id: string; by: string };

/** This page's name in the messages and in the records it writes. */
export const THIS_TAB = `tab-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

const CHANNEL = 'actorscope:workspaces';

// Absent in very old browsers: then only the check at write time protects the work.
const channel: BroadcastChannel | null = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;

export function announce(news: WorkspaceNews): void {
  channel?.postMessage(news);
}

/** Calls `listener` with every message from the other tabs; returns the unsubscribe. */
export function onWorkspaceNews(listener: (news: WorkspaceNews) => void): () => void {
  if (!channel) return () => undefined;
  const handler = (e: MessageEvent) => {
    const news = e.data as WorkspaceNews | null;
    if (news && typeof news.id === 'string' && news.by !== THIS_TAB) listener(news);
  };
  channel.addEventListener('message', handler);
  return () => channel.removeEventListener('message', handler);
}
