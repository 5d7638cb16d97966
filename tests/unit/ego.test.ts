/**
 * Ego focus (graph/analysis/ego.ts) on a hand graph, worked by hand:
 *
 *   r1  A –partner– B        r5  D –partner– F
 *   r2  B → C threat         r6  A → A other (self-relation)
 *   r3  C → D supplier       r7  F → C threat
 *   r4  E → A threat         G has no relation
 *
 * Steps out of each actor (source → target, partner both ways):
 *   A: B   B: A, C   C: D   D: F   E: A   F: D, C
 * Steps in (target → source, partner both ways):
 *   A: B, E   B: A   C: B, F   D: C, F   F: D
 */
import { describe, it, expect } from 'vitest';
import { egoNetwork, type EgoQuery, type EgoResult } from '../../graph/analysis/ego';
import type { Dataset } from '../../graph/model/types';
import { edgeDataset, type Edge } from '../support/analysis-data';

const dataset = (actorIds: readonly string[], edges: readonly Edge[]): Dataset => edgeDataset('ego test', actorIds, edges);

const graph = dataset(
  ['A', 'B', 'C', 'D', 'E', 'F', 'G'],
  [
    ['A', 'B', 'partner'],
    ['B', 'C', 'threat'],
    ['C', 'D', 'supplier'],
    ['E', 'A', 'threat'],
    ['D', 'F', 'partner'],
    ['A', 'A', 'other'],
    ['F', 'C', 'threat'],
  ],
);

function ego(query: EgoQuery, ds: Dataset = graph): { actors: string; relations: string[] } {
  const result: EgoResult = egoNetwork(ds, query);
  return { actors: result.actors.map((a) => `${a.id}${a.distance}`).join(' '), relations: result.relations };
}

describe('egoNetwork', () => {
  it('depth 1, 2 and 3 in both directions (the default)', () => {
    // A's neighbours either way: B (partner), E (threat E → A).
    expect(ego({ actor: 'A', depth: 1 })).toEqual({ actors: 'A0 B1 E1', relations: ['r1', 'r4', 'r6'] });
    // Then C through B.
    expect(ego({ actor: 'A', depth: 2 })).toEqual({ actors: 'A0 B1 E1 C2', relations: ['r1', 'r2', 'r4', 'r6'] });
    // Then D (C → D) and F (F → C); every relation now has both ends in the set.
    expect(ego({ actor: 'A', depth: 3 })).toEqual({
      actors: 'A0 B1 E1 C2 D3 F3',
      relations: ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7'],
    });
    expect(ego({ actor: 'A', depth: 3, direction: 'both' })).toEqual(ego({ actor: 'A', depth: 3 }));
  });

  it('direction out follows source → target; partner counts both ways', () => {
    // A → B (partner), B → C, C → D; F is at distance 4; E only points at A.
    expect(ego({ actor: 'A', depth: 3, direction: 'out' })).toEqual({
      actors: 'A0 B1 C2 D3',
      relations: ['r1', 'r2', 'r3', 'r6'],
    });
    expect(ego({ actor: 'A', depth: 2, direction: 'out' }).actors).toBe('A0 B1 C2');
    // From B: out to C (threat) and back to A over the partner relation.
    expect(ego({ actor: 'B', depth: 1, direction: 'out' })).toEqual({ actors: 'B0 A1 C1', relations: ['r1', 'r2', 'r6'] });
    // The threat r7 F → C is followed out of F, not out of C.
    expect(ego({ actor: 'F', depth: 1, direction: 'out' }).actors).toBe('F0 C1 D1');
    expect(ego({ actor: 'C', depth: 1, direction: 'out' }).actors).toBe('C0 D1');
  });

  it('direction in follows target → source; partner counts both ways', () => {
    // Into A: E (threat) and B (partner); into B only A; nothing into E.
    expect(ego({ actor: 'A', depth: 3, direction: 'in' })).toEqual({ actors: 'A0 B1 E1', relations: ['r1', 'r4', 'r6'] });
    // Into C: B (r2), F (r7); into B: A; into F: D (partner); into A: E; into D: C, F (already in).
    expect(ego({ actor: 'C', depth: 1, direction: 'in' }).actors).toBe('C0 B1 F1');
    expect(ego({ actor: 'C', depth: 2, direction: 'in' }).actors).toBe('C0 B1 F1 A2 D2');
    expect(ego({ actor: 'C', depth: 3, direction: 'in' })).toEqual({
      actors: 'C0 B1 F1 A2 D2 E3',
      relations: ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7'],
    });
    // Into B over the partner relation only.
    expect(ego({ actor: 'B', depth: 1, direction: 'in' }).actors).toBe('B0 A1');
  });

  it('types filter which relations are followed and returned', () => {
    expect(ego({ actor: 'A', depth: 3, types: ['partner'] })).toEqual({ actors: 'A0 B1', relations: ['r1'] });
    // Without partner, A reaches only E; the self-relation (other) is not an allowed type.
    expect(ego({ actor: 'A', depth: 3, types: ['threat', 'supplier'] })).toEqual({ actors: 'A0 E1', relations: ['r4'] });
    expect(ego({ actor: 'C', depth: 2, direction: 'out', types: ['supplier', 'partner'] })).toEqual({
      actors: 'C0 D1 F2',
      relations: ['r3', 'r5'],
    });
    expect(ego({ actor: 'A', depth: 1, types: [] })).toEqual({ actors: 'A0', relations: [] });
  });

  it('an isolated actor is alone; self-relations are kept but lead nowhere', () => {
    expect(ego({ actor: 'G', depth: 3 })).toEqual({ actors: 'G0', relations: [] });
    const selfOnly = dataset(['x', 'y'], [['x', 'x', 'threat']]);
    expect(ego({ actor: 'x', depth: 2 }, selfOnly)).toEqual({ actors: 'x0', relations: ['r1'] });
  });

  it('orders actors by distance, then name, and works with prototype-named ids', () => {
    const ds = dataset(
      ['toString', '__proto__', 'constructor', 'z'],
      [
        ['__proto__', 'toString', 'partner'],
        ['constructor', '__proto__', 'supplier'],
        ['toString', 'z', 'threat'],
      ],
    );
    const result = egoNetwork(ds, { actor: '__proto__', depth: 2 });
    expect(result.actors).toEqual([
      { id: '__proto__', distance: 0 },
      { id: 'constructor', distance: 1 },
      { id: 'toString', distance: 1 },
      { id: 'z', distance: 2 },
    ]);
    expect(result.relations).toEqual(['r1', 'r2', 'r3']);
    expect(structuredClone(result)).toEqual(result);
  });

  it('refuses an unknown actor, a bad depth or direction', () => {
    expect(() => egoNetwork(graph, { actor: 'nobody', depth: 1 })).toThrow(/"nobody" is not an actor id/);
    expect(() => egoNetwork(graph, { actor: 'A', depth: 4 as 3 })).toThrow(/depth must be 1, 2 or 3/);
    expect(() => egoNetwork(graph, { actor: 'A', depth: 1, direction: 'up' as 'in' })).toThrow(/direction/);
  });
});
