/**
 * restore() (graph/schema/restore.ts): defaults filled on a valid dataset;
 * every problem of a broken one reported with its path; the envelope (root,
 * format, version); each field check (ids, ends, types, grades, stances,
 * locators, dates, URLs, attributes); `__proto__` kept as data without
 * polluting Object.prototype; warnings; and formatProblem's output.
 */
import { describe, it, expect } from 'vitest';
import { restore, type RestoreResult } from '../../graph/schema/restore';
import { formatProblem, type Problem } from '../../graph/schema/problems';
import type { Dataset } from '../../graph/model/types';

type Json = Record<string, unknown>;

const claim = (extra: Json = {}): Json => ({
  quote: 'They signed a pact.',
  source: { title: 'Interview', publisher: 'Test Press', date: '2023-04-12', url: 'https://example.org/x' },
  locator: { paragraph: 3 },
  assertedBy: 'reported',
  grade: 'B2',
  ...extra,
});
const actor = (id: string, extra: Json = {}): Json => ({ id, name: `Actor ${id}`, kind: 'state', ...extra });
const relation = (source: string, target: string, extra: Json = {}): Json => ({
  source,
  target,
  type: 'partner',
  claims: [claim()],
  ...extra,
});
const envelope = (actors: Json[], relations: Json[], extra: Json = {}): Json => ({
  format: 'actorscope',
  version: 1,
  meta: { title: 'Test' },
  actors,
  relations,
  ...extra,
});

function ok(result: RestoreResult): { dataset: Dataset; warnings: Problem[] } {
  if (!result.ok) throw new Error(`expected ok, got ${result.problems.map(formatProblem).join('; ')}`);
  return result;
}
function problems(result: RestoreResult): Problem[] {
  if (result.ok) throw new Error('expected problems, restore() accepted the dataset');
  return result.problems;
}
/** The errors, or [] when restore() accepted the input. */
const errors = (result: RestoreResult): Problem[] => (result.ok ? [] : result.problems.filter((p) => p.severity === 'error'));
/** Restores a dataset whose only fault is in one claim; returns the error problems. */
const claimErrors = (extra: Json) => errors(restore(envelope([actor('A'), actor('B')], [relation('A', 'B', { claims: [claim(extra)] })])));

describe('a valid dataset', () => {
  it('fills defaults: aliases [], stance "supports", relation ids r1, r2, …', () => {
    const { dataset, warnings } = ok(restore(envelope([actor('A'), actor('B')], [relation('A', 'B'), relation('B', 'A', { type: 'threat' })])));
    expect(warnings).toEqual([]);
    expect(dataset.format).toBe('actorscope');
    expect(dataset.version).toBe(2);
    expect(dataset.actors).toEqual([
      { id: 'A', name: 'Actor A', kind: 'state', aliases: [] },
      { id: 'B', name: 'Actor B', kind: 'state', aliases: [] },
    ]);
    expect(dataset.relations.map((r) => r.id)).toEqual(['r1', 'r2']);
    // Version 1 cites the document inline in each claim; version 2 holds it once, in sources, and the claims name it.
    expect(dataset.sources).toEqual([{ id: 'interview', title: 'Interview', publisher: 'Test Press', date: '2023-04-12', url: 'https://example.org/x' }]);
    expect(dataset.relations.flatMap((r) => r.claims.map((c) => c.sourceId))).toEqual(['interview', 'interview']);
    expect(dataset.relations[0]!.claims[0]).toEqual({
      quote: 'They signed a pact.',
      sourceId: 'interview',
      locator: { paragraph: 3 },
      assertedBy: 'reported',
      stance: 'supports',
      grade: 'B2',
    });
  });

  it('generated relation ids skip ids given explicitly anywhere in the file', () => {
    const { dataset } = ok(
      restore(
        envelope(
          [actor('A'), actor('B')],
          [relation('A', 'B'), relation('A', 'B', { id: 'r2', type: 'threat' }), relation('B', 'A', { type: 'threat' }), relation('B', 'A', { id: 'r1x', type: 'supplier' }), relation('B', 'A', { id: 'r4', type: 'other' }), relation('A', 'B', { type: 'supplier' })],
        ),
      ),
    );
    expect(dataset.relations.map((r) => r.id)).toEqual(['r1', 'r2', 'r3', 'r1x', 'r4', 'r5']);
  });

  it('keeps optional fields as written', () => {
    const { dataset } = ok(
      restore(
        envelope(
          [actor('TJ', { aliases: ['Tajikistan'], country: 'TJ', notes: 'n', kind: 'state' })],
          [],
          { meta: { title: 'T', description: 'd', license: 'CC-BY-4.0', sources: [{ title: 'S', author: 'X' }] } },
        ),
      ),
    );
    expect(dataset.actors[0]).toEqual({ id: 'TJ', name: 'Actor TJ', kind: 'state', aliases: ['Tajikistan'], country: 'TJ', notes: 'n' });
    expect(dataset.meta).toEqual({ title: 'T', description: 'd', license: 'CC-BY-4.0' });
    // Version 1's meta.sources are the dataset's sources now, each with an id made from its title.
    expect(dataset.sources).toEqual([{ id: 's', title: 'S', author: 'X' }]);
  });

  it('a source may be given as its title alone; dates and periods are kept', () => {
    const { dataset } = ok(
      restore(envelope([actor('A'), actor('B')], [relation('A', 'B', { claims: [claim({ source: 'Radio Ozodi', date: '2023-04', period: { from: '2021', to: '2023-06' }, stance: 'disputes', locator: { chars: [0, 12] } })] })])),
    );
    expect(dataset.sources.map((s) => [s.id, s.title])).toEqual([['radio-ozodi', 'Radio Ozodi']]);
    expect(dataset.relations[0]!.claims[0]).toMatchObject({
      sourceId: 'radio-ozodi',
      date: '2023-04',
      period: { from: '2021', to: '2023-06' },
      stance: 'disputes',
      locator: { chars: [0, 12] },
    });
  });

  it('an empty dataset is valid; a missing meta gets the title "Untitled"', () => {
    const { dataset } = ok(restore({ format: 'actorscope', version: 1, actors: [], relations: [] }));
    expect(dataset).toEqual({ format: 'actorscope', version: 2, meta: { title: 'Untitled' }, sources: [], actors: [], relations: [] });
  });
});

describe('every problem is reported with its path, not just the first', () => {
  it('three different errors give three located problems', () => {
    const result = restore(
      envelope(
        [actor('A'), actor('B'), actor('C')],
        [
          relation('A', 'B'),
          relation('B', 'C', { type: 'threat' }),
          relation('C', 'D', { type: 'threat' }), // D is nobody
          relation('A', 'C', { type: 'ally' }), // not a type
          relation('C', 'A', { type: 'supplier', claims: [claim({ grade: 'Z9' })] }),
        ],
      ),
    );
    expect(problems(result)).toEqual([
      { severity: 'error', path: 'relations[2].target', message: '"D" is not the id of any actor' },
      { severity: 'error', path: 'relations[3].type', message: '"ally" is not a relation type (partner, threat, supplier, suspected-supporter, other)' },
      { severity: 'error', path: 'relations[4].claims[0].grade', message: '"Z9" is not a grade (A–F then 1–6, e.g. "B2")' },
    ]);
  });

  it('errors in actors, relations and claims are all collected in one pass', () => {
    const result = restore(
      envelope(
        [actor('A'), actor('A'), actor('B', { country: 'tj' })],
        [relation('A', 'B', { claims: [claim({ stance: 'maybe', locator: { paragraph: 0 } })] })],
        { meta: { title: 42 } },
      ),
    );
    expect(errors(result).map((p) => p.path)).toEqual([
      'meta.title',
      'actors[1].id',
      'actors[2].country',
      'relations[0].claims[0].locator.paragraph',
      'relations[0].claims[0].stance',
    ]);
  });
});

describe('the envelope', () => {
  it.each([
    ['an array', [], 'expected a dataset object, found an array'],
    ['a string', 'actors', 'expected a dataset object, found "actors"'],
    ['null', null, 'expected a dataset object, found null'],
    ['a number', 7, 'expected a dataset object, found 7'],
  ])('refuses %s as the root', (_label, input, message) => {
    expect(problems(restore(input))).toEqual([{ severity: 'error', path: '', message }]);
  });

  it('refuses a missing or wrong format', () => {
    expect(problems(restore({ version: 1, actors: [], relations: [] }))).toEqual([
      { severity: 'error', path: 'format', message: 'missing is not "actorscope": this is not an Actorscope dataset' },
    ]);
    expect(problems(restore({ format: 'gexf', version: 1, actors: [], relations: [] }))).toEqual([
      { severity: 'error', path: 'format', message: '"gexf" is not "actorscope": this is not an Actorscope dataset' },
    ]);
  });

  it('refuses a newer version and says to update', () => {
    expect(problems(restore({ format: 'actorscope', version: 3, actors: [], relations: [] }))).toEqual([
      { severity: 'error', path: 'version', message: '3 is newer than this program reads (2); update Actorscope' },
    ]);
  });

  it.each([[0], ['1'], [1.5], [null]])('refuses version %j', (version) => {
    const p = problems(restore({ format: 'actorscope', version, actors: [], relations: [] }));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ severity: 'error', path: 'version' });
    expect(p[0]!.message).toMatch(/is not a format version$/);
  });

  it('reads a missing version as 1, with a warning', () => {
    const { warnings } = ok(restore({ format: 'actorscope', actors: [], relations: [] }));
    expect(warnings).toEqual([{ severity: 'warning', path: 'version', message: 'missing; read as version 1' }]);
  });

  it('refuses missing actors and relations lists, both at once', () => {
    expect(errors(restore({ format: 'actorscope', version: 1 })).map((p) => p.path)).toEqual(['actors', 'relations']);
    expect(errors(restore({ format: 'actorscope', version: 1, actors: {}, relations: 'none' }))).toEqual([
      { severity: 'error', path: 'actors', message: 'expected a list, found an object' },
      { severity: 'error', path: 'relations', message: 'expected a list, found "none"' },
    ]);
  });
});

describe('actors', () => {
  it('refuses duplicate actor ids, naming the first', () => {
    expect(errors(restore(envelope([actor('A'), actor('B'), actor('A')], [])))).toEqual([
      { severity: 'error', path: 'actors[2].id', message: '"A" is used already by actors[0]' },
    ]);
  });

  it('refuses empty and non-text ids', () => {
    expect(errors(restore(envelope([actor(''), { id: 5, name: 'x', kind: 'state' }], []))).map((p) => [p.path, p.message])).toEqual([
      ['actors[0].id', '"" is not an id (expected non-empty text)'],
      ['actors[1].id', '5 is not an id (expected non-empty text)'],
    ]);
  });

  it('warns about a missing name and kind, and fills them', () => {
    const { dataset, warnings } = ok(restore(envelope([{ id: 'A' }], [])));
    expect(dataset.actors[0]).toEqual({ id: 'A', name: 'A', kind: 'organization', aliases: [] });
    expect(warnings).toEqual([
      { severity: 'warning', path: 'actors[0].name', message: 'missing; the id "A" is shown instead' },
      { severity: 'warning', path: 'actors[0].kind', message: 'missing; set to "organization"' },
    ]);
  });

  it('keeps an unknown kind as written, with a warning', () => {
    const { dataset, warnings } = ok(restore(envelope([actor('A', { kind: 'militia' })], [])));
    expect(dataset.actors[0]!.kind).toBe('militia');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', path: 'actors[0].kind' });
    expect(warnings[0]!.message).toMatch(/^"militia" is not a known kind/);
  });
});

describe('relations', () => {
  it('refuses dangling ends, each located', () => {
    expect(errors(restore(envelope([actor('A')], [relation('A', 'Nobody'), relation('Ghost', 'A'), relation('', 'A')])))).toEqual([
      { severity: 'error', path: 'relations[0].target', message: '"Nobody" is not the id of any actor' },
      { severity: 'error', path: 'relations[1].source', message: '"Ghost" is not the id of any actor' },
      { severity: 'error', path: 'relations[2].source', message: '"" is not an actor id' },
    ]);
  });

  it('refuses an unknown relation type, including a missing one', () => {
    expect(errors(restore(envelope([actor('A'), actor('B')], [relation('A', 'B', { type: 'Threat' }), relation('A', 'B', { type: undefined })]))).map((p) => [p.path, p.message])).toEqual([
      ['relations[0].type', '"Threat" is not a relation type (partner, threat, supplier, suspected-supporter, other)'],
      ['relations[1].type', 'missing is not a relation type (partner, threat, supplier, suspected-supporter, other)'],
    ]);
  });

  it('refuses duplicate explicit relation ids', () => {
    expect(errors(restore(envelope([actor('A'), actor('B')], [relation('A', 'B', { id: 'x' }), relation('B', 'A', { id: 'x', type: 'threat' })])))).toEqual([
      { severity: 'error', path: 'relations[1].id', message: '"x" is used already by relations[0]' },
    ]);
  });

  it('keeps a self-relation with a warning', () => {
    const { dataset, warnings } = ok(restore(envelope([actor('A')], [relation('A', 'A', { type: 'threat' })])));
    expect(dataset.relations).toHaveLength(1);
    expect(warnings.map((w) => w.path)).toEqual(['relations[0]']);
  });

  it('warns about a relation without evidence', () => {
    const { warnings } = ok(restore(envelope([actor('A'), actor('B')], [relation('A', 'B', { claims: [] }), relation('A', 'B', { claims: undefined, type: 'threat' })])));
    expect(warnings).toEqual([
      { severity: 'warning', path: 'relations[0].claims', message: 'empty: this relation has no evidence' },
      { severity: 'warning', path: 'relations[1].claims', message: 'missing: this relation has no evidence' },
    ]);
  });
});

describe('claims', () => {
  it.each(['Z9', 'A7', 'G1', 'b2', 'B', 'B22', ''])('refuses grade %j', (grade) => {
    expect(claimErrors({ grade })).toEqual([
      { severity: 'error', path: 'relations[0].claims[0].grade', message: `${JSON.stringify(grade)} is not a grade (A–F then 1–6, e.g. "B2")` },
    ]);
  });

  it('grades a claim without a grade F6, with a warning', () => {
    const raw = claim();
    delete raw.grade;
    const { dataset, warnings } = ok(restore(envelope([actor('A'), actor('B')], [relation('A', 'B', { claims: [raw] })])));
    expect(dataset.relations[0]!.claims[0]!.grade).toBe('F6');
    expect(warnings.map((w) => w.path)).toEqual(['relations[0].claims[0].grade']);
  });

  it('refuses a bad stance', () => {
    expect(claimErrors({ stance: 'denies' })).toEqual([
      { severity: 'error', path: 'relations[0].claims[0].stance', message: '"denies" is not a stance (supports, disputes)' },
    ]);
  });

  it('keeps a claim’s weight (a number, 0 or more) and refuses any other', () => {
    const { dataset } = ok(restore(envelope([actor('A'), actor('B')], [relation('A', 'B', { claims: [claim({ weight: 12.5 }), claim({ weight: 0 })] })])));
    expect(dataset.relations[0]!.claims.map((c) => c.weight)).toEqual([12.5, 0]);
    for (const weight of [-1, '12', Number.NaN, Infinity]) {
      expect(claimErrors({ weight }).map((p) => p.path), String(weight)).toEqual(['relations[0].claims[0].weight']);
    }
  });

  it('refuses bad locators', () => {
    expect(claimErrors({ locator: { paragraph: 0 } }).map((p) => p.path)).toEqual(['relations[0].claims[0].locator.paragraph']);
    expect(claimErrors({ locator: { paragraph: 2.5 } }).map((p) => p.path)).toEqual(['relations[0].claims[0].locator.paragraph']);
    expect(claimErrors({ locator: { chars: [10, 5] } })).toEqual([
      { severity: 'error', path: 'relations[0].claims[0].locator.chars', message: 'expected [start, end] with 0 ≤ start ≤ end' },
    ]);
    expect(claimErrors({ locator: { chars: [-1, 5] } }).map((p) => p.path)).toEqual(['relations[0].claims[0].locator.chars']);
    expect(claimErrors({ locator: { chars: [1, 2, 3] } }).map((p) => p.path)).toEqual(['relations[0].claims[0].locator.chars']);
    expect(claimErrors({ locator: 'p. 3' })).toEqual([
      { severity: 'error', path: 'relations[0].claims[0].locator', message: 'expected an object with paragraph, page, row and/or chars, found "p. 3"' },
    ]);
    // A row of a table source (a dated CSV edge list): 1, 2, …
    expect(claimErrors({ locator: { row: 0 } })).toEqual([
      { severity: 'error', path: 'relations[0].claims[0].locator.row', message: '0 is not a row number (1, 2, …)' },
    ]);
    expect(claimErrors({ locator: { row: '12' } }).map((p) => p.path)).toEqual(['relations[0].claims[0].locator.row']);
    expect(claimErrors({ locator: { row: 12 } })).toEqual([]);
  });

  it.each(['2023-13-01', '2023-04-32', '12/04/2023', '23', '2023-4-1', 'yesterday'])('refuses date %j', (date) => {
    expect(claimErrors({ date })).toEqual([
      { severity: 'error', path: 'relations[0].claims[0].date', message: `${JSON.stringify(date)} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)` },
    ]);
  });

  it('refuses impossible calendar dates (2023-02-30, 2023-04-31)', () => {
    // The pattern accepts any day 01–31 in any month.
    expect(claimErrors({ date: '2023-02-30' }).map((p) => p.path)).toEqual(['relations[0].claims[0].date']);
    expect(claimErrors({ date: '2023-04-31' }).map((p) => p.path)).toEqual(['relations[0].claims[0].date']);
  });

  it('refuses a period that ends before it starts', () => {
    expect(claimErrors({ period: { from: '2023-06', to: '2023-01' } })).toEqual([
      { severity: 'error', path: 'relations[0].claims[0].period', message: 'starts (2023-06) after it ends (2023-01)' },
    ]);
  });

  it('accepts a period whose ends have different precision (from 2023-05 to 2023)', () => {
    // "to 2023" runs to the end of 2023, so May 2023 is inside the period; the
    // ends are compared as strings, and "2023-05" > "2023".
    expect(claimErrors({ period: { from: '2023-05', to: '2023' } })).toEqual([]);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://example.org/x',
    '//example.org/x',
    'https://exa mple.org',
    'http://',
  ])('refuses the non-http(s) URL %j', (url) => {
    expect(claimErrors({ source: { title: 'S', url } })).toEqual([
      { severity: 'error', path: 'relations[0].claims[0].source.url', message: `${JSON.stringify(url.length > 40 ? `${url.slice(0, 37)}...` : url)} is not an http(s) address` },
    ]);
  });

  it('accepts http and https URLs', () => {
    expect(claimErrors({ source: { title: 'S', url: 'http://example.org/a?b=c' } })).toEqual([]);
    expect(claimErrors({ source: { title: 'S', url: 'HTTPS://example.org/' } })).toEqual([]);
  });

  it('refuses an empty quote and a source without a title', () => {
    expect(claimErrors({ quote: '  ', source: { publisher: 'P' } }).map((p) => [p.path, p.message])).toEqual([
      ['relations[0].claims[0].quote', '"  " is not a quote (expected non-empty text)'],
      ['relations[0].claims[0].source.title', 'missing is not a title (expected non-empty text)'],
    ]);
  });
});

describe('attributes and __proto__', () => {
  it('keeps plain attribute values and refuses nested objects and arrays', () => {
    const result = restore(
      envelope([actor('A', { attributes: { population: 10, flag: true, code: 'x', none: null, nested: { a: 1 }, list: [1] } })], []),
    );
    expect(errors(result)).toEqual([
      { severity: 'error', path: 'actors[0].attributes.nested', message: 'an object is not a plain value (text, number, true/false or null)' },
      { severity: 'error', path: 'actors[0].attributes.list', message: 'an array is not a plain value (text, number, true/false or null)' },
    ]);
    const { dataset } = ok(restore(envelope([actor('A', { attributes: { population: 10, flag: true, code: 'x', none: null } })], [])));
    expect({ ...dataset.actors[0]!.attributes }).toEqual({ population: 10, flag: true, code: 'x', none: null });
  });

  it('__proto__ works as an actor id', () => {
    const input = JSON.parse(
      '{"format":"actorscope","version":1,"actors":[{"id":"__proto__","name":"P","kind":"state"},{"id":"constructor","name":"C","kind":"state"}],' +
        '"relations":[{"source":"__proto__","target":"constructor","type":"threat","claims":[]}]}',
    ) as unknown;
    const { dataset } = ok(restore(input));
    expect(dataset.actors.map((a) => a.id)).toEqual(['__proto__', 'constructor']);
    expect(dataset.relations[0]).toMatchObject({ source: '__proto__', target: 'constructor' });
    // And a relation to __proto__ when no such actor exists is still dangling.
    const dangling = JSON.parse('{"format":"actorscope","version":1,"actors":[{"id":"A","name":"A","kind":"state"}],"relations":[{"source":"A","target":"__proto__","type":"threat"}]}') as unknown;
    expect(errors(restore(dangling)).map((p) => p.path)).toEqual(['relations[0].target']);
  });

  it('a __proto__ attribute key stays data', () => {
    const input = JSON.parse(
      '{"format":"actorscope","version":1,"actors":[{"id":"A","name":"A","kind":"state","attributes":{"__proto__":"x","constructor":1}}],"relations":[]}',
    ) as unknown;
    const { dataset } = ok(restore(input));
    const attributes = dataset.actors[0]!.attributes!;
    expect(Object.keys(attributes)).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(attributes, '__proto__')?.value).toBe('x');
    expect(Object.getOwnPropertyDescriptor(attributes, 'constructor')?.value).toBe(1);
  });

  it('restoring {"__proto__": {"polluted": true}} attributes does not pollute Object.prototype', () => {
    const text = '{"format":"actorscope","version":1,"actors":[{"id":"A","name":"A","kind":"state","attributes":{"__proto__":{"polluted":true}}}],' +
      '"relations":[{"source":"A","target":"A","type":"other","attributes":{"__proto__":{"polluted":true}}}]}';
    const result = restore(JSON.parse(text) as unknown);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    // A nested object is not a plain value, wherever it stands.
    expect(errors(result).map((p) => p.path)).toEqual(['actors[0].attributes.__proto__', 'relations[0].attributes.__proto__']);
  });
});

describe('formatProblem', () => {
  it('formats errors as "path: message" and warnings with a "warning: " prefix', () => {
    expect(formatProblem({ severity: 'error', path: 'relations[4].claims[0].grade', message: '"Z9" is not a grade' })).toBe(
      'relations[4].claims[0].grade: "Z9" is not a grade',
    );
    expect(formatProblem({ severity: 'warning', path: 'actors[0].kind', message: 'missing; set to "organization"' })).toBe(
      'warning: actors[0].kind: missing; set to "organization"',
    );
  });

  it('names the root "(root)"', () => {
    expect(formatProblem(problems(restore([]))[0]!)).toBe('(root): expected a dataset object, found an array');
  });

  it('shortens long values in messages', () => {
    const long = 'x'.repeat(60);
    expect(claimErrors({ grade: long })[0]!.message).toBe(`"${'x'.repeat(37)}..." is not a grade (A–F then 1–6, e.g. "B2")`);
  });
});
