import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { validateScenario } from './src/scenario/load.ts';
import { formatProblem } from './src/scenario/problems.ts';

/**
 * Bundled scenarios are validated when the game is built, and shipped as the
 * validated data (defaults filled in): a broken file fails the build with its
 * problems, and the page need not re-check them on every load. Files a
 * player or teacher brings are still checked in the browser.
 */
/** A shipped scenario file, by the path it was built from. */
const SCENARIO_FILE = /(^|\/)scenarios\/[^/]+\.json$/;

function validateScenarios(): Plugin {
  return {
    name: 'validate-scenarios',
    apply: 'build',
    // Tells src/scenario/registry.ts that the files it fetches were validated here.
    config: () => ({ define: { __SCENARIOS_VALIDATED_AT_BUILD__: 'true' } }),
    generateBundle(_options, bundle) {
      for (const asset of Object.values(bundle)) {
        const origin = asset.type === 'asset' ? (asset.originalFileNames?.[0] ?? '') : '';
        if (!SCENARIO_FILE.test(origin)) continue;
        if (asset.type !== 'asset') continue;
        const file = origin.split('/').pop() ?? origin;
        const text = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
        let data: unknown;
        try {
          data = JSON.parse(text);
        } catch (error) {
          this.error(`${file}: not valid JSON (${String(error)})`);
        }
        const result = validateScenario(data, file);
        if (!result.ok) this.error(`scenario problems:\n${result.problems.map(formatProblem).join('\n')}`);
        asset.source = JSON.stringify(result.value);
      }
    },
  };
}

/**
 * The scenario files are fetched by the Preloader (src/scenario/registry.ts);
 * announcing them in the page lets the browser fetch them alongside the code
 * instead of after it has run.
 */
function preloadScenarios(): Plugin {
  return {
    name: 'preload-scenarios',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        // The scenarios and the map, which every page needs; not the language files (i18n/files.ts asks for those).
        const every = (origin: string): boolean => SCENARIO_FILE.test(origin) || /(^|\/)kurils\.json$/.test(origin);
        const files = Object.values(ctx.bundle ?? {})
          .filter((a) => a.type === 'asset' && every(a.originalFileNames?.[0] ?? ''))
          .map((a) => a.fileName)
          .sort();
        return files.map((f) => ({
          tag: 'link',
          attrs: { rel: 'preload', as: 'fetch', type: 'application/json', crossorigin: '', href: `./${f}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

/**
 * The page's first script (src/ui/early.ts) as an entry of its own, put in the page's
 * head as an async module: it runs as soon as it arrives (a few hundred bytes), not after
 * Phaser and the game's code, and asks for the player's language files. (Vite would fold
 * a second <script> of index.html into the main entry.) In development main.ts asks instead.
 */
function earlyScript(): Plugin {
  return {
    name: 'early-script',
    apply: 'build',
    config: () => ({ build: { rolldownOptions: { input: { index: 'index.html', early: 'src/ui/early.ts' } } } }),
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const early = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.isEntry && (c.facadeModuleId ?? '').endsWith('src/ui/early.ts'));
        if (!early) throw new Error('vite.config.ts: the early script (src/ui/early.ts) is missing from the build');
        // Its few imports are announced with it, so they do not wait for it to be read.
        const imports = early.type === 'chunk' ? early.imports : [];
        return [
          ...imports.map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: '', href: `./${f}` }, injectTo: 'head' as const })),
          { tag: 'script', attrs: { type: 'module', async: true, crossorigin: '', src: `./${early.fileName}` }, injectTo: 'head' as const },
        ];
      },
    },
  };
}

/** Read the build the browser projects make (tests/e2e/setup/global.ts), so they run with them. */
const BUILD_TESTS = ['tests/budget/bundle.test.ts'];

/** Tests that start the match server (Colyseus) in their process. */
const SERVER_TESTS = ['tests/server/**/*.test.ts'];
/** The network bench's small run, which reads the process's memory per match. */
const NET_BENCH_TESTS = ['tests/bench/net.test.ts'];

/** What both browser projects share: the game built and served once (tests/e2e/setup/global.ts), long limits for a loaded machine. */
const BROWSER = {
  environment: 'node' as const,
  globalSetup: ['tests/fixtures/setup.ts', 'tests/e2e/setup/global.ts'],
  testTimeout: 180_000,
  hookTimeout: 240_000,
};

// One config for the game's build and for the test projects:
// "unit" runs the simulation and loaders in Node, "server" the match server;
// "e2e" builds the game, serves it locally and drives Debian's Chromium through
// playwright-core; "budget" times the game's loading against a bare Phaser page, alone.
export default defineConfig({
  base: './',
  publicDir: false,
  plugins: [validateScenarios(), preloadScenarios(), earlyScript()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // Phaser in a chunk of its own: a returning player's cache keeps it across our releases.
        manualChunks: (id: string) => (id.includes('node_modules/phaser') ? 'phaser' : undefined),
      },
    },
  },
  test: {
    // The projects share the machine: the unit, server and browser files run side by side
    // (a browser test waits on the page part of its time, which the unit files fill), and the
    // load-time ratio runs last, alone, so its two loads are not timed under load.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', ...SERVER_TESTS, ...NET_BENCH_TESTS, ...BUILD_TESTS],
          environment: 'node',
          // The bad-input corpus is generated from its recipes first (tests/fixtures/make-fixtures.ts).
          globalSetup: ['tests/fixtures/setup.ts', 'tests/balance/setup.ts'],
          // One module graph per worker, not per file: these files keep no module state between
          // them, and importing zod, XState and the engine afresh for each of 40 files cost about
          // 70 s of CPU.
          isolate: false,
          testTimeout: 60_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          // The match server's tests, one module graph per worker: each file starts its own server
          // and closes it, and a worker runs its files one after another, so Colyseus's matchmaker
          // (one per module graph) serves one file at a time. Importing Colyseus, Express and Vite
          // afresh for each file cost about 6 s of CPU.
          name: 'server',
          include: SERVER_TESTS,
          environment: 'node',
          isolate: false,
          testTimeout: 60_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          // Isolated: the network bench reads the process's memory per match, which another file's
          // garbage in the same module graph would blur.
          name: 'net-bench',
          include: NET_BENCH_TESTS,
          environment: 'node',
          testTimeout: 60_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          ...BROWSER,
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts', ...BUILD_TESTS],
          // One module graph per worker: the files share the worker's browser and its kept pages
          // (tests/e2e/helpers.ts launch, openPage), and import playwright-core and the engine once.
          isolate: false,
          exclude: ['tests/e2e/budget.test.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          ...BROWSER,
          name: 'budget',
          include: ['tests/e2e/budget.test.ts'],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
