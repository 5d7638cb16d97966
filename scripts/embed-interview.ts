/**
 * Makes the embedded dataset carry its interview (format version 2): the
 * dataset is read through restore() (which migrates version 1's meta.sources
 * and inline citations to the top-level sources), the interview's text
 * (tests/fixtures/tajikistan-security-2023.txt) becomes its source's `text`,
 * and every claim gets the context either side of its quote. It refuses to
 * write if any quote is not at its offsets. Run: npx tsx scripts/embed-interview.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { restore } from '../graph';
import { contextAt } from '../graph/sources/anchor';

const datasetPath = new URL('../public/data/tajikistan-2023.json', import.meta.url);
const text = readFileSync(new URL('../tests/fixtures/tajikistan-security-2023.txt', import.meta.url), 'utf8');

const restored = restore(JSON.parse(readFileSync(datasetPath, 'utf8')));
if (!restored.ok) throw new Error(restored.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
const dataset = restored.dataset;
if (dataset.sources.length !== 1) throw new Error(`expected the interview as the one source, found ${dataset.sources.length}`);
const interview = dataset.sources[0]!;
const id = 'malysheva-interview-2023';
const oldId = interview.id;
interview.id = id;
interview.kind = 'interview';
interview.text = text;
interview.notes = interview.notes?.replace(
  /Local copy: tests\/fixtures\/tajikistan-security-2023\.txt \(UTF-8, LF\)\./,
  'Its text is held here (the source\'s text, LF line ends); tests/fixtures/tajikistan-security-2023.txt is a byte-for-byte copy.',
);
for (const r of dataset.relations) {
  for (const c of r.claims) {
    if (c.sourceId === oldId) c.sourceId = id;
    const [start, end] = c.locator.chars ?? [-1, -1];
    if (text.slice(start, end) !== c.quote) throw new Error(`${r.id}: the quote is not at [${start}, ${end}]`);
    c.context = contextAt(text, start, end);
  }
}
const check = restore(dataset);
if (!check.ok || check.warnings.length > 0) throw new Error(`the result does not restore cleanly: ${JSON.stringify(check.ok ? check.warnings : check.problems)}`);
// Written as restore() leaves it, key for key: the file is its own restored form.
writeFileSync(datasetPath, `${JSON.stringify(check.dataset, null, 2)}\n`);
console.log(`${datasetPath.pathname}: version ${dataset.version}, ${dataset.sources.length} source (${text.length} characters), ${dataset.relations.reduce((n, r) => n + r.claims.length, 0)} claims checked`);
