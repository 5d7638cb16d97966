/** The round-trip arbitrary only makes datasets restore() accepts unchanged, so round-trip failures are the formats' fault. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restore } from '../../graph';
import { arbitraryDataset } from '../support/arbitrary-dataset';

describe('arbitraryDataset', () => {
  it('generates valid datasets that restore() returns as they are', () => {
    fc.assert(
      fc.property(arbitraryDataset, (dataset) => {
        const r = restore(JSON.parse(JSON.stringify(dataset)));
        if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
        expect(JSON.parse(JSON.stringify(r.dataset))).toEqual(JSON.parse(JSON.stringify(dataset)));
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
