/**
 * The actor graph on screen: the container Cytoscape draws in, and one
 * controller per concern, each a single effect on the instance that the
 * CanvasProvider around it owns. A large graph (src/canvas/scale.ts) is drawn
 * with less detail, and laid out in a worker rather than on this thread.
 */
import type { Position } from 'cytoscape';
import { useEffect, useMemo, useRef } from 'react';
import type { ActorGraph, Dataset, GraphFilter } from '../../graph';
import type { LayoutName, Overlay, Selection } from '../state/app-state';
import { DrawingController } from './controllers/DrawingController';
import { ElementsController } from './controllers/ElementsController';
import { EvidenceController } from './controllers/EvidenceController';
import { FiltersController } from './controllers/FiltersController';
import { HoverController } from './controllers/HoverController';
import { KeyboardController } from './controllers/KeyboardController';
import { LandmarksController } from './controllers/LandmarksController';
import { LayoutController } from './controllers/LayoutController';
import { OverlayController } from './controllers/OverlayController';
import { PickingController } from './controllers/PickingController';
import { RelationHoverController } from './controllers/RelationHoverController';
import { SavedPositionsController } from './controllers/SavedPositionsController';
import { SelectionController } from './controllers/SelectionController';
import { SizesController } from './controllers/SizesController';
import { TimeWindowController } from './controllers/TimeWindowController';
import { ZoomLabelsController } from './controllers/ZoomLabelsController';
import { useLayoutWork } from './layout-work';
import { scaleKnobs, type ScaleKnobs } from './scale';

export interface GraphCanvasProps {
  graph: ActorGraph;
  /** What is shown: elements outside it are hidden, not removed. */
  filter: GraphFilter;
  /** Relations the evidence setting leaves out (by relation id): drawn, but as not counted. */
  leftOut: ReadonlySet<string>;
  /** The dataset in the time window (null: all time), and the relations with no claim in it (faded out). */
  windowed: Dataset | null;
  outsideWindow: ReadonlySet<string>;
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
  const { graph, filter, sizes, layout, onDrawn } = props;
  const container = useRef<HTMLDivElement>(null);
  const work = useLayoutWork();
  // The same object for the same size class, so that an edit does not look like a change of knobs.
  const knobsKey = JSON.stringify(scaleKnobs(graph));
  const knobs = useMemo(() => JSON.parse(knobsKey) as ScaleKnobs, [knobsKey]);

  useEffect(() => {
    if (!work.busy) onDrawn?.();
  }, [work.busy]);

  // Order matters: controllers run in this order after each change, so positions are listened for before
  // an edit places new actors, and filters and sizes are on the elements before a layout reads them.
  return (
    <>
      <div
        className="canvas"
        role="region"
        aria-label="Actor graph"
        aria-describedby="graph-keys"
        tabIndex={0}
        aria-busy={work.busy ? 'true' : 'false'}
        data-progress={knobs.large && work.progress ? work.progress : undefined}
        ref={container}
        data-testid="actor-graph"
      />
      <p id="graph-keys" className="sr-only">
        Arrow keys move between actors, Enter opens the details of the actor in the ring, Escape clears.
      </p>
      <KeyboardController container={container} selection={props.selection} onSelect={props.onSelect} />
      <SavedPositionsController onArranged={props.onArranged} />
      <ElementsController graph={graph} knobs={knobs} container={container} layout={layout} savedPositions={props.savedPositions} work={work} />
      <FiltersController filter={filter} />
      <EvidenceController leftOut={props.leftOut} />
      <TimeWindowController windowed={props.windowed} outside={props.outsideWindow} />
      <OverlayController overlay={props.overlay} />
      <SizesController sizes={sizes} />
      <LandmarksController sizes={sizes} />
      <ZoomLabelsController />
      <LayoutController layout={layout} again={props.layoutAgain ?? 0} sizes={sizes} filter={filter} work={work} />
      <SelectionController selection={props.selection} />
      <HoverController />
      <RelationHoverController />
      <PickingController onSelect={props.onSelect} />
      <DrawingController active={props.drawMode} onDraw={props.onDrawRelation} />
    </>
  );
}
