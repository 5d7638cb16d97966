// Lint rules that hold the architecture: graph/ is framework-free (GUIDE §1).
import tseslint from 'typescript-eslint';

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
  {
    files: ['graph/**/*.ts'],
    ignores: ['graph/cli.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(react|react-dom)(/.*)?$', message: 'graph/ is framework-free: no React.' },
            { regex: '^cytoscape', message: 'graph/ does not render: no Cytoscape.' },
            { regex: '^node:', message: 'graph/ runs in browsers and workers: no Node API (graph/cli.ts aside).' },
            { regex: '^(fs|path|os|child_process|url|util)$', message: 'graph/ runs in browsers and workers: no Node API.' },
            { regex: '(^|/)src/', message: 'graph/ must not import the UI.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require'],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\./.*graph/(?!index$)', message: 'src/ imports the core through graph/index.ts only.' },
          ],
        },
      ],
    },
  },
);
