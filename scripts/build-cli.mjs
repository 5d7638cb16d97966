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
    banner: { js: BANNER },
    legalComments: 'none',
    metafile: true,
    write: false,
    outfile: DIST,
    logLevel: 'silent',
  });
  const bundle = result.outputFiles.find((f) => f.path === DIST);
  if (!bundle) throw new Error('esbuild wrote no dist-cli/cli.mjs');
  const inputs = [...Object.keys(result.metafile.inputs).filter((p) => !p.startsWith('node_modules/')), ...EXTRA_INPUTS.filter((p) => existsSync(join(ROOT, p)))];
  mkdirSync(dirname(DIST), { recursive: true });
  const temporary = `${DIST}.${process.pid}.tmp`;
  writeFileSync(temporary, bundle.contents);
  const startedAt = new Date(started);
  utimesSync(temporary, startedAt, startedAt);
  const inputsTemporary = `${INPUTS}.${process.pid}.tmp`;
  writeFileSync(inputsTemporary, `${JSON.stringify({ note: 'written by scripts/build-cli.mjs: what dist-cli/cli.mjs was built from', inputs }, null, 1)}\n`);
  // The list first, then the bundle: a reader that sees the new bundle sees its list.
  renameSync(inputsTemporary, INPUTS);
  renameSync(temporary, DIST);
  return { bytes: bundle.contents.byteLength, ms: Date.now() - started, inputs: inputs.length };
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
