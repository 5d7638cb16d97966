/**
 * The large graph's canvas work in slices (src/canvas/add-in-slices.ts,
 * src/canvas/change-slices.ts), on a headless Cytoscape instance with its
 * style on: every element goes in, in more than one slice, with drawing held
 * (the instance batching) between slices and released at the end; a new
 * submission under the same name replaces what is left of the last one; a
 * submission that is all in is drawn before later ones go on; a small
 * graph's changes apply at once.
 */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addInSlices } from '../../src/canvas/add-in-slices';
import { holdDrawing } from '../../src/canvas/slices';
import { changesPending, drawBeforeTheRest, JOINED_LATER_MS, submitChanges, type Change } from '../../src/canvas/change-slices';
import { overlayChanges } from '../../src/canvas/overlay';
import type { ActorGraph } from '../../graph';

const STYLE = [
  { selector: 'node', style: { width: 'mapData(size, 0, 1, 4, 40)', height: 'mapData(size, 0, 1, 4, 40)' } },
  { selector: 'edge', style: { 'curve-style': 'haystack', width: 1 } },
  { selector: '.filtered', style: { display: 'none' } },
];

function elements(n: number): ElementDefinition[] {
  const out: ElementDefinition[] = [];
  for (let i = 0; i < n; i++) out.push({ group: 'nodes', data: { id: `a${i}`, size: 0 }, position: { x: (i % 100) * 10, y: Math.floor(i / 100) * 10 } });
  for (let i = 1; i < n; i++) out.push({ group: 'edges', data: { id: `r${i}`, source: `a${i}`, target: `a${Math.floor(i / 2)}` } });
  return out;
}

/** Cytoscape's own `cy.batching()` (not in its typings). */
const batching = (cy: Core): boolean => (cy as unknown as { batching(): boolean }).batching();

const styled = (): Core => cytoscape({ headless: true, styleEnabled: true, style: STYLE as cytoscape.StylesheetJson });

/** Resolves when the scheduler has nothing left on `cy`, counting the tasks it took and whether it batched in between. */
async function drained(cy: Core): Promise<{ tasks: number; heldBetween: boolean }> {
  let tasks = 0;
  let heldBetween = false;
  while (changesPending(cy)) {
    if (batching(cy)) heldBetween = true;
    tasks += 1;
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (tasks > 100_000) throw new Error('the changes never finished');
  }
  return { tasks, heldBetween };
}

describe('addInSlices', () => {
  it('adds every element, in several slices, holding drawing between them and releasing it at the end', async () => {
    const cy = styled();
    const all = elements(6000);
    const progress: number[] = [];
    let batchingBetween = 0;
    const done = await addInSlices(cy, all, ({ added, total }) => {
      expect(total).toBe(all.length);
      progress.push(added);
      queueMicrotask(() => {
        // After each slice but the last, the gap to the next one is spent batching (no frames drawn).
        if (batching(cy)) batchingBetween += 1;
      });
    });
    expect(done).toBe(true);
    expect(cy.nodes().length).toBe(6000);
    expect(cy.edges().length).toBe(5999);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(all.length);
    expect(batchingBetween).toBe(progress.length - 1);
    expect(batching(cy)).toBe(false);
    // Styled as they went in: the mapper gave each node its size.
    expect(cy.getElementById('a5').width()).toBe(4);
  });

  it('stops when the instance is no longer wanted, and leaves it not batching', async () => {
    const cy = styled();
    let slices = 0;
    const done = await addInSlices(cy, elements(6000), () => (slices += 1), () => slices < 2);
    expect(done).toBe(false);
    expect(cy.elements().length).toBeLessThan(6000 + 5999);
    expect(batching(cy)).toBe(false);
  });
});

describe('holdDrawing', () => {
  it('holds one batch at a time and releases it once', () => {
    const cy = styled();
    const drawing = holdDrawing(cy);
    drawing.hold();
    drawing.hold();
    expect(batching(cy)).toBe(true);
    drawing.release();
    expect(batching(cy)).toBe(false);
    drawing.release();
    expect(batching(cy)).toBe(false);
  });
});

describe('submitChanges', () => {
  const sizeAll = (cy: Core, size: number): Change[] => cy.nodes().map((n) => () => n.data('size', size));

  it('applies a small graph\'s changes at once', () => {
    const cy = styled();
    cy.add(elements(50));
    submitChanges(cy, 'sizes', sizeAll(cy, 1), false);
    expect(changesPending(cy)).toBe(false);
    expect(cy.nodes().filter((n) => n.data('size') === 1 && n.width() === 40).length).toBe(cy.nodes().length);
  });

  it('applies a large graph\'s changes in slices, drawing held between them, every change in at the end', async () => {
    const cy = styled();
    cy.add(elements(20_000));
    submitChanges(cy, 'sizes', sizeAll(cy, 1), true);
    // The first slice runs at once; the rest wait for later tasks.
    expect(changesPending(cy)).toBe(true);
    expect(cy.nodes().filter((n) => n.data('size') === 1).length).toBeLessThan(20_000);
    const { tasks, heldBetween } = await drained(cy);
    expect(tasks).toBeGreaterThan(0);
    expect(heldBetween).toBe(true);
    expect(batching(cy)).toBe(false);
    expect(cy.nodes().filter((n) => n.data('size') === 1 && n.width() === 40).length).toBe(cy.nodes().length);
  });

  it('replaces what is left of an earlier submission under the same name, and runs other names alongside', async () => {
    const cy = styled();
    cy.add(elements(20_000));
    submitChanges(cy, 'sizes', sizeAll(cy, 1), true);
    const edges = cy.edges().filter((e) => Number(e.id().slice(1)) % 2 === 0);
    submitChanges(cy, 'filters', edges.map((e) => () => e.addClass('filtered')), true);
    // The new sizes are computed against the nodes as they are now: those the first run reached go back.
    const half = cy.nodes().filter((n) => n.data('size') === 1);
    expect(half.length).toBeGreaterThan(0);
    submitChanges(cy, 'sizes', half.map((n) => () => n.data('size', 0.5)), true);
    await drained(cy);
    const sizes = new Set(cy.nodes().map((n) => n.data('size') as number));
    // None at 1: the rest of the first submission was dropped; the nodes it reached are at ½.
    expect([...sizes].sort()).toEqual([0, 0.5]);
    expect(cy.nodes().filter((n) => n.data('size') === 0.5).length).toBe(half.length);
    expect(cy.edges('.filtered').length).toBe(edges.length);
  });

  it('applies submissions in the order they came: one resubmitted goes behind those that came before it', async () => {
    const cy = styled();
    cy.add(elements(20_000));
    submitChanges(cy, 'sizes', sizeAll(cy, 1), true);
    const edges = cy.edges();
    submitChanges(cy, 'time-window', edges.map((e) => () => e.addClass('filtered')), true);
    // The sizes again (a window's metrics arriving step by step), before the time window's changes are in.
    submitChanges(cy, 'sizes', sizeAll(cy, 0.5), true);
    let windowInFirst = false;
    let polls = 0;
    while (changesPending(cy)) {
      if (cy.edges('.filtered').length === edges.length && cy.nodes().some((n) => n.data('size') !== 0.5)) windowInFirst = true;
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (++polls > 100_000) throw new Error('the changes never finished');
    }
    expect(windowInFirst).toBe(true);
    expect(cy.nodes().every((n) => n.data('size') === 0.5)).toBe(true);
  });

  it('an empty submission cancels what is left under that name', async () => {
    const cy = styled();
    cy.add(elements(20_000));
    submitChanges(cy, 'sizes', sizeAll(cy, 1), true);
    const reached = cy.nodes().filter((n) => n.data('size') === 1).length;
    submitChanges(cy, 'sizes', [], true);
    await drained(cy);
    expect(cy.nodes().filter((n) => n.data('size') === 1).length).toBe(reached);
    expect(batching(cy)).toBe(false);
  });

  describe('a submission all in before later ones', () => {
    afterEach(() => vi.restoreAllMocks());

    it('is drawn before them only when every one left came more than JOINED_LATER_MS after it', () => {
      expect(drawBeforeTheRest({ submittedAt: 1000 }, [])).toBe(false);
      expect(drawBeforeTheRest({ submittedAt: 1000 }, [{ submittedAt: 1000 + JOINED_LATER_MS }])).toBe(false);
      expect(drawBeforeTheRest({ submittedAt: 1000 }, [{ submittedAt: 1001 + JOINED_LATER_MS }, { submittedAt: 5000 }])).toBe(true);
      // One of the same commit left (the time window's after the evidence's), however late the others: drawn together.
      expect(drawBeforeTheRest({ submittedAt: 1000 }, [{ submittedAt: 1150 }, { submittedAt: 1000 + 10 * JOINED_LATER_MS }])).toBe(false);
      // One submitted before it left (resubmitted sizes from an earlier step): not drawn alone.
      expect(drawBeforeTheRest({ submittedAt: 5000 }, [{ submittedAt: 10 }])).toBe(false);
    });

    /** Submits a time window's changes, then sizes `laterBy` ms after (a clock the test moves), and drains, noting whether drawing was let through between the two. */
    async function windowThenSizes(laterBy: number) {
      let clock = 0;
      vi.spyOn(performance, 'now').mockImplementation(() => clock);
      const cy = styled();
      cy.add(elements(20_000));
      submitChanges(cy, 'time-window', cy.edges().map((e) => () => e.addClass('filtered')), true);
      clock += laterBy;
      submitChanges(cy, 'sizes', sizeAll(cy, 1), true);
      let drawnBetween = false;
      let polls = 0;
      while (changesPending(cy)) {
        const windowIn = cy.edges('.filtered').length === cy.edges().length;
        const sizesIn = cy.nodes().every((n) => n.data('size') === 1);
        // Not batching while changes are pending: a frame was let through.
        if (windowIn && !sizesIn && !batching(cy)) drawnBetween = true;
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (++polls > 100_000) throw new Error('the changes never finished');
      }
      expect(cy.edges('.filtered').length).toBe(cy.edges().length);
      expect(cy.nodes().every((n) => n.data('size') === 1)).toBe(true);
      return drawnBetween;
    }

    it('lets a frame through between a time window\'s changes and sizes submitted later', async () => {
      expect(await windowThenSizes(JOINED_LATER_MS + 400)).toBe(true);
    });

    it('draws submissions made together once, at the end', async () => {
      expect(await windowThenSizes(0)).toBe(false);
    });
  });
});

describe('overlayChanges', () => {
  // elements(5): actors a0–a4, relations r1–r4 joining each a<i> to a<i/2> (a binary tree); ids are the keys, as the app's graphs give them.
  const graphOf = (cy: Core) =>
    ({
      keyOfActor: new Map(cy.nodes().map((n) => [n.id(), n.id()])),
      keyOfRelation: new Map(cy.edges().map((e) => [e.id(), e.id()])),
    }) as unknown as ActorGraph;
  const classesOf = (cy: Core) => Object.fromEntries(cy.elements().map((el) => [el.id(), el.classes().sort().join(' ')]));

  it('gives each element the overlay classes it should have, and touches only those that differ', () => {
    const cy = styled();
    cy.add(elements(5));
    const graph = graphOf(cy);
    const focus = { kind: 'focus', label: 'path', actors: ['a0', 'a1'], relations: ['r1'] } as const;
    submitChanges(cy, 'overlay', overlayChanges(cy, graph, focus), false);
    expect(classesOf(cy)).toEqual({ a0: 'focus', a1: 'focus', a2: 'dimmed', a3: 'dimmed', a4: 'dimmed', r1: 'focus', r2: 'dimmed', r3: 'dimmed', r4: 'dimmed' });
    // The same overlay again: nothing to change.
    expect(overlayChanges(cy, graph, focus)).toHaveLength(0);
    // A wider focus: only a2 and r2 change.
    const wider = { ...focus, actors: ['a0', 'a1', 'a2'], relations: ['r1', 'r2'] };
    const changes = overlayChanges(cy, graph, wider);
    expect(changes.map((c) => c().id()).sort()).toEqual(['a2', 'r2']);
    expect(classesOf(cy)).toMatchObject({ a2: 'focus', r2: 'focus', a3: 'dimmed' });
    // Blocs, then none: every overlay class goes.
    submitChanges(cy, 'overlay', overlayChanges(cy, graph, { kind: 'blocs', communities: [['a0', 'a1'], ['a2']] }), false);
    expect(classesOf(cy)).toEqual({ a0: 'bloc-0', a1: 'bloc-0', a2: 'bloc-1', a3: '', a4: '', r1: '', r2: '', r3: '', r4: '' });
    submitChanges(cy, 'overlay', overlayChanges(cy, graph, null), false);
    expect(Object.values(classesOf(cy)).every((c) => c === '')).toBe(true);
  });
});
