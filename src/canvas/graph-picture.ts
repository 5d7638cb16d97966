/** The drawn graph as a picture for src/export/: PNG through Cytoscape's renderer, SVG through cytoscape-svg. */
import cytoscape, { type Core } from 'cytoscape';
import svg from 'cytoscape-svg';
import type { GraphPicture } from '../export/picture';

cytoscape.use(svg);

/** What the view shows now (not the whole graph), on white. */
export function graphPicture(cy: Core): GraphPicture {
  return {
    width: cy.width(),
    height: cy.height(),
    png: (scale) => cy.png({ output: 'blob-promise', full: false, scale, bg: '#ffffff' }),
    svg: () => (cy as unknown as { svg(o: object): string }).svg({ full: false, scale: 1, bg: '#ffffff' }),
  };
}
