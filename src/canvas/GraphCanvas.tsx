/**
 * The only component that touches Cytoscape. It turns the app state into
 * classes and element data on one long-lived Cytoscape instance, and turns
 * taps back into selections.
 */
import cytoscape, { type Core, type EventObject, type NodeSingular, type Position } from 'cytoscape';
import edgehandles from 'cytoscape-edgehandles';
import fcose from 'cytoscape-fcose';
import { useEffect, useRef, useState } from 'react';
import type { ActorGraph } from '../../graph';
import type { LayoutName, Overlay, Selection } from '../state/app-state';
import { applyOverlay } from './overlay';
import { toElements } from './elements';
import { layoutOptions } from './layouts';
import { stylesheet } from './stylesheet';

cytoscape.use(fcose);
cytoscape.use(edgehandles);

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
  /** Drawing mode: dragging from one actor to another proposes a new relation. */
  drawMode: boolean;
  onDrawRelation: (sourceActorId: string, targetActorId: string) => void;
}

export function GraphCanvas(props: GraphCanvasProps) {
  const { graph, hiddenRelationTypes, hiddenActorKinds, selection, sizes, layout, overlay, onSelect, drawMode, onDrawRelation } = props;
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const onDrawRef = useRef(onDrawRelation);
  onDrawRef.current = onDrawRelation;
  // Positions by actor id and the viewport survive a new dataset (an edit, an undo), so the picture stays put.
  const positions = useRef(new Map<string, Position>());
  const viewport = useRef<{ zoom: number; pan: Position } | null>(null);
  const drawer = useRef<{ enableDrawMode(): void; disableDrawMode(): void; destroy(): void } | null>(null);
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

    // Edge drawing: the extension's own edge is only a gesture; the model gets the relation through the form.
    drawer.current = (cy as unknown as { edgehandles(o: object): NonNullable<typeof drawer.current> }).edgehandles({
      canConnect: (a: NodeSingular, b: NodeSingular) => !a.same(b),
      snap: true,
      hoverDelay: 100,
    });
    cy.on('ehcomplete', ((_e: EventObject, source: NodeSingular, target: NodeSingular, added: { remove(): void }) => {
      added.remove();
      onDrawRef.current(source.data('actorId'), target.data('actorId'));
    }) as unknown as (e: EventObject) => void);

    const known = positions.current;
    const placed = known.size > 0 && cy.nodes().some((n) => known.has(n.data('actorId')));

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
    if (placed) {
      // Same actors where they were; new ones beside their neighbours (or in the middle of the view).
      if (viewport.current) cy.viewport(viewport.current);
      const ext = cy.extent();
      const centre = { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 };
      cy.nodes().forEach((n) => {
        const p = known.get(n.data('actorId'));
        if (p) n.position(p);
      });
      cy.nodes().forEach((n) => {
        if (known.has(n.data('actorId'))) return;
        const near = n.neighborhood('node').filter((m) => known.has(m.data('actorId')));
        const base = near.length ? near.boundingBox() : null;
        n.position(base ? { x: (base.x1 + base.x2) / 2 + 40, y: (base.y1 + base.y2) / 2 + 40 } : centre);
      });
      setBusy(false);
    } else {
      setLayoutRun((n) => n + 1);
    }
    return () => {
      cy.nodes().forEach((n) => {
        known.set(n.data('actorId'), { ...n.position() });
      });
      viewport.current = { zoom: cy.zoom(), pan: { ...cy.pan() } };
      drawer.current?.destroy();
      drawer.current = null;
      cy.destroy();
      cyRef.current = null;
      if (window.__actorscope?.cy === cy) delete window.__actorscope;
    };
  }, [graph]);

  useEffect(() => {
    if (drawMode) drawer.current?.enableDrawMode();
    else drawer.current?.disableDrawMode();
  }, [graph, drawMode]);

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
