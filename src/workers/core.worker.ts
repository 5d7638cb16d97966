/// <reference lib="webworker" />
/**
 * The worker shell: a few lines around the core's pure handle(), so metrics
 * never run on the UI thread. Typed arrays in a result (layout positions) are
 * transferred, not copied.
 */
import { handle, type Request } from '../../graph';

export interface WorkerMessage {
  id: number;
  request: Request;
}

self.onmessage = (event: MessageEvent<WorkerMessage>) => {
  const { id, request } = event.data;
  const response = handle(request);
  const transfer: Transferable[] = [];
  if (response.ok && response.result && typeof response.result === 'object') {
    for (const value of Object.values(response.result)) {
      if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) transfer.push(value.buffer);
    }
  }
  self.postMessage({ id, response }, transfer);
};
