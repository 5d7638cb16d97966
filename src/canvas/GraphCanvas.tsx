/**
 * The only component that touches Cytoscape. It turns the app state into
 * classes and element data on one long-lived Cytoscape instance, and turns
 * taps back into selections. A large graph (src/canvas/scale.ts) is drawn
 * with less detail, and laid out in a worker rather than on this thread.
 */
import cytoscape, { type Core, type ElementDefinition, type EventObject, type NodeSingular, type Position } from 'cytoscape';
import edgehandles from 'cytoscape-edgehandles';
import fcose from 'cytoscape-fcose';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ActorGraph } from '../../graph';
import type { LayoutName, Overlay, Selection } from '../state/app-state';
import { applyOverlay } from './overlay';
import { toElements } from './elements';
import { placeAdded, planUpdate, type ElementDiff } from './element-diff';
import { layoutOptions } from './layouts';
import { layoutStructure, scaleKnobs, topActors, type ScaleKnobs } from './scale';
import { LARGE_LABEL_MIN_ZOOM, stylesheet } from './stylesheet';
import { core, stopCore } from '../workers/core';
import { CancelledError } from '../workers/core-client';

/** How long the picture must stay still before its positions are reported for saving. */
const ARRANGED_DELAY_MS = 500;

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
  /** Called when the graph is drawn and laid out (each time it stops being busy). */
  onDrawn?: () => void;
  /** Drawing mode: dragging from one actor to another proposes a new relation. */
  drawMode: boolean;
  onDrawRelation: (sourceActorId: string, targetActorId: string) => void;
  /** Bumped to run the chosen layout again (0: never asked). */
  layoutAgain?: number;
  /** Where the actors were left last time (by actor id): drawn there instead of laid out. Read once, at mount. */
  savedPositions?: ReadonlyMap<string, Position>;
  /** Every actor's position, shortly after the picture settles (a drag, a layout, an edit), to be saved. */
  onArranged?: (positions: ReadonlyMap<string, Position>) => void;
}

export function GraphCanvas(props: GraphCanvasProps) {
  const { graph, hiddenRelationTypes, hiddenActorKinds, selection, sizes, layout, overlay, onSelect, drawMode, onDrawRelation, layoutAgain = 0 } = props;
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const onDrawRef = useRef(onDrawRelation);
  onDrawRef.current = onDrawRelation;
  const onDrawnRef = useRef(props.onDrawn);
  onDrawnRef.current = props.onDrawn;
  // Positions by actor id and the viewport survive a new dataset (an edit, an undo), so the picture stays put.
  const positions = useRef(new Map<string, Position>(props.savedPositions ?? []));
  const onArrangedRef = useRef(props.onArranged);
  onArrangedRef.current = props.onArranged;
  const arrangedTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** Reports the positions a moment after the last change, so a drag or a layout's animation is one save. */
  const arranged = (cy: Core) => {
    if (!onArrangedRef.current) return;
    clearTimeout(arrangedTimer.current);
    arrangedTimer.current = setTimeout(() => {
      if (cy.destroyed() || !onArrangedRef.current) return;
      const at = new Map<string, Position>();
      cy.nodes().forEach((n) => {
        at.set(n.data('actorId'), { ...n.position() });
      });
      onArrangedRef.current(at);
    }, ARRANGED_DELAY_MS);
  };
  const viewport = useRef<{ zoom: number; pan: Position } | null>(null);
  const drawer = useRef<{ enableDrawMode(): void; disableDrawMode(): void; destroy(): void } | null>(null);
  const [busy, setBusy] = useState(true);
  const busyNow = useRef(true);
  const [layoutRun, setLayoutRun] = useState(0);
  // The same object for the same size class, so that an edit does not look like a change of knobs.
  const knobsKey = JSON.stringify(scaleKnobs(graph));
  const knobs = useMemo(() => JSON.parse(knobsKey) as ScaleKnobs, [knobsKey]);
  /** The graph the instance shows, and the knobs it was made with. */
  const shown = useRef<{ graph: ActorGraph; knobs: ScaleKnobs } | null>(null);
  /** What a large graph is doing while busy ("Drawing…", "Laying out…"). */
  const [progress, setProgress] = useState<string | null>(null);
  /** Bumped when a large graph's elements go in after the instance was made, so that the effects below see them. */
  const [elementsVersion, setElementsVersion] = useState(0);
  /**
   * A large graph laid out in the worker gets its elements only with their
   * positions, so that it is drawn once, in place: until then they wait here.
   */
  const pending = useRef<ElementDefinition[] | null>(null);
  const hidden = useRef({ kinds: hiddenActorKinds, types: hiddenRelationTypes });
  hidden.current = { kinds: hiddenActorKinds, types: hiddenRelationTypes };
  const layoutNow = useRef(layout);
  layoutNow.current = layout;

  /** Adds a large graph's elements (a batch, or a batch per frame), then lets the effects below see them. */
  const addElements = (cy: Core, elements: ElementDefinition[]): Promise<void> => {
    const done = () => {
      performance.mark('actorscope:elements-added');
      setElementsVersion((v) => v + 1);
    };
    if (knobs.chunkSize > 0 && elements.length > knobs.chunkSize) {
      setProgress(`Drawing ${graph.graph.order.toLocaleString('en')} actors and ${graph.graph.size.toLocaleString('en')} relations…`);
      return addInChunks(cy, elements, knobs.chunkSize).then(() => {
        if (!cy.destroyed()) done();
      });
    }
    cy.batch(() => {
      cy.add(elements);
    });
    done();
    return Promise.resolve();
  };

  /** Keeps the positions and the viewport (by actor id, for the next instance), then destroys the instance. */
  const teardown = (cy: Core) => {
    pending.current = null;
    cy.nodes().forEach((n) => {
      positions.current.set(n.data('actorId'), { ...n.position() });
    });
    viewport.current = { zoom: cy.zoom(), pan: { ...cy.pan() } };
    drawer.current?.destroy();
    drawer.current = null;
    cy.destroy();
    cyRef.current = null;
    shown.current = null;
    if (window.__actorscope?.cy === cy) delete window.__actorscope;
  };
  useEffect(() => () => {
    if (cyRef.current) teardown(cyRef.current);
  }, []);

  // One Cytoscape instance per dataset, updated in place by a small edit (src/canvas/element-diff.ts).
  useEffect(() => {
    const current = cyRef.current;
    const before = shown.current;
    if (current && before && before.knobs === knobs && !busyNow.current && !pending.current) {
      // Keys kept and few elements changed: remove, add and update those only, in one batch.
      const plan = planUpdate(before.graph, graph);
      if (plan.ok) {
        updateInPlace(current, plan.diff, graph, positions.current);
        if (plan.diff.added.length) arranged(current);
        shown.current = { graph, knobs };
        performance.mark('actorscope:canvas-updated');
        return;
      }
    }
    if (current) teardown(current);
    performance.mark('actorscope:canvas-start');
    const known = positions.current;
    const placed = known.size > 0 && graph.dataset.actors.some((a) => known.has(a.id));
    const elements = toElements(graph);
    if (knobs.labelLevelOfDetail) {
      // The landmarks by degree go in with the elements, so that adding them is not a second full redraw.
      const top = new Set(topActors(graph.graph.nodes(), (key) => graph.graph.degree(key), knobs.landmarks));
      for (const el of elements) if (el.group === 'nodes' && top.has(el.data.id!)) el.classes = 'landmark';
    }
    const cy = cytoscape({
      container: container.current,
      // Small graphs: every element at once, as always. Large ones: added below, without the initial fit (a bounding box of everything).
      elements: knobs.large ? [] : elements,
      style: stylesheet(knobs.large ? knobs : undefined),
      layout: knobs.large ? { name: 'preset', fit: false } : { name: 'preset' },
      minZoom: knobs.large ? 0.01 : 0.1,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
      ...(knobs.large ? { hideEdgesOnViewport: knobs.hideEdgesOnViewport, textureOnViewport: knobs.textureOnViewport, webgl: knobs.webgl } : {}),
    });
    cyRef.current = cy;
    shown.current = { graph, knobs };
    window.__actorscope = { cy };
    pending.current = null;
    if (!knobs.large) performance.mark('actorscope:elements-added');
    else if (knobs.workerLayout && layoutNow.current === 'fcose' && !placed) pending.current = elements;
    else {
      cy.batch(() => {
        cy.add(elements);
      });
      performance.mark('actorscope:elements-added');
    }

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

    cy.on('tap', 'node', (e: EventObject) => onSelectRef.current({ kind: 'actor', id: e.target.data('actorId') }));
    cy.on('tap', 'edge', (e: EventObject) => onSelectRef.current({ kind: 'relation', id: e.target.data('relationId') }));
    cy.on('tap', (e: EventObject) => {
      if (e.target === cy) onSelectRef.current(null);
    });
    // Hover: the actor and its neighbourhood stand out, the rest fades.
    // On a large graph, fading every other element restyles tens of thousands on each move: highlight only.
    cy.on('mouseover', 'node, edge', (e: EventObject) => {
      const el = e.target;
      const near = el.isNode() ? el.closedNeighborhood() : el.union(el.connectedNodes());
      cy.batch(() => {
        if (!knobs.lightHover) cy.elements().not(near).addClass('faded');
        near.addClass('highlighted');
      });
      if (container.current) container.current.style.cursor = 'pointer';
    });
    cy.on('mouseout', 'node, edge', () => {
      cy.batch(() => (knobs.lightHover ? cy.$('.highlighted') : cy.elements()).removeClass('faded highlighted'));
      if (container.current) container.current.style.cursor = '';
    });
    // Dragged actors are saved where they were left.
    cy.on('dragfree', 'node', () => arranged(cy));
    cy.on('layoutstop', () => arranged(cy));
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
      // Opened with a saved arrangement (no view yet): show all of it.
      if (!viewport.current) cy.fit(undefined, 30);
      setBusy(false);
    } else {
      setLayoutRun((n) => n + 1);
    }
  }, [graph, knobs]);

  useEffect(() => {
    if (drawMode) drawer.current?.enableDrawMode();
    else drawer.current?.disableDrawMode();
  }, [graph, drawMode]);

  useEffect(() => {
    busyNow.current = busy;
    if (!busy) onDrawnRef.current?.();
  }, [busy]);

  // Filters hide elements by class, so positions survive toggling.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const kinds = new Set(hiddenActorKinds);
    const types = new Set(hiddenRelationTypes);
    // Only elements whose class changes are touched: toggleClass restyles even when nothing changes,
    // which at 10k/50k is a second of UI thread on every filter change.
    cy.batch(() => {
      const hiddenNodes = new Set<string>();
      cy.nodes().forEach((n) => {
        const hide = kinds.has(n.data('kind'));
        if (hide) hiddenNodes.add(n.id());
        if (n.hasClass('filtered') !== hide) n.toggleClass('filtered', hide);
      });
      cy.edges().forEach((e) => {
        const data = e.data();
        const hide = types.has(data.type) || hiddenNodes.has(data.source) || hiddenNodes.has(data.target);
        if (e.hasClass('filtered') !== hide) e.toggleClass('filtered', hide);
      });
    });
  }, [graph, hiddenActorKinds, hiddenRelationTypes, elementsVersion]);

  // Analysis overlays, as classes.
  useEffect(() => {
    const cy = cyRef.current;
    if (cy) applyOverlay(cy, graph, overlay);
  }, [graph, overlay, elementsVersion]);

  // Node size from the chosen metric.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const size = sizes.get(n.data('actorId')) ?? 0;
        if (n.data('size') !== size) n.data('size', size);
      });
    });
  }, [graph, sizes, elementsVersion]);

  // Large graphs: the top actors by the sizing metric (by degree until metrics arrive) keep their labels.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !knobs.labelLevelOfDetail) return;
    const g = graph.graph;
    const haveSizes = [...sizes.values()].some((v) => v != null && v > 0);
    const score = haveSizes
      ? (key: string) => sizes.get(g.getNodeAttributes(key).actor.id) ?? 0
      : (key: string) => g.degree(key);
    const top = new Set(topActors(g.nodes(), score, knobs.landmarks));
    // Only the actors that change: any class change redraws all 60,000 elements (a second or two at 10k/50k),
    // and a refined result (step 2 of the metrics, or exact betweenness after the estimate) mostly keeps the same top.
    const gone = cy.nodes('.landmark').filter((n) => !top.has(n.id()));
    const added = [...top].map((key) => cy.getElementById(key)).filter((n) => !n.hasClass('landmark'));
    if (!gone.length && !added.length) return;
    cy.batch(() => {
      gone.removeClass('landmark');
      for (const n of added) n.addClass('landmark');
    });
  }, [graph, sizes, knobs, elementsVersion]);

  // Large graphs: zoomed in far enough for an actor's label to be read, the actors in view get theirs (`.labelled`).
  // Labels by class rather than on every node: measured at 10k/50k in a standalone page, the fit's first style pass
  // took 2.2–2.5 s without the label's properties on every node against 2.6–2.9 s with them.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !knobs.labelLevelOfDetail) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      const had = cy.nodes('.labelled');
      let want = cy.collection();
      if (cy.zoom() >= LARGE_LABEL_MIN_ZOOM) {
        // The view and a margin of half a view around it, so that a short pan finds labels already there.
        const { x1, y1, w, h } = cy.extent();
        const [left, top, right, bottom] = [x1 - w / 2, y1 - h / 2, x1 + 1.5 * w, y1 + 1.5 * h];
        want = cy.nodes().filter((n) => {
          const p = n.position();
          return p.x >= left && p.x <= right && p.y >= top && p.y <= bottom;
        });
      }
      const gone = had.difference(want);
      const added = want.difference(had);
      if (gone.empty() && added.empty()) return;
      cy.batch(() => {
        gone.removeClass('labelled');
        added.addClass('labelled');
      });
    };
    const onViewport = () => {
      clearTimeout(timer);
      timer = setTimeout(update, 100);
    };
    cy.on('viewport', onViewport);
    update();
    return () => {
      clearTimeout(timer);
      cy.off('viewport', onViewport);
    };
  }, [graph, knobs, elementsVersion]);

  // "Lay out again": the same as a new layout choice.
  useEffect(() => {
    if (layoutAgain > 0) setLayoutRun((n) => n + 1);
  }, [layoutAgain]);

  // Layout: on a new dataset, on a new layout choice, and (concentric) when sizes change.
  const concentricKey = layout === 'concentric' ? sizes : null;
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || layoutRun === 0) return;
    setBusy(true);
    if (knobs.workerLayout && layout === 'fcose') return layOutInWorker(cy);
    if (pending.current) {
      // Another layout was chosen before the worker's arrived: the elements go in now.
      const elements = pending.current;
      pending.current = null;
      cy.batch(() => {
        cy.add(elements);
      });
      setElementsVersion((v) => v + 1);
    }
    const visible = cy.elements().not('.filtered');
    const run = visible.layout(layoutOptions(layout));
    run.one('layoutstop', () => {
      setBusy(false);
      setProgress(null);
    });
    // Let the browser paint "busy" before a synchronous layout blocks it.
    const timer = setTimeout(() => run.run(), 0);
    return () => {
      clearTimeout(timer);
      run.stop();
    };
  }, [layout, layoutRun, concentricKey]);

  /**
   * The force-directed layout of a large graph: ForceAtlas2 in the layout
   * worker on the visible structure, applied as preset positions once the
   * elements are in. Busy until the result is drawn; a layout that is
   * abandoned (another layout chosen, another graph) stops its worker.
   */
  function layOutInWorker(cy: Core): () => void {
    const kinds = new Set(hidden.current.kinds);
    const types = new Set(hidden.current.types);
    const { keys, edges } = layoutStructure(graph, kinds, types);
    setProgress(`Laying out ${keys.length.toLocaleString('en')} actors in the background…`);
    let live = true;
    performance.mark('actorscope:layout-start');
    const job = core('layout').request({ type: 'layout', order: keys.length, edges, options: { theta: 1.2, timeBudgetMs: 5000, maxIterations: 400 } }, { transfer: [edges.buffer] });
    job
      .then(async (result) => {
        if (!live || cy.destroyed()) return;
        performance.mark('actorscope:layout-result');
        const p = result.positions;
        const elements = pending.current;
        if (elements) {
          pending.current = null;
          const at = new Map(keys.map((key, i) => [key, i]));
          for (const el of elements) {
            const i = el.group === 'nodes' ? at.get(el.data.id!) : undefined;
            if (i !== undefined) el.position = { x: p[2 * i]!, y: p[2 * i + 1]! };
          }
          await addElements(cy, elements);
          if (!live || cy.destroyed()) return;
        } else {
          cy.batch(() => {
            keys.forEach((key, i) => {
              cy.getElementById(key).position({ x: p[2 * i]!, y: p[2 * i + 1]! });
            });
          });
        }
        // (Fitting measures every element's bounding box, which computes every element's style for the first time,
        // seconds at this size. A viewport computed from the positions alone only moves that work into the first
        // paint: measured again at 10k/50k, first paint 6.4–6.7 s with it against 5.6–7.1 s with the fit, the same
        // main-thread CPU (6.2–6.3 s against 5.4–6.2 s). The lean large-graph stylesheet is what shortens it.)
        cy.fit(undefined, 30);
        performance.mark('actorscope:layout-applied');
        arranged(cy);
        whenDrawn(cy, () => {
          if (!live) return;
          performance.mark('actorscope:drawn');
          setBusy(false);
          setProgress(null);
        });
      })
      .catch((err: unknown) => {
        if (!live || err instanceof CancelledError) return;
        console.warn(`Layout failed: ${err instanceof Error ? err.message : String(err)}; using a grid`);
        if (pending.current) {
          void addElements(cy, pending.current);
          pending.current = null;
        }
        cy.layout({ name: 'grid', fit: true }).run();
        setProgress(null);
        setBusy(false);
      });
    return () => {
      live = false;
      if (core('layout').busy) stopCore('layout');
    };
  }

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
  }, [graph, selection, elementsVersion]);

  return (
    <div
      className="canvas"
      role="region"
      aria-label="Actor graph"
      aria-busy={busy ? 'true' : 'false'}
      data-progress={knobs.large && progress ? progress : undefined}
      ref={container}
      data-testid="actor-graph"
    />
  );
}

/**
 * A small edit on the live instance: gone elements out, changed data in, new
 * elements added (new actors beside their drawn neighbours, or in the middle
 * of the view; an actor deleted and brought back by undo where it was,
 * from `remembered`, by actor id). Filters, sizes, landmarks, the overlay
 * and the selection follow in their own effects, which run again for the
 * new graph.
 */
function updateInPlace(cy: Core, diff: ElementDiff, graph: ActorGraph, remembered: Map<string, Position>): void {
  const ext = cy.extent();
  cy.batch(() => {
    for (const id of diff.removed) {
      const el = cy.getElementById(id);
      if (el.isNode()) remembered.set(el.data('actorId'), { ...el.position() });
      el.remove();
    }
    for (const { id, data } of diff.updated) cy.getElementById(id).data(data);
    const at = placeAdded(
      diff,
      graph,
      (key) => {
        const n = cy.getElementById(key);
        return n.nonempty() ? n.position() : undefined;
      },
      { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 },
    );
    cy.add(diff.added.map((el) => (el.group === 'nodes' ? { ...el, position: remembered.get(el.data.actorId) ?? at.get(el.data.id!) } : el)));
  });
}

/** Adds elements a batch per frame (nodes come first in `elements`, so every edge finds its ends). */
function addInChunks(cy: Core, elements: ElementDefinition[], size: number): Promise<void> {
  return new Promise((resolve) => {
    let at = 0;
    const step = () => {
      if (cy.destroyed()) return resolve();
      const chunk = elements.slice(at, at + size);
      cy.batch(() => {
        cy.add(chunk);
      });
      at += size;
      if (at < elements.length) requestAnimationFrame(step);
      else resolve();
    };
    step();
  });
}

/** Calls back once Cytoscape has drawn a frame (or after a second, if it draws none: a hidden tab). */
function whenDrawn(cy: Core, callback: () => void): void {
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    callback();
  };
  const timer = setTimeout(finish, 1000);
  cy.one('render', finish);
}
