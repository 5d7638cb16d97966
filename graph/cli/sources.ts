/** `actorscope sources FILE`: each source document, its text, its claims and how much of its text they cover. */
import type { Dataset, Source } from '../model/types';
import { coverageOf } from '../sources/coverage';
import { alignedTable, fileArgument, parseCommandArgs, type Io } from './common';
import { loadDataset } from './load-dataset';
import { jsonText } from './terminal';

export const SOURCES_USAGE = 'actorscope sources FILE [--json]';

export function runSources(args: string[], io: Io): number {
  const { values, positionals } = parseCommandArgs(args, {});
  const file = fileArgument('sources', positionals);
  const dataset = loadDataset(io, file, values);
  if (!dataset) return 1;
  const rows = dataset.sources.map((s) => sourceRow(s, dataset));
  if (values.json) {
    io.out(jsonText({ sources: rows }));
    return 0;
  }
  if (!rows.length) {
    io.out('No sources: the dataset cites no documents.');
    return 0;
  }
  io.out(
    alignedTable(
      ['id', 'title', 'kind', 'text', 'pages', 'claims', 'coverage'],
      rows.map((r) => [
        r.id,
        r.title,
        r.kind ?? '-',
        r.text ? `${r.characters} characters` : 'no text',
        r.pages === null ? '-' : String(r.pages),
        String(r.claims),
        r.coverage ? `${r.coverage.coded} of ${r.coverage.paragraphs} paragraphs coded` : '-',
      ]),
      3,
    ),
  );
  return 0;
}

interface SourceRow {
  id: string;
  title: string;
  kind: string | null;
  text: boolean;
  /** UTF-16 units, as offsets count. */
  characters: number | null;
  pages: number | null;
  claims: number;
  coverage: { coded: number; paragraphs: number; unplaced: number; claimsPerParagraph: number[] } | null;
}

function sourceRow(source: Source, dataset: Dataset): SourceRow {
  const claims = dataset.relations.flatMap((r) => r.claims).filter((c) => c.sourceId === source.id);
  const coverage = coverageOf(source, claims);
  return {
    id: source.id,
    title: source.title,
    kind: source.kind ?? null,
    text: source.text !== undefined,
    characters: source.text?.length ?? null,
    pages: source.pages?.length ?? null,
    claims: claims.length,
    coverage: coverage && { coded: coverage.coded, paragraphs: coverage.paragraphs.length, unplaced: coverage.unplaced, claimsPerParagraph: coverage.paragraphs.map((p) => p.claims) },
  };
}
