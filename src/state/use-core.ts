import { useEffect, useState } from 'react';
import type { Request, Result } from '../../graph';
import { core, type Lane } from '../workers/core';
import { versionedRequestKey } from './request-key';

export type CoreStatus<T> =
  | { state: 'idle'; result: null }
  | { state: 'computing'; result: T | null }
  | { state: 'ready'; result: T }
  | { state: 'failed'; error: string; result: T | null };

/**
 * Runs a core request in the worker whenever the question it asks changes
 * (its key: state/request-key.ts; null: nothing to run). A result that
 * arrives after the question moved on is dropped, so the screen never shows
 * an answer to an older question.
 */
export function useCore<R extends Request>(request: R | null, lane: Lane = 'main'): CoreStatus<Result<R>> {
  const [status, setStatus] = useState<CoreStatus<Result<R>>>({ state: 'idle', result: null });
  const key = request ? versionedRequestKey(request) : null;
  useEffect(() => {
    if (!request) {
      setStatus({ state: 'idle', result: null });
      return;
    }
    let current = true;
    setStatus((s) => ({ state: 'computing', result: s.result }));
    core(lane)
      .request(request)
      .then((result) => current && setStatus({ state: 'ready', result }))
      .catch((err: Error) => current && setStatus((s) => ({ state: 'failed', error: err.message, result: s.result })));
    return () => {
      current = false;
    };
    // `key` stands for the request, which callers rebuild on every render.
  }, [key]);
  return status;
}
