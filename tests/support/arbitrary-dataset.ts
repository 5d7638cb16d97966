/**
 * fast-check arbitraries for whole datasets, for round-trip property tests:
 * awkward ids (`__proto__`, `constructor`, numbers-as-text, spaces, quotes,
 * `<&>`), Unicode and right-to-left text, long labels, parallel relations,
 * and claims with every optional field.
 */
import fc from 'fast-check';
import { RELATION_TYPES, restore, type Actor, type Attributes, type Claim, type Dataset, type Grade, type Relation, type Source } from '../../graph';
import { citationKey } from '../../graph/sources/citation';

const AWKWARD_IDS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '0', '1.0', ' lead', 'tab\there', 'quote"d', "apo'strophe", '<tag>&amp;', 'a,b', '=cmd', '+1', '-1', '@x', 'Душанбе', 'كابل', '北京', '🙂'];

/** Text without control characters other than tab/newline (XML cannot carry them) and without lone surrogates. */
export const cleanText = (maxLength = 40) =>
  fc
    .string({ unit: fc.oneof(fc.constantFrom('a', 'Z', ' ', ',', '"', "'", '<', '>', '&', '=', '+', '-', '@', '\n', '\t', 'é', 'ß', 'Ж', 'ع', 'ש', '中', '🙂', '\u200f'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength })
    .filter((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/.test(s));

const nonEmpty = (max = 40) => cleanText(max).filter((s) => s.trim() !== '' && s === s.trim());

export const actorId = fc.oneof(fc.constantFrom(...AWKWARD_IDS), nonEmpty(12));

const grade = fc.tuple(fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'), fc.constantFrom('1', '2', '3', '4', '5', '6')).map(([r, c]) => `${r}${c}` as Grade);
const partialDate = fc.oneof(
  fc.integer({ min: 1900, max: 2030 }).map(String),
  fc.tuple(fc.integer({ min: 1900, max: 2030 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  fc.tuple(fc.integer({ min: 1900, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(
    ([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  ),
);

const attributeValue = fc.oneof(nonEmpty(20), fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), fc.boolean());
const attributes: fc.Arbitrary<Attributes | undefined> = fc.option(
  fc.dictionary(fc.constantFrom('weight', 'note', 'score', 'since', 'région', 'flag'), attributeValue, { maxKeys: 3, minKeys: 1 }),
  { nil: undefined },
);

/** A claim on `sources`: one with text is quoted from it (the quote at its offsets), one without from anywhere. */
const claimOn = (sources: readonly Source[]): fc.Arbitrary<Claim> =>
  fc.constantFrom(...sources).chain((source) => {
    const text = source.text;
    const quoted = text
      ? fc.tuple(fc.nat(text.length - 1), fc.integer({ min: 1, max: 60 })).map(([start, n]) => {
          const end = Math.min(text.length, start + n);
          return { quote: text.slice(start, end), chars: [start, end] as [number, number] };
        }).filter(({ quote }) => quote.trim() !== '' && !/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(quote))
      : fc.record({ quote: nonEmpty(120), chars: fc.option(fc.tuple(fc.nat(1000), fc.nat(200)).map(([s, n]) => [s, s + n] as [number, number]), { nil: undefined }) });
    return fc.record(
      {
        at: quoted,
        paragraph: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
        // A row of a table source (a dated CSV edge list): every format carries it.
        row: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: undefined }),
        context: fc.option(fc.record({ prefix: cleanText(12), suffix: cleanText(12) }), { nil: undefined }),
        assertedBy: cleanText(30),
        date: fc.option(partialDate, { nil: undefined }),
        stance: fc.constantFrom('supports' as const, 'disputes' as const),
        grade,
        weight: fc.option(fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true })), { nil: undefined }),
        notes: fc.option(nonEmpty(60), { nil: undefined }),
      },
      { requiredKeys: ['at', 'assertedBy', 'stance', 'grade'] },
    ).map(({ at, paragraph, row, ...rest }) => clean({ quote: at.quote, sourceId: source.id, locator: clean({ paragraph, row, chars: at.chars }), ...rest }) as Claim);
  });

/** Documents with unique ids and citations; some hold their text (with CRLF, astral characters, RTL). */
const sourcesArb: fc.Arbitrary<Source[]> = fc
  .uniqueArray(
    fc.record(
      {
        id: actorId,
        title: nonEmpty(40),
        publisher: fc.option(nonEmpty(20), { nil: undefined }),
        date: fc.option(partialDate, { nil: undefined }),
        url: fc.option(fc.constantFrom('https://example.org/a?b=1&c=2', 'http://x.test/'), { nil: undefined }),
        kind: fc.option(fc.constantFrom('interview', 'article', 'field notes'), { nil: undefined }),
        speaker: fc.option(nonEmpty(20), { nil: undefined }),
        text: fc.option(fc.array(nonEmpty(80), { minLength: 1, maxLength: 4 }).map((ps) => ps.join('\r\n\r\n')), { nil: undefined }),
      },
      { requiredKeys: ['id', 'title'] },
    ),
    { minLength: 1, maxLength: 3, selector: (s) => s.id, comparator: 'SameValue' },
  )
  .filter((list) => new Set(list.map((s) => citationKey(s))).size === list.length)
  .map((list) => list.map((s) => clean(s) as Source));

/** Drops keys whose value is undefined, as a JSON round trip would. */
function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined).map(([k, v]) => [k, v !== null && typeof v === 'object' && !Array.isArray(v) ? clean(v) : v])) as T;
}

export const arbitraryDataset: fc.Arbitrary<Dataset> = fc
  .tuple(fc.uniqueArray(actorId, { minLength: 1, maxLength: 8 }), sourcesArb)
  .chain(([ids, sources]) => {
    const claim = claimOn(sources);
    const actor: (id: string) => fc.Arbitrary<Actor> = (id) =>
      fc.record({
        name: fc.oneof(nonEmpty(30), nonEmpty(200)),
        kind: fc.constantFrom('state', 'armed-group', 'bloc', 'person', 'militia'),
        aliases: fc.array(nonEmpty(20), { maxLength: 2 }),
        country: fc.option(fc.constantFrom('TJ', 'RU', 'CN'), { nil: undefined }),
        notes: fc.option(nonEmpty(80), { nil: undefined }),
        attributes,
      }).map((a) => clean({ id, ...a }) as Actor);
    const relation: fc.Arbitrary<Omit<Relation, 'id'>> = fc
      .record({
        source: fc.constantFrom(...ids),
        target: fc.constantFrom(...ids),
        type: fc.constantFrom(...RELATION_TYPES),
        claims: fc.array(claim, { maxLength: 2 }),
        notes: fc.option(nonEmpty(40), { nil: undefined }),
        attributes,
      })
      .map((r) => clean(r) as Omit<Relation, 'id'>);
    return fc.record({
      actors: fc.tuple(...ids.map(actor)),
      // Parallel relations happen often: few actors, several relations.
      relations: fc.array(relation, { maxLength: 10 }),
      title: nonEmpty(40),
      // The dataset's history (merges): every format carries it in its meta.
      history: fc.option(fc.array(fc.record({ date: fc.constantFrom('2026-12-02', '2026-12-02T14:00:00Z'), note: nonEmpty(80) }), { minLength: 1, maxLength: 2 }), { nil: undefined }),
      sources: fc.constant(sources),
    });
  })
  .map(({ actors, relations, title, history, sources }) => {
    // As restore() leaves it (a quote's paragraph and page follow its offsets in a source with text): the form every reader ends in.
    const restored = restore({ format: 'actorscope', version: 2, meta: history ? { title, history } : { title }, sources, actors, relations: relations.map((r, i) => ({ id: `r${i + 1}`, ...r })) });
    if (!restored.ok) throw new Error(`the arbitrary dataset does not restore: ${restored.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    return restored.dataset;
  });
