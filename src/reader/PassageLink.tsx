/** "Read it in the source": where a claim is listed, a way to its passage in the source text, when the dataset holds that text. */
import type { Claim } from '../../graph';
import { useSourceOf } from '../panels/sources-context';
import { useReader } from './reader-context';

export function PassageLink({ claim }: { claim: Claim }) {
  const reader = useReader();
  const source = useSourceOf()(claim.sourceId);
  if (!reader || source.text === undefined) return null;
  return (
    <button
      type="button"
      className="link small passage-link"
      title={`Open “${source.title}” at this quote`}
      onClick={() => reader.openPassage(source.id, claim.locator.chars)}
    >
      read in the source
    </button>
  );
}
