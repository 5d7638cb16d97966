/** The layouts the user can choose, as Cytoscape layout options. */
import cytoscape, { type LayoutOptions } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { LayoutName } from '../state/app-state';

cytoscape.use(fcose);

export const LAYOUT_LABELS: Record<LayoutName, string> = {
  fcose: 'Force-directed',
  circle: 'Circle',
  concentric: 'Concentric (by metric)',
  grid: 'Grid',
};

/** Layout options; concentric rings follow the node `size` (the chosen metric, 0–1). */
export function layoutOptions(name: LayoutName): LayoutOptions {
  const common = { animate: false, fit: true, padding: 30, nodeDimensionsIncludeLabels: true };
  switch (name) {
    case 'fcose':
      return {
        name: 'fcose',
        ...common,
        quality: 'proof',
        randomize: true,
        nodeRepulsion: () => 12000,
        idealEdgeLength: () => 120,
        nodeSeparation: 100,
        numIter: 5000,
        packComponents: true,
        nodeDimensionsIncludeLabels: true,
      } as unknown as LayoutOptions;
    case 'circle':
      return { name: 'circle', ...common, avoidOverlap: true, sort: (a, b) => String(a.data('name')).localeCompare(String(b.data('name'))) };
    case 'concentric':
      return {
        name: 'concentric',
        ...common,
        avoidOverlap: true,
        minNodeSpacing: 24,
        concentric: (node) => Number(node.data('size')) || 0,
        levelWidth: () => 0.2,
      };
    case 'grid':
      return { name: 'grid', ...common, avoidOverlap: true, avoidOverlapPadding: 30 };
  }
}
