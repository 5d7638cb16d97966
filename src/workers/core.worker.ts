/// <reference lib="webworker" />
/**
 * The worker shell: a few lines around the core's pure handle(), so metrics
 * never run on the UI thread.
 */
import { handle, type Request } from '../../graph';

export interface WorkerMessage {
  id: number;
  request: Request;
}

self.onmessage = (event: MessageEvent<WorkerMessage>) => {
  const { id, request } = event.data;
  self.postMessage({ id, response: handle(request) });
};
