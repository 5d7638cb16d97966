/**
 * The command-line face of the core, and the one place in graph/ that may use
 * Node (with graph/cli/): it reads and writes files, calls the core and prints.
 * Exit codes: 0 success, 1 bad input (with a located message), 2 bad usage.
 */
import { existsSync, readFileSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { METRIC_IDS, OPTIONAL_METRIC_IDS } from './analysis/metrics';
import { FORMAT_NAMES } from './io/read-dataset';
import { UsageError, type CommandRunner, type Io } from './cli/common';
import { BALANCE_USAGE, runBalance } from './cli/balance';
import { BRIEF_USAGE, runBrief } from './cli/brief';
import { COMMUNITIES_USAGE, runCommunities } from './cli/communities';
import { COMPARE_USAGE, runCompare } from './cli/compare';
import { CONVERT_USAGE, runConvert } from './cli/convert';
import { ADD_SOURCE_USAGE, runAddSource } from './cli/add-source';
import { DIFF_USAGE, runDiff } from './cli/diff';
import { TIMELINE_USAGE, runTimeline } from './cli/timeline';
import { METRICS_USAGE, runMetrics } from './cli/metrics';
import { PATHS_USAGE, runPaths } from './cli/paths';
import { REACH_USAGE, runReach } from './cli/reach';
import { RELATIONS_USAGE, runRelations } from './cli/relations';
import { VALIDATE_USAGE, runValidate } from './cli/validate';
import { SOURCES_USAGE, runSources } from './cli/sources';
import { MENTIONS_USAGE, runMentions } from './cli/mentions';
import { ANNOTATIONS_USAGE, runAnnotations } from './cli/annotations';
import { ANNOTATE_USAGE, runAnnotate } from './cli/annotate';
import { inputLimit, inputRefusal, takeInputLimitOption, type FileKind, type InputLimit } from './cli/input-limit';

const COMMANDS: Record<string, { usage: string; run: CommandRunner }> = {
  metrics: { usage: METRICS_USAGE, run: runMetrics },
  validate: { usage: VALIDATE_USAGE, run: runValidate },
  paths: { usage: PATHS_USAGE, run: runPaths },
  reach: { usage: REACH_USAGE, run: runReach },
  communities: { usage: COMMUNITIES_USAGE, run: runCommunities },
  balance: { usage: BALANCE_USAGE, run: runBalance },
  compare: { usage: COMPARE_USAGE, run: runCompare },
  relations: { usage: RELATIONS_USAGE, run: runRelations },
  brief: { usage: BRIEF_USAGE, run: runBrief },
  convert: { usage: CONVERT_USAGE, run: runConvert },
  'add-source': { usage: ADD_SOURCE_USAGE, run: runAddSource },
  diff: { usage: DIFF_USAGE, run: runDiff },
  timeline: { usage: TIMELINE_USAGE, run: runTimeline },
  sources: { usage: SOURCES_USAGE, run: runSources },
  mentions: { usage: MENTIONS_USAGE, run: runMentions },
  annotations: { usage: ANNOTATIONS_USAGE, run: runAnnotations },
  annotate: { usage: ANNOTATE_USAGE, run: runAnnotate },
};

const USAGE = `Usage:
${Object.values(COMMANDS).map((c) => `  ${c.usage}`).join('\n')}
FILE (and convert's IN) is any format Actorscope reads: .json (ours, Cytoscape.js, graphology or node-link
JSON, told apart by shape), .csv (an edge list with header source,target,type, or actors + relations), .gexf,
.graphml. convert writes what OUT's extension names: .json (ours), .graphology.json, .nodelink.json, .cyjs,
.gexf, .graphml, or .csv (four files: OUT-actors.csv, -relations.csv, -claims.csv, -meta.csv).
Sources: sources lists each document with its claims and coverage (paragraphs of its text holding a claim's
start); mentions --source ID the known actors named in its text and candidate new names (UTF-16 offsets).
annotations writes the claims as W3C Web Annotations (JSON-LD, one per claim: TextQuoteSelector, and
TextPositionSelector in code points when the text is known; stdout, or --out); annotate adds such annotations
to FILE's claims (matched to its sources, actors and relations; quotes checked) and writes OUT as convert does.
Metrics: ${METRIC_IDS.join(', ')}; on request (--metrics): ${OPTIONAL_METRIC_IDS.join(', ')} (PN centrality of the signed network).
Networks and weighting (metrics, compare): --network cooperation (partner, supplier, suspected-supporter),
conflict (threat), all (the default) or TYPE,TYPE: the relation types the centralities run on (PN ignores it);
--weighted: strengths; eigenvector, PageRank, hub, authority weigh ties, betweenness and closeness take a
tie of weight w as length 1/w; PN stays unweighted. --weight-by evidence (confidence) or value (the claims'
values, e.g. TIV; relations without one left out): by default value when the relations carry values.
Common options: --json  print JSON;  --format FORMAT  read FILE as this format whatever its extension
(${FORMAT_NAMES.join(', ')}); convert takes --from and --to instead.
--max-input-mb N (or ACTORSCOPE_MAX_INPUT_MB=N): read files up to N MB; by default the cap is the heap / 40
(about 100 MB in Node's usual 4 GB heap; NODE_OPTIONS=--max-old-space-size=MB raises both). Devices, FIFOs
and sockets are not read. Bytes are decoded as the explorer decodes them: UTF-8, UTF-16 with its byte-order
mark, an XML declaration's encoding, else Windows-1252 with a warning naming the lines.
Evidence (every command but validate, convert, add-source, sources, mentions, annotations and annotate):
which relations count. --evidence uncontested (the default) leaves out the contested ones, --evidence all
counts every relation; --min-confidence X (0 to 1) leaves out those below X (a relation without claims has
confidence 0.5); paths, reach, balance and relations' --min-grade G those without a supporting claim at G
or better (compare's --min-grade is its stability variant instead). What was left out is said on stderr, or
in the JSON as "evidence": {setting, leftOut}.
Time (the same commands): --from DATE --to DATE or --window FROM..TO (partial dates, either end may be open:
--from 2015, 2015..) or --at DATE runs on the relations with a supporting claim in it, each with its claims
there (undated claims hold always; --dated-only leaves them out); what the window left out is said on stderr.
paths, reach and brief name actors with --from/--to: there time is --window or --at only. diff --before and
--after compare two windows; timeline gives a metric per year of the dated span (--from/--to keep to a
range, --span N slides a window of N years), undated claims counted in every year.`;

function kindOf(stats: Stats): FileKind {
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'directory';
  if (stats.isCharacterDevice()) return 'character device';
  if (stats.isBlockDevice()) return 'block device';
  if (stats.isFIFO()) return 'named pipe (FIFO)';
  if (stats.isSocket()) return 'socket';
  return 'other';
}

/** The real files. A path is looked at before it is opened: opening a FIFO would wait, reading /dev/zero would never end. */
const nodeIo = (limit: InputLimit): Io => ({
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  readFile: (path) => {
    const stats = statSync(path);
    const refusal = inputRefusal(kindOf(stats), stats.size, limit);
    if (refusal) throw new Error(refusal);
    const buffer = readFileSync(path);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  },
  writeFile: (path, text) => writeFileSync(path, text, 'utf8'),
  exists: (path) => existsSync(path),
  now: () => performance.now(),
  pdfCMap: async (file) => new Uint8Array(readFileSync(join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps', file))),
});

/** Runs a command; without `given`, on the real files with the input limit of `--max-input-mb`. */
export function main(argv: string[], given?: Io): number | Promise<number> {
  let io = given ?? nodeIo(inputLimit(getHeapStatistics().heap_size_limit, undefined, undefined));
  try {
    const taken = takeInputLimitOption(argv);
    if (!given) io = nodeIo(inputLimit(getHeapStatistics().heap_size_limit, taken.value, process.env.ACTORSCOPE_MAX_INPUT_MB));
    const [command, ...args] = taken.args;
    if (command === undefined) throw new UsageError('no command given');
    if (command === 'help' || command === '--help' || command === '-h') {
      io.out(USAGE);
      return 0;
    }
    const entry = COMMANDS[command];
    if (!entry) throw new UsageError(`unknown command "${command}"`);
    if (args.includes('--help') || args.includes('-h')) {
      io.out(`Usage: ${entry.usage}`);
      return 0;
    }
    const code = entry.run(args, io);
    return typeof code === 'number' ? code : code.catch((err: unknown) => failed(err, io));
  } catch (err) {
    return failed(err, io);
  }
}

function failed(err: unknown, io: Io): number {
  if (err instanceof UsageError) {
    io.err(`actorscope: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  // Anything else is our bug or the system's: one line, no stack trace.
  io.err(`actorscope: ${err instanceof Error ? err.message : String(err)}`);
  return 1;
}

// Run when executed directly, as graph/cli.ts or as its bundle dist-cli/cli.mjs (the bin wrapper imports main instead).
if (process.argv[1] && /[\\/]cli\.(ts|mjs)$/.test(process.argv[1])) {
  void Promise.resolve(main(process.argv.slice(2))).then((code) => (process.exitCode = code));
}
