// Lint, including the layering of DESIGN.md as import rules: only electron/main and
// electron/preload may name electron; the renderer never reaches node, electron or the store's
// runtime; the store never reaches electron or the UI; SQL stays in the store.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'url', 'stream', 'worker_threads'];

function restrict(patterns, message) {
  return { group: patterns, message };
}

/** A bare package name (not a relative path that happens to contain the word). */
function packages(names, message) {
  return { regex: `^(${names.join('|')})(/|$)`, message };
}

// SQL lives in db/ alone: outside it nobody prepares or runs a statement, reaches the statement
// cache (`ctx.stmt`) or holds the raw connection (`ctx.db`); they call a db/ function that names
// the fact they need. A RegExp's `.exec(text)` stays allowed: `.exec` is refused only with a string
// or template argument or on something named db. Tests are exempt: like any reader of the file they
// may look into a database directly (schema, triggers, counts), though a test that only needs a
// fact should ask a db/ function for it.
const SQL_OUTSIDE_DB = 'SQL belongs in db/: call (or add) a db/ function instead of using the connection or its statements here.';
const sqlOnlyInDb = [
  { selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='prepare']", message: SQL_OUTSIDE_DB },
  { selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='stmt']", message: SQL_OUTSIDE_DB },
  {
    selector:
      "CallExpression[callee.type='MemberExpression'][callee.property.name='exec']:matches([arguments.0.type='TemplateLiteral'], [arguments.0.value=type(string)], [callee.object.name='db'])",
    message: SQL_OUTSIDE_DB,
  },
  { selector: "MemberExpression[computed=false][property.name='db']", message: SQL_OUTSIDE_DB },
  { selector: "ObjectPattern > Property[key.name='db']", message: SQL_OUTSIDE_DB },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.cache/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
      // Playwright fixtures that need no other fixture take an empty pattern.
      'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }],
    },
  },
  {
    files: ['build/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    // The team server keeps its own SQL (PostgreSQL, in team/): it is a store of its own.
    ignores: ['db/**', 'tests/**', 'team/**'],
    rules: { 'no-restricted-syntax': ['error', ...sqlOnlyInDb] },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            packages(['electron'], 'The store never imports electron.'),
            packages(['react', 'react-dom'], 'The store never imports UI code.'),
            restrict(['**/renderer/**'], 'The store never imports UI code.'),
            restrict(['**/electron/**'], 'The store is the lowest layer: it imports nothing above it.'),
          ],
        },
      ],
    },
  },
  {
    // The rules and shapes team mode shares (db/sync): pure, so the team server imports them
    // without SQLite. They come after the store's block: for these files the later options win.
    files: ['db/sync/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(nodeBuiltins, 'db/sync is pure: the team server shares it, so no node.'),
            { regex: '^(?!zod$)[^.]', message: 'db/sync is pure: it imports zod and the store’s declarations only.' },
            { regex: '^\\.\\./(?!(model|schema/index)$)', message: 'db/sync imports only the store’s pure declarations (db/model, db/schema), never the SQLite store.' },
          ],
        },
      ],
    },
  },
  {
    // The team server: node, pg, zod and the shared rules in db/sync; never the desk's store,
    // electron, the UI or SQLite.
    files: ['team/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            packages(['electron', 'better-sqlite3', 'react', 'react-dom'], 'The team server never imports electron, SQLite or UI code.'),
            restrict(['**/renderer/**', '**/electron/**'], 'The team server never imports the desk’s shell, services or UI.'),
            { regex: '(^|/)db/(?!(sync(/index)?|model|schema/index)$)', message: 'The team server imports only the pure rules and shapes it shares with the desk (db/sync, db/model, db/schema).' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/api/**/*.ts', 'electron/services/**/*.ts', 'electron/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            packages(['electron'], 'Only electron/main and electron/preload may import electron.'),
            packages(['react', 'react-dom'], 'Services never import UI code.'),
            restrict(['**/renderer/**'], 'Services never import UI code.'),
            restrict(['**/main/**', '**/preload/**'], 'Services never import the shell.'),
          ],
        },
      ],
    },
  },
  {
    // The contract (contract.ts, the shared channel.ts and each feature's channels.ts) imports zod,
    // the store's pure declarations (model, intake types, table schemas) and types from the store. It comes after the services block because, for a file both
    // match, the later block's options replace the earlier's.
    files: ['electron/api/contract.ts', 'electron/api/channel.ts', 'electron/api/*/channels.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!zod$)[^.]', message: 'The contract imports zod only.' },
            {
              regex: '(^|/)db/(?!(model|intake-types|schema/[a-z-]+)$)',
              allowTypeImports: true,
              message: 'The contract imports zod and the store’s pure declarations (db/model, db/intake-types, db/schema) only: from the rest of the store it takes types alone.',
            },
            restrict(['**/services/**', '**/server/**', '**/main/**', '**/preload/**', '**/renderer/**', '**/handlers', '**/dispatch'], 'The contract imports nothing above it.'),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [packages(['react', 'react-dom'], 'The shell never imports UI code.'), restrict(['**/renderer/**'], 'The shell never imports UI code.')] }],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(nodeBuiltins, 'The renderer never uses node.'),
            packages(['electron', 'better-sqlite3'], 'The renderer never imports electron or the database driver.'),
            { group: ['**/db/*', '**/electron/**'], allowTypeImports: true, message: 'The renderer may only import types from the store and the contract.' },
          ],
        },
      ],
    },
  },
);
