/** What an analysis shows (a path, an ego network, blocs, factions), as classes (src/canvas/overlay.ts). */
import { useEffect } from 'react';
import type { Overlay } from '../../state/app-state';
import { useScene } from '../CanvasProvider';
import { submitChanges } from '../change-slices';
import { overlayChanges } from '../overlay';

export function OverlayController({ overlay }: { overlay: Overlay | null }) {
  const scene = useScene();
  useEffect(() => {
    if (scene) submitChanges(scene.cy, 'overlay', overlayChanges(scene.cy, scene.graph, overlay), scene.knobs.sliced);
  }, [scene, overlay]);
  return null;
}
