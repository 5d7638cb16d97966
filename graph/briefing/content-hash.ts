/**
 * A dataset's fingerprint for a briefing: SHA-256 of its canonical JSON (keys
 * sorted at every level, no white space), so the same data gives the same hash
 * whichever tool wrote the file and in whatever order its keys came.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Dataset } from '../model/types';

/** JSON with every object's keys in code-unit order; arrays keep their order (it is data). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

/** "sha256:" and 64 hex digits. */
export function contentHash(dataset: Dataset): string {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(canonicalJson(dataset))))}`;
}
