import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Folders a layer must not import from (see docs/ARCHITECTURE.md). */
const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: forbidden.map((group) => ({ group: [group], message })) },
    ],
  },
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'data/**',
      'tmp/**',
      'node_modules/**',
      'src/db/migrations/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  layer(
    ['src/core/**/*.ts'],
    [
      '**/db/**',
      '**/services/**',
      '**/server/**',
      '**/cli/**',
      '**/importers/**',
      '**/reports/**',
      '**/storage/**',
      'node:*',
      'fs',
      'pg',
      '@electric-sql/*',
      'fastify*',
    ],
    'core is pure: no database, file system, HTTP or other layers',
  ),
  layer(
    ['src/importers/**/*.ts', 'src/reports/**/*.ts'],
    ['**/services/**', '**/server/**', '**/cli/**', '**/db/**'],
    'importers and reports depend on core only',
  ),
  layer(
    ['src/db/**/*.ts'],
    ['**/services/**', '**/server/**', '**/cli/**'],
    'db depends on core only',
  ),
  layer(
    ['src/services/**/*.ts'],
    ['**/server/**', '**/cli/**'],
    'services do not know HTTP or the CLI',
  ),
  layer(
    ['src/shared/**/*.ts'],
    ['**/db/**', '**/services/**', '**/server/**', '**/cli/**', 'node:*'],
    'shared is the HTTP contract: zod schemas and types only',
  ),
  layer(
    ['web/**/*.ts', 'web/**/*.tsx'],
    [
      '**/db/**',
      '**/services/**',
      '**/server/**',
      '**/cli/**',
      '**/importers/**',
      '**/reports/**',
      'node:*',
    ],
    'web uses src/shared and src/core only',
  ),
);
