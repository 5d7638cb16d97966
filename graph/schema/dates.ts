/** Partial dates as datasets write them: YYYY, YYYY-MM or YYYY-MM-DD. */
const ISO_PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** YYYY, YYYY-MM or YYYY-MM-DD, and a day that exists in its month (no 2023-02-30). */
export function isPartialDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_PARTIAL_DATE.test(value)) return false;
  if (value.length < 10) return true;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The first and last day a partial date can mean: 2023 runs from 2023-01-01 to 2023-12-31. */
export function dateBounds(value: string): [string, string] {
  if (value.length === 4) return [`${value}-01-01`, `${value}-12-31`];
  if (value.length === 7) {
    const [y, m] = value.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return [`${value}-01`, `${value}-${String(last).padStart(2, '0')}`];
  }
  return [value, value];
}
