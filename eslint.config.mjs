// ESLint 9 flat config, close to Strapi's own (@strapi/eslint-config): recommended JS and TypeScript rules,
// react and react-hooks for the admin, import order and cycles checked, and formatting left to Prettier.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createNodeResolver, flatConfigs as importX } from 'eslint-plugin-import-x';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      'build/',
      '.tmp/',
      '.strapi/',
      'coverage/',
      'test-results/',
      'public/',
      'docs/',
      'types/generated/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  importX.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.node },
    },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.cjs', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] }),
      ],
    },
    rules: {
      // tsc already resolves every import; these would only duplicate it, slower.
      'import-x/no-unresolved': 'off',
      'import-x/named': 'off',
      'import-x/namespace': 'off',
      'import-x/default': 'off',
      'import-x/no-named-as-default-member': 'off',
      'import-x/no-cycle': 'error',
      'import-x/no-self-import': 'error',
      'import-x/no-useless-path-segments': 'error',
      'import-x/first': 'error',
      'import-x/no-duplicates': 'error',
      'import-x/no-mutable-exports': 'error',
      'no-var': 'error',
      'prefer-const': 'error',
      'object-shorthand': ['error', 'always'],
      'no-return-await': 'error',
      'default-param-last': 'error',
      'no-template-curly-in-string': 'error',
      eqeqeq: ['error', 'smart'],
      'no-param-reassign': ['error', { props: false }],
      'no-console': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
      // The text cleaners match control characters on purpose.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrors: 'none',
          ignoreRestSiblings: true,
        },
      ],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    // Plain CommonJS: the runnable scripts, benchmarks, jest config and the browser-test runner.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      // `const crypto = require('crypto')` shadows Node's global of the same name, harmlessly.
      'no-redeclare': ['error', { builtinGlobals: false }],
    },
  },
  {
    files: ['src/admin/**/*.{ts,tsx}', 'src/plugins/*/admin/**/*.{ts,tsx}'],
    ...react.configs.flat.recommended,
    languageOptions: {
      ...react.configs.flat.recommended.languageOptions,
      globals: { ...globals.browser },
    },
    settings: { react: { version: 'detect' } },
  },
  {
    files: ['src/admin/**/*.{ts,tsx}', 'src/plugins/*/admin/**/*.{ts,tsx}'],
    ...react.configs.flat['jsx-runtime'],
  },
  {
    files: ['src/admin/**/*.{ts,tsx}', 'src/plugins/*/admin/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'react/prop-types': 'off',
      'react/function-component-definition': ['error', { namedComponents: 'arrow-function' }],
      // The admin logs nothing in normal use; warnings and errors only.
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Build-time edits of Strapi's admin: their strings are source code, template literals included.
    files: ['src/admin/vite/**/*.ts'],
    rules: { 'no-template-curly-in-string': 'off' },
  },
  {
    files: ['tests/**/*.{ts,js}'],
    languageOptions: { globals: { ...globals.jest } },
    // Tests read loosely typed JSON and load modules after setting the environment they read.
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['tests/e2e/**/*.{ts,js}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  prettier
);
