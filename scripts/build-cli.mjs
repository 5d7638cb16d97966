#!/usr/bin/env node
/**
 * `npm run build:cli` (and npm's `prepare`, so `npm install` and `npm ci` run it):
 * bundles graph/cli.ts and everything it imports into dist-cli/cli.mjs with
 * esbuild, for Node 20 as an ES module, so that `actorscope` starts without
 * compiling TypeScript (bin/actorscope.mjs runs the bundle). Not in dist/:
 * `vite build` empties that folder, and `vite preview` serves it.
 *
 * - pdfjs-dist stays outside the bundle: it is 3.6 MB that only PDF documents
 *   need (loaded by a dynamic import, from node_modules), and parsing it on
 *   every start cost ~60 ms of --help's time.
 * - @xmldom/xmldom (224 KB, CommonJS) is evaluated on first use, not at start-up: its
 *   module body (a frozen table of every HTML entity) cost ~12 ms of every command's
 *   start, `--help` and a CSV's `metrics` included, though only GEXF and GraphML
 *   need it. The plugin below gives graph/io/xml/parse.ts a DOMParser that
 *   requires the package when first constructed (esbuild bundles the require as
 *   a call of its lazy CommonJS wrapper).
 * - Non-ASCII characters left in comments and regular expressions (xmldom's JSDoc: "§", "—", "’") are
 *   written as \u escapes: one such character makes V8 hold the whole 1.2 MB
 *   source as two-byte text, decoded and scanned at every start. esbuild
 *   escapes them in strings and identifiers, not in comments and regular
 *   expression literals; asciiComments escapes those and checks that is all.
 * - The banner gives the bundled CommonJS packages (papaparse asks for
 *   `require('stream')`) a `require`, which an ES module has not.
 * - dist-cli/cli-inputs.json lists the files the bundle was built from (esbuild's
 *   metafile) plus what changes how they build (tsconfigs, this script,
 *   package.json, npm's record of node_modules); bin/freshness.mjs compares
 *   their times with the bundle's. The bundle's time is set to when the build
 *   started, so a file saved while esbuild ran counts as newer.
 * - The bundle is written to a temporary file and renamed into place: tests
 *   start many `actorscope` processes at once, and one of them rebuilding must
 *   not let another read half a file.
 */
import { existsSync, mkdirSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(ROOT, 'dist-cli', 'cli.mjs');
export const INPUTS = join(ROOT, 'dist-cli', 'cli-inputs.json');

/** Files that are not imported but change what the bundle is (those that exist are listed). */
const EXTRA_INPUTS = ['scripts/build-cli.mjs', 'package.json', 'tsconfig.base.json', 'graph/tsconfig.json', 'graph/tsconfig.cli.json', 'node_modules/.package-lock.json'];

const BANNER = "import { createRequire as __actorscopeCreateRequire } from 'node:module';\nconst require = __actorscopeCreateRequire(import.meta.url);";

/** graph/io/xml/parse.ts's `import { DOMParser } from '@xmldom/xmldom'`, loaded on first construction. */
const lazyXmldom = {
  name: 'lazy-xmldom',
  setup(build) {
    build.onResolve({ filter: /^@xmldom\/xmldom$/ }, (args) => (args.namespace === 'lazy-xmldom' ? undefined : { path: '@xmldom/xmldom', namespace: 'lazy-xmldom' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-xmldom' }, () => ({
      resolveDir: ROOT,
      loader: 'js',
      contents: [
        'let xmldom;',
        "const load = () => (xmldom ??= require('@xmldom/xmldom'));",
        'export class DOMParser {',
        '  constructor(options) {',
        '    return new (load().DOMParser)(options);',
        '  }',
        '}',
      ].join('\n'),
    }));
  },
};

/**
 * The bundle's text with every non-ASCII character as a \u escape. Sound only
 * where the escape means the character itself: in a comment, and in a regular
 * expression literal without the u or v flag (esbuild leaves those as written;
 * graph/sources/ has two). Any other line with one throws, so a change in
 * esbuild's output cannot slip an escape into code where it would differ.
 */
export function asciiComments(text) {
  return text.replace(/^.*[^\x00-\x7f].*$/gm, (line) => {
    const comment = /^\s*(\*|\/\/|\/\*)/.test(line);
    const regex = /^\s*(var|const|let) [\w$]+ = \/.*\/[dgimsy]*;$/.test(line);
    if (!comment && !regex) throw new Error(`a non-ASCII character outside a comment or regular expression: ${line.trim().slice(0, 120)}`);
    return line.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  });
}

/** Builds dist-cli/cli.mjs and dist-cli/cli-inputs.json; returns the bundle's size and the build's time. */
export async function buildCli() {
  const started = Date.now();
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['graph/cli.ts'],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: ['pdfjs-dist'],
    plugins: [lazyXmldom],
    banner: { js: BANNER },
    legalComments: 'none',
    metafile: true,
    write: false,
    outfile: DIST,
    logLevel: 'silent',
  });
  const bundle = result.outputFiles.find((f) => f.path === DIST);
  if (!bundle) throw new Error('esbuild wrote no dist-cli/cli.mjs');
  const inputs = [...Object.keys(result.metafile.inputs).filter((p) => !p.startsWith('node_modules/') && !p.startsWith('lazy-xmldom:')), ...EXTRA_INPUTS.filter((p) => existsSync(join(ROOT, p)))];
  mkdirSync(dirname(DIST), { recursive: true });
  const temporary = `${DIST}.${process.pid}.tmp`;
  const text = asciiComments(bundle.text);
  writeFileSync(temporary, text);
  const startedAt = new Date(started);
  utimesSync(temporary, startedAt, startedAt);
  const inputsTemporary = `${INPUTS}.${process.pid}.tmp`;
  writeFileSync(inputsTemporary, `${JSON.stringify({ note: 'written by scripts/build-cli.mjs: what dist-cli/cli.mjs was built from', inputs }, null, 1)}\n`);
  // The list first, then the bundle: a reader that sees the new bundle sees its list.
  renameSync(inputsTemporary, INPUTS);
  renameSync(temporary, DIST);
  return { bytes: Buffer.byteLength(text), ms: Date.now() - started, inputs: inputs.length };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const { bytes, ms, inputs } = await buildCli();
    console.log(`${relative(process.cwd(), DIST) || DIST}: ${(bytes / 1024).toFixed(0)} KB from ${inputs} files in ${ms} ms`);
  } catch (err) {
    // esbuild's errors carry their file and line in the message.
    console.error(`build-cli: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
