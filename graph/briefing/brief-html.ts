/**
 * A briefing as one self-contained HTML file: no script, no request when it
 * is opened (a Content-Security-Policy refuses any), styles inline, the
 * picture an <img> of an SVG data URI (an image cannot run or fetch anything),
 * and print styles so a browser's "Print to PDF" gives clean pages. Every text
 * from the dataset is escaped (markup.ts) and names are isolated in <bdi>.
 */
import { describeGrade } from '../schema/grade';
import { RELATION_STYLES } from '../look/encoding';
import { locatorText } from '../look/locator-text';
import { isMutual, type Relation, type SourceRef } from '../model/types';
import type { Brief, BriefHop, BriefPath, Footnote } from './path-brief';
import { esc } from './markup';
import { whyNotText } from './sensitivity';

const CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'";

const STYLE = `
:root { color-scheme: light; }
body { font: 11pt/1.45 Georgia, 'Times New Roman', serif; color: #1a1a1a; max-width: 50rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .75rem; }
h2 { font-size: 1.2rem; border-bottom: 1px solid #bbb; margin: 1.8rem 0 .6rem; padding-bottom: .15rem; }
h3 { font-size: 1.02rem; margin: 0 0 .3rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; font-size: .92rem; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
code { font: .85em/1.3 ui-monospace, 'DejaVu Sans Mono', monospace; overflow-wrap: anywhere; }
figure { margin: 0; }
figure img { max-width: 100%; height: auto; border: 1px solid #ddd; }
figcaption { font-size: .88rem; color: #444; margin-top: .3rem; }
ol.paths { padding-left: 0; list-style: none; }
li.path { border: 1px solid #ccc; border-radius: 4px; padding: .6rem .8rem; margin: 0 0 .8rem; break-inside: avoid; }
ol.hops { margin: .3rem 0; padding-left: 1.4rem; }
.mark { font-family: system-ui, sans-serif; font-size: .8em; font-weight: bold; text-transform: uppercase; letter-spacing: .03em; padding: 0 .3em; border: 1px solid; border-radius: 3px; }
.mark.weak { color: #8a5300; }
.mark.contested { color: #b00020; }
.sensitivity { font-style: italic; margin: .3rem 0 0; }
sup a { text-decoration: none; }
ol.footnotes { font-size: .9rem; padding-left: 2rem; }
ol.footnotes li { margin-bottom: .45rem; break-inside: avoid; }
.stance { font-family: system-ui, sans-serif; font-size: .8em; font-weight: bold; }
.muted { color: #555; }
footer { margin-top: 2rem; font-size: .88rem; border-top: 1px solid #bbb; padding-top: .5rem; overflow-wrap: anywhere; }
@page { size: A4; margin: 16mm 15mm; }
@media print { body { margin: 0; max-width: none; padding: 0; } a { color: inherit; } h2 { break-after: avoid; } }
`;

const name = (brief: Brief, id: string) => `<bdi>${esc(brief.names.get(id) ?? id)}</bdi>`;

/** "A → B" (or "A — B" for a mutual type), names isolated. */
const ends = (brief: Brief, r: Pick<Relation, 'source' | 'target' | 'type'>) => `${name(brief, r.source)} ${isMutual(r.type) ? '—' : '→'} ${name(brief, r.target)}`;
const typeWord = (r: Pick<Relation, 'type'>) => esc(RELATION_STYLES[r.type].label.toLowerCase());

/** The relations the briefing cites, by id. */
type Cited = ReadonlyMap<string, Relation>;

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}

function noteRefs(notes: readonly number[]): string {
  return notes.length ? `<sup>${notes.map((n) => `<a href="#fn-${n}" aria-label="claim ${n}">${n}</a>`).join(',')}</sup>` : '';
}

function hopItem(brief: Brief, { hop, notes }: BriefHop): string {
  const style = RELATION_STYLES[hop.type];
  const marks = [hop.weak && '<span class="mark weak">weak</span>', hop.contested && '<span class="mark contested">contested</span>'].filter(Boolean).join(' ');
  const against = hop.type !== 'partner' && hop.from !== hop.source ? ', walked against its direction' : '';
  const claims = hop.supports + hop.disputes === 0 ? 'no claim' : `${hop.supports} ${hop.supports === 1 ? 'claim' : 'claims'} for, ${hop.disputes} against`;
  return (
    `<li>${esc(style.label)}: ${ends(brief, hop)} ${marks} ` +
    `<span class="muted">— confidence ${hop.confidence.toFixed(2)}, ${claims}${against}</span>${noteRefs(notes)}</li>`
  );
}

function sensitivityLine(brief: Brief, cited: Cited, p: BriefPath): string {
  const s = p.sensitivity;
  if (s.holds) return `<p class="sensitivity">Holds without claims below ${s.grade}: every hop keeps a supporting claim at ${s.grade} or better, uncontested.</p>`;
  const why = s.failing.map((f) => {
    const r = cited.get(f.relationId);
    const what = r ? `${ends(brief, r)} (${typeWord(r)})` : esc(f.relationId);
    return `${what} ${esc(whyNotText(f.why, s.grade))}`;
  });
  return `<p class="sensitivity">Does not hold without claims below ${s.grade}: ${why.join('; ')}.</p>`;
}

function pathItem(brief: Brief, cited: Cited, p: BriefPath): string {
  const sign = p.path.sign > 0 ? '+ (cooperative)' : p.path.sign < 0 ? '− (hostile)' : '0 (unsigned)';
  return (
    `<li class="path"><h3>Path ${p.rank}: ${p.path.actors.map((id) => name(brief, id)).join(' → ')}</h3>` +
    `<p class="muted">${p.path.length} ${p.path.length === 1 ? 'hop' : 'hops'}, sign ${sign}, confidence ${p.path.confidence.toFixed(3)}</p>` +
    `<ol class="hops">${p.hops.map((h) => hopItem(brief, h)).join('')}</ol>${sensitivityLine(brief, cited, p)}</li>`
  );
}

function sourceText(source: SourceRef): string {
  const parts = [`<cite>${esc(source.title)}</cite>`];
  if (source.publisher) parts.push(esc(source.publisher));
  if (source.date) parts.push(esc(source.date));
  const url = source.url && /^https?:\/\//i.test(source.url) ? ` <a href="${esc(source.url)}">${esc(source.url)}</a>` : '';
  return `${parts.join(', ')}${url}`;
}

function footnote(brief: Brief, cited: Cited, { n, relationId, claim, source }: Footnote): string {
  const r = cited.get(relationId);
  const about = r ? `${ends(brief, r)}, ${typeWord(r)}` : esc(relationId);
  const stance = claim.stance === 'supports' ? 'For' : 'Against';
  const where = locatorText(claim.locator);
  const dated = claim.date ? `; holds ${esc(claim.date)}` : claim.period ? `; holds ${esc(claim.period.from ?? '…')}–${esc(claim.period.to ?? '…')}` : '';
  return (
    `<li id="fn-${n}"><span class="stance">${stance}</span> (${about}): “<span dir="auto">${esc(claim.quote)}</span>” — ` +
    `${esc(claim.assertedBy || 'unattributed')}; grade ${esc(claim.grade)} (${esc(describeGrade(claim.grade))}); ${sourceText(source)}` +
    `${where ? `, ${esc(where)}` : ''}${dated}.${claim.notes ? ` <span class="muted">${esc(claim.notes)}</span>` : ''}</li>`
  );
}

const PATHS_CAPTION = 'The actors and relations of the answer, drawn by type and evidence (legend in the picture).';

/**
 * The briefing's HTML. `picture` is an SVG document: path-picture.ts's (the
 * CLI), or the explorer's view with its legend, whose `caption` says what it shows.
 */
export function briefHtml(brief: Brief, picture: string, caption: string = PATHS_CAPTION): string {
  const q = brief.question;
  const cited: Cited = new Map(brief.relations.map((r) => [r.relation.id, r.relation]));
  const types = q.types.map((t) => RELATION_STYLES[t].label.toLowerCase()).join(', ');
  const question =
    `<p><strong>${esc(q.label)}</strong> from ${name(brief, q.from)} to ${name(brief, q.to)}.${q.meaning ? ` ${esc(q.meaning)}` : ''}</p>` +
    `<p class="muted">${q.directed ? 'Directed' : 'Undirected'}; relation types ${esc(types)}; up to ${q.k} loop-free ${q.k === 1 ? 'path' : 'paths'}, fewest hops first.</p>`;
  const answer = brief.paths.length
    ? `<p>${brief.paths.length} ${brief.paths.length === 1 ? 'path' : 'paths'} found.</p><ol class="paths">${brief.paths.map((p) => pathItem(brief, cited, p)).join('')}</ol>`
    : `<p>No path from ${name(brief, q.from)} to ${name(brief, q.to)} under this question and evidence setting.</p>`;
  const leftOut = brief.evidence.leftOut
    ? `<p>${esc(brief.evidence.leftOut)}:</p><ul>${brief.evidence.leftOutRelations
        .map((r) => `<li>${ends(brief, r)} (${typeWord(r)})</li>`)
        .join('')}</ul>`
    : '<p>Nothing was left out.</p>';
  const meta = [
    brief.author ? `<dt>Author</dt><dd>${esc(brief.author)}</dd>` : '',
    `<dt>Date</dt><dd>${esc(when(brief.date))}</dd>`,
    `<dt>Dataset</dt><dd>${esc(brief.datasetTitle)}</dd>`,
    `<dt>Content hash</dt><dd><code>${esc(brief.hash)}</code></dd>`,
  ].join('');
  const link = brief.viewLink
    ? `<p>Reopen this view in Actorscope: <a href="${esc(brief.viewLink)}">${esc(brief.viewLink)}</a></p>`
    : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Actorscope">
<title>${esc(brief.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(brief.title)}</h1>
<dl class="meta">${meta}</dl>
</header>
<main>
<section aria-labelledby="h-picture"><h2 id="h-picture">Picture</h2>
<figure><img src="data:image/svg+xml;charset=utf-8,${encodeURIComponent(picture)}" alt="${esc(`The paths from ${brief.names.get(q.from) ?? q.from} to ${brief.names.get(q.to) ?? q.to}, with their legend`)}">
<figcaption>${esc(caption)} Source: ${esc(brief.datasetTitle)}.</figcaption></figure>
</section>
<section aria-labelledby="h-question"><h2 id="h-question">Question</h2>${question}</section>
<section aria-labelledby="h-answer"><h2 id="h-answer">Answer</h2>${answer}</section>
<section aria-labelledby="h-evidence"><h2 id="h-evidence">Evidence counted</h2><p>Counted: ${esc(brief.evidence.setting)}.</p>${leftOut}</section>
<section aria-labelledby="h-rules"><h2 id="h-rules">How to read it</h2><ul>${brief.rules.map((r) => `<li>${esc(r)}</li>`).join('')}</ul></section>
<section aria-labelledby="h-claims"><h2 id="h-claims">Claims</h2>${
    brief.footnotes.length
      ? `<ol class="footnotes">${brief.footnotes.map((f) => footnote(brief, cited, f)).join('')}</ol>`
      : '<p>The relations used carry no claims.</p>'
  }</section>
</main>
<footer>${link}<p>Written by Actorscope on ${esc(when(brief.date))} from the dataset with content hash <code>${esc(brief.hash)}</code>.</p></footer>
</body>
</html>
`;
}
