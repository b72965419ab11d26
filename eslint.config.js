// What the layering and the determinism contract forbid, enforced (../shared/design/ARCHITECTURE.md):
// src/sim is pure — no Phaser, ui or cli, no DOM or Node, no clock, no Math.random — and the
// rest of src reaches the simulation only through src/sim/index.ts and never imports tests/.
// tests/lint/rules.test.ts feeds each forbidden construct to this config and expects a failure.
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Globals a simulation may use: the language's own (ES2022), nothing of a browser, a worker or Node. */
const es = new Set(Object.keys(globals.es2021));
const hostGlobals = [...new Set([...Object.keys(globals.browser), ...Object.keys(globals.worker), ...Object.keys(globals.node)])]
  .filter((name) => !es.has(name))
  .sort();

const simImports = {
  patterns: [
    { group: ['phaser', 'phaser/*'], message: 'src/sim renders nothing: Phaser belongs to src/ui.' },
    { group: ['**/ui', '**/ui/**'], message: 'src/sim must not depend on src/ui (the layers point one way).' },
    { group: ['**/cli', '**/cli/**'], message: 'src/sim must not depend on src/cli (the layers point one way).' },
    { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'url', 'util', 'worker_threads', 'perf_hooks'], message: 'src/sim runs in the browser too: no Node modules.' },
  ],
};

const clock = 'a game is a function of scenario, seed and actions: no clock in src/sim (time things in src/cli).';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-output/**', 'coverage/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
    plugins: { '@typescript-eslint': tseslint.plugin },
    // Existing disable comments elsewhere stay as they are: this config adds boundaries, not style.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/sim/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)sim/(?!index(\\.ts)?$).+', message: 'Import the simulation through src/sim/index.ts (its public surface, src/sim/api.md).' },
            { group: ['**/tests', '**/tests/**'], message: 'Nothing in src imports tests/.' },
          ],
        },
      ],
    },
  },
  {
    // The UI keeps its state in one place, the store (src/ui/app/store.ts): a screen redrawn,
    // a tab reloaded or a test reading the page finds it there. A module-level variable is
    // allowed only for a load done once per page (a lazy chunk, the map) or a counter of DOM
    // ids, each with a disable comment that says so.
    files: ['src/ui/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['Program > VariableDeclaration[kind!="const"]', 'Program > ExportNamedDeclaration > VariableDeclaration[kind!="const"]'].map((selector) => ({
          selector,
          message: 'No module state in src/ui: keep it in the store (src/ui/app/store.ts).',
        })),
      ],
    },
  },
  {
    files: ['src/sim/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { ...simImports, patterns: [...simImports.patterns, { group: ['**/tests', '**/tests/**'], message: 'Nothing in src imports tests/.' }] }],
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: clock },
        { name: 'performance', message: clock },
        ...hostGlobals.filter((n) => n !== 'performance').map((name) => ({ name, message: `"${name}" is a browser, worker or Node global: src/sim runs everywhere and touches no host.` })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Every draw comes from the seeded streams (src/sim/rng.ts), never Math.random.' },
        { object: 'globalThis', message: 'src/sim reaches no host object, not even through globalThis.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "ImportExpression", message: 'No dynamic import in src/sim: its dependencies are static and pure.' },
      ],
    },
  },
);
