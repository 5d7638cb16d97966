/**
 * Actorscope's own CSV export: four files that a spreadsheet opens and that
 * read back exactly.
 *
 *   BASE-actors.csv     actorscope:actor_id,name,kind,aliases,country,notes,attr:KEY…
 *   BASE-relations.csv  actorscope:relation_id,source,target,type,notes,attr:KEY…
 *   BASE-claims.csv     actorscope:claim,relation_id,quote,source_title,source_publisher,
 *                       source_date,source_url,paragraph,char_start,char_end,asserted_by,
 *                       date,period_from,period_to,stance,grade,notes
 *   BASE-meta.csv       actorscope:meta,value   (title, description, method, license,
 *                       created; one `source` row per meta source and one
 *                       `history` row per history entry, as JSON)
 *
 * The first header cell (`actorscope:…`) marks a file as ours; only our files
 * get the two decodings below, so another tool's cell `'=x` stays `'=x`.
 *
 * - Formula injection (OWASP): a cell starting with `=`, `+`, `-`, `@`, tab or
 *   CR is written with a `'` in front, so a spreadsheet shows it as text; a
 *   cell starting with `'` gets one too. Reading our files strips exactly one
 *   leading `'`, so `=cmd`, `-1`, `+1`, `@x` and `'quoted` all come back.
 *   (papaparse's `escapeFormulae` leaves `'=x` as it is, which would read
 *   back as `=x`; hence our own.)
 * - Attribute cells are typed: a number is written as a number (`-0` too),
 *   `true`/`false`/`null` as such, text as itself unless it would read as
 *   one of those (or is empty or starts with `"`), when it is written as a
 *   JSON string (`"42"`). An empty cell means "no such attribute".
 * - `aliases` is a JSON list (`["Tajik","TJ"]`), empty when there are none.
 * - Claims are one row each, in order; `actorscope:claim` numbers them within
 *   their relation, and reading sorts by it, so rows sorted in a spreadsheet
 *   still give the claims in their order. Empty optional cells are absent
 *   fields (so an empty `notes` text does not survive: it is read as none).
 *
 * No byte-order mark, comma-separated, CRLF line ends (RFC 4180).
 */
import { sourceLookup } from '../../model/source-lookup';
import Papa from 'papaparse';
import type { Attributes, AttributeValue, Dataset } from '../../model/types';
import type { OutputFile } from '../format';

export const OWN_ACTOR_COLUMNS = ['actorscope:actor_id', 'name', 'kind', 'aliases', 'country', 'notes'] as const;
export const OWN_RELATION_COLUMNS = ['actorscope:relation_id', 'source', 'target', 'type', 'notes'] as const;
export const OWN_CLAIM_COLUMNS = [
  'actorscope:claim', 'relation_id', 'quote', 'source_title', 'source_publisher', 'source_date', 'source_url',
  'paragraph', 'char_start', 'char_end', 'asserted_by', 'date', 'period_from', 'period_to', 'stance', 'grade', 'notes',
] as const;
/** After the claim columns, since format version 2: the source by id, the page, the quote's context, the weight, the row of a table source. Files without them still read. */
export const OWN_CLAIM_EXTRA = ['source_id', 'page', 'quote_prefix', 'quote_suffix', 'weight', 'row'] as const;
export const OWN_META_COLUMNS = ['actorscope:meta', 'value'] as const;
export const META_KEYS = ['title', 'description', 'method', 'license', 'created'] as const;

export type OwnFileKind = 'actors' | 'relations' | 'claims' | 'meta';
export const OWN_COLUMNS: Readonly<Record<OwnFileKind, readonly string[]>> = {
  actors: OWN_ACTOR_COLUMNS,
  relations: OWN_RELATION_COLUMNS,
  claims: OWN_CLAIM_COLUMNS,
  meta: OWN_META_COLUMNS,
};

/** Which of our files a header starts, if any (by its first cell). */
export function ownFileKind(header: readonly string[]): OwnFileKind | null {
  for (const kind of ['actors', 'relations', 'claims', 'meta'] as const) {
    if (header[0] === OWN_COLUMNS[kind][0]) return kind;
  }
  return null;
}

export const ATTRIBUTE_PREFIX = 'attr:';

// ---------------------------------------------------------------- cells

const FORMULA_START = /^[=+\-@\t\r']/;
/** OWASP CSV injection: `=1+1` → `'=1+1`; a leading `'` is doubled so that reading can undo it. */
export const neutralise = (cell: string): string => (FORMULA_START.test(cell) ? `'${cell}` : cell);
/** The inverse of neutralise(), for our own files only. */
export const unneutralise = (cell: string): string => (cell.startsWith("'") ? cell.slice(1) : cell);

const NUMBER_TEXT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const LITERAL_TEXT = /^(?:true|false|null)$/;

export function encodeAttribute(value: AttributeValue | undefined): string {
  if (value === undefined) return '';
  if (value === null) return 'null';
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'boolean') return String(value);
  if (value === '' || value.startsWith('"') || NUMBER_TEXT.test(value) || LITERAL_TEXT.test(value)) return JSON.stringify(value);
  return value;
}

export type Decoded = { ok: true; value: AttributeValue | undefined } | { ok: false; message: string };

/** An attribute cell of our files (already un-neutralised) → its value; '' → no attribute. */
export function decodeAttribute(cell: string): Decoded {
  if (cell === '') return { ok: true, value: undefined };
  if (cell.startsWith('"')) {
    try {
      const v: unknown = JSON.parse(cell);
      if (typeof v === 'string') return { ok: true, value: v };
    } catch {
      // reported below
    }
    return { ok: false, message: `${JSON.stringify(cell.length > 40 ? `${cell.slice(0, 37)}...` : cell)} starts with a quote but is not a quoted text ("like this")` };
  }
  if (cell === 'null') return { ok: true, value: null };
  if (cell === 'true' || cell === 'false') return { ok: true, value: cell === 'true' };
  if (NUMBER_TEXT.test(cell)) return { ok: true, value: Number(cell) };
  return { ok: true, value: cell };
}

// ---------------------------------------------------------------- writing

function attributeKeys(items: ReadonlyArray<{ attributes?: Attributes }>): string[] {
  const keys = new Set<string>();
  for (const item of items) for (const key of Object.keys(item.attributes ?? {})) keys.add(key);
  return [...keys];
}

const attributeCell = (attributes: Attributes | undefined, key: string): AttributeValue | undefined =>
  attributes && Object.prototype.hasOwnProperty.call(attributes, key) ? attributes[key] : undefined;

function csvText(header: readonly string[], rows: string[][]): string {
  // Header cells are ours or `attr:` + a key: never formula-like, never escaped.
  return `${Papa.unparse([[...header], ...rows.map((r) => r.map(neutralise))], { quotes: false, delimiter: ',', newline: '\r\n', escapeFormulae: false })}\r\n`;
}

export function writeOwnCsv(dataset: Dataset, baseName: string): OutputFile[] {
  const actorKeys = attributeKeys(dataset.actors);
  const actors = csvText(
    [...OWN_ACTOR_COLUMNS, ...actorKeys.map((k) => `${ATTRIBUTE_PREFIX}${k}`)],
    dataset.actors.map((a) => [
      a.id,
      a.name,
      a.kind,
      a.aliases.length > 0 ? JSON.stringify(a.aliases) : '',
      a.country ?? '',
      a.notes ?? '',
      ...actorKeys.map((k) => encodeAttribute(attributeCell(a.attributes, k))),
    ]),
  );
  const relationKeys = attributeKeys(dataset.relations);
  const relations = csvText(
    [...OWN_RELATION_COLUMNS, ...relationKeys.map((k) => `${ATTRIBUTE_PREFIX}${k}`)],
    dataset.relations.map((r) => [r.id, r.source, r.target, r.type, r.notes ?? '', ...relationKeys.map((k) => encodeAttribute(attributeCell(r.attributes, k)))]),
  );
  const claimRows: string[][] = [];
  const sourceOf = sourceLookup(dataset);
  for (const r of dataset.relations) {
    r.claims.forEach((c, i) => {
      const source = sourceOf(c.sourceId);
      claimRows.push([
        String(i + 1),
        r.id,
        c.quote,
        source.title,
        source.publisher ?? '',
        source.date ?? '',
        source.url ?? '',
        c.locator.paragraph === undefined ? '' : String(c.locator.paragraph),
        c.locator.chars ? String(c.locator.chars[0]) : '',
        c.locator.chars ? String(c.locator.chars[1]) : '',
        c.assertedBy,
        c.date ?? '',
        c.period?.from ?? '',
        c.period?.to ?? '',
        c.stance,
        c.grade,
        c.notes ?? '',
        c.sourceId,
        c.locator.page === undefined ? '' : String(c.locator.page),
        c.context?.prefix ?? '',
        c.context?.suffix ?? '',
        c.weight === undefined ? '' : String(c.weight),
        c.locator.row === undefined ? '' : String(c.locator.row),
      ]);
    });
  }
  const claims = csvText([...OWN_CLAIM_COLUMNS, ...OWN_CLAIM_EXTRA], claimRows);
  const metaRows: string[][] = [];
  for (const key of META_KEYS) {
    const v = dataset.meta[key];
    if (v !== undefined) metaRows.push([key, v]);
  }
  // Each source whole (its text too), as JSON: the claims cite it by title, publisher, date and URL.
  for (const source of dataset.sources) metaRows.push(['source', JSON.stringify(source)]);
  // The dataset's history likewise, one row per entry in order.
  for (const entry of dataset.meta.history ?? []) metaRows.push(['history', JSON.stringify(entry)]);
  const meta = csvText(OWN_META_COLUMNS, metaRows);
  const file = (suffix: string, text: string): OutputFile => ({ name: `${baseName}-${suffix}.csv`, text, mime: 'text/csv' });
  return [file('actors', actors), file('relations', relations), file('claims', claims), file('meta', meta)];
}
