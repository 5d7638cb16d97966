// Entry of the benchmark's betweenness workers: registers tsx in the worker
// thread (Node 20 does not pass the parent's TypeScript loader on to a
// worker's entry file), then runs the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./betweenness-worker.ts');
