// Lint rules that hold the architecture: graph/ is framework-free (GUIDE §1) and in floors; src/ keeps its layers.
import tseslint from 'typescript-eslint';

/** What src/ may not import, by name: a folder's section drops those it is allowed. */
const SRC_IMPORTS = {
  graph: { regex: '^\\.\\./.*graph/(?!index$|documents$)', message: 'src/ imports the core through graph/index.ts only (and graph/documents.ts, the document reader kept out of the main bundle).' },
  cytoscape: { regex: '^cytoscape', message: 'Only src/canvas/ imports Cytoscape: ask the canvas handle (src/app/canvas-handle.ts).' },
  workers: { regex: '(^|/)workers(/|$)', message: 'Only src/state/ calls the workers: use or add a hook there.' },
};
/** Restricted in some folders only. */
const SRC_EXTRA = {
  canvas: { regex: '(^|/)canvas(/|$)', message: 'Panels do not import the canvas: the visual encoding is in src/look/, Cytoscape behind src/app/canvas-handle.ts.' },
};

function srcSections(sections) {
  return sections.map(({ files, allow, also = [] }) => ({
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...Object.entries(SRC_IMPORTS).filter(([name]) => !allow.includes(name)).map(([, p]) => p),
            ...also.map((name) => SRC_EXTRA[name]),
          ],
        },
      ],
    },
  }));
}

/** What every file of graph/ may not import: it runs in Node, browsers and workers alike. */
const FRAMEWORK_FREE = [
  { regex: '^(react|react-dom)(/.*)?$', message: 'graph/ is framework-free: no React.' },
  { regex: '^cytoscape', message: 'graph/ does not render: no Cytoscape.' },
  { regex: '^node:', message: 'graph/ runs in browsers and workers: no Node API (graph/cli.ts aside).' },
  { regex: '^(fs|path|os|child_process|url|util)$', message: 'graph/ runs in browsers and workers: no Node API.' },
  { regex: '(^|/)src/', message: 'graph/ must not import the UI.' },
];

function graphSections(sections) {
  return sections.map(({ files, above }) => ({
    files,
    ignores: ['graph/cli.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...FRAMEWORK_FREE,
            ...above.map((floor) => ({
              regex: `^(\\.\\./)+${floor}(/|$)`,
              message: `A floor of graph/ imports only the floors below it, and ${floor} is above this one (graph/README.md, "Layout of the code").`,
            })),
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require'],
    },
  }));
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  // graph/ in floors: model ← sources ← schema ← analysis, look ← layout, io ← briefing ← protocol ← session, cli. A floor imports only
  // the floors below it, so the ground (model/) can be read and tested alone.
  ...graphSections([
    { files: ['graph/**/*.ts'], above: [] },
    { files: ['graph/model/**'], above: ['sources', 'schema', 'analysis', 'look', 'layout', 'io', 'briefing', 'protocol', 'session', 'cli'] },
    { files: ['graph/sources/**'], above: ['schema', 'analysis', 'look', 'layout', 'io', 'briefing', 'protocol', 'session', 'cli'] },
    { files: ['graph/schema/**'], above: ['analysis', 'look', 'layout', 'io', 'briefing', 'protocol', 'session', 'cli'] },
    { files: ['graph/analysis/**', 'graph/look/**'], above: ['layout', 'io', 'briefing', 'protocol', 'session', 'cli'] },
    { files: ['graph/layout/**', 'graph/io/**'], above: ['briefing', 'protocol', 'session', 'cli'] },
    { files: ['graph/briefing/**'], above: ['protocol', 'session', 'cli'] },
    { files: ['graph/protocol.ts'], above: ['session', 'cli'] },
  ]),
  // src/ in layers, each folder allowed what it needs (like excalidraw's per-package rules). The rule's options are
  // not merged across sections, so each section lists every pattern that holds for it.
  ...srcSections([
    { files: ['src/**/*.{ts,tsx}'], allow: [] },
    // The window's end-to-end hook (src/global.d.ts) is typed with Cytoscape's Core.
    { files: ['src/canvas/**', 'src/global.d.ts'], allow: ['cytoscape'] },
    { files: ['src/state/**', 'src/workers/**'], allow: ['workers'] },
    { files: ['src/panels/**'], allow: [], also: ['canvas'] },
  ]),
);
