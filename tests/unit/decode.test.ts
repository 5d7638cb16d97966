/**
 * graph/io/decode-scan.ts against the decoder it stands beside: where
 * `new TextDecoder('utf-8', { fatal: true })` throws, findNonUtf8 must find a
 * byte, and where it decodes, none; and the count of bad bytes is the count of
 * U+FFFD the non-fatal decoder writes (one per maximal bad subpart, so equal
 * only when no bad sequence is a truncated multi-byte one: checked as ≤).
 * Random bytes come from fast-check, biased to the bytes that matter (lead
 * bytes, continuation bytes, the edges of the ranges).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNonUtf8 } from '../../graph/io/decode-scan';
import { decodeBytes } from '../../graph/io/decode';

const fatal = new TextDecoder('utf-8', { fatal: true });
const loose = new TextDecoder('utf-8');
const EDGE_BYTES = [0x00, 0x0a, 0x0d, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff];
const bytes = fc.array(fc.oneof(fc.constantFrom(...EDGE_BYTES), fc.integer({ min: 0, max: 255 })), { maxLength: 40 }).map((a) => new Uint8Array(a));

describe('findNonUtf8 agrees with TextDecoder', () => {
  it('finds a bad byte exactly when the fatal decoder throws', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        let valid = true;
        try {
          fatal.decode(b);
        } catch {
          valid = false;
        }
        const found = findNonUtf8(b);
        expect(found.count === 0).toBe(valid);
        if (!valid) {
          // Every U+FFFD stands for at least one bad byte, and the text before the first is the bytes before it.
          const text = loose.decode(b);
          expect(found.count).toBeGreaterThanOrEqual([...text].filter((c) => c === '\ufffd').length);
          expect(loose.decode(b.subarray(0, found.first))).toBe(text.slice(0, text.indexOf('\ufffd')));
        }
      }),
      { numRuns: 5_000 },
    );
  });

  it('decodeBytes never answers U+FFFD that the bytes did not hold, without a warning or a refusal', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const r = decodeBytes(b);
        if (!r.ok) return;
        const heldFffd = (() => {
          try {
            return fatal.decode(b).includes('\ufffd');
          } catch {
            return false;
          }
        })();
        if (r.text.includes('\ufffd')) expect(heldFffd).toBe(true);
        if (r.encoding !== 'utf-8' && r.encoding !== 'utf-16le' && r.encoding !== 'utf-16be') expect(r.warnings.length).toBeGreaterThan(0);
      }),
      { numRuns: 5_000 },
    );
  });
});
