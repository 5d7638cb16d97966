/**
 * Changes to many elements of a large graph (sizes from a metric, filters,
 * the evidence setting, the time window, landmarks), applied a slice at a
 * time with Cytoscape's drawing held, and drawn once when every queued
 * change is in. Each change restyles its element and, for a node, its edges'
 * projections: at 10k/50k a metrics step's 800 resized actors took 2–3 s of
 * style work in one task, followed by a redraw of all 60,000 elements, and
 * the controllers that follow the elements in each asked for a redraw of
 * their own.
 *
 * Each controller submits its changes under its own name; a new submission
 * drops what is left of its previous one (the new one was computed against
 * the elements as they are, so it covers whatever the old one did not get to)
 * and goes to the back of the queue: submissions are applied in the order
 * they came.
 * While changes keep coming (a submission replacing an unfinished one, as
 * Play on the time bar does), drawing is let through every 2 s, so the
 * picture follows. And a submission that is all in is drawn before the ones
 * that came later than it (JOINED_LATER_MS) go on: a move of the time window
 * shows as soon as its own changes are in, not after the sizes from the
 * window's metrics that arrive while it goes in. Submissions made
 * together (sizes and landmarks from one metrics step) are drawn once. A
 * small graph's changes are applied at once, in one batch, as before.
 */
import type { CollectionArgument, Core, SingularElementArgument } from 'cytoscape';
import { holdDrawing, nextFrame, nextSliceSize, nextTask, settle } from './slices';

/** One element's change: applies it and returns the element touched. */
export type Change = () => SingularElementArgument;

interface Job {
  changes: Change[];
  at: number;
  /** performance.now() at submission. */
  submittedAt: number;
}

interface Queue {
  jobs: Map<string, Job>;
  running: boolean;
  /** A submission replaced one that was not finished: changes are coming faster than they go in. */
  overtaken: boolean;
}

const queues = new WeakMap<Core, Queue>();

/**
 * Applies `changes` to `cy` under `key`: at once for a small graph
 * (`sliced` false), else queued and applied in slices.
 */
export function submitChanges(cy: Core, key: string, changes: Change[], sliced: boolean): void {
  if (!sliced) {
    if (changes.length) cy.batch(() => changes.forEach((change) => change()));
    return;
  }
  let queue = queues.get(cy);
  if (!queue) queues.set(cy, (queue = { jobs: new Map(), running: false, overtaken: false }));
  if (queue.jobs.has(key)) {
    queue.overtaken = true;
    // To the back of the queue: a name resubmitted again and again (sizes, as a window's metrics arrive step by step)
    // would otherwise keep its place at the head and hold back everything submitted after it.
    queue.jobs.delete(key);
  }
  if (changes.length) queue.jobs.set(key, { changes, at: 0, submittedAt: performance.now() });
  if (!queue.running && queue.jobs.size) void run(cy, queue);
}

/** Whether changes are still queued on `cy` (for tests and progress). */
export function changesPending(cy: Core): boolean {
  const queue = queues.get(cy);
  return !!queue && (queue.running || queue.jobs.size > 0);
}

/**
 * The work in the first slice, in elements restyled: a node counts with its
 * edges (their projections follow its size), so that a slice of hubs is not
 * a slice of thousands of edges. The next slices are sized from the last
 * one's measured cost, style and projections included.
 */
const FIRST_SLICE = 1000;
/** Drawing is let through at least this often while changes are being applied (a redraw costs about a second at 10k/50k). */
const MAX_HOLD_MS = 2000;
/** At most this much work in a slice, however cheap the last one was (changes that found nothing to do cost nothing). */
const MAX_SLICE = 8000;
/**
 * A submission that is all in is drawn at once when the next one in the queue
 * came more than this after it. One React commit's effects submit within
 * 110–170 ms of each other at 10k/50k (the time window's own check of 50,000
 * relations comes between the evidence's and its own), and those are drawn together.
 */
export const JOINED_LATER_MS = 500;

/**
 * Whether a submission that is all in should be drawn before the ones left:
 * the earliest of them (the queue keeps the order of submission) came later
 * than it by JOINED_LATER_MS, so someone has been waiting for it alone.
 */
export function drawBeforeTheRest(done: Pick<Job, 'submittedAt'>, left: Iterable<Pick<Job, 'submittedAt'>>): boolean {
  let earliest = Infinity;
  for (const job of left) earliest = Math.min(earliest, job.submittedAt);
  return earliest !== Infinity && earliest - done.submittedAt > JOINED_LATER_MS;
}

async function run(cy: Core, queue: Queue): Promise<void> {
  queue.running = true;
  const drawing = holdDrawing(cy);
  // (Counted, not timed inside the loop: a change itself is cheap, its cost comes when the batch ends and in settle.)
  let size = FIRST_SLICE;
  let drawnAt = performance.now();
  const weight = (el: SingularElementArgument) => (el.isNode() ? 1 + el.connectedEdges().length : 1);
  try {
    while (queue.jobs.size && !cy.destroyed()) {
      drawing.release();
      const started = performance.now();
      const touched: SingularElementArgument[] = [];
      let work = 0;
      let drawNow = false;
      cy.startBatch();
      try {
        while (queue.jobs.size && work < size && !drawNow) {
          const [key, job] = queue.jobs.entries().next().value!;
          const el = job.changes[job.at]!();
          touched.push(el);
          work += weight(el);
          job.at += 1;
          if (job.at >= job.changes.length) {
            queue.jobs.delete(key);
            if (drawBeforeTheRest(job, queue.jobs.values())) drawNow = true;
          }
        }
      } finally {
        cy.endBatch();
      }
      settle(cy, cy.collection(touched as unknown as CollectionArgument));
      size = nextSliceSize(size, work, performance.now() - started, { min: 10, max: MAX_SLICE });
      if (!queue.jobs.size) break;
      if (drawNow || (queue.overtaken && performance.now() - drawnAt > MAX_HOLD_MS)) {
        // Changes that keep coming (Play on the time bar) would otherwise hold the picture for as long as they do.
        // (Only then, or when a submission is in ahead of later ones: a redraw costs a second at 10k/50k, and
        // one set of changes is drawn once, when it is all in.)
        queue.overtaken = false;
        await nextFrame();
        drawnAt = performance.now();
        continue;
      }
      drawing.hold();
      await nextTask();
    }
  } finally {
    drawing.release();
    queue.running = false;
    queue.overtaken = false;
  }
}
