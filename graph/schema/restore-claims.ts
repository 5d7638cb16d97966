/** restore()'s evidence: a claim with its quote, source, locator, context, stance, grade and dates. */
import type { Claim, Locator, Period, QuoteContext } from '../model/types';
import { dateBounds, isPartialDate } from './dates';
import { isGrade } from './grade';
import { describeValue, type ProblemList } from './problems';
import { restoreCitation, type SourceTable } from './restore-sources';
import { isObject } from './restore-values';

export function restoreClaim(raw: unknown, path: string, problems: ProblemList, sources: SourceTable): Claim | null {
  if (!isObject(raw)) {
    problems.error(path, `expected a claim object, found ${describeValue(raw)}`);
    return null;
  }
  if (typeof raw.quote !== 'string' || raw.quote.trim() === '') {
    problems.error(`${path}.quote`, `${describeValue(raw.quote)} is not a quote (expected non-empty text)`);
  }
  const sourceId = restoreSourceId(raw, path, problems, sources);
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
    sourceId: sourceId ?? '',
    locator,
    assertedBy,
    stance,
    grade,
  };
  if (raw.context !== undefined) {
    const context = restoreContext(raw.context, `${path}.context`, problems);
    if (context) claim.context = context;
  }
  if (raw.date !== undefined) {
    if (isPartialDate(raw.date)) claim.date = raw.date;
    else problems.error(`${path}.date`, `${describeValue(raw.date)} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  }
  if (raw.period !== undefined) {
    const period = restorePeriod(raw.period, `${path}.period`, problems);
    if (period) claim.period = period;
  }
  if (raw.weight !== undefined) {
    if (typeof raw.weight === 'number' && Number.isFinite(raw.weight) && raw.weight >= 0) claim.weight = raw.weight;
    else problems.error(`${path}.weight`, `${describeValue(raw.weight)} is not a weight (a number, 0 or more)`);
  }
  if (raw.notes !== undefined) {
    if (typeof raw.notes === 'string') claim.notes = raw.notes;
    else problems.error(`${path}.notes`, `expected text, found ${describeValue(raw.notes)}`);
  }
  return claim;
}

/**
 * The source a claim quotes: `sourceId`, one of the dataset's sources; or an
 * inline `source` citation (version 1, other tools' files), which joins the
 * source it matches or becomes a new one.
 */
function restoreSourceId(raw: Record<string, unknown>, path: string, problems: ProblemList, sources: SourceTable): string | null {
  if (raw.sourceId !== undefined) {
    if (typeof raw.sourceId === 'string' && sources.has(raw.sourceId)) return raw.sourceId;
    // Named but not listed, and cited inline (a claims file read without its meta file): the citation is that source.
    if (typeof raw.sourceId === 'string' && raw.sourceId.trim() !== '' && raw.source !== undefined) {
      const citation = restoreCitation(raw.source, `${path}.source`, problems);
      return citation ? sources.intern(citation, raw.sourceId).id : null;
    }
    problems.error(`${path}.sourceId`, `${describeValue(raw.sourceId)} is not the id of one of the dataset's sources`);
    return null;
  }
  if (raw.source !== undefined) {
    const citation = restoreCitation(raw.source, `${path}.source`, problems);
    return citation ? sources.intern(citation).id : null;
  }
  problems.error(`${path}.sourceId`, 'missing: every claim names the source it quotes');
  return null;
}

function restoreContext(raw: unknown, path: string, problems: ProblemList): QuoteContext | null {
  if (!isObject(raw)) {
    problems.error(path, `expected {prefix, suffix}, found ${describeValue(raw)}`);
    return null;
  }
  const context: QuoteContext = {};
  for (const key of ['prefix', 'suffix'] as const) {
    const v = raw[key];
    // An empty side says nothing (and is what a CSV's empty cell reads as): kept as no side.
    if (typeof v === 'string') {
      if (v !== '') context[key] = v;
    } else if (v !== undefined) problems.error(`${path}.${key}`, `expected text, found ${describeValue(v)}`);
  }
  return context.prefix || context.suffix ? context : null;
}

function restoreLocator(raw: unknown, path: string, problems: ProblemList): Locator {
  if (raw === undefined) {
    problems.warn(path, 'missing: nothing says where in the source the quote stands');
    return {};
  }
  if (!isObject(raw)) {
    problems.error(path, `expected an object with paragraph, page, row and/or chars, found ${describeValue(raw)}`);
    return {};
  }
  const locator: Locator = {};
  if (raw.paragraph !== undefined) {
    if (typeof raw.paragraph === 'number' && Number.isInteger(raw.paragraph) && raw.paragraph >= 1) locator.paragraph = raw.paragraph;
    else problems.error(`${path}.paragraph`, `${describeValue(raw.paragraph)} is not a paragraph number (1, 2, …)`);
  }
  if (raw.page !== undefined) {
    if (typeof raw.page === 'number' && Number.isInteger(raw.page) && raw.page >= 1) locator.page = raw.page;
    else problems.error(`${path}.page`, `${describeValue(raw.page)} is not a page number (1, 2, …)`);
  }
  if (raw.row !== undefined) {
    if (typeof raw.row === 'number' && Number.isInteger(raw.row) && raw.row >= 1) locator.row = raw.row;
    else problems.error(`${path}.row`, `${describeValue(raw.row)} is not a row number (1, 2, …)`);
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
  if (Object.keys(locator).length === 0 && raw.paragraph === undefined && raw.chars === undefined && raw.page === undefined && raw.row === undefined) {
    problems.warn(path, 'empty: give a paragraph number, a page, a row or a character range');
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
