/** A claim for tests that weigh evidence: only its grade, stance and asserter vary; one source, one paragraph. */
import type { Claim, Grade } from '../../graph/model/types';

export const testClaim = (grade: Grade, stance: Claim['stance'] = 'supports', assertedBy = 'reported'): Claim => ({
  quote: 'q',
  source: { title: 'Test source' },
  locator: { paragraph: 1 },
  assertedBy,
  stance,
  grade,
});
