/** Large graphs: the top actors by the sizing metric (by degree until metrics arrive) keep their labels (`.landmark`). */
import { useEffect } from 'react';
import { useScene } from '../CanvasProvider';
import { submitChanges, type Change } from '../change-slices';
import { topActors } from '../scale';

export function LandmarksController({ sizes }: { sizes: ReadonlyMap<string, number | null> }) {
  const scene = useScene();
  useEffect(() => {
    if (!scene || !scene.knobs.labelLevelOfDetail) return;
    const { cy, knobs } = scene;
    const g = scene.graph.graph;
    const haveSizes = [...sizes.values()].some((v) => v != null && v > 0);
    const score = haveSizes
      ? (key: string) => sizes.get(g.getNodeAttributes(key).actor.id) ?? 0
      : (key: string) => g.degree(key);
    const top = new Set(topActors(g.nodes(), score, knobs.landmarks));
    // Only the actors that change: any class change redraws all 60,000 elements (a second or two at 10k/50k),
    // and a refined result (step 2 of the metrics, or exact betweenness after the estimate) mostly keeps the same top.
    const gone = cy.nodes('.landmark').filter((n) => !top.has(n.id()));
    const added = [...top].map((key) => cy.getElementById(key)).filter((n) => !n.hasClass('landmark'));
    const changes: Change[] = [...gone.map((n) => () => n.removeClass('landmark')), ...added.map((n) => () => n.addClass('landmark'))];
    submitChanges(cy, 'landmarks', changes, knobs.sliced);
  }, [scene, sizes]);
  return null;
}
