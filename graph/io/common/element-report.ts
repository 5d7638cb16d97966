/**
 * restore()'s problems for a file of elements (GEXF, GraphML, other tools'
 * node-link): each at its element's place, the element named by its id
 * (`relation "e5" claims[0].grade: …`); and the warnings restore() gives every
 * element of another tool's file (no claims, a kind of its own) summed up in one.
 */
import { ACTOR_KINDS, type Dataset } from '../../model/types';
import { describeValue, type Problem } from '../../schema/problems';
import type { ProblemLog } from './problem-log';

/** Where each record handed to restore() is in the file, and how a message names it. */
export interface ElementPlaces {
  at: { actors: string[]; relations: string[] };
  names: { actors: string[]; relations: string[] };
}

/** Restore's per-element paths (`relations[4].claims[0].grade`) → the element's line, and the element named. */
function placeOnElement(p: Problem, places: ElementPlaces): Problem {
  const m = /^(actors|relations)\[(\d+)\]\.?/.exec(p.path);
  if (!m) return p;
  const list = m[1] === 'actors' ? 'actors' : 'relations';
  const at = places.at[list][Number(m[2])];
  const name = places.names[list][Number(m[2])];
  if (at === undefined || name === undefined) return p;
  const rest = p.path.slice(m[0].length);
  return { severity: p.severity, path: at, message: `${name}${rest ? ` ${rest}` : ''}: ${p.message}` };
}

export interface ElementReport {
  places: ElementPlaces;
  log: ProblemLog;
  /** Files Actorscope wrote carry claims: no note that other tools' files carry none. */
  ownEdges: boolean;
  formatLabel: string;
}

/** The `fromRestore` of finishImport for element files: placed; on success, the per-element notes summed up into the log. */
export function placeOnElements(r: ElementReport): (problems: Problem[], dataset: Dataset | null) => Problem[] {
  return (problems, dataset) => (dataset === null ? problems.map((p) => placeOnElement(p, r.places)) : sumUp(problems, dataset, r));
}

function sumUp(warnings: Problem[], dataset: Dataset, r: ElementReport): Problem[] {
  const { places, log } = r;
  const placed: Problem[] = [];
  let noClaims = 0;
  let noClaimsAt = '';
  const unknownKinds = new Map<string, { at: string; count: number }>();
  for (const w of warnings) {
    const claims = /^relations\[(\d+)\]\.claims$/.exec(w.path);
    if (claims) {
      if (noClaims++ === 0) noClaimsAt = places.at.relations[Number(claims[1])] ?? '';
      continue;
    }
    const kind = /^actors\[(\d+)\]\.kind$/.exec(w.path);
    if (kind && w.message.includes('not a known kind')) {
      const i = Number(kind[1]);
      const k = dataset.actors[i]!.kind;
      const entry = unknownKinds.get(k) ?? { at: places.at.actors[i] ?? '', count: 0 };
      entry.count++;
      unknownKinds.set(k, entry);
      continue;
    }
    placed.push(placeOnElement(w, places));
  }
  for (const [k, { at, count }] of unknownKinds) {
    log.warn(at, `${describeValue(k)} is not a known kind (${ACTOR_KINDS.join(', ')}): kept as written on ${count === 1 ? 'one actor' : `${count} actors`}`);
  }
  if (noClaims > 0) {
    log.warn(noClaimsAt, `${noClaims === 1 ? 'one relation has' : `${noClaims} relations have`} no claims (no evidence)${r.ownEdges ? '' : `: ${r.formatLabel} files from other tools carry none`}`);
  }
  return placed;
}
