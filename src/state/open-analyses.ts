/**
 * The questions the analysis panels have open (Blocs' types and resolution,
 * Balance's signs, Compare's chosen actors), for the briefing: each panel
 * publishes its own while it is open, and Export → Briefing reads them to
 * offer those findings and to ask the same question the panel asked (the
 * worker then answers from what it keeps). One feed for the app, like the
 * hover feed; a panel that closes or unmounts takes its question back.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { BalanceOptions, CommunityOptions, CompareOptions } from '../../graph';

export interface OpenAnalyses {
  blocs?: Pick<CommunityOptions, 'types' | 'resolution'>;
  balance?: Pick<BalanceOptions, 'signs'>;
  compare?: Pick<CompareOptions, 'actors' | 'undirected' | 'network' | 'weighted'>;
}

type Kind = keyof OpenAnalyses;

let open: OpenAnalyses = {};
const listeners = new Set<() => void>();

function publish<K extends Kind>(kind: K, question: OpenAnalyses[K] | null): void {
  const next = { ...open };
  if (question) next[kind] = question;
  else delete next[kind];
  open = next;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Publishes a panel's open question (null: none), and takes it back when the panel unmounts. `key` stands for it. */
export function usePublishAnalysis<K extends Kind>(kind: K, question: OpenAnalyses[K] | null): void {
  const key = question ? JSON.stringify(question) : null;
  useEffect(() => {
    publish(kind, question);
    return () => publish(kind, null);
    // `key` stands for the question, which callers rebuild on every render.
  }, [kind, key]);
}

/** The questions open now. */
export function useOpenAnalyses(): OpenAnalyses {
  return useSyncExternalStore(subscribe, () => open, () => open);
}
