/**
 * The dataset on the canvas: one Cytoscape instance per dataset, updated in
 * place by a small edit (src/canvas/element-diff.ts). A new instance opens
 * where the last one was left (positions by actor id, the viewport) or asks
 * for a layout; a large graph laid out in the worker keeps its elements
 * pending until their positions arrive (src/canvas/worker-layout.ts).
 */
import type { Core, Position } from 'cytoscape';
import { useEffect, useRef, type RefObject } from 'react';
import type { ActorGraph } from '../../../graph';
import type { LayoutName } from '../../state/app-state';
import { useCanvasInstance } from '../CanvasProvider';
import { evidenceChanges, placeAdded, planUpdate, type ElementDiff } from '../element-diff';
import { addInSlices, drawingProgress } from '../add-in-slices';
import { toElements, withEvidence } from '../elements';
import type { LayoutWork } from '../layout-work';
import { rearranged } from '../rearranged';
import { topActors, type ScaleKnobs } from '../scale';
import { stylesheet } from '../stylesheet';

interface Props {
  graph: ActorGraph;
  knobs: ScaleKnobs;
  container: RefObject<HTMLDivElement | null>;
  /** The layout chosen when a new instance is made: a large force-directed one waits for the worker. */
  layout: LayoutName;
  /** Where the actors were left last time (by actor id). Read once, at mount. */
  savedPositions?: ReadonlyMap<string, Position>;
  work: LayoutWork;
}

export function ElementsController({ graph, knobs, container, layout, savedPositions, work }: Props) {
  const canvas = useCanvasInstance();
  // Positions by actor id and the viewport survive a new dataset (an edit, an undo), so the picture stays put.
  const positions = useRef(new Map<string, Position>(savedPositions ?? []));
  const viewport = useRef<{ zoom: number; pan: Position } | null>(null);

  // `layout` and `work.busy` are read as they are when the dataset changes: neither makes a new instance.
  useEffect(() => {
    const before = canvas.current();
    if (before && before.knobs === knobs && !work.busy && !work.pending.current) {
      // Keys kept and few elements changed: remove, add and update those only, in one batch.
      const plan = planUpdate(before.graph, graph);
      if (plan.ok) {
        updateInPlace(before.cy, plan.diff, evidenceChanges(before.graph, graph), graph, positions.current);
        if (plan.diff.added.length) rearranged(before.cy);
        canvas.show(graph);
        performance.mark('actorscope:canvas-updated');
        return;
      }
    }
    if (before) {
      // Kept by actor id for the next instance.
      before.cy.nodes().forEach((n) => {
        positions.current.set(n.data('actorId'), { ...n.position() });
      });
      viewport.current = { zoom: before.cy.zoom(), pan: { ...before.cy.pan() } };
    }
    work.pending.current = null;
    performance.mark('actorscope:canvas-start');
    const known = positions.current;
    const placed = known.size > 0 && graph.dataset.actors.some((a) => known.has(a.id));
    const elements = withEvidence(toElements(graph), graph);
    if (knobs.labelLevelOfDetail) {
      // The landmarks by degree go in with the elements, so that adding them is not a second full redraw.
      const top = new Set(topActors(graph.graph.nodes(), (key) => graph.graph.degree(key), knobs.landmarks));
      for (const el of elements) if (el.group === 'nodes' && top.has(el.data.id!)) el.classes = 'landmark';
    }
    const cy = canvas.create(graph, knobs, {
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
    if (!knobs.large) performance.mark('actorscope:elements-added');
    else if (knobs.workerLayout && layout === 'fcose' && !placed) work.pending.current = elements;
    else {
      // A large graph goes in a slice at a time (src/canvas/add-in-slices.ts), where it was left when it was.
      if (placed) {
        for (const el of elements) {
          const p = el.group === 'nodes' ? known.get(el.data.actorId as string) : undefined;
          if (p) el.position = { ...p };
        }
      }
      let live = true;
      work.setBusy(true);
      void addInSlices(cy, elements, (p) => work.setProgress(drawingProgress(p)), () => live, knobs.sliced).then(
        (done) => {
          if (!done) return;
          performance.mark('actorscope:elements-added');
          canvas.elementsAdded();
          work.setProgress(null);
          if (placed) {
            placeAsBefore(cy, known, viewport.current);
            work.setBusy(false);
          } else work.requestLayout();
        },
      );
      return () => {
        live = false;
      };
    }
    if (placed) {
      placeAsBefore(cy, known, viewport.current);
      work.setBusy(false);
    } else {
      work.requestLayout();
    }
  }, [graph, knobs]);

  return null;
}

/**
 * A small edit on the live instance: gone elements out, changed data (and
 * changed evidence) in, new elements added with their evidence (new actors
 * beside their drawn neighbours, or in the middle
 * of the view; an actor deleted and brought back by undo where it was,
 * from `remembered`, by actor id). Filters, sizes, landmarks, the overlay
 * and the selection follow in their own controllers, which run again for the
 * new scene.
 */
function updateInPlace(cy: Core, diff: ElementDiff, evidence: ElementDiff['updated'], graph: ActorGraph, remembered: Map<string, Position>): void {
  const ext = cy.extent();
  cy.batch(() => {
    for (const id of diff.removed) {
      const el = cy.getElementById(id);
      if (el.isNode()) remembered.set(el.data('actorId'), { ...el.position() });
      el.remove();
    }
    for (const { id, data } of [...diff.updated, ...evidence]) cy.getElementById(id).data(data);
    const at = placeAdded(
      diff,
      graph,
      (key) => {
        const n = cy.getElementById(key);
        return n.nonempty() ? n.position() : undefined;
      },
      { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 },
    );
    const added = withEvidence(diff.added, graph);
    cy.add(added.map((el) => (el.group === 'nodes' ? { ...el, position: remembered.get(el.data.actorId) ?? at.get(el.data.id!) } : el)));
  });
}

/** Same actors where they were; new ones beside their neighbours (or in the middle of the view). */
function placeAsBefore(cy: Core, known: ReadonlyMap<string, Position>, viewport: { zoom: number; pan: Position } | null): void {
  if (viewport) cy.viewport(viewport);
  const ext = cy.extent();
  const centre = { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 };
  cy.nodes().forEach((n) => {
    const p = known.get(n.data('actorId'));
    // (Only where it moved: setting a position dirties the node's and its edges' rendered style, seconds at 10k/50k.)
    if (p && (p.x !== n.position('x') || p.y !== n.position('y'))) n.position(p);
  });
  cy.nodes().forEach((n) => {
    if (known.has(n.data('actorId'))) return;
    const near = n.neighborhood('node').filter((m) => known.has(m.data('actorId')));
    const base = near.length ? near.boundingBox() : null;
    n.position(base ? { x: (base.x1 + base.x2) / 2 + 40, y: (base.y1 + base.y2) / 2 + 40 } : centre);
  });
  // Opened with a saved arrangement (no view yet): show all of it.
  if (!viewport) cy.fit(undefined, 30);
}
