/**
 * The pieces every section of a briefing's HTML is written with: names
 * escaped and isolated in <bdi>, a relation's ends, footnote references, and
 * the "why a relation fails at a grade" wording of the sensitivity lines.
 */
import { RELATION_STYLES } from '../look/encoding';
import { isMutual, type Grade, type Relation } from '../model/types';
import type { Brief } from './brief';
import { esc } from './markup';
import { whyNotText, type WhyNot } from './sensitivity';

export interface HtmlContext {
  brief: Brief;
  /** The relations the briefing cites, by id. */
  cited: ReadonlyMap<string, Relation>;
}

export const name = (h: HtmlContext, id: string) => `<bdi>${esc(h.brief.names.get(id) ?? id)}</bdi>`;

/** "A → B" (or "A — B" for a mutual type), names isolated. */
export const ends = (h: HtmlContext, r: Pick<Relation, 'source' | 'target' | 'type'>) => `${name(h, r.source)} ${isMutual(r.type) ? '—' : '→'} ${name(h, r.target)}`;

export const typeWord = (r: Pick<Relation, 'type'>) => esc(RELATION_STYLES[r.type].label.toLowerCase());

export function noteRefs(notes: readonly number[]): string {
  return notes.length ? `<sup>${notes.map((n) => `<a href="#fn-${n}" aria-label="claim ${n}">${n}</a>`).join(',')}</sup>` : '';
}

/** A cited relation in a list: "Partner: A — B¹,²". */
export function relationItem(h: HtmlContext, relationId: string, notes: readonly number[], extra = ''): string {
  const r = h.cited.get(relationId);
  if (!r) return `<li>${esc(relationId)}${extra}</li>`;
  const claims = r.claims.length === 0 ? ' <span class="muted">— no claim</span>' : '';
  return `<li>${esc(RELATION_STYLES[r.type].label)}: ${ends(h, r)}${extra}${claims}${noteRefs(notes)}</li>`;
}

/** "A → B (threat) has no supporting claim at C3 or better", for each failing relation. */
export function failingText(h: HtmlContext, failing: ReadonlyArray<{ relationId: string; why: WhyNot }>, grade: Grade): string[] {
  return failing.map((f) => {
    const r = h.cited.get(f.relationId);
    const what = r ? `${ends(h, r)} (${typeWord(r)})` : esc(f.relationId);
    return `${what} ${esc(whyNotText(f.why, grade))}`;
  });
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "A, B and C", each name isolated. */
export function nameList(h: HtmlContext, ids: readonly string[]): string {
  const names = ids.map((id) => name(h, id));
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}
