/** A claim for tests that weigh evidence: only its grade, stance and asserter vary; one source (TEST_SOURCE), one paragraph. */
import type { Claim, Grade } from '../../graph/model/types';

export const testClaim = (grade: Grade, stance: Claim['stance'] = 'supports', assertedBy = 'reported'): Claim => ({
  quote: 'q',
  sourceId: 'test-source',
  locator: { paragraph: 1 },
  assertedBy,
  stance,
  grade,
});

/** The source testClaim cites, for datasets that hold such claims. */
export const TEST_SOURCE = { id: 'test-source', title: 'Test source' };
