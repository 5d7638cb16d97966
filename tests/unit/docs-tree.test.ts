/**
 * The three maps of the code say what the tree holds, and the tree holds what
 * they say: the README's folder map, graph/README.md's "Layout of the code"
 * and tests/README.md. Each map drifted from the tree once (issue 9), so a
 * folder added, moved or removed without its map fails here.
 *
 * What counts:
 * - README.md, "## Folder map": every name in the map exists at the place its
 *   indentation gives (two spaces a level), and every folder of graph/ and
 *   src/ (at any depth) and of tests/ (one level down) is in it.
 * - graph/README.md, "## Layout of the code": every backticked path exists
 *   under graph/, and every folder and top-level file of graph/ is named.
 * - tests/README.md: every test file of unit/ and e2e/ and every folder of
 *   tests/ is named, and every backticked tests/ path exists.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');

function read(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

/** The text from a `## heading` to the next `## ` heading. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}`);
  if (start < 0) throw new Error(`no "## ${heading}" section`);
  const end = markdown.indexOf('\n## ', start + 4);
  return markdown.slice(start, end < 0 ? undefined : end);
}

/** Folders below `dir` (relative to the root), down to `depth` levels; depth Infinity for all. */
function folders(dir: string, depth = Infinity): string[] {
  const out: string[] = [];
  const walk = (rel: string, level: number) => {
    for (const name of readdirSync(join(ROOT, rel)).sort()) {
      const child = `${rel}/${name}`;
      if (!statSync(join(ROOT, child)).isDirectory() || name === 'node_modules' || name.startsWith('.')) continue;
      out.push(`${child}/`);
      if (level < depth) walk(child, level + 1);
    }
  };
  walk(dir, 1);
  return out;
}

/** Files directly in `dir`, tracked kinds only (no generated output). */
function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(join(ROOT, dir))
    .filter((name) => pattern.test(name) && statSync(join(ROOT, dir, name)).isFile())
    .map((name) => `${dir}/${name}`);
}

/**
 * The paths a folder map names. A line is `  name [· name …]   description`:
 * the indentation gives the depth (two spaces a level), names end at the first
 * run of two spaces, a folder name ends in `/`.
 */
export function folderMapPaths(block: string): string[] {
  const paths: string[] = [];
  const parents: string[] = [];
  for (const line of block.split('\n')) {
    if (!line.trim()) continue;
    const indent = line.length - line.trimStart().length;
    const depth = indent / 2;
    if (!Number.isInteger(depth)) throw new Error(`folder map: odd indentation in ${JSON.stringify(line)}`);
    const names = line.trimStart().split(/ {2,}/)[0]!.split(/\s+(?:·\s+)?/).filter(Boolean);
    parents.length = depth;
    const base = parents.join('');
    for (const name of names) paths.push(base + name);
    const folder = names.find((n) => n.endsWith('/'));
    if (names.length === 1 && folder) parents[depth] = folder;
    else parents[depth] = '\0'; // a line of several names opens no level
  }
  return paths;
}

describe('README.md folder map', () => {
  const block = /```\n([\s\S]*?)```/.exec(section(read('README.md'), 'Folder map'))![1]!;
  const paths = folderMapPaths(block);

  it('names only what exists, where its indentation puts it', () => {
    const missing = paths.filter((p) => !p.includes('\0') && !existsSync(join(ROOT, p)));
    expect(missing).toEqual([]);
  });

  it('names every folder of graph/ and src/, and of tests/ one level down', () => {
    const listed = new Set(paths);
    const expected = [...folders('graph'), ...folders('src'), ...folders('tests', 1)];
    expect(expected.filter((f) => !listed.has(f))).toEqual([]);
  });

  it('names every top-level folder of the project', () => {
    const top = readdirSync(ROOT).filter(
      // Dot folders are tools' caches, but for .ci (what CI runs).
      (n) => statSync(join(ROOT, n)).isDirectory() && (!n.startsWith('.') || n === '.ci') && !['node_modules', 'dist', 'coverage'].includes(n),
    );
    const listed = new Set(paths);
    expect(top.filter((n) => !listed.has(`${n}/`))).toEqual([]);
  });
});

describe('graph/README.md "Layout of the code"', () => {
  const text = section(read('graph/README.md'), 'Layout of the code');
  const named = [...text.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]!);

  it('every backticked path exists under graph/', () => {
    const paths = named.filter((n) => /^[\w.-]+(\/[\w.-]*)*$/.test(n) && (n.includes('/') || /\.\w+$/.test(n)));
    const missing = paths.filter((p) => !existsSync(join(ROOT, 'graph', p)));
    expect(missing).toEqual([]);
  });

  it('names every folder of graph/ and every file at its top', () => {
    const expected = [
      ...folders('graph').map((f) => relative('graph', f) + '/'),
      ...files('graph', /\.ts$/).map((f) => relative('graph', f)),
    ];
    const set = new Set(named);
    expect(expected.filter((p) => !set.has(p))).toEqual([]);
  });
});

describe('tests/README.md', () => {
  const text = read('tests/README.md');

  it('names every unit and end-to-end test file', () => {
    const tests = [...files('tests/unit', /\.test\.ts$/), ...files('tests/e2e', /\.test\.ts$/)];
    expect(tests.filter((t) => !text.includes(t.replace(/^tests\//, '')))).toEqual([]);
  });

  it('names every folder of tests/', () => {
    const expected = folders('tests', 1).map((f) => relative('tests', f) + '/');
    expect(expected.filter((f) => !text.includes(`\`${f}\``))).toEqual([]);
  });

  it('every backticked tests/ path exists', () => {
    const paths = [...text.matchAll(/`(?:npx vitest run [^`]*?)?((?:tests\/)?(?:unit|e2e|support|fixtures|bench)\/[\w./-]+)`/g)].map((m) => m[1]!);
    const all = [...text.matchAll(/\b((?:tests\/)?(?:unit|e2e|support|bench)\/[\w-]+(?:\/[\w-]+)*\.(?:ts|mjs|py|md))\b/g)].map((m) => m[1]!);
    const missing = [...new Set([...paths, ...all])]
      .map((p) => (p.startsWith('tests/') ? p : `tests/${p}`))
      .filter((p) => !existsSync(join(ROOT, p)));
    expect(missing).toEqual([]);
  });
});
