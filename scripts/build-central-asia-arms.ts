/**
 * Builds the second embedded dataset, arms transfers to Central Asia 1992–2021
 * (public/data/central-asia-arms-1992-2021.json), from the SIPRI rows the
 * project ships (public/data/sipri-central-asia-1992-2021.csv).
 *
 * The CSV is read through our own importer (readDataset, as `Import…` and the
 * CLI read it), so the relations and claims are what a user importing the
 * file gets; this script then only names what the file cannot say: the title
 * and method, actors as states with ISO codes, the relation type `supplier`,
 * SIPRI as the source (its text the CSV's text, so every quote is checked
 * against it), each claim's character range and grade. It refuses to write if
 * any row is missing, any quote is not its row, or the result does not
 * restore cleanly. Run: npm run data:central-asia (npx tsx scripts/build-central-asia-arms.ts)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { contextAt, readDataset, restore, type Actor, type Claim, type Dataset, type Grade } from '../graph';

export const CSV_NAME = 'sipri-central-asia-1992-2021.csv';
export const CSV_PATH = fileURLToPath(new URL(`../public/data/${CSV_NAME}`, import.meta.url));
export const DATASET_PATH = fileURLToPath(new URL('../public/data/central-asia-arms-1992-2021.json', import.meta.url));

const SOURCE_ID = 'sipri-arms-transfers-central-asia';
/** SIPRI as the asserter: a compiler of open sources that says its data can have errors (B), figures not confirmed here by a second source (2). See public/data/README.md. */
const GRADE: Grade = 'B2';
const ASSERTED_BY = 'SIPRI Arms Transfers Database';

/** SIPRI's names (as the table writes them) → id, ISO 3166-1 alpha-2 code, and the name and aliases we show. */
const STATES: Record<string, { country: string; name?: string; aliases?: string[] }> = {
  Austria: { country: 'AT' },
  Belarus: { country: 'BY' },
  Brazil: { country: 'BR' },
  Bulgaria: { country: 'BG' },
  Canada: { country: 'CA' },
  China: { country: 'CN', aliases: ['PRC'] },
  Czechia: { country: 'CZ', aliases: ['Czech Republic'] },
  France: { country: 'FR' },
  Georgia: { country: 'GE' },
  Germany: { country: 'DE' },
  Israel: { country: 'IL' },
  Italy: { country: 'IT' },
  Kazakhstan: { country: 'KZ' },
  Kyrgyzstan: { country: 'KG' },
  Netherlands: { country: 'NL' },
  Russia: { country: 'RU' },
  Serbia: { country: 'RS' },
  'South Africa': { country: 'ZA' },
  'South Korea': { country: 'KR' },
  Spain: { country: 'ES' },
  Tajikistan: { country: 'TJ' },
  Turkey: { country: 'TR', aliases: ['Türkiye'] },
  Turkmenistan: { country: 'TM' },
  UAE: { country: 'AE', name: 'United Arab Emirates', aliases: ['UAE'] },
  Ukraine: { country: 'UA' },
  'United States': { country: 'US', aliases: ['US'] },
  Uzbekistan: { country: 'UZ' },
};
const UNKNOWN = 'Unknown supplier(s)';

const TITLE = 'Arms transfers to Central Asia, 1992–2021 (SIPRI)';
const DESCRIPTION =
  'Transfers of major conventional weapons to Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan, 1992–2021, from the SIPRI Arms Transfers Database: ' +
  'one supplier relation per supplier and recipient, one claim per supplier, recipient and year of delivery, weighted by its SIPRI trend-indicator value (TIV). ' +
  'The TIV measures the volume of transfers of military resources, not their financial value. The table has no rows before 1994.';
const METHOD =
  `ROWS: ${CSV_NAME}, the rows of 360info's processed SIPRI table (github.com/360-info/report-arms-trade, commit e00d2d3e57d1d6dd409f60fc367e088cce34c86e, data/sipri-exports-processed.csv) whose recipient is one of the five Central Asian states and whose year is 1992–2021, sorted by year, supplier and recipient; its column value is renamed tiv, and its coordinates are left out. ` +
  'BUILD: the CSV read by Actorscope\'s own CSV importer (a dated edge list: one relation per supplier and recipient, one claim per row), then scripts/build-central-asia-arms.ts (npm run data:central-asia). ' +
  'CLAIMS: each claim quotes its row exactly; locator.row is its line in the CSV (the header is line 1) and locator.chars its place in the source text, which is the CSV\'s text; the paragraph is 1 for every row (the CSV has no blank lines). ' +
  'date = the year of delivery; weight = the TIV in millions, as SIPRI rounds it (whole numbers; three rows are 0). A relation\'s weight in a time window is the sum of its claims\' TIV there. ' +
  `TIV: SIPRI's trend-indicator value is based on the known unit production costs of a core set of weapons and is meant to represent the transfer of military resources rather than the financial value of the transfer; it is not a sales price and is not to be compared with GDP, military expenditure or export values. ` +
  `GRADE ${GRADE} for every claim: SIPRI is a usually reliable compiler (B) of published sources that says errors are possible; the figures are its estimates and are not confirmed here by another source (2). ` +
  `ACTORS: states with their ISO 3166-1 alpha-2 code and their Correlates of War code (attribute cow) where the table gives one; "${UNKNOWN}" (SIPRI's supplier for a delivery whose supplier it cannot identify with certainty) is kept as one actor of the generic kind organization, with no country: it is not an identified actor. ` +
  'Calculations on these data are Actorscope\'s, not SIPRI\'s.';
const LICENSE =
  'Data: SIPRI Arms Transfers Database (Stockholm International Peace Research Institute), used under SIPRI\'s terms and conditions (non-commercial use, with attribution; see public/data/README.md). Not covered by the project\'s MIT licence.';

const actorId = (name: string) => (name === UNKNOWN ? 'unknown-suppliers' : (STATES[name]?.name ?? name).toLowerCase().replace(/[^a-z0-9]+/g, '-'));

/** The offset where each line of `text` starts (line 1 at 0). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The CSV's text → the dataset, in its restored form (what restore() leaves is what is written). */
export function buildCentralAsiaArms(csvText: string): Dataset {
  const read = readDataset(csvText, CSV_NAME);
  if (!read.ok) throw new Error(`${CSV_NAME} does not import:\n${read.problems.map((p) => `${p.path}: ${p.message}`).join('\n')}`);
  const imported = read.dataset;
  const starts = lineStarts(csvText);
  const rowCount = csvText.split('\n').filter((l, i) => i > 0 && l !== '').length;

  // The COW codes the table gives each actor (NA where it gives none), read from the relations' agreed columns.
  const cow = new Map<string, number>();
  for (const r of imported.relations) {
    for (const [end, column] of [[r.source, 'supplier_cown'], [r.target, 'recipient_cown']] as const) {
      // A number, or text where the column also holds NA (the importer then keeps the whole column as text).
      const code = r.attributes?.[column];
      if (typeof code === 'number' || (typeof code === 'string' && /^\d+$/.test(code))) cow.set(end, Number(code));
    }
  }

  const actors: Actor[] = imported.actors.map((a) => {
    const cowCode = cow.get(a.id);
    const attributes = cowCode === undefined ? undefined : { cow: cowCode };
    if (a.name === UNKNOWN) {
      return {
        id: actorId(a.name),
        name: a.name,
        // Not a state, and not known to be one: the model's generic kind (restore() warns of kinds it does not know).
        kind: 'organization',
        aliases: [],
        notes: 'SIPRI registers a delivery as coming from an unknown supplier when the supplier cannot be identified with certainty. Not an identified actor: kept (not dropped) as one actor of the generic kind, without a country, so that its row counts. It is one row, 2 TIV to Kyrgyzstan in 2006.',
        ...(attributes && { attributes }),
      };
    }
    const state = STATES[a.name];
    if (!state) throw new Error(`${CSV_NAME}: "${a.name}" is neither a known state nor "${UNKNOWN}": add it to STATES`);
    const actor: Actor = { id: actorId(a.name), name: state.name ?? a.name, kind: 'state', aliases: state.aliases ?? [], country: state.country };
    if (state.name) actor.notes = `SIPRI's table writes "${a.name}".`;
    if (attributes) actor.attributes = attributes;
    else actor.notes = [actor.notes, 'The processed table gives no Correlates of War code (NA).'].filter(Boolean).join(' ');
    return actor;
  });
  const idOf = new Map(imported.actors.map((a) => [a.id, actorId(a.name)]));

  let claimCount = 0;
  const relations = imported.relations.map((r) => {
    if (r.type !== 'other') throw new Error(`${r.id}: expected the importer's untyped relation, found ${r.type}`);
    const claims: Claim[] = r.claims.map((c) => {
      const line = c.locator.row!;
      const start = starts[line - 1]!;
      const end = start + c.quote.length;
      if (csvText.slice(start, end) !== c.quote || !/^(\n|$)/.test(csvText.slice(end, end + 1))) throw new Error(`${r.id}: the quote is not line ${line}`);
      claimCount++;
      return {
        quote: c.quote,
        sourceId: SOURCE_ID,
        locator: { row: line, chars: [start, end] },
        context: contextAt(csvText, start, end),
        assertedBy: ASSERTED_BY,
        date: c.date,
        stance: 'supports',
        grade: GRADE,
        weight: c.weight,
      };
    });
    return { id: r.id, source: idOf.get(r.source)!, target: idOf.get(r.target)!, type: 'supplier' as const, claims };
  });
  if (claimCount !== rowCount) throw new Error(`${rowCount} rows but ${claimCount} claims`);

  const dataset: Dataset = {
    format: 'actorscope',
    version: 2,
    meta: { title: TITLE, description: DESCRIPTION, method: METHOD, license: LICENSE },
    sources: [
      {
        id: SOURCE_ID,
        title: 'SIPRI Arms Transfers Database: transfers of major conventional weapons to Central Asia, 1992–2021 (TIV)',
        publisher: 'Stockholm International Peace Research Institute (SIPRI)',
        url: 'https://www.sipri.org/databases/armstransfers',
        kind: 'dataset',
        text: csvText,
        notes:
          `Source: SIPRI Arms Transfers Database. The text is ${CSV_NAME} byte for byte: SIPRI's supplier–recipient TIV rows as processed by 360info (github.com/360-info/report-arms-trade, commit e00d2d3e57d1d6dd409f60fc367e088cce34c86e, data/sipri-exports-processed.csv), ` +
          'filtered to the five Central Asian recipients and the years 1992–2021. SIPRI revises its database every year; these rows are the version 360info processed (data to 2021).',
      },
    ],
    actors,
    relations,
  };
  const check = restore(dataset);
  if (!check.ok) throw new Error(`the dataset does not restore: ${check.problems.map((p) => `${p.path}: ${p.message}`).join('\n')}`);
  if (check.warnings.length > 0) throw new Error(`the dataset restores with warnings: ${check.warnings.map((p) => `${p.path}: ${p.message}`).join('\n')}`);
  return check.dataset;
}

/** The file as written: two-space JSON with a final line end. */
export const datasetText = (dataset: Dataset) => `${JSON.stringify(dataset, null, 2)}\n`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dataset = buildCentralAsiaArms(readFileSync(CSV_PATH, 'utf8'));
  writeFileSync(DATASET_PATH, datasetText(dataset));
  const claims = dataset.relations.reduce((n, r) => n + r.claims.length, 0);
  console.log(`${DATASET_PATH}: ${dataset.actors.length} actors, ${dataset.relations.length} relations, ${claims} claims, every quote checked against the source text`);
}
