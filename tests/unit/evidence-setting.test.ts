/**
 * graph/analysis/evidence-setting.ts: which relations count. applyEvidence on
 * a hand-made dataset (a contested relation, a weak one, one without claims,
 * a strong one), the order of its tests, the descriptions for footnotes, and
 * the checks of settings from data (checkEvidenceSetting) and from text
 * (parseEvidence, evidenceText).
 *
 * The cases sit far from any threshold, so they hold under any confidence
 * model that grades A1 above B2 above E5 and lets three independent B2
 * witnesses outweigh one F6 claim:
 *   strong   A1 supporting                      confidence 1 (noisy-OR today)
 *   good     B2 supporting                      0.64
 *   weak     E5 supporting                      0.04
 *   contested F6 supporting, 3 × B2 disputing (three speakers)
 *   bare     no claim                           NO_EVIDENCE 0.5, not contested
 */
import { describe, it, expect } from 'vitest';
import {
  ALL_EVIDENCE,
  DEFAULT_EVIDENCE,
  applyEvidence,
  checkEvidenceSetting,
  describeEvidence,
  describeLeftOut,
  evidenceText,
  leftOutCount,
  parseEvidence,
  type EvidenceSetting,
} from '../../graph/analysis/evidence-setting';
import { NO_EVIDENCE } from '../../graph/analysis/evidence';
import type { Claim, Dataset, Relation } from '../../graph/model/types';
import { testClaim } from '../support/claims';

const claim = testClaim;

const relation = (id: string, claims: Claim[]): Relation => ({ id, source: 'A', target: 'B', type: 'threat', claims });

function dataset(): Dataset {
  return {
    format: 'actorscope',
    version: 2,
    sources: [],
    meta: { title: 'Evidence setting test' },
    actors: [
      { id: 'A', name: 'Alpha', kind: 'state', aliases: [] },
      { id: 'B', name: 'Bravo', kind: 'state', aliases: [] },
    ],
    relations: [
      relation('strong', [claim('A1')]),
      relation('contested', [claim('F6'), claim('B2', 'disputes', 'x'), claim('B2', 'disputes', 'y'), claim('B2', 'disputes', 'z')]),
      relation('weak', [claim('E5')]),
      relation('bare', []),
      relation('good', [claim('B2')]),
    ],
  };
}

const kept = (setting: EvidenceSetting) => applyEvidence(dataset(), setting).dataset.relations.map((r) => r.id);

describe('applyEvidence', () => {
  it('the default leaves out the contested relation only; a relation without claims is not contested', () => {
    const d = dataset();
    const { dataset: counted, leftOut, setting } = applyEvidence(d, DEFAULT_EVIDENCE);
    expect(counted.relations.map((r) => r.id)).toEqual(['strong', 'weak', 'bare', 'good']);
    expect(leftOut).toEqual({ contested: ['contested'], belowGrade: [], belowConfidence: [] });
    expect(setting).toEqual({ contested: 'exclude' });
    expect(counted.actors).toBe(d.actors);
  });

  it('all relations: nothing left out, and the same dataset object back', () => {
    const d = dataset();
    const result = applyEvidence(d, ALL_EVIDENCE);
    expect(result.dataset).toBe(d);
    expect(leftOutCount(result.leftOut)).toBe(0);
  });

  it('minConfidence compares the confidence as it is; a relation without claims counts as NO_EVIDENCE (0.5)', () => {
    expect(NO_EVIDENCE).toBe(0.5);
    expect(kept({ contested: 'include', minConfidence: 0.5 })).toEqual(['strong', 'bare', 'good']);
    expect(kept({ contested: 'include', minConfidence: 0.51 })).toEqual(['strong', 'good']);
    expect(kept({ contested: 'include', minConfidence: 0 })).toEqual(['strong', 'contested', 'weak', 'bare', 'good']);
    expect(applyEvidence(dataset(), { contested: 'include', minConfidence: 0.6 }).leftOut).toEqual({
      contested: [],
      belowGrade: [],
      belowConfidence: ['contested', 'weak', 'bare'],
    });
  });

  it('minGrade keeps a relation with a supporting claim at that grade or better; never one without claims', () => {
    expect(kept({ contested: 'include', minGrade: 'B2' })).toEqual(['strong', 'good']);
    expect(applyEvidence(dataset(), { contested: 'include', minGrade: 'F6' }).leftOut.belowGrade).toEqual(['bare']);
  });

  it('each left-out relation is listed once, under the first test it fails: contested, grade, confidence', () => {
    const { leftOut } = applyEvidence(dataset(), { contested: 'exclude', minGrade: 'C3', minConfidence: 0.7 });
    expect(leftOut).toEqual({ contested: ['contested'], belowGrade: ['weak', 'bare'], belowConfidence: ['good'] });
    expect(leftOutCount(leftOut)).toBe(4);
  });

  it('refuses a malformed setting', () => {
    expect(() => applyEvidence(dataset(), { contested: 'no' } as unknown as EvidenceSetting)).toThrow(RangeError);
  });
});

describe('describeEvidence and describeLeftOut', () => {
  it('one line per setting', () => {
    expect(describeEvidence(DEFAULT_EVIDENCE)).toBe('uncontested relations');
    expect(describeEvidence(ALL_EVIDENCE)).toBe('all relations, contested ones included');
    expect(describeEvidence({ contested: 'include', minGrade: 'C3' })).toBe('relations with a supporting claim at C3 or better');
    expect(describeEvidence({ contested: 'exclude', minConfidence: 0.6, minGrade: 'C3' })).toBe(
      'uncontested relations with confidence at least 0.6 and a supporting claim at C3 or better',
    );
  });

  it('what was left out, in words; null when nothing was', () => {
    const setting: EvidenceSetting = { contested: 'exclude', minGrade: 'C3', minConfidence: 0.7 };
    const report = (leftOut: Partial<Record<'contested' | 'belowGrade' | 'belowConfidence', string[]>>) => ({
      setting,
      leftOut: { contested: [], belowGrade: [], belowConfidence: [], ...leftOut },
    });
    expect(describeLeftOut(report({}))).toBeNull();
    expect(describeLeftOut(report({ contested: ['a', 'b'] }))).toBe('2 contested relations not counted');
    expect(describeLeftOut(report({ belowGrade: ['a'] }))).toBe('1 relation without a supporting claim at C3 or better not counted');
    expect(describeLeftOut(report({ contested: ['a'], belowGrade: ['b', 'c'], belowConfidence: ['d'] }))).toBe(
      '1 contested relation, 2 without a supporting claim at C3 or better and 1 below confidence 0.7 not counted',
    );
  });
});

describe('checkEvidenceSetting (a setting as data)', () => {
  it('keeps the known fields of a good setting, as a fresh object', () => {
    const input = { contested: 'exclude', minConfidence: 0.25, minGrade: 'B3', extra: 1 };
    const checked = checkEvidenceSetting(input);
    expect(checked).toEqual({ contested: 'exclude', minConfidence: 0.25, minGrade: 'B3' });
    expect(checked).not.toBe(input);
  });

  it('names what is wrong', () => {
    expect(() => checkEvidenceSetting(null)).toThrow('evidence: a setting is an object');
    expect(() => checkEvidenceSetting('all')).toThrow('evidence: a setting is an object { contested, minConfidence?, minGrade? }, not "all"');
    expect(() => checkEvidenceSetting({})).toThrow('evidence: contested must be "include" or "exclude", not undefined');
    expect(() => checkEvidenceSetting({ contested: 'include', minConfidence: Number.NaN })).toThrow('minConfidence must be a number from 0 to 1, not null');
    expect(() => checkEvidenceSetting({ contested: 'include', minConfidence: '0.5' })).toThrow('not "0.5"');
    expect(() => checkEvidenceSetting({ contested: 'include', minGrade: 'c3' })).toThrow('minGrade must be an Admiralty grade (A1 … F6), not "c3"');
  });
});

describe('parseEvidence (a setting as text, from a URL or the command line)', () => {
  it('defaults to uncontested; reads all, a confidence and a grade', () => {
    expect(parseEvidence({})).toEqual({ ok: true, setting: { contested: 'exclude' } });
    expect(parseEvidence({ evidence: ' All ' })).toEqual({ ok: true, setting: { contested: 'include' } });
    expect(parseEvidence({ evidence: 'uncontested', minConfidence: '0.25', minGrade: ' b3' })).toEqual({
      ok: true,
      setting: { contested: 'exclude', minConfidence: 0.25, minGrade: 'B3' },
    });
    expect(parseEvidence({ minConfidence: '1' })).toMatchObject({ ok: true, setting: { minConfidence: 1 } });
    expect(parseEvidence({ minConfidence: '.5' })).toMatchObject({ ok: true, setting: { minConfidence: 0.5 } });
    expect(parseEvidence({ minConfidence: '5e-1' })).toMatchObject({ ok: true, setting: { minConfidence: 0.5 } });
  });

  it('refuses anything else, naming the field', () => {
    for (const [text, field, problem] of [
      [{ evidence: 'none' }, 'evidence', '"none" is not one of all, uncontested'],
      [{ minConfidence: '1.01' }, 'minConfidence', '"1.01" is not a number from 0 to 1'],
      [{ minConfidence: '-0' }, 'minConfidence', '"-0" is not a number from 0 to 1'],
      [{ minConfidence: '' }, 'minConfidence', '"" is not a number from 0 to 1'],
      [{ minConfidence: '0x1' }, 'minConfidence', '"0x1" is not a number from 0 to 1'],
      [{ minConfidence: 'Infinity' }, 'minConfidence', '"Infinity" is not a number from 0 to 1'],
      [{ minGrade: 'G1' }, 'minGrade', '"G1" is not an Admiralty grade (A1 … F6, e.g. C3)'],
    ] as const) {
      expect(parseEvidence(text)).toEqual({ ok: false, field, problem });
    }
  });

  it('evidenceText writes a setting that parseEvidence reads back', () => {
    for (const setting of [DEFAULT_EVIDENCE, ALL_EVIDENCE, { contested: 'include', minConfidence: 0.125, minGrade: 'C3' }, { contested: 'exclude', minConfidence: 1e-7 }] as EvidenceSetting[]) {
      expect(parseEvidence(evidenceText(setting))).toEqual({ ok: true, setting });
    }
  });
});
