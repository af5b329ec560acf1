// ESLint for the web app (web/src, type-aware) and the browser end-to-end tests (tests/e2e).
// `npm run lint:web` runs it; scripts/test.sh runs that as its own suite.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['web/dist/**', 'web/src/lib/api/schema.d.ts'] },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked, reactHooks.configs.flat.recommended],
    languageOptions: {
      globals: globals.browser,
      parserOptions: {
        project: ['./web/tsconfig.test.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // `const { writes: _writes, ...plain } = view` drops fields on purpose (as tsc allows).
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['web/src/**/*.test.{ts,tsx}', 'web/src/test/**'],
    rules: {
      // Fetch stubs and act() callbacks are async to return a promise as fetch does, or to let
      // act flush the microtasks that follow; they need not await anything themselves.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['tests/e2e/**/*.mjs'],
    extends: [js.configs.recommended],
    // Node runs the tests; the callbacks they hand to page.evaluate run in the browser.
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
