/** A problem found in input, located by a path such as `relations[4].claims[0].grade`. */
export interface Problem {
  severity: 'error' | 'warning';
  /** Where: a JSON path for datasets, `line L` or `row R, column C` for text formats. */
  path: string;
  message: string;
}

/** `relations[4].claims[0].grade: "Z9" is not a grade` */
export function formatProblem(p: Problem): string {
  const where = p.path === '' ? '(root)' : p.path;
  return `${p.severity === 'warning' ? 'warning: ' : ''}${where}: ${p.message}`;
}

/** Collects problems; the caller decides whether errors stop the import. */
export class ProblemList {
  readonly items: Problem[] = [];
  error(path: string, message: string): void {
    this.items.push({ severity: 'error', path, message });
  }
  warn(path: string, message: string): void {
    this.items.push({ severity: 'warning', path, message });
  }
  get errors(): Problem[] {
    return this.items.filter((p) => p.severity === 'error');
  }
  get warnings(): Problem[] {
    return this.items.filter((p) => p.severity === 'warning');
  }
  get hasErrors(): boolean {
    return this.items.some((p) => p.severity === 'error');
  }
}

/** Short, safe rendering of an arbitrary value for an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return JSON.stringify(shown);
  }
  return String(value);
}
