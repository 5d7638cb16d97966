/**
 * `actorscope add-source FILE DOC --out OUT`: a document's text (.txt, .md,
 * .html, .pdf; read by graph/io/documents/ as the explorer reads it) added to
 * the dataset's sources, its citation from the document and the options, the
 * dataset written to OUT (its extension names the format; `--force` to
 * replace a file). A document that cannot be read is refused with its reason
 * and nothing is written. Claims are then made in the explorer's Source tab.
 */
import { readDocument } from '../io/documents';
import type { Source } from '../model/types';
import { applyEdit } from '../schema/edit';
import { UsageError, parseCommandArgs, printProblems, readFileResult, type Io } from './common';
import { clean } from './terminal';
import { outputFormat, writeDataset } from './write-dataset';

export const ADD_SOURCE_USAGE =
  'actorscope add-source FILE DOC --out OUT [--title T] [--id ID] [--kind K] [--publisher P] [--date D] [--url U] [--author A] [--speaker S] [--force]';

const KIND_OF_FILE = { text: 'other', markdown: 'other', html: 'article', pdf: 'report' } as const;

export async function runAddSource(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    out: 'string', title: 'string', id: 'string', kind: 'string', publisher: 'string', date: 'string', url: 'string', author: 'string', speaker: 'string', force: 'boolean',
  });
  const [file, doc, ...rest] = positionals;
  if (!file || !doc) throw new UsageError('add-source needs FILE (the dataset) and DOC (the document)');
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
  if (!values.out) throw new UsageError('add-source needs --out OUT (the dataset with the source added; FILE itself with --force)');
  const format = outputFormat(values.out, undefined);
  const read = readFileResult(io, file, values.format);
  if (!read) return 1;
  if (!read.ok) {
    printProblems(io, file, read.problems);
    io.err(`${file}: not read; nothing written`);
    return 1;
  }
  let bytes: Uint8Array;
  try {
    const raw = io.readFile(doc);
    bytes = typeof raw === 'string' ? new TextEncoder().encode(raw) : raw;
  } catch (err) {
    io.err(`${doc}: cannot read: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  const result = await readDocument(bytes, doc.replace(/^.*[\\/]/, ''), io.pdfCMap ? { loadPdfCMap: io.pdfCMap } : {});
  if (!result.ok) {
    for (const p of result.problems) io.err(clean(`${doc}: ${p.where ? `${p.where}: ` : ''}${p.message}`));
    io.err(`${doc}: not added; nothing written`);
    return 1;
  }
  for (const w of result.warnings) io.err(clean(`${doc}: warning: ${w}`));
  const d = result.document;
  const source: Omit<Source, 'id'> & { id?: string } = { title: values.title ?? d.title ?? doc, kind: values.kind ?? KIND_OF_FILE[d.kind], text: d.text };
  if (values.id) source.id = values.id;
  if (d.pages) source.pages = d.pages;
  const date = values.date ?? d.date?.slice(0, 10);
  if (date) source.date = date;
  const url = values.url ?? d.url;
  if (url) source.url = url;
  const author = values.author ?? d.author;
  if (author) source.author = author;
  if (values.publisher) source.publisher = values.publisher;
  if (values.speaker) source.speaker = values.speaker;
  const edited = applyEdit(read.dataset, { op: 'addSource', source });
  if (!edited.ok) {
    printProblems(io, doc, edited.problems.map((p) => ({ ...p, path: p.path.replace(/^sources\[\d+\]\.?/, 'the source ') })));
    io.err(`${doc}: not added; nothing written`);
    return 1;
  }
  const added = edited.dataset.sources.at(-1)!;
  io.err(clean(`${doc}: source "${added.id}", ${added.text!.length.toLocaleString('en')} characters${added.pages ? `, ${added.pages.length} pages` : ''} (${d.kind})`));
  return writeDataset(io, edited.dataset, values.out, { format, force: values.force }) ? 0 : 1;
}
