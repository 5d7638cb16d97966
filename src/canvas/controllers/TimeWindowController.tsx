/**
 * The time window on the canvas. Relations with no supporting claim in it get
 * the `out-of-window` class (they fade out, and take no clicks); the others
 * are drawn by the evidence they have in the window (their confidence there),
 * and actors with no relation in it get `idle-in-window`. Nothing moves:
 * the layout is the one of all time, so actors stay where they are while the
 * window slides.
 */
import { useEffect } from 'react';
import type { Dataset, Relation } from '../../../graph';
import { useScene } from '../CanvasProvider';
import { submitChanges, type Change } from '../change-slices';
import { evidenceData } from '../elements';

export interface TimeWindowControllerProps {
  /** The dataset as it stands in the window; null for all time. */
  windowed: Dataset | null;
  /** The relations with no supporting claim in the window. */
  outside: ReadonlySet<string>;
}

export function TimeWindowController({ windowed, outside }: TimeWindowControllerProps) {
  const scene = useScene();
  useEffect(() => {
    if (!scene) return;
    const { cy, graph, knobs } = scene;
    const inWindow = new Map<string, Relation>(windowed ? windowed.relations.map((r) => [r.id, r]) : []);
    const active = new Set<string>();
    // Only what changes is touched (as FiltersController: toggleClass and data() restyle regardless).
    const changes: Change[] = [];
    const timed = windowed !== null;
    // (`timed` turns on the fade, which only a small graph's stylesheet has: 50,000 transitions would cost frames.)
    const fades = timed && !knobs.large;
    cy.edges().forEach((e) => {
      const id: string = e.data('relationId');
      const out = outside.has(id);
      if (!out) {
        active.add(e.data('source'));
        active.add(e.data('target'));
      }
      // In a window, a relation is drawn by the claims it has there; for all time, by all of them.
      const relation = out ? undefined : (inWindow.get(id) ?? (graph.graph.hasEdge(e.id()) ? graph.graph.getEdgeAttribute(e.id(), 'relation') : undefined));
      const evidence = relation ? evidenceData(relation) : undefined;
      const newEvidence = evidence !== undefined && (e.data('confidence') !== evidence.confidence || e.data('contested') !== evidence.contested);
      if (e.hasClass('timed') === fades && e.hasClass('out-of-window') === out && !newEvidence) return;
      changes.push(() => {
        if (e.hasClass('timed') !== fades) e.toggleClass('timed', fades);
        if (e.hasClass('out-of-window') !== out) e.toggleClass('out-of-window', out);
        if (newEvidence && evidence) e.data({ confidence: evidence.confidence, contested: evidence.contested });
        return e;
      });
    });
    cy.nodes().forEach((n) => {
      const idle = timed && !active.has(n.id());
      if (n.hasClass('idle-in-window') !== idle) changes.push(() => n.toggleClass('idle-in-window', idle));
    });
    submitChanges(cy, 'time-window', changes, knobs.sliced);
  }, [scene, windowed, outside]);
  return null;
}
