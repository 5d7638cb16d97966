/**
 * The Changes tab's default windows (src/panels/changes/default-windows.ts):
 * the first and last thirds of the dated span, worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { asTimeWindow, datedSpan, defaultWindows, windowProblem } from '../../src/panels/changes/default-windows';

describe('the default windows', () => {
  it('takes the first and last thirds of the dated span (whole years, at least one)', () => {
    // 2009–2020: 12 years, thirds of 4.
    expect(defaultWindows([2009, 2020])).toEqual({ before: [2009, 2012], after: [2017, 2020] });
    // 1992–2021: 30 years, thirds of 10.
    expect(defaultWindows([1992, 2021])).toEqual({ before: [1992, 2001], after: [2012, 2021] });
    // 2010–2014: 5 years, floor(5/3) = 1.
    expect(defaultWindows([2010, 2014])).toEqual({ before: [2010, 2010], after: [2014, 2014] });
    // One year: both windows are it.
    expect(defaultWindows([2023, 2023])).toEqual({ before: [2023, 2023], after: [2023, 2023] });
  });

  it('reads the span from the years, none without dated claims; says what is wrong with a window', () => {
    expect(datedSpan([2015, 2009, 2020])).toEqual([2009, 2020]);
    expect(datedSpan([])).toBeNull();
    expect(windowProblem('Before', [2012, 2008])).toBe('Before: 2012 is after 2008.');
    expect(windowProblem('After', [Number.NaN, 2008])).toBe('After: give two years.');
    expect(windowProblem('After', [2008, 2008])).toBeNull();
    expect(asTimeWindow([987, 2008], true)).toEqual({ from: '0987', to: '2008', datedOnly: true });
  });
});
