/** What an analysis shows (a path, an ego network, blocs, factions), as classes (src/canvas/overlay.ts). */
import { useEffect } from 'react';
import type { Overlay } from '../../state/app-state';
import { useScene } from '../CanvasProvider';
import { applyOverlay } from '../overlay';

export function OverlayController({ overlay }: { overlay: Overlay | null }) {
  const scene = useScene();
  useEffect(() => {
    if (scene) applyOverlay(scene.cy, scene.graph, overlay);
  }, [scene, overlay]);
  return null;
}
