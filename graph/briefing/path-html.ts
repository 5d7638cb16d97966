/** The path question and its answer in a briefing's HTML. */
import { RELATION_STYLES } from '../look/encoding';
import { esc } from './markup';
import type { BriefHop, BriefPath, PathFinding } from './path-brief';
import { ends, failingText, name, noteRefs, type HtmlContext } from './html-parts';

function hopItem(h: HtmlContext, { hop, notes }: BriefHop): string {
  const style = RELATION_STYLES[hop.type];
  const marks = [hop.weak && '<span class="mark weak">weak</span>', hop.contested && '<span class="mark contested">contested</span>'].filter(Boolean).join(' ');
  const against = hop.type !== 'partner' && hop.from !== hop.source ? ', walked against its direction' : '';
  const claims = hop.supports + hop.disputes === 0 ? 'no claim' : `${hop.supports} ${hop.supports === 1 ? 'claim' : 'claims'} for, ${hop.disputes} against`;
  return (
    `<li>${esc(style.label)}: ${ends(h, hop)} ${marks} ` +
    `<span class="muted">— confidence ${hop.confidence.toFixed(2)}, ${claims}${against}</span>${noteRefs(notes)}</li>`
  );
}

function sensitivityLine(h: HtmlContext, p: BriefPath): string {
  const s = p.sensitivity;
  if (s.holds) return `<p class="sensitivity">Holds without claims below ${s.grade}: every hop keeps a supporting claim at ${s.grade} or better, uncontested.</p>`;
  return `<p class="sensitivity">Does not hold without claims below ${s.grade}: ${failingText(h, s.failing, s.grade).join('; ')}.</p>`;
}

function pathItem(h: HtmlContext, p: BriefPath): string {
  const sign = p.path.sign > 0 ? '+ (cooperative)' : p.path.sign < 0 ? '− (hostile)' : '0 (unsigned)';
  return (
    `<li class="path"><h3>Path ${p.rank}: ${p.path.actors.map((id) => name(h, id)).join(' → ')}</h3>` +
    `<p class="muted">${p.path.length} ${p.path.length === 1 ? 'hop' : 'hops'}, sign ${sign}, confidence ${p.path.confidence.toFixed(3)}</p>` +
    `<ol class="hops">${p.hops.map((x) => hopItem(h, x)).join('')}</ol>${sensitivityLine(h, p)}</li>`
  );
}

export function pathQuestionHtml(h: HtmlContext, f: PathFinding): string {
  const q = f.question;
  const types = q.types.map((t) => RELATION_STYLES[t].label.toLowerCase()).join(', ');
  return (
    `<p><strong>${esc(q.label)}</strong> from ${name(h, q.from)} to ${name(h, q.to)}.${q.meaning ? ` ${esc(q.meaning)}` : ''}</p>` +
    `<p class="muted">${q.directed ? 'Directed' : 'Undirected'}; relation types ${esc(types)}; up to ${q.k} loop-free ${q.k === 1 ? 'path' : 'paths'}, fewest hops first.</p>`
  );
}

export function pathAnswerHtml(h: HtmlContext, f: PathFinding): string {
  return f.paths.length
    ? `<p>${f.paths.length} ${f.paths.length === 1 ? 'path' : 'paths'} found.</p><ol class="paths">${f.paths.map((p) => pathItem(h, p)).join('')}</ol>`
    : `<p>No path from ${name(h, f.question.from)} to ${name(h, f.question.to)} under this question and evidence setting.</p>`;
}
