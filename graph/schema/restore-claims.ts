/** restore()'s evidence: a claim with its quote, source, locator, stance, grade and dates. */
import type { Claim, Locator, Period, SourceRef } from '../model/types';
import { dateBounds, isPartialDate } from './dates';
import { isGrade } from './grade';
import { describeValue, type ProblemList } from './problems';
import { isObject } from './restore-values';

export function restoreClaim(raw: unknown, path: string, problems: ProblemList): Claim | null {
  if (!isObject(raw)) {
    problems.error(path, `expected a claim object, found ${describeValue(raw)}`);
    return null;
  }
  if (typeof raw.quote !== 'string' || raw.quote.trim() === '') {
    problems.error(`${path}.quote`, `${describeValue(raw.quote)} is not a quote (expected non-empty text)`);
  }
  const source = restoreSource(raw.source, `${path}.source`, problems);
  const locator = restoreLocator(raw.locator, `${path}.locator`, problems);

  let assertedBy = '';
  if (typeof raw.assertedBy === 'string') assertedBy = raw.assertedBy;
  else if (raw.assertedBy === undefined) problems.warn(`${path}.assertedBy`, 'missing: nobody is named as asserting this');
  else problems.error(`${path}.assertedBy`, `expected text, found ${describeValue(raw.assertedBy)}`);

  let stance: Claim['stance'] = 'supports';
  if (raw.stance === 'supports' || raw.stance === 'disputes') stance = raw.stance;
  else if (raw.stance !== undefined) problems.error(`${path}.stance`, `${describeValue(raw.stance)} is not a stance (supports, disputes)`);

  let grade: Claim['grade'] = 'F6';
  if (isGrade(raw.grade)) grade = raw.grade;
  else if (raw.grade === undefined) problems.warn(`${path}.grade`, 'missing; graded F6 (cannot be judged)');
  else problems.error(`${path}.grade`, `${describeValue(raw.grade)} is not a grade (A–F then 1–6, e.g. "B2")`);

  const claim: Claim = {
    quote: typeof raw.quote === 'string' ? raw.quote : '',
    source: source ?? { title: '' },
    locator,
    assertedBy,
    stance,
    grade,
  };
  if (raw.date !== undefined) {
    if (isPartialDate(raw.date)) claim.date = raw.date;
    else problems.error(`${path}.date`, `${describeValue(raw.date)} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  }
  if (raw.period !== undefined) {
    const period = restorePeriod(raw.period, `${path}.period`, problems);
    if (period) claim.period = period;
  }
  if (raw.notes !== undefined) {
    if (typeof raw.notes === 'string') claim.notes = raw.notes;
    else problems.error(`${path}.notes`, `expected text, found ${describeValue(raw.notes)}`);
  }
  return claim;
}

export function restoreSource(raw: unknown, path: string, problems: ProblemList): SourceRef | null {
  if (typeof raw === 'string' && raw.trim() !== '') return { title: raw };
  if (!isObject(raw)) {
    problems.error(path, `expected a source (an object with a title), found ${describeValue(raw)}`);
    return null;
  }
  if (typeof raw.title !== 'string' || raw.title.trim() === '') {
    problems.error(`${path}.title`, `${describeValue(raw.title)} is not a title (expected non-empty text)`);
    return null;
  }
  const source: SourceRef = { title: raw.title };
  if (raw.publisher !== undefined) {
    if (typeof raw.publisher === 'string') source.publisher = raw.publisher;
    else problems.error(`${path}.publisher`, `expected text, found ${describeValue(raw.publisher)}`);
  }
  if (raw.date !== undefined) {
    if (isPartialDate(raw.date)) source.date = raw.date;
    else problems.error(`${path}.date`, `${describeValue(raw.date)} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  }
  if (raw.url !== undefined) {
    // Only web links: a `javascript:` URL from a file must never become a live link.
    if (typeof raw.url === 'string' && /^https?:\/\/\S+$/i.test(raw.url)) source.url = raw.url;
    else problems.error(`${path}.url`, `${describeValue(raw.url)} is not an http(s) address`);
  }
  return source;
}

function restoreLocator(raw: unknown, path: string, problems: ProblemList): Locator {
  if (raw === undefined) {
    problems.warn(path, 'missing: nothing says where in the source the quote stands');
    return {};
  }
  if (!isObject(raw)) {
    problems.error(path, `expected an object with paragraph and/or chars, found ${describeValue(raw)}`);
    return {};
  }
  const locator: Locator = {};
  if (raw.paragraph !== undefined) {
    if (typeof raw.paragraph === 'number' && Number.isInteger(raw.paragraph) && raw.paragraph >= 1) locator.paragraph = raw.paragraph;
    else problems.error(`${path}.paragraph`, `${describeValue(raw.paragraph)} is not a paragraph number (1, 2, …)`);
  }
  if (raw.chars !== undefined) {
    const c = raw.chars;
    if (
      Array.isArray(c) && c.length === 2 &&
      c.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0) &&
      (c[0] as number) <= (c[1] as number)
    ) {
      locator.chars = [c[0] as number, c[1] as number];
    } else {
      problems.error(`${path}.chars`, 'expected [start, end] with 0 ≤ start ≤ end');
    }
  }
  if (locator.paragraph === undefined && locator.chars === undefined && raw.paragraph === undefined && raw.chars === undefined) {
    problems.warn(path, 'empty: give a paragraph number or a character range');
  }
  return locator;
}

function restorePeriod(raw: unknown, path: string, problems: ProblemList): Period | null {
  if (!isObject(raw)) {
    problems.error(path, `expected {from, to}, found ${describeValue(raw)}`);
    return null;
  }
  const period: Period = {};
  for (const key of ['from', 'to'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (isPartialDate(v)) period[key] = v;
    else problems.error(`${path}.${key}`, `${describeValue(v)} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  }
  // Compared at their widest: from 2023-05 to 2023 is fine (2023 runs to December).
  if (period.from && period.to && dateBounds(period.from)[0] > dateBounds(period.to)[1]) {
    problems.error(path, `starts (${period.from}) after it ends (${period.to})`);
  }
  return period;
}
