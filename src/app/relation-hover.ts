/**
 * Which relation the pointer is over, from the canvas to the tooltip, without
 * a render of the whole app on each move: the canvas provider
 * (src/canvas/CanvasProvider.tsx) makes one feed, its hover controller
 * publishes to it, and the tooltip alone subscribes (useRelationHover()).
 */
import { createContext, useContext, useSyncExternalStore } from 'react';

export interface RelationHover {
  relationId: string;
  /** The pointer, in CSS pixels from the canvas's top left corner. */
  x: number;
  y: number;
}

export interface HoverFeed {
  current(): RelationHover | null;
  publish(hover: RelationHover | null): void;
  subscribe(listener: () => void): () => void;
}

export function createHoverFeed(): HoverFeed {
  let hover: RelationHover | null = null;
  const listeners = new Set<() => void>();
  return {
    current: () => hover,
    publish: (next) => {
      if (next === hover || (next && hover && next.relationId === hover.relationId && next.x === hover.x && next.y === hover.y)) return;
      hover = next;
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const NO_FEED = createHoverFeed();

export const HoverFeedContext = createContext<HoverFeed>(NO_FEED);

/** The feed the canvas publishes to (for the canvas's controller). */
export function useHoverFeed(): HoverFeed {
  return useContext(HoverFeedContext);
}

/** The relation under the pointer now, or null. */
export function useRelationHover(): RelationHover | null {
  const feed = useHoverFeed();
  return useSyncExternalStore(feed.subscribe, feed.current, feed.current);
}
