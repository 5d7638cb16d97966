/**
 * `npm run bench:cli`: the actorscope command as a user runs it, a whole
 * process each time, against a Python script doing the same with igraph
 * (tests/bench/igraph_cli.py), on the benchmark's 10k/50k graph written as a
 * CSV edge list (header source,target,type: what `actorscope metrics
 * ba-10k.csv` reads). See tests/bench/README.md, "CLI whole process".
 *
 * - The graph: tests/bench/generate.ts with run.ts's seed (20240601), 10,000
 *   actors and 49,985 relations, each row `n<i>,n<j>,type`.
 * - Each row of the table is one command of ours and one of igraph's, both
 *   reading the same CSV and printing every actor's value to stdout, which goes
 *   to /dev/null: `bin/actorscope.mjs metrics FILE --metrics M` executed as
 *   `actorscope` and `npx actorscope` run it, through its #! line (its aligned
 *   table; one more row runs it as `node bin/actorscope.mjs`, without the
 *   line's V8 flag) and `python3 igraph_cli.py FILE M` (id,value lines), or
 *   `actorscope communities FILE --types <all four>` and igraph's multilevel.
 *   The view is the CLI's default (directed, partner both ways), in igraph too;
 *   `--undirected` runs both undirected. Every run must exit 0.
 * - Timing: one warm-up run of each, then `--runs` (default 5) counted runs,
 *   interleaved A B A B, wall time from spawn to exit; the median counts, and the
 *   ratio is ours/igraph (below 1: ours is faster). With /usr/bin/time, each
 *   run's CPU time (user + sys) and peak memory are read too.
 * - Start-up rows: `node bin/actorscope.mjs --help` against `python3 -c "import
 *   igraph"` (what every igraph script pays before it reads a byte), and, alone,
 *   `npx actorscope --help` and `node -e 0`.
 * - A check before the timing: our PageRank and igraph's on the same file agree
 *   to 1e-6 for every actor (so both read the same graph).
 * - igraph runs with OMP_NUM_THREADS=1, as run.ts runs igraph_bench.py.
 *
 * Options (also as environment variables):
 *   --runs=N        (BENCH_RUNS)       counted runs per command (default 5)
 *   --metrics=LIST  (BENCH_METRICS)    rows to run (default all: degree, inDegree, outDegree, betweenness,
 *                                      closeness, eigenvector, pagerank, hub, authority, communities)
 *   --quick         (BENCH_QUICK=1)    leave out exact betweenness (~10–20 s a run for each tool)
 *   --undirected    (BENCH_UNDIRECTED=1) both tools on the undirected view
 *   --seed=N        (BENCH_SEED)       graph seed (default 20240601)
 *   --out=PATH      (BENCH_OUT)        JSON file (default tests/bench/results/cli-latest.json)
 *   BENCH_PYTHON=/path/to/python3      the Python with igraph (else python3, then /usr/bin/python3)
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { barabasiAlbert } from './generate';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..', '..');
const BIN = path.join(root, 'bin', 'actorscope.mjs');
const ALL_TYPES = 'partner,supplier,threat,suspected-supporter';
const ROWS = ['degree', 'inDegree', 'outDegree', 'betweenness', 'closeness', 'eigenvector', 'pagerank', 'hub', 'authority', 'communities'];

interface Options {
  runs: number;
  rows: string[];
  undirected: boolean;
  seed: number;
  out: string;
}

function parseOptions(argv: string[]): Options {
  const env = process.env;
  for (const a of argv) {
    if (!/^--(quick|undirected|runs=\d+|seed=\d+|out=.+|metrics=.+)$/.test(a)) throw new Error(`bench:cli: unknown option ${a} (see tests/bench/README.md)`);
  }
  const flag = (name: string, envName: string) => argv.includes(`--${name}`) || env[envName] === '1';
  const value = (name: string, envName: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? env[envName];
  let rows = (value('metrics', 'BENCH_METRICS') ?? ROWS.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
  for (const r of rows) if (!ROWS.includes(r)) throw new Error(`bench:cli: --metrics: unknown row ${r} (one of ${ROWS.join(', ')})`);
  if (flag('quick', 'BENCH_QUICK')) rows = rows.filter((r) => r !== 'betweenness');
  const runs = Number(value('runs', 'BENCH_RUNS') ?? 5);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('bench:cli: --runs must be a whole number of at least 1');
  return {
    runs,
    rows,
    undirected: flag('undirected', 'BENCH_UNDIRECTED'),
    seed: Number(value('seed', 'BENCH_SEED') ?? 20240601),
    out: value('out', 'BENCH_OUT') ?? path.join(here, 'results', 'cli-latest.json'),
  };
}

function findPython(): { python: string; version: string } | null {
  for (const python of [process.env.BENCH_PYTHON, 'python3', '/usr/bin/python3']) {
    if (!python) continue;
    const r = spawnSync(python, ['-c', 'import igraph; print(igraph.__version__)'], { encoding: 'utf8' });
    if (r.status === 0) return { python, version: r.stdout.trim() };
  }
  return null;
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

interface Run {
  wall: number;
  /** user + sys, seconds → ms (with /usr/bin/time). */
  cpu?: number;
  /** Peak resident memory, MB (with /usr/bin/time). */
  peakMb?: number;
}

interface Summary {
  command: string;
  runs: Run[];
  wall: number;
  cpu?: number;
  peakMb?: number;
}

const devNull = openSync('/dev/null', 'w');
const env = { ...process.env, OMP_NUM_THREADS: '1' };

/** One whole process, stdout to /dev/null; throws unless it exits 0. */
function runOnce(argv: string[], scratch: string): Run {
  const timeFile = path.join(scratch, 'time.txt');
  const full = TIME ? [TIME, '-o', timeFile, '-f', '%U %S %M', ...argv] : argv;
  const start = performance.now();
  const r = spawnSync(full[0]!, full.slice(1), { cwd: root, stdio: ['ignore', devNull, 'pipe'], env, maxBuffer: 1 << 26 });
  const wall = performance.now() - start;
  if (r.status !== 0) throw new Error(`${argv.join(' ')}: exit ${r.status ?? r.signal}: ${r.stderr.toString().slice(0, 2000)}`);
  if (!TIME) return { wall };
  const [user, sys, kb] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  return { wall, cpu: (user! + sys!) * 1000, peakMb: kb! / 1024 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function summarize(command: string[], runs: Run[]): Summary {
  const s: Summary = { command: command.map((a) => (a.includes(' ') ? JSON.stringify(a) : a)).join(' '), runs, wall: median(runs.map((r) => r.wall)) };
  if (runs[0]?.cpu !== undefined) {
    s.cpu = median(runs.map((r) => r.cpu!));
    s.peakMb = Math.max(...runs.map((r) => r.peakMb!));
  }
  return s;
}

/** A warm-up run of each, then `runs` counted runs of each, A B A B. */
function timePair(a: string[], b: string[] | null, runs: number, scratch: string): [Summary, Summary | null] {
  runOnce(a, scratch);
  if (b) runOnce(b, scratch);
  const ra: Run[] = [];
  const rb: Run[] = [];
  for (let i = 0; i < runs; i++) {
    ra.push(runOnce(a, scratch));
    if (b) rb.push(runOnce(b, scratch));
  }
  return [summarize(a, ra), b ? summarize(b, rb) : null];
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

function writeCsv(file: string, seed: number): { actors: number; relations: number } {
  const g = barabasiAlbert(10000, 50000, seed);
  const lines = ['source,target,type'];
  for (let i = 0; i < g.types.length; i++) lines.push(`n${g.sources[i]!},n${g.targets[i]!},${g.types[i]!}`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { actors: g.actors, relations: g.types.length };
}

/** Ours and igraph's PageRank on the file, every actor within 1e-6: both tools read the same graph. */
function checkSameGraph(file: string, python: string, undirected: boolean): string {
  const ours = spawnSync(BIN, ['metrics', file, '--metrics', 'pagerank', '--json', ...(undirected ? ['--undirected'] : [])], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (ours.status !== 0) throw new Error(`actorscope metrics --json failed: ${ours.stderr}`);
  const theirs = spawnSync(python, [path.join(here, 'igraph_cli.py'), file, 'pagerank', ...(undirected ? ['--undirected'] : [])], { encoding: 'utf8', env, maxBuffer: 1 << 26 });
  if (theirs.status !== 0) throw new Error(`igraph_cli.py failed: ${theirs.stderr}`);
  const igraph = new Map(theirs.stdout.trim().split('\n').slice(1).map((line) => {
    const [id, v] = line.split(',');
    return [id!, Number(v)] as const;
  }));
  const actors = (JSON.parse(ours.stdout) as { actors: Array<{ id: string; pagerank: number }> }).actors;
  if (actors.length !== igraph.size) throw new Error(`PageRank check: ${actors.length} actors in ours, ${igraph.size} in igraph's`);
  let worst = 0;
  for (const a of actors) worst = Math.max(worst, Math.abs(a.pagerank - (igraph.get(a.id) ?? Infinity)));
  if (!(worst <= 1e-6)) throw new Error(`PageRank check: ours and igraph's differ by up to ${worst}: not the same graph?`);
  return `PageRank of all ${actors.length} actors equal to igraph's within ${worst.toExponential(1)}`;
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const py = findPython();
  if (!py) throw new Error('bench:cli needs python3 with igraph (Debian python3-igraph) or BENCH_PYTHON');
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'actorscope-bench-cli-'));
  const started = new Date();
  const load = os.loadavg();
  try {
    // The bundle as `npm install` builds it (bin would rebuild a stale one in the first timed run).
    const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-cli.mjs')], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`build-cli failed: ${build.stderr}`);
    const file = path.join(scratch, 'ba-10k.csv');
    const size = writeCsv(file, options.seed);
    const view = options.undirected ? ['--undirected'] : [];
    const check = checkSameGraph(file, py.python, options.undirected);
    console.error(check);

    interface Row { metric: string; ours: Summary; igraph: Summary | null; ratio: number | null }
    const rows: Row[] = [];
    const add = (metric: string, a: string[], b: string[] | null) => {
      console.error(`  ${metric}…`);
      const [ours, igraph] = timePair(a, b, options.runs, scratch);
      rows.push({ metric, ours, igraph, ratio: igraph ? ours.wall / igraph.wall : null });
    };
    // Ours as `actorscope` runs: bin/actorscope.mjs executed, through its #! line (node with its flag).
    add('start-up: `actorscope --help`', [BIN, '--help'], [py.python, '-c', 'import igraph']);
    add('start-up: `node bin/actorscope.mjs --help`', [process.execPath, BIN, '--help'], null);
    add('start-up: `npx actorscope --help`', ['npx', 'actorscope', '--help'], null);
    add('start-up: `node -e 0` (Node alone)', [process.execPath, '-e', '0'], null);
    for (const metric of options.rows) {
      const ours = metric === 'communities'
        ? [BIN, 'communities', file, '--types', ALL_TYPES]
        : [BIN, 'metrics', file, '--metrics', metric, ...view];
      add(metric, ours, [py.python, path.join(here, 'igraph_cli.py'), file, metric, ...view]);
    }
    if (options.rows.includes('degree')) {
      add('degree, as `node bin/actorscope.mjs` (without the #! line\'s flag)', [process.execPath, BIN, 'metrics', file, '--metrics', 'degree', ...view], [py.python, path.join(here, 'igraph_cli.py'), file, 'degree', ...view]);
    }
    const endLoad = os.loadavg();

    const header = `Actorscope CLI benchmark — ${started.toISOString().slice(0, 16)}Z, ${Math.round((Date.now() - started.getTime()) / 1000)} s, load average ${load[0]!.toFixed(1)} at the start, ${endLoad[0]!.toFixed(1)} at the end`;
    const lines = [
      header,
      `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? '?'}), Node ${process.version}; igraph: python-igraph ${py.version} (${py.python}), OMP_NUM_THREADS=1.`,
      `Graph: ${size.actors.toLocaleString('en')} actors, ${size.relations.toLocaleString('en')} relations (seed ${options.seed}), a CSV edge list; ${options.undirected ? 'undirected view' : "the CLI's default directed view (partner both ways)"} in both; ${check}.`,
      `Times: whole processes, stdout to /dev/null, median of ${options.runs} after a warm-up, interleaved; ratio ours/igraph (< 1: ours is faster)${TIME ? '; CPU = user + sys, peak = largest resident set' : ''}.`,
      '',
    ];
    const table = [['metric', 'actorscope', 'igraph', 'ratio', ...(TIME ? ['CPU ours', 'CPU igraph', 'peak ours', 'peak igraph'] : [])]];
    for (const r of rows) {
      table.push([
        r.metric,
        fmt(r.ours.wall),
        r.igraph ? fmt(r.igraph.wall) : '—',
        r.ratio === null ? '—' : r.ratio.toFixed(2),
        ...(TIME
          ? [fmt(r.ours.cpu!), r.igraph ? fmt(r.igraph.cpu!) : '—', `${r.ours.peakMb!.toFixed(0)} MB`, r.igraph ? `${r.igraph.peakMb!.toFixed(0)} MB` : '—']
          : []),
      ]);
    }
    const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
    const line = (row: string[]) => `| ${row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
    lines.push(line(table[0]!), `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`, ...table.slice(1).map(line));
    lines.push('', 'igraph rows: `python3 tests/bench/igraph_cli.py FILE METRIC` (its header says which call); `import igraph` is the igraph row of `--help`.');
    console.log(lines.join('\n'));

    mkdirSync(path.dirname(options.out), { recursive: true });
    writeFileSync(
      options.out,
      `${JSON.stringify({ date: started.toISOString(), loadAverage: { start: load, end: endLoad }, node: process.version, igraph: py.version, python: py.python, seed: options.seed, graph: size, undirected: options.undirected, runs: options.runs, check, rows }, null, 1)}\n`,
    );
    console.error(`JSON: ${path.relative(process.cwd(), options.out)}`);
  } finally {
    closeSync(devNull);
    rmSync(scratch, { recursive: true, force: true });
  }
}

main();
