/**
 * What the rest of the app may ask of the canvas (fit the view, a picture of
 * it) without importing Cytoscape or src/canvas/: the canvas provider
 * (src/canvas/CanvasProvider.tsx) puts its handle here, the top bar and the
 * export menu take it with useCanvasHandle().
 */
import { createContext, useContext } from 'react';
import type { GraphPicture } from '../export/picture';

export interface CanvasHandle {
  /** Shows the whole graph (nothing happens before it is drawn). */
  fit(): void;
  /** The view as drawn now; throws when the graph is not drawn yet. */
  picture(): GraphPicture;
}

const NO_CANVAS: CanvasHandle = {
  fit: () => {},
  picture: () => {
    throw new Error('the graph is not drawn yet');
  },
};

export const CanvasHandleContext = createContext<CanvasHandle>(NO_CANVAS);

export function useCanvasHandle(): CanvasHandle {
  return useContext(CanvasHandleContext);
}
