/**
 * Arrow-key steps between actors on the picture: from where the focus is, to
 * the actor nearest in that direction, as spatial navigation on a page does.
 * A candidate must lie within 45° of the direction (so ↓ never goes sideways);
 * the nearest wins, off-axis distance counting twice, so an actor straight
 * below beats a nearer one far to the side. Chosen over stepping through the
 * selected actor's neighbours because it reaches every actor, isolated ones
 * too, and matches what the eye sees.
 */
export type Direction = 'left' | 'right' | 'up' | 'down';

export interface Placed {
  id: string;
  x: number;
  y: number;
}

const AXES: Record<Direction, [number, number]> = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] };

export function stepFrom(from: Placed, candidates: readonly Placed[], direction: Direction): string | null {
  const [ax, ay] = AXES[direction];
  let best: string | null = null;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (c.id === from.id) continue;
    const dx = c.x - from.x;
    const dy = c.y - from.y;
    const along = dx * ax + dy * ay;
    const across = Math.abs(dx * ay - dy * ax);
    // Within 45° of the axis; ties on the axis itself (along === across === 0) are the same spot and skipped.
    if (along <= 0 || across > along) continue;
    const score = along + 2 * across;
    if (score < bestScore || (score === bestScore && best !== null && c.id < best)) {
      best = c.id;
      bestScore = score;
    }
  }
  return best;
}

/** Where the focus starts: the actor nearest the middle of the view. */
export function nearestTo(point: { x: number; y: number }, candidates: readonly Placed[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = Math.hypot(c.x - point.x, c.y - point.y);
    if (d < bestDistance) {
      best = c.id;
      bestDistance = d;
    }
  }
  return best;
}
