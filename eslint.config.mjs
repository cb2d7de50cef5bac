import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import playwright from 'eslint-plugin-playwright';

export default tseslint.config(
  { ignores: ['node_modules/', 'reports/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-object-type': 'off',
      'no-empty-pattern': 'off', // Playwright fixtures take `{}` when they need no other fixture
    },
  },
  {
    files: ['tests/**/*.ts', 'fixtures/**/*.ts'],
    ...playwright.configs['flat/recommended'],
    rules: {
      ...playwright.configs['flat/recommended'].rules,
      'playwright/no-wait-for-timeout': 'error',
      'playwright/no-focused-test': 'error',
      // Page-object methods named expect* assert (e.g. checkout.notice.expectError).
      'playwright/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect.poll'], assertFunctionPatterns: ['^expect[A-Z]\\w*$'] }],
      'playwright/no-conditional-in-test': 'off',
      // Conditional skips are how the suite reports a case it cannot run (missing key, broken .env).
      'playwright/no-skipped-test': ['warn', { allowConditional: true }],
      'playwright/valid-title': 'off',
      // A business step (e.g. "Create debt position") holds the HTTP exchange step: nesting is the point.
      'playwright/no-nested-step': 'off',
    },
  },
  // node:test's test() returns a promise the runner tracks itself.
  { files: ['**/*.test.ts'], rules: { '@typescript-eslint/no-floating-promises': 'off' } },
  { files: ['**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  // The sandbox's browser scripts (Checkout pages, card gateway): plain scripts, browser globals.
  {
    files: ['sandbox/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      sourceType: 'script',
      globals: Object.fromEntries(
        [
          'window',
          'document',
          'location',
          'history',
          'navigator',
          'sessionStorage',
          'localStorage',
          'fetch',
          'AbortSignal',
          'URL',
          'URLSearchParams',
          'Intl',
          'atob',
          'setTimeout',
          'clearTimeout',
        ].map((name) => [name, 'readonly']),
      ),
    },
  },
);
