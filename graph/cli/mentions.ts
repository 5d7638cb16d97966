/**
 * `actorscope mentions FILE --source ID`: where the dataset's actors are
 * named in a source's text (graph/sources/mentions.ts), and the capitalised
 * names that are no known actor (candidates.ts: suggestions only).
 * Offsets are UTF-16 units into the text, as claims' `chars` are.
 */
import type { Actor } from '../model/types';
import type { Candidate } from '../sources/candidates';
import { findCandidates } from '../sources/candidates';
import { findMentions, type Mention } from '../sources/mentions';
import { paragraphAt, paragraphsOf, type Paragraph } from '../sources/paragraphs';
import { UsageError, alignedTable, fileArgument, parseCommandArgs, type Io } from './common';
import { loadDataset } from './load-dataset';
import { clean, jsonText } from './terminal';

export const MENTIONS_USAGE = 'actorscope mentions FILE --source ID [--json]';

export function runMentions(args: string[], io: Io): number {
  const { values, positionals } = parseCommandArgs(args, { source: 'string' });
  const file = fileArgument('mentions', positionals);
  if (values.source === undefined) throw new UsageError('mentions needs --source ID (the source whose text is read; `actorscope sources FILE` lists them)');
  const dataset = loadDataset(io, file, values);
  if (!dataset) return 1;
  const source = dataset.sources.find((s) => s.id === values.source);
  if (!source) {
    const ids = dataset.sources.map((s) => `"${clean(s.id)}"`);
    io.err(`${file}: no source "${clean(values.source)}"${ids.length ? `; the sources are ${ids.join(', ')}` : '; the dataset has no sources'}`);
    return 1;
  }
  if (source.text === undefined) {
    io.err(`${file}: source "${clean(source.id)}" has no text to look for mentions in; add the document's text first`);
    return 1;
  }
  const mentions = findMentions(source.text, dataset.actors);
  const candidates = findCandidates(source.text, mentions);
  if (values.json) {
    io.out(jsonText({ mentions: mentions.map(({ actor, start, end, text }) => ({ actor, start, end, text })), candidates: candidates.map(({ text, start, end }) => ({ text, start, end })) }));
    return 0;
  }
  io.out(mentionsText(source.text, dataset.actors, mentions, candidates));
  return 0;
}

/** Per actor: how often and in which paragraphs; then the candidates the same way. */
function mentionsText(text: string, actors: readonly Actor[], mentions: readonly Mention[], candidates: readonly Candidate[]): string {
  const paragraphs = paragraphsOf(text);
  const where = (items: ReadonlyArray<{ start: number }>) => paragraphList(items.map((m) => paragraphAt(paragraphs, m.start)));
  const byActor = new Map<string, Mention[]>();
  for (const m of mentions) byActor.set(m.actor, [...(byActor.get(m.actor) ?? []), m]);
  const lines: string[] = [`${mentions.length} mention${mentions.length === 1 ? '' : 's'} of ${byActor.size} known actor${byActor.size === 1 ? '' : 's'} in ${paragraphs.length} paragraphs:`];
  if (byActor.size) {
    const rows = actors.filter((a) => byActor.has(a.id)).map((a) => {
      const found = byActor.get(a.id)!;
      const forms = [...new Set(found.map((m) => m.text))];
      return [a.name, a.id, where(found), forms.join(', '), String(found.length)];
    });
    lines.push(alignedTable(['actor', 'id', 'paragraphs', 'as written', 'mentions'], rows, 4));
  }
  const byText = new Map<string, Candidate[]>();
  for (const c of candidates) byText.set(c.text, [...(byText.get(c.text) ?? []), c]);
  lines.push('', `${byText.size} candidate name${byText.size === 1 ? '' : 's'} that are no known actor (suggestions, not actors):`);
  if (byText.size) lines.push(alignedTable(['name', 'paragraphs', 'times'], [...byText].map(([name, found]) => [name, where(found), String(found.length)]), 2));
  return lines.join('\n');
}

/** "1, 3-5, 9": the paragraph numbers, runs joined; "-" for a place between paragraphs. */
function paragraphList(found: ReadonlyArray<Paragraph | undefined>): string {
  const numbers = [...new Set(found.map((p) => p?.n).filter((n): n is number => n !== undefined))].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    runs.push(i === j ? String(numbers[i]) : `${numbers[i]}-${numbers[j]}`);
    i = j + 1;
  }
  return runs.join(', ') || '-';
}
