/**
 * Arrow-key steps on the picture (src/canvas/spatial-step.ts), on hand-placed
 * actors: the answers are worked out from the rule (within 45° of the
 * direction; distance along it plus twice the distance across).
 */
import { describe, expect, it } from 'vitest';
import { nearestTo, stepFrom } from '../../src/canvas/spatial-step';

//        n (0,-100)
//  w (-100,0)   o (0,0)   e (100,0)   far-e (300, 10)
//        s (0,100)     se (60, 40)
const O = { id: 'o', x: 0, y: 0 };
const ACTORS = [O, { id: 'n', x: 0, y: -100 }, { id: 'w', x: -100, y: 0 }, { id: 'e', x: 100, y: 0 }, { id: 'far-e', x: 300, y: 10 }, { id: 's', x: 0, y: 100 }, { id: 'se', x: 60, y: 40 }];

describe('a step with the arrow keys', () => {
  it('goes to the nearest actor in the direction, off-axis distance counting twice', () => {
    expect(stepFrom(O, ACTORS, 'up')).toBe('n');
    expect(stepFrom(O, ACTORS, 'left')).toBe('w');
    // e scores 100 (on the axis); se 60 along + 2·40 across = 140.
    expect(stepFrom(O, ACTORS, 'right')).toBe('e');
    // Down: s scores 100; se is 40 along and 60 across, outside the 45° cone.
    expect(stepFrom(O, ACTORS, 'down')).toBe('s');
  });

  it('never goes sideways or back, and says so with null at the edge', () => {
    const e = ACTORS.find((a) => a.id === 'e')!;
    expect(stepFrom(e, ACTORS, 'right')).toBe('far-e');
    expect(stepFrom({ id: 'far-e', x: 300, y: 10 }, ACTORS, 'right')).toBeNull();
    expect(stepFrom({ id: 'n', x: 0, y: -100 }, ACTORS, 'up')).toBeNull();
    // From se, left: o (60 along, 40 across → 140) and w (160 along, 40 across → 240): o.
    expect(stepFrom({ id: 'se', x: 60, y: 40 }, ACTORS, 'left')).toBe('o');
  });

  it('starts at the actor nearest a point, and breaks ties by id', () => {
    expect(nearestTo({ x: 55, y: 35 }, ACTORS)).toBe('se');
    expect(stepFrom(O, [O, { id: 'b', x: 10, y: 0 }, { id: 'a', x: 10, y: 0 }], 'right')).toBe('a');
  });
});
