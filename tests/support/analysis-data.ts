/**
 * What the analysis tests share (balance, communities, ego): small datasets
 * built from edge lists, the fixtures in tests/fixtures/analysis/, checks on
 * lists of actors an analysis returns, and the CLI's usage-error checks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { readDataset } from '../../graph/io/read-dataset';
import type { Dataset, Grade, RelationType } from '../../graph/model/types';
import type { Run } from './run-command';

export const ANALYSIS_FIXTURES = fileURLToPath(new URL('../fixtures/analysis/', import.meta.url));

/** [source, target, type, grade of its one supporting claim (none: no claim)] */
export type Edge = [source: string, target: string, type: RelationType, grade?: Grade];

/** Actors `name of <id>` (kind state), relations r1, r2, … in the order given. */
export function edgeDataset(title: string, actorIds: readonly string[], edges: readonly Edge[]): Dataset {
  return {
    format: 'actorscope',
    version: 2,
    meta: { title },
    sources: [{ id: 't', title: 't' }],
    actors: actorIds.map((id) => ({ id, name: `name of ${id}`, kind: 'state', aliases: [] })),
    relations: edges.map(([source, target, type, grade], i) => ({
      id: `r${i + 1}`,
      source,
      target,
      type,
      claims: grade
        ? [{ quote: `${source} ${type} ${target}`, sourceId: 't', locator: {}, assertedBy: 'reported', stance: 'supports' as const, grade }]
        : [],
    })),
  };
}

/** A dataset of tests/fixtures/analysis/, read and restored. */
export function analysisFixture(name: string): Dataset {
  const read = readDataset(readFileSync(join(ANALYSIS_FIXTURES, name), 'utf8'), name);
  if (!read.ok) throw new Error(`fixture ${name} does not restore`);
  return read.dataset;
}

/** The lists hold every actor of `ds` exactly once. */
export function expectPartition(lists: ReadonlyArray<readonly string[]>, ds: Dataset): void {
  const seen = lists.flat();
  expect(new Set(seen).size).toBe(seen.length);
  expect(new Set(seen)).toEqual(new Set(ds.actors.map((a) => a.id)));
}

/** Each list's actors are in the order of their names (English collation). */
export function expectSortedByName(lists: ReadonlyArray<readonly string[]>, ds: Dataset): void {
  const name = new Map(ds.actors.map((a) => [a.id, a.name] as const));
  for (const list of lists) {
    const names = list.map((id) => name.get(id)!);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  }
}

/**
 * Each argument list is a usage error (exit 2, `actorscope: …` on stderr), and
 * a missing FILE exits 1 with `FILE: no such file`, without a stack trace.
 */
export function expectUsageErrors(run: (...args: string[]) => Run, usageErrors: ReadonlyArray<readonly string[]>): void {
  for (const args of usageErrors) {
    const r = run(...args);
    expect(r.code, args.join(' ')).toBe(2);
    expect(r.err).toMatch(/^actorscope: /);
  }
  const missing = run('no-such-file.json');
  expect(missing.code).toBe(1);
  expect(missing.err).toBe('no-such-file.json: no such file');
  expect(missing.err).not.toMatch(/\n\s+at /);
}
