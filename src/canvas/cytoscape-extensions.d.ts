/** Types for the Cytoscape extensions the canvas uses (they ship none). */
declare module 'cytoscape-fcose' {
  import type { Ext } from 'cytoscape';
  const fcose: Ext;
  export default fcose;
}

declare module 'cytoscape-edgehandles' {
  import type { Ext } from 'cytoscape';
  const edgehandles: Ext;
  export default edgehandles;
}

declare module 'cytoscape-svg' {
  import type { Ext } from 'cytoscape';
  const svg: Ext;
  export default svg;
}
