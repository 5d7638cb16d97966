/** Unbalanced triads in a briefing's HTML: each triad, its three signed relations, and the sensitivity line. */
import { RELATION_STYLES } from '../look/encoding';
import { RELATION_TYPES } from '../model/types';
import { failingText, nameList, plural, relationItem, type HtmlContext } from './html-parts';
import type { BriefTriad, TriadOutcome, TriadsFinding } from './triads-brief';

const signText = (s: number) => (s > 0 ? '+' : s < 0 ? '−' : 'ignored');

export function triadsQuestionHtml(_h: HtmlContext, f: TriadsFinding): string {
  const signs = RELATION_TYPES.map((t) => `${RELATION_STYLES[t].label.toLowerCase()} ${signText(f.signs[t])}`).join(', ');
  return `<p><strong>Unbalanced triads</strong>: which three actors contradict themselves, such as “my partner’s partner is my threat” (signs: ${signs}).</p>`;
}

const OUTCOME_TEXT: Record<TriadOutcome, string> = {
  unbalanced: 'still an unbalanced triad',
  balanced: 'the three actors are then a balanced triad',
  'not-a-triad': 'the three actors are then no longer a triad (a pair has no signed relation left)',
};

function triadLine(h: HtmlContext, t: BriefTriad): string {
  const s = t.sensitivity;
  if (s.holds) {
    const still = s.failing.length ? ` on other relations (${failingText(h, s.failing, s.grade).join('; ')})` : '';
    return `<p class="sensitivity">Holds without claims below ${s.grade}: still an unbalanced triad${still}.</p>`;
  }
  const why = s.failing.length ? `: ${failingText(h, s.failing, s.grade).join('; ')}` : '';
  return `<p class="sensitivity">Does not hold without claims below ${s.grade}: ${OUTCOME_TEXT[s.outcome]}${why}.</p>`;
}

function triadItem(h: HtmlContext, t: BriefTriad): string {
  const product = t.relations.map((r) => signText(r.relation.sign)).join(' · ');
  return (
    `<li class="finding"><h3>Triad ${t.rank}: ${nameList(h, t.actors)}</h3>` +
    `<p class="muted">Signs ${product}: the product is −, so the triad is unbalanced.</p>` +
    `<ul class="ties">${t.relations.map((r) => relationItem(h, r.relation.id, r.notes, ` (${signText(r.relation.sign)})`)).join('')}</ul>${triadLine(h, t)}</li>`
  );
}

export function triadsAnswerHtml(h: HtmlContext, f: TriadsFinding): string {
  const counts = `<p>${plural(f.balanced + f.unbalanced, 'triad')}: ${f.balanced} balanced, ${f.unbalanced} unbalanced.</p>`;
  if (!f.triads.length) return `${counts}<p>None is unbalanced.</p>`;
  return `${counts}<ol class="findings">${f.triads.map((t) => triadItem(h, t)).join('')}</ol>`;
}
