// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Imports that would give `packages/core` I/O, a framework or a clock: it must stay pure. */
const coreBans = {
  paths: [
    ...['fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'stream'].map(
      (name) => ({
        name,
        message: 'packages/core is pure: I/O belongs in packages/server or packages/cli.',
      }),
    ),
    { name: 'kysely', message: 'packages/core is pure: persistence belongs in packages/server.' },
    { name: 'fastify', message: 'packages/core is pure: HTTP belongs in packages/server.' },
    { name: 'react', message: 'packages/core is pure: presentation belongs in packages/web.' },
  ],
  patterns: [
    {
      group: ['node:*'],
      message: 'packages/core is pure: Node APIs belong in packages/server or packages/cli.',
    },
    { group: ['@sankofa/*'], message: 'packages/core depends on no other Sankofa package.' },
  ],
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'coverage/**',
      '.scratch/**',
      'packages/web/i18next-parser.config.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/require-array-sort-compare': ['error', { ignoreStringArrays: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'smart'],
      curly: ['error', 'all'],
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'scripts/**', 'bench/**', 'packages/cli/src/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      // Tests read JSON responses (typed any) and assert on them.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['packages/core/src/**'],
    rules: {
      'no-restricted-imports': ['error', coreBans],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'packages/core is pure: no network.' },
        { name: 'process', message: 'packages/core is pure: no process access.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'core reads no clock: take "now" as a parameter.',
        },
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: 'core reads no clock: take "now" as a parameter.',
        },
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: 'core is deterministic: take a seeded generator.',
        },
      ],
    },
  },
  {
    // Tests and their support files may read fixtures from disk.
    files: ['packages/core/src/**/*.test.ts', 'packages/core/src/**/*.test-support.ts'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-globals': 'off' },
  },
  {
    files: ['packages/web/src/**'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
