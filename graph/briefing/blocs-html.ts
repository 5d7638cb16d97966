/** Alliance blocs in a briefing's HTML: the question, each bloc with the ties that hold it, and the sensitivity line. */
import { RELATION_STYLES } from '../look/encoding';
import type { BlocsFinding, BriefBloc } from './blocs-brief';
import { nameList, plural, relationItem, type HtmlContext } from './html-parts';
import { esc } from './markup';

const typesText = (f: BlocsFinding, joiner = ' and ') => esc(f.types.map((t) => RELATION_STYLES[t].label.toLowerCase()).join(joiner));
const q = (m: number | null) => (m === null ? 'n/a' : m.toFixed(3));

export function blocsQuestionHtml(_h: HtmlContext, f: BlocsFinding): string {
  return `<p><strong>Alliance blocs</strong>: which actors cluster together along ${typesText(f)} relations (Louvain, resolution ${f.resolution}, seed ${f.seed}).</p>`;
}

function blocLine(h: HtmlContext, f: BlocsFinding, b: BriefBloc): string {
  const g = f.sensitivity.grade;
  if (b.atGrade.holds) return `<p class="sensitivity">Holds without claims below ${g}: the same bloc comes out.</p>`;
  const parts = b.atGrade.parts.length > 1 ? `its members fall into ${b.atGrade.parts.length} blocs (${b.atGrade.parts.map((p) => nameList(h, p)).join('; ')})` : '';
  const grown = b.atGrade.parts.length === 1 && b.atGrade.dropped.length === 0 ? 'its members are joined by others in one larger bloc' : '';
  const dropped = b.atGrade.dropped.length ? `${nameList(h, b.atGrade.dropped)} ${b.atGrade.dropped.length === 1 ? 'has' : 'have'} no such tie left` : '';
  return `<p class="sensitivity">Does not hold without claims below ${g}: ${[parts, grown, dropped].filter(Boolean).join('; ')}.</p>`;
}

function blocItem(h: HtmlContext, f: BlocsFinding, b: BriefBloc): string {
  const ties = b.ties.length
    ? `<p class="muted">${plural(b.ties.length, 'relation')} inside the bloc ${b.ties.length === 1 ? 'holds' : 'hold'} it together:</p><ul class="ties">${b.ties.map((t) => relationItem(h, t.relationId, t.notes)).join('')}</ul>`
    : '';
  return `<li class="finding"><h3>Bloc ${b.rank} (${plural(b.members.length, 'actor')})</h3><p>${nameList(h, b.members)}</p>${ties}${blocLine(h, f, b)}</li>`;
}

export function blocsAnswerHtml(h: HtmlContext, f: BlocsFinding): string {
  if (!f.blocs.length) return `<p>No ${typesText(f, ' or ')} relation between two actors: no blocs, modularity n/a.</p>`;
  const s = f.sensitivity;
  const overall = s.holds
    ? `<p class="sensitivity">Holds without claims below ${s.grade}: the same ${plural(f.blocs.length, 'bloc')} come out (modularity ${q(s.modularity)}).</p>`
    : `<p class="sensitivity">Does not hold without claims below ${s.grade}: Louvain then finds ${plural(s.blocs, 'bloc')} (modularity ${q(s.modularity)}); see each bloc below.</p>`;
  const unaffiliated = f.unaffiliated.length ? `<p class="muted">No ${typesText(f, ' or ')} relation to another actor: ${nameList(h, f.unaffiliated)}.</p>` : '';
  return (
    `<p>${plural(f.blocs.length, 'bloc')}, modularity <strong>${q(f.modularity)}</strong> ` +
    `<span class="muted">(on ${plural(f.graph.actors, 'actor')} and ${plural(f.graph.ties, 'tie')}: undirected, parallel relations merged, unweighted)</span>.</p>` +
    `${overall}<ol class="findings">${f.blocs.map((b) => blocItem(h, f, b)).join('')}</ol>${unaffiliated}`
  );
}
