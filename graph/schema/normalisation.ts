/**
 * Names that differ only by Unicode normalisation: `café` written with é
 * (U+00E9, NFC) and with e + U+0301 (NFD) look the same on screen but are
 * different strings, so two actors named so look like one actor twice (a
 * Mac's file names and some exports write NFD). restore() warns, naming
 * both; it does not merge them, since the ids say they are two actors.
 */
import type { Actor } from '../model/types';
import { describeValue, type ProblemList } from './problems';

/** Warns at each actor whose name equals an earlier actor's after NFC but is written differently. Paths as in warnBidiControls. */
export function warnNormalisationTwins(actors: readonly Actor[], problems: ProblemList): void {
  const first = new Map<string, number>();
  actors.forEach((a, i) => {
    const key = a.name.normalize('NFC');
    const j = first.get(key);
    if (j === undefined) {
      first.set(key, i);
      return;
    }
    const other = actors[j]!;
    if (other.name === a.name) return;
    problems.warn(
      `actors[${i}].name`,
      `${describeValue(a.name)} (actor ${describeValue(a.id)}) looks the same as actors[${j}].name (actor ${describeValue(other.id)}): the same text in another Unicode normalisation (NFC, NFD); kept as two actors`,
    );
  });
}
