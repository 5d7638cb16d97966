/**
 * How an answer crosses from the worker to the UI: packed in the worker,
 * unpacked by the client. By default it crosses as it is (structured clone),
 * and the typed arrays of an answer the session does not keep (layout
 * positions) are transferred rather than copied; a kept answer is never
 * transferred, as that would empty the session's copy. Metrics cross as
 * columns of typed arrays (metrics-transport.ts). This table is the one place
 * where a request type gets a transport of its own.
 */
import type { MetricsResult, RequestType } from '../../graph';
import { packMetrics, unpackMetrics, type PackedMetrics } from './metrics-transport';

export interface Transport {
  /** `kept`: the session keeps this answer (it was asked by version), so its buffers must stay where they are. */
  pack: (result: unknown, kept: boolean) => { sent: unknown; transfer: Transferable[] };
  unpack: (sent: unknown) => unknown;
}

const AS_IS: Transport = {
  pack: (result, kept) => {
    const transfer: Transferable[] = [];
    if (!kept && result && typeof result === 'object') {
      for (const value of Object.values(result)) {
        if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) transfer.push(value.buffer);
      }
    }
    return { sent: result, transfer };
  },
  unpack: (sent) => sent,
};

const METRICS: Transport = {
  // The columns are new arrays made for the message, so transferring them leaves a kept answer whole.
  pack: (result) => {
    const { packed, transfer } = packMetrics(result as MetricsResult);
    return { sent: packed, transfer };
  },
  unpack: (sent) => unpackMetrics(sent as PackedMetrics),
};

const TRANSPORTS: { readonly [T in RequestType]?: Transport } = { metrics: METRICS };

export function transportOf(type: RequestType): Transport {
  return TRANSPORTS[type] ?? AS_IS;
}
