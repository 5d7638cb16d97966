/**
 * Owns the Cytoscape instance. The elements controller asks for one per
 * dataset (create) or keeps it for a small edit (show); the other controllers
 * follow the published scene, one effect each; the rest of the app reaches the
 * instance only through the canvas handle (src/app/canvas-handle.ts), and
 * hears which relation the pointer is over from its hover feed
 * (src/app/relation-hover.ts). The
 * instance is also `window.__actorscope.cy`, for the end-to-end tests.
 */
import cytoscape, { type Core, type CytoscapeOptions } from 'cytoscape';
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ActorGraph } from '../../graph';
import { CanvasHandleContext, type CanvasHandle } from '../app/canvas-handle';
import { createHoverFeed, HoverFeedContext } from '../app/relation-hover';
import { graphPicture } from './graph-picture';
import type { ScaleKnobs } from './scale';

/** What the instance shows. A new object whenever any of it changes, so that effects can depend on it. */
export interface Scene {
  cy: Core;
  graph: ActorGraph;
  /** The knobs the instance was made with (src/canvas/scale.ts). */
  knobs: ScaleKnobs;
  /** Bumped when elements go in after the instance was made (a large graph's, once laid out). */
  version: number;
}

export interface CanvasInstance {
  /** The scene as last rendered; null until the first instance. */
  scene: Scene | null;
  /** The scene now, even before the next render has published it. */
  current(): Scene | null;
  /** Destroys the current instance, if any, and makes a new one showing `graph`. */
  create(graph: ActorGraph, knobs: ScaleKnobs, options: CytoscapeOptions): Core;
  /** The current instance now shows `graph` (updated in place). */
  show(graph: ActorGraph): void;
  /** Elements went into the current instance. */
  elementsAdded(): void;
}

const InstanceContext = createContext<CanvasInstance | null>(null);

/** The canvas's instance, for the controllers (inside a CanvasProvider). */
export function useCanvasInstance(): CanvasInstance {
  const instance = useContext(InstanceContext);
  if (!instance) throw new Error('the canvas needs a CanvasProvider around it');
  return instance;
}

/** The scene the controllers draw on; null before the first instance. */
export function useScene(): Scene | null {
  return useCanvasInstance().scene;
}

export function CanvasProvider({ children }: { children: ReactNode }) {
  const [scene, setScene] = useState<Scene | null>(null);
  const now = useRef<Scene | null>(null);

  const [destroy, api] = useMemo(() => {
    const publish = (next: Scene | null) => {
      now.current = next;
      setScene(next);
    };
    const destroy = () => {
      const cy = now.current?.cy;
      if (!cy) return;
      cy.destroy();
      if (window.__actorscope?.cy === cy) delete window.__actorscope;
      publish(null);
    };
    const api: Omit<CanvasInstance, 'scene'> = {
      current: () => now.current,
      create: (graph, knobs, options) => {
        destroy();
        const cy = cytoscape(options);
        window.__actorscope = { cy };
        publish({ cy, graph, knobs, version: 0 });
        return cy;
      },
      show: (graph) => {
        if (now.current) publish({ ...now.current, graph });
      },
      elementsAdded: () => {
        if (now.current) publish({ ...now.current, version: now.current.version + 1 });
      },
    };
    return [destroy, api] as const;
  }, []);
  useEffect(() => destroy, [destroy]);

  const instance: CanvasInstance = useMemo(() => ({ ...api, scene }), [api, scene]);
  const hoverFeed = useMemo(createHoverFeed, []);
  const handle: CanvasHandle = useMemo(
    () => ({
      fit: () => now.current?.cy.fit(undefined, 40),
      picture: () => {
        const cy = now.current?.cy;
        if (!cy) throw new Error('the graph is not drawn yet');
        return graphPicture(cy);
      },
    }),
    [],
  );

  return (
    <CanvasHandleContext.Provider value={handle}>
      <HoverFeedContext.Provider value={hoverFeed}>
        <InstanceContext.Provider value={instance}>{children}</InstanceContext.Provider>
      </HoverFeedContext.Provider>
    </CanvasHandleContext.Provider>
  );
}
