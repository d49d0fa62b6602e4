import js from '@eslint/js';
import { readdirSync } from 'node:fs';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Client layout (docs/architecture.md): client/src/pages/<domain>/ holds the pages of one domain; what several
// domains share lives in client/src/data/ (queries, document types, writes, org context), client/src/components/
// or client/src/lib/. A page folder never imports another domain's page folder, and those layers import no page.
const PAGE_DOMAINS = readdirSync(new URL('./client/src/pages/', import.meta.url), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);
const LAYER_MESSAGE = 'Move what several domains share to client/src/data/, client/src/components/ or client/src/lib/.';
// Depth-aware: from client/src/pages/<domain>/<d folders>/file, exactly d+1 '../' reach client/src/pages/ (so that
// pages/planning/conflicts/ is not taken for the conflicts domain). Stylesheets are not checked (yet).
const pageDomainRules = PAGE_DOMAINS.flatMap((domain) => {
  const others = `(${PAGE_DOMAINS.filter((d) => d !== domain).join('|')})`;
  return [0, 1, 2, 3, 4, 5].map((depth) => ({
    files: [`client/src/pages/${domain}/${'*/'.repeat(depth)}*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: `^((\\.\\./){${depth + 1}}|.*/pages/)${others}(/(?!.*\\.css$)|$)`, message: `A page of ${domain} imports another domain's page folder. ${LAYER_MESSAGE}` }] }],
    },
  }));
});

export default defineConfig(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/dev-dist/**', '.data/**', '**/test-results/**', '**/playwright-report/**', 'coverage/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  ...pageDomainRules,
  {
    files: ['client/src/{data,components,lib}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)pages/', message: `The shared client layers import no page. ${LAYER_MESSAGE}` }] }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'e2e/**/*.ts', '**/scripts/**/*.ts', '**/bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Every e2e test fails on a Content-Security-Policy violation: that check lives in the `test` of e2e/tests/helpers.ts.
    files: ['e2e/tests/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: '@playwright/test', importNames: ['test'], message: "Import `test` from './helpers': it fails the test on any Content-Security-Policy violation." }] }],
    },
  },
);
