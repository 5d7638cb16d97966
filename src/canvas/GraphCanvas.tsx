/**
 * The only component that touches Cytoscape. It turns the app state into
 * classes and element data on one long-lived Cytoscape instance, and turns
 * taps back into selections.
 */
import cytoscape, { type Core, type EventObject } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { useEffect, useRef, useState } from 'react';
import type { ActorGraph } from '../../graph';
import type { LayoutName, Overlay, Selection } from '../state/app-state';
import { applyOverlay } from './overlay';
import { toElements } from './elements';
import { layoutOptions } from './layouts';
import { stylesheet } from './stylesheet';

cytoscape.use(fcose);

export interface GraphCanvasProps {
  graph: ActorGraph;
  hiddenRelationTypes: readonly string[];
  hiddenActorKinds: readonly string[];
  selection: Selection;
  /** Actor id → 0..1, from the chosen metric; absent or null draws the smallest size. */
  sizes: ReadonlyMap<string, number | null>;
  layout: LayoutName;
  /** What an analysis shows (a path, blocs, factions); null for none. */
  overlay: Overlay | null;
  onSelect: (selection: Selection) => void;
}

export function GraphCanvas(props: GraphCanvasProps) {
  const { graph, hiddenRelationTypes, hiddenActorKinds, selection, sizes, layout, overlay, onSelect } = props;
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const [busy, setBusy] = useState(true);
  const [layoutRun, setLayoutRun] = useState(0);

  // One Cytoscape instance per dataset.
  useEffect(() => {
    const cy = cytoscape({
      container: container.current,
      elements: toElements(graph),
      style: stylesheet(),
      layout: { name: 'preset' },
      minZoom: 0.1,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    cyRef.current = cy;
    window.__actorscope = { cy };

    cy.on('tap', 'node', (e: EventObject) => onSelectRef.current({ kind: 'actor', id: e.target.data('actorId') }));
    cy.on('tap', 'edge', (e: EventObject) => onSelectRef.current({ kind: 'relation', id: e.target.data('relationId') }));
    cy.on('tap', (e: EventObject) => {
      if (e.target === cy) onSelectRef.current(null);
    });
    // Hover: the actor and its neighbourhood stand out, the rest fades.
    cy.on('mouseover', 'node, edge', (e: EventObject) => {
      const el = e.target;
      const near = el.isNode() ? el.closedNeighborhood() : el.union(el.connectedNodes());
      cy.batch(() => {
        cy.elements().not(near).addClass('faded');
        near.addClass('highlighted');
      });
      if (container.current) container.current.style.cursor = 'pointer';
    });
    cy.on('mouseout', 'node, edge', () => {
      cy.batch(() => cy.elements().removeClass('faded highlighted'));
      if (container.current) container.current.style.cursor = '';
    });
    setLayoutRun((n) => n + 1);
    return () => {
      cy.destroy();
      cyRef.current = null;
      if (window.__actorscope?.cy === cy) delete window.__actorscope;
    };
  }, [graph]);

  // Filters hide elements by class, so positions survive toggling.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const kinds = new Set(hiddenActorKinds);
    const types = new Set(hiddenRelationTypes);
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        n.toggleClass('filtered', kinds.has(n.data('kind')));
      });
      cy.edges().forEach((e) => {
        const hidden = types.has(e.data('type')) || e.source().hasClass('filtered') || e.target().hasClass('filtered');
        e.toggleClass('filtered', hidden);
      });
    });
  }, [graph, hiddenActorKinds, hiddenRelationTypes]);

  // Analysis overlays, as classes.
  useEffect(() => {
    const cy = cyRef.current;
    if (cy) applyOverlay(cy, graph, overlay);
  }, [graph, overlay]);

  // Node size from the chosen metric.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        n.data('size', sizes.get(n.data('actorId')) ?? 0);
      });
    });
  }, [graph, sizes]);

  // Layout: on a new dataset, on a new layout choice, and (concentric) when sizes change.
  const concentricKey = layout === 'concentric' ? sizes : null;
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || layoutRun === 0) return;
    setBusy(true);
    const visible = cy.elements().not('.filtered');
    const run = visible.layout(layoutOptions(layout));
    run.one('layoutstop', () => setBusy(false));
    // Let the browser paint "busy" before a synchronous layout blocks it.
    const timer = setTimeout(() => run.run(), 0);
    return () => {
      clearTimeout(timer);
      run.stop();
    };
  }, [layout, layoutRun, concentricKey]);

  // Selection: mirror the app's selection as Cytoscape's selected state.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.elements(':selected').unselect();
    if (!selection) return;
    const key = selection.kind === 'actor' ? graph.keyOfActor.get(selection.id) : graph.keyOfRelation.get(selection.id);
    if (!key) return;
    const el = cy.getElementById(key);
    el.select();
    // Bring it into view if it is off screen (a pick from the search box or the table).
    const bb = el.renderedBoundingBox();
    if (bb.x2 < 0 || bb.y2 < 0 || bb.x1 > cy.width() || bb.y1 > cy.height()) {
      cy.animate({ center: { eles: el } }, { duration: 250 });
    }
  }, [graph, selection]);

  return (
    <div
      className="canvas"
      role="region"
      aria-label="Actor graph"
      aria-busy={busy ? 'true' : 'false'}
      ref={container}
      data-testid="actor-graph"
    />
  );
}
