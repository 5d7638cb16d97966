/** Compared actors in a briefing's HTML: metrics side by side, the ties between them, what they share and what only one has. */
import { metricView } from '../analysis/metrics';
import type { CompareFinding, NeighbourTies } from './compare-brief';
import { failingText, name, nameList, plural, relationItem, type HtmlContext } from './html-parts';
import { esc } from './markup';

const value = (x: number | null) => (x === null ? 'n/a' : Number.isInteger(x) ? String(x) : x.toFixed(3));

export function compareQuestionHtml(h: HtmlContext, f: CompareFinding): string {
  return `<p><strong>Compared actors</strong>: ${nameList(h, f.actors)}: how they rank, what ties them, what they share and how they differ.</p>`;
}

function neighbourItem(h: HtmlContext, n: NeighbourTies): string {
  const ties = n.ties.flatMap((t) => t.relations.map((r) => relationItem(h, r.relationId, r.notes)));
  return `<li>${name(h, n.neighbour)}<ul class="ties">${ties.join('')}</ul></li>`;
}

function neighbourList(h: HtmlContext, list: readonly NeighbourTies[], none: string): string {
  return list.length ? `<ul class="neighbours">${list.map((n) => neighbourItem(h, n)).join('')}</ul>` : `<p class="muted">${none}</p>`;
}

function sensitivityLine(h: HtmlContext, f: CompareFinding): string {
  const s = f.sensitivity;
  if (s.holds) return `<p class="sensitivity">Holds without claims below ${s.grade}: the relations between them and every shared neighbour remain.</p>`;
  const lost = s.lostShared.map((l) => `${name(h, l.neighbour)} is no longer shared (${nameList(h, l.actors)} ${l.actors.length === 1 ? 'keeps' : 'keep'} no tie to it)`);
  return `<p class="sensitivity">Does not hold without claims below ${s.grade}: ${[...failingText(h, s.failingBetween, s.grade), ...lost].join('; ')}.</p>`;
}

export function compareAnswerHtml(h: HtmlContext, f: CompareFinding): string {
  const head = f.actors.map((id) => `<th scope="col">${name(h, id)}</th>`).join('');
  const rows = f.metrics
    .map((m) => `<tr><th scope="row">${esc(metricView(m.metric).label)}</th>${m.values.map((v) => `<td>${value(v.value)} <span class="muted">#${v.rank ?? '–'}</span></td>`).join('')}</tr>`)
    .join('');
  const table =
    `<table class="compare"><caption>Metrics, with each actor’s rank among all ${f.actorCount} actors (${f.directed ? 'directed' : 'undirected'}; ${esc(f.network)})</caption>` +
    `<thead><tr><th scope="col">Metric</th>${head}</tr></thead><tbody>${rows}</tbody></table>`;
  const between = f.between.length
    ? `<ul class="ties">${f.between.map((r) => relationItem(h, r.relationId, r.notes)).join('')}</ul>`
    : '<p class="muted">No relation between them counts.</p>';
  const only = f.only
    .map((o) => `<h3>Only ${name(h, o.actor)} (${plural(o.neighbours.length, 'neighbour')})</h3>${neighbourList(h, o.neighbours, 'None.')}`)
    .join('');
  const partly = f.actors.length > 2 ? `<h3>Shared by some of them (${f.partly.length})</h3>${neighbourList(h, f.partly, 'None.')}` : '';
  return (
    `${table}<h3>Between them</h3>${between}` +
    `<h3>Shared neighbours (${f.shared.length})</h3>${neighbourList(h, f.shared, 'They share no neighbour.')}${partly}${only}${sensitivityLine(h, f)}`
  );
}
