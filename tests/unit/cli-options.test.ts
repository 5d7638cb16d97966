/**
 * The option parsers every CLI command shares (graph/cli/options.ts) and the
 * terminal cleaning (graph/cli/terminal.ts): each message names its option;
 * numbers are written in digits; grades ignore case; lists ignore blanks.
 */
import { describe, it, expect } from 'vitest';
import { UsageError } from '../../graph/cli/common';
import {
  actorIdOption,
  actorIdsOption,
  gradeOption,
  metricsOption,
  positiveNumberOption,
  relationTypesOption,
  requireOption,
  splitList,
  wholeNumberOption,
  windowOption,
  withoutActorEnds,
} from '../../graph/cli/options';
import { actorNames, clean, jsonText } from '../../graph/cli/terminal';
import type { Dataset } from '../../graph/model/types';

const usage = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as UsageError).message;
  }
  throw new Error('expected a UsageError');
};

const dataset: Dataset = {
  format: 'actorscope',
  version: 2,
  sources: [],
  meta: { title: 'options test' },
  actors: ['A', 'B', 'a,b'].map((id) => ({ id, name: `name of ${id}`, kind: 'state', aliases: [] })),
  relations: [],
};

describe('graph/cli/options.ts', () => {
  it('an absent option is undefined, so the caller chooses the default', () => {
    expect(relationTypesOption('types', undefined)).toBeUndefined();
    expect(metricsOption('metrics', undefined)).toBeUndefined();
    expect(gradeOption('min-grade', undefined)).toBeUndefined();
    expect(wholeNumberOption('k', undefined, { min: 1, max: 5 })).toBeUndefined();
    expect(positiveNumberOption('resolution', undefined)).toBeUndefined();
  });

  it('lists: items trimmed, blanks dropped, at least one known item, the option named', () => {
    expect(splitList(' a, ,b,, c ')).toEqual(['a', 'b', 'c']);
    expect(relationTypesOption('layers', 'threat, partner')).toEqual(['threat', 'partner']);
    expect(metricsOption('layer-metric', 'degree,,pagerank')).toEqual(['degree', 'pagerank']);
    expect(usage(() => relationTypesOption('layers', ' , '))).toBe('--layers needs at least one relation type');
    expect(usage(() => relationTypesOption('types', 'threat,ally'))).toBe(
      '--types: unknown relation type "ally" (known: partner, threat, supplier, suspected-supporter, other)',
    );
    expect(usage(() => metricsOption('metrics', ','))).toBe('--metrics needs at least one metric');
    expect(usage(() => metricsOption('stability-metric', 'bogus'))).toMatch(/^--stability-metric: unknown metric "bogus" \(known: degree, /);
  });

  it('grades ignore case and spaces', () => {
    expect(gradeOption('min-grade', ' c3 ')).toBe('C3');
    expect(usage(() => gradeOption('min-grade', 'Z9'))).toBe('--min-grade: "Z9" is not an Admiralty grade (A1 … F6, e.g. C3)');
  });

  it('whole numbers are written in digits, within the range if there is one', () => {
    expect(wholeNumberOption('k', ' 3 ', { min: 1, max: 100 })).toBe(3);
    expect(wholeNumberOption('exact-limit', '0', { min: 0, max: 30 })).toBe(0);
    expect(wholeNumberOption('seed', '-7')).toBe(-7);
    for (const bad of ['0', '101', '2.5', '1e1', '0x10', 'five', '', ' ']) {
      expect(usage(() => wholeNumberOption('k', bad, { min: 1, max: 100 }))).toBe(`--k must be a whole number from 1 to 100, not "${bad}"`);
    }
    expect(usage(() => wholeNumberOption('seed', '1.5'))).toBe('--seed must be a whole number, not "1.5"');
  });

  it('positive numbers', () => {
    expect(positiveNumberOption('resolution', '0.5')).toBe(0.5);
    for (const bad of ['0', '-1', 'abc', '', 'Infinity']) {
      expect(usage(() => positiveNumberOption('resolution', bad))).toBe(`--resolution must be a positive number, not "${bad}"`);
    }
  });

  it('required options and actor ids', () => {
    expect(requireOption('from', 'A')).toBe('A');
    expect(usage(() => requireOption('from', undefined))).toBe('--from is required');
    expect(actorIdsOption(dataset, 'actors', 'A, B')).toEqual(['A', 'B']);
    expect(usage(() => actorIdsOption(dataset, 'actors', ' '))).toBe('--actors needs actor ids');
    expect(usage(() => actorIdsOption(dataset, 'actors', 'A,Q'))).toBe('--actors: "Q" is not an actor id in this file');
    expect(actorIdOption(dataset, 'to', 'a,b')).toBe('a,b');
    expect(usage(() => actorIdOption(dataset, 'to', 'A,B'))).toBe('--to takes one actor id, not 2');
  });

  it('the time window: --from/--to or --window FROM..TO (one range, either end open), --at alone, --dated-only', () => {
    expect(windowOption({})).toBeUndefined();
    expect(windowOption({ from: '2015', to: '2019-06' })).toEqual({ from: '2015', to: '2019-06' });
    expect(windowOption({ from: ' 2015 ' })).toEqual({ from: '2015' });
    expect(windowOption({ to: '2010-02-28', 'dated-only': true })).toEqual({ to: '2010-02-28', datedOnly: true });
    // The same range written either way is the same window.
    expect(windowOption({ window: '2015..2019-06' })).toEqual(windowOption({ from: '2015', to: '2019-06' }));
    expect(windowOption({ at: '2011' })).toEqual({ from: '2011', to: '2011' });
    expect(usage(() => windowOption({ from: '2015', window: '2010..2012' }))).toBe('give --from/--to or --window FROM..TO, not both (they say the same range)');
    expect(usage(() => windowOption({ to: '2015', window: '..2012' }))).toBe('give --from/--to or --window FROM..TO, not both (they say the same range)');
    expect(usage(() => windowOption({ from: '2015', at: '2016' }))).toBe('give --from/--to or --at DATE, not both');
    expect(usage(() => windowOption({ window: '2015..', at: '2016' }))).toBe('give --window FROM..TO or --at DATE, not both');
    expect(usage(() => windowOption({ from: '2019', to: '2015' }))).toBe('--from 2019 is after --to 2015');
    expect(usage(() => windowOption({ from: 'russia' }))).toBe('--from: "russia" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)');
    expect(usage(() => windowOption({ to: '2015-13' }))).toBe('--to: "2015-13" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)');
    // paths, reach and brief: --from/--to are actors, never read as dates.
    expect(withoutActorEnds({ from: 'russia', to: 'china', window: '2015..' })).toEqual({ window: '2015..' });
    expect(windowOption(withoutActorEnds({ from: 'russia', to: 'china' }))).toBeUndefined();
  });
});

describe('graph/cli/terminal.ts', () => {
  it('control characters become one space a run; other text is kept', () => {
    expect(clean('Red\u001b[31mArmy')).toBe('Red [31mArmy');
    expect(clean('a\r\n\tb\u009bc\u007fd')).toBe('a b c d');
    expect(clean('Душанбе — “كابل” 🙂')).toBe('Душанбе — “كابل” 🙂');
  });

  it('bidi controls are shown by name in text, and as \\u escapes in JSON (the same value)', () => {
    expect(clean('a\u202eb\u2066c\u2069\u200e\u200f\u061c\u202a')).toBe('a<U+202E>b<U+2066>c<U+2069><U+200E><U+200F><U+061C><U+202A>');
    expect(clean('\u2065\u202f\u200d')).toBe('\u2065\u202f\u200d'); // neighbours of the ranges: not bidi controls
    const json = jsonText({ name: 'a\u202eb' });
    expect(json).toBe('{\n  "name": "a\\u202eb"\n}');
    expect(JSON.parse(json)).toEqual({ name: 'a\u202eb' });
  });

  it('actorNames: cleaned names by id, the cleaned id for an unknown one', () => {
    const name = actorNames([{ id: 'A', name: 'Al\u001bpha' }]);
    expect(name('A')).toBe('Al pha');
    expect(name('Q\u0007')).toBe('Q ');
  });
});
