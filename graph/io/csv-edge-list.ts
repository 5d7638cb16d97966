/**
 * Superseded by csv.ts (the `csv` FileFormat), which readDataset() and the CLI
 * now use: it reads edge lists the same way (same messages and locations) and
 * also actors files, our four-file export, a column mapping, preambles and
 * typed attribute columns. This older reader is kept only because
 * graph/index.ts still exports `parseEdgeListCsv` (text attributes, no
 * restore()); new code should use `csvFormat.read()`.
 *
 * CSV edge list → dataset. Header `source,target,type` (Kumu's `From,To,Type`
 * is recognised too); the source and target values are actor ids and default
 * names; other columns are kept as relation attributes. Problems are located
 * by line (1-based, the header being line 1) and column name.
 */
import Papa from 'papaparse';
import { RELATION_TYPES, type Actor, type Attributes, type Dataset, type Relation, type RelationType } from '../model/types';
import { ProblemList, type Problem } from '../schema/problems';

export type ImportResult =
  | { ok: true; dataset: Dataset; warnings: Problem[] }
  | { ok: false; problems: Problem[] };

const COLUMN_NAMES = {
  source: ['source', 'from', 'src'],
  target: ['target', 'to', 'dst'],
  type: ['type', 'relation', 'kind', 'label'],
} as const;

export function parseEdgeListCsv(text: string, title = 'CSV edge list'): ImportResult {
  const problems = new ProblemList();
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    problems.error('line 1', 'the file is empty');
    return { ok: false, problems: problems.items };
  }
  const rows: Array<{ cells: string[]; line: number }> = [];
  let line = 1;
  let offset = 0;
  Papa.parse<string[]>(body, {
    header: false,
    skipEmptyLines: false,
    // Chosen from the header line: papaparse's own guess fails on narrow files
    // with blank lines (it reports UndetectableDelimiter for a valid file).
    delimiter: detectDelimiter(body),
    step: (result) => {
      const start = offset;
      offset = result.meta.cursor;
      // The row starts after the newline that ended the previous one.
      const rowLine = line;
      line += countLineBreaks(body, start, offset);
      if (body.charCodeAt(offset) === 13) {
        offset++;
        line++;
        if (body.charCodeAt(offset) === 10) offset++;
      } else if (body.charCodeAt(offset) === 10) {
        offset++;
        line++;
      }
      for (const err of result.errors) {
        problems.error(`line ${rowLine}`, err.code === 'MissingQuotes' ? 'a quoted cell is never closed' : err.message);
      }
      const cells = result.data;
      if (cells.length === 1 && cells[0]!.trim() === '') return; // blank line
      rows.push({ cells, line: rowLine });
    },
  });
  if (problems.hasErrors) return { ok: false, problems: problems.items };
  const header = rows.shift();
  if (!header) {
    problems.error('line 1', 'no header row');
    return { ok: false, problems: problems.items };
  }
  const names = header.cells.map((c) => c.trim());
  // Aliases in order of preference: a `type` column wins over a `label` column.
  const find = (aliases: readonly string[]) => {
    for (const alias of aliases) {
      const i = names.findIndex((n) => n.toLowerCase() === alias);
      if (i >= 0) return i;
    }
    return -1;
  };
  const sourceCol = find(COLUMN_NAMES.source);
  const targetCol = find(COLUMN_NAMES.target);
  const typeCol = find(COLUMN_NAMES.type);
  if (sourceCol < 0 || targetCol < 0) {
    problems.error(
      `line ${header.line}`,
      `the header must name a source and a target column (source,target,type); found ${JSON.stringify(names.join(','))}`,
    );
    return { ok: false, problems: problems.items };
  }
  if (typeCol < 0) problems.warn(`line ${header.line}`, 'no type column: every relation is typed "other"');
  if (rows.length === 0) {
    problems.error(`line ${header.line + 1}`, 'the header is not followed by any relation');
    return { ok: false, problems: problems.items };
  }

  const actors: Actor[] = [];
  const known = new Set<string>();
  const addActor = (id: string) => {
    if (known.has(id)) return;
    known.add(id);
    actors.push({ id, name: id, kind: 'organization', aliases: [] });
  };
  const relations: Relation[] = [];
  const unknownTypes = new Map<string, number>();
  for (const { cells, line: rowLine } of rows) {
    if (cells.length !== names.length) {
      problems.error(`line ${rowLine}`, `${cells.length} cells where the header has ${names.length}`);
      continue;
    }
    const source = (cells[sourceCol] ?? '').trim();
    const target = (cells[targetCol] ?? '').trim();
    if (source === '') problems.error(`line ${rowLine}, column ${names[sourceCol]}`, 'empty: a relation needs a source actor');
    if (target === '') problems.error(`line ${rowLine}, column ${names[targetCol]}`, 'empty: a relation needs a target actor');
    if (source === '' || target === '') continue;
    addActor(source);
    addActor(target);
    let type: RelationType = 'other';
    const attributes: Attributes = Object.create(null) as Attributes;
    if (typeCol >= 0) {
      const raw = (cells[typeCol] ?? '').trim();
      const normalised = raw.toLowerCase().replace(/[\s_]+/g, '-');
      if ((RELATION_TYPES as readonly string[]).includes(normalised)) type = normalised as RelationType;
      else {
        unknownTypes.set(raw, (unknownTypes.get(raw) ?? 0) + 1);
        if (unknownTypes.get(raw) === 1) {
          problems.warn(`line ${rowLine}, column ${names[typeCol]}`, `${JSON.stringify(raw)} is not a relation type; kept as "other"`);
        }
        attributes.originalType = raw;
      }
    }
    names.forEach((name, i) => {
      if (i === sourceCol || i === targetCol || i === typeCol) return;
      attributes[name] = cells[i] ?? '';
    });
    const relation: Relation = { id: `r${relations.length + 1}`, source, target, type, claims: [] };
    if (Object.keys(attributes).length) relation.attributes = attributes;
    relations.push(relation);
  }
  for (const [raw, n] of unknownTypes) {
    if (n > 1) problems.warn(`column ${names[typeCol]}`, `${JSON.stringify(raw)} appears on ${n} rows, all kept as "other"`);
  }
  if (problems.hasErrors) return { ok: false, problems: problems.items };
  return {
    ok: true,
    dataset: { format: 'actorscope', version: 1, meta: { title }, actors, relations },
    warnings: problems.warnings,
  };
}

/** `\n`, `\r\n` and a lone `\r` each end a line. */
function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/** The delimiter of the first non-blank line: comma, semicolon or tab, whichever it has most of. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const first = text.split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '';
  const count = (d: string) => first.split(d).length - 1;
  const candidates = [',', ';', '\t'] as const;
  let best: ',' | ';' | '\t' = ',';
  for (const d of candidates) if (count(d) > count(best)) best = d;
  return best;
}
