/**
 * Builds the app and serves the production build once for all browser tests,
 * so they test what users get (bundled worker included).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: PreviewServer | undefined;
let outDir: string | undefined;

export async function setup(project: TestProject) {
  // A build of its own: a `npm run build` or a benchmark rewriting dist/ meanwhile must not swap the app under the tests.
  outDir = mkdtempSync(join(tmpdir(), 'actorscope-e2e-'));
  // Vitest sets NODE_ENV=test, and Vite then defines process.env.NODE_ENV as "test" in the bundle: React's
  // development build (with its per-component performance.measure tracks), which made a metrics step's
  // re-render 7.5 s in the scale test against about 1 s in the production build users get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  server = await preview({ preview: { port: 4173, strictPort: false, host: '127.0.0.1' }, build: { outDir }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  project.provide('baseUrl', url);
}

export async function teardown() {
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
}
