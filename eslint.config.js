// Lint: typescript-eslint's recommended rules, plus the workspace's boundaries (style.md): no deep imports
// into another package's files, no console in library code; browser globals for the console's front end.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', 'bench/results/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', fetch: 'readonly', URL: 'readonly', structuredClone: 'readonly', NodeJS: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@lgsp/*/src/*', '@lgsp/*/src'], message: 'Import a package through its entry point, not its files.' },
            { group: ['**/packages/*/src/*', '**/services/*/src/*'], message: 'Import another package by its name (@lgsp/...), never by path.' },
          ],
        },
      ],
    },
  },
  {
    // The console's front end runs in the browser, as plain ES modules (no build step).
    files: ['services/console/static/**/*.js'],
    languageOptions: {
      globals: { window: 'readonly', document: 'readonly', URLSearchParams: 'readonly', ResizeObserver: 'readonly', Intl: 'readonly' },
    },
  },
);
