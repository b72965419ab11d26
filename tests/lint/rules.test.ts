import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/cli/scenarios';

// Each construct the architecture forbids, fed to the repository's own ESLint
// config (eslint.config.js) as if it were a file at that path: each must fail.

const eslint = new ESLint({ cwd: REPO_ROOT });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

const SIM = 'src/sim/probe.ts';
const FORBIDDEN_IN_SIM: Record<string, [string, RegExp]> = {
  'importing Phaser': ["import Phaser from 'phaser';\nexport const x = Phaser;", /no-restricted-imports/],
  'importing src/ui': ["import { Store } from '../ui/app/store';\nexport const x = Store;", /no-restricted-imports/],
  'importing src/cli': ["import { REPO_ROOT } from '../cli/scenarios';\nexport const x = REPO_ROOT;", /no-restricted-imports/],
  'importing a Node module': ["import { readFileSync } from 'node:fs';\nexport const x = readFileSync;", /no-restricted-imports/],
  'importing tests/': ["import { SCENARIOS } from '../../tests/sim/helpers';\nexport const x = SCENARIOS;", /no-restricted-imports/],
  'a DOM global (document)': ["export const set = () => { document.title = 'x'; };", /no-restricted-globals/],
  'a DOM global (window)': ['export const w = () => window.innerWidth;', /no-restricted-globals/],
  'storage (localStorage)': ["export const s = () => localStorage.getItem('k');", /no-restricted-globals/],
  'a Node global (process)': ['export const e = () => process.env.HOME;', /no-restricted-globals/],
  'Math.random()': ['export const r = () => Math.random();', /no-restricted-properties/],
  'Date.now()': ['export const t = () => Date.now();', /no-restricted-globals/],
  'new Date()': ['export const t = () => new Date().getTime();', /no-restricted-globals/],
  'performance.now()': ['export const t = () => performance.now();', /no-restricted-globals/],
  'a host object through globalThis': ['export const f = () => globalThis.fetch;', /no-restricted-properties/],
  'a dynamic import': ["export const m = () => import('./rng');", /no-restricted-syntax/],
};

describe('the lint rules reject what src/sim must not do', () => {
  it('a clean simulation file passes', async () => {
    expect(await problems(SIM, "import { ISSUE_IDS } from '../scenario/vocabulary';\nexport const n = (): number => ISSUE_IDS.length + Math.floor(2.5);\n")).toEqual([]);
  });
  for (const [what, [code, rule]] of Object.entries(FORBIDDEN_IN_SIM)) {
    it(`fails on ${what}`, async () => {
      const found = await problems(SIM, code);
      expect(found.some((p) => rule.test(p)), found.join('\n') || 'no problem reported').toBe(true);
    });
  }
});

describe('the lint rules keep the rest of src on the public surface', () => {
  it('src/ui importing src/sim/batch past index.ts fails; through index.ts passes', async () => {
    expect((await problems('src/ui/scenes/Probe.ts', "import { spreadOf } from '../../sim/batch';\nexport const x = spreadOf;")).join()).toMatch(/index\.ts/);
    expect(await problems('src/ui/scenes/Probe.ts', "import { spreadOf } from '../../sim/index';\nexport const x = spreadOf;")).toEqual([]);
  });
  it('src/cli importing from tests/ fails', async () => {
    expect((await problems('src/cli/probe.ts', "import { serveDir } from '../../tests/e2e/setup/serve';\nexport const x = serveDir;")).join()).toMatch(/tests\//);
  });
});

describe('the lint rules keep the UI\'s state in the store', () => {
  const UI = 'src/ui/scenes/Probe.ts';
  it('a module-level let or var in src/ui fails, exported or not', async () => {
    for (const code of ['let shown = 0;\nexport const next = (): number => ++shown;', 'export let shown = 0;', 'var shown = 0;\nexport const next = (): number => ++shown;']) {
      expect((await problems(UI, code)).join(), code).toMatch(/no-restricted-syntax: No module state in src\/ui/);
    }
  });
  it('constants and a function\'s own variables pass', async () => {
    expect(await problems(UI, "const KEYS = ['a', 'b'];\nexport const count = (): number => {\n  let n = 0;\n  for (const k of KEYS) n += k.length;\n  return n;\n};\n")).toEqual([]);
  });
});
