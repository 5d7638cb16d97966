/**
 * A briefing as one self-contained HTML file: no script, no request when it
 * is opened (a Content-Security-Policy refuses any), styles inline, the
 * picture an <img> of an SVG data URI (an image cannot run or fetch anything),
 * and print styles so a browser's "Print to PDF" gives clean pages. Every text
 * from the dataset is escaped (markup.ts) and names are isolated in <bdi>.
 */
import { describeGrade } from '../schema/grade';
import { locatorText } from '../look/locator-text';
import type { SourceRef } from '../model/types';
import type { Footnote } from './footnotes';
import type { Brief, Finding } from './brief';
import { blocsAnswerHtml, blocsQuestionHtml } from './blocs-html';
import { compareAnswerHtml, compareQuestionHtml } from './compare-html';
import { ends, typeWord, type HtmlContext } from './html-parts';
import { esc } from './markup';
import { pathAnswerHtml, pathQuestionHtml } from './path-html';
import { triadsAnswerHtml, triadsQuestionHtml } from './triads-html';

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
ol.paths, ol.findings { padding-left: 0; list-style: none; }
li.path, li.finding { border: 1px solid #ccc; border-radius: 4px; padding: .6rem .8rem; margin: 0 0 .8rem; break-inside: avoid; }
ol.hops, ul.ties { margin: .3rem 0; padding-left: 1.4rem; }
ul.neighbours { padding-left: 1.2rem; }
table.compare { border-collapse: collapse; font-size: .9rem; margin: .4rem 0 .8rem; break-inside: avoid; }
table.compare caption { text-align: left; font-size: .88rem; color: #444; padding-bottom: .2rem; }
table.compare th, table.compare td { border: 1px solid #ccc; padding: .15rem .45rem; text-align: left; }
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

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}

function sourceText(source: SourceRef): string {
  const parts = [`<cite>${esc(source.title)}</cite>`];
  if (source.publisher) parts.push(esc(source.publisher));
  if (source.date) parts.push(esc(source.date));
  const url = source.url && /^https?:\/\//i.test(source.url) ? ` <a href="${esc(source.url)}">${esc(source.url)}</a>` : '';
  return `${parts.join(', ')}${url}`;
}

/** With a link back to the explorer, the claim's passage in its source text (the Source tab at it). */
function passageLink(h: HtmlContext, source: Footnote['source'], claim: Footnote['claim']): string {
  const link = h.brief.viewLink;
  if (!link || source.text === undefined || !claim.locator.chars) return '';
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return '';
  }
  url.searchParams.set('tab', 'source');
  url.searchParams.set('read', source.id);
  url.searchParams.set('at', `${claim.locator.chars[0]}-${claim.locator.chars[1]}`);
  return ` <a class="passage" href="${esc(url.toString())}">the passage in the explorer</a>`;
}

function footnote(h: HtmlContext, { n, relationId, claim, source }: Footnote): string {
  const r = h.cited.get(relationId);
  const about = r ? `${ends(h, r)}, ${typeWord(r)}` : esc(relationId);
  const stance = claim.stance === 'supports' ? 'For' : 'Against';
  const where = locatorText(claim.locator);
  const dated = claim.date ? `; holds ${esc(claim.date)}` : claim.period ? `; holds ${esc(claim.period.from ?? '…')}–${esc(claim.period.to ?? '…')}` : '';
  return (
    `<li id="fn-${n}"><span class="stance">${stance}</span> (${about}): “<span dir="auto">${esc(claim.quote)}</span>” — ` +
    `${esc(claim.assertedBy || 'unattributed')}; grade ${esc(claim.grade)} (${esc(describeGrade(claim.grade))}); ${sourceText(source)}` +
    `${where ? `, ${esc(where)}` : ''}${dated}.${passageLink(h, source, claim)}${claim.notes ? ` <span class="muted">${esc(claim.notes)}</span>` : ''}</li>`
  );
}

/** Each finding's heading (its section's), its question, and its answer. */
const FINDING_HTML: { [K in Finding['kind']]: { id: string; heading: string; question: (h: HtmlContext, f: Extract<Finding, { kind: K }>) => string; answer: (h: HtmlContext, f: Extract<Finding, { kind: K }>) => string } } = {
  paths: { id: 'h-paths', heading: 'Paths', question: pathQuestionHtml, answer: pathAnswerHtml },
  blocs: { id: 'h-blocs', heading: 'Alliance blocs', question: blocsQuestionHtml, answer: blocsAnswerHtml },
  triads: { id: 'h-triads', heading: 'Unbalanced triads', question: triadsQuestionHtml, answer: triadsAnswerHtml },
  compare: { id: 'h-compare', heading: 'Compared actors', question: compareQuestionHtml, answer: compareAnswerHtml },
};

function findingPart<K extends Finding['kind']>(f: Extract<Finding, { kind: K }>) {
  return FINDING_HTML[f.kind as K];
}

const PICTURE_CAPTION = 'The actors and relations of the answer, drawn by type and evidence (legend in the picture).';

/** What the picture shows, for its alt text. */
export interface BriefPicture {
  /** An SVG document: path-picture.ts's (the CLI), or the explorer's view with its legend. */
  svg: string;
  caption?: string;
  alt: string;
}

/**
 * The briefing's HTML. The picture is left out when there is none (the CLI
 * draws the path question only); a finding's question is listed under
 * "Question" and its answer gets a section of its own.
 */
export function briefHtml(brief: Brief, picture?: BriefPicture): string {
  const h: HtmlContext = { brief, cited: new Map(brief.relations.map((r) => [r.relation.id, r.relation])) };
  const questions = brief.findings.map((f) => findingPart(f).question(h, f as never)).join('');
  const answers = brief.findings
    .map((f) => {
      const part = findingPart(f);
      return `<section aria-labelledby="${part.id}"><h2 id="${part.id}">${esc(part.heading)}</h2>${part.answer(h, f as never)}</section>`;
    })
    .join('\n');
  const leftOut = brief.evidence.leftOut
    ? `<p>${esc(brief.evidence.leftOut)}:</p><ul>${brief.evidence.leftOutRelations.map((r) => `<li>${ends(h, r)} (${typeWord(r)})</li>`).join('')}</ul>`
    : '<p>Nothing was left out.</p>';
  const meta = [
    brief.author ? `<dt>Author</dt><dd>${esc(brief.author)}</dd>` : '',
    `<dt>Date</dt><dd>${esc(when(brief.date))}</dd>`,
    `<dt>Dataset</dt><dd>${esc(brief.datasetTitle)}</dd>`,
    `<dt>Content hash</dt><dd><code>${esc(brief.hash)}</code></dd>`,
  ].join('');
  const link = brief.viewLink ? `<p>Reopen this view in Actorscope: <a href="${esc(brief.viewLink)}">${esc(brief.viewLink)}</a></p>` : '';
  const figure = picture
    ? `<section aria-labelledby="h-picture"><h2 id="h-picture">Picture</h2>
<figure><img src="data:image/svg+xml;charset=utf-8,${encodeURIComponent(picture.svg)}" alt="${esc(picture.alt)}">
<figcaption>${esc(picture.caption ?? PICTURE_CAPTION)} Source: ${esc(brief.datasetTitle)}.</figcaption></figure>
</section>
`
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
${figure}<section aria-labelledby="h-question"><h2 id="h-question">Question</h2>${questions}</section>
${answers}
<section aria-labelledby="h-evidence"><h2 id="h-evidence">Evidence counted</h2><p>Counted: ${esc(brief.evidence.setting)}. Every finding above was found on these relations.</p>${brief.time ? `<p>${esc(brief.time)}.</p>` : ''}${leftOut}</section>
<section aria-labelledby="h-rules"><h2 id="h-rules">How to read it</h2><ul>${brief.rules.map((r) => `<li>${esc(r)}</li>`).join('')}</ul></section>
<section aria-labelledby="h-claims"><h2 id="h-claims">Claims</h2>${
    brief.footnotes.length
      ? `<ol class="footnotes">${brief.footnotes.map((f) => footnote(h, f)).join('')}</ol>`
      : '<p>The relations used carry no claims.</p>'
  }</section>
</main>
<footer>${link}<p>Written by Actorscope on ${esc(when(brief.date))} from the dataset with content hash <code>${esc(brief.hash)}</code>.</p></footer>
</body>
</html>
`;
}
