// Runs a Node CLI of this repository the way `npm run bench` measures the
// simulation: bundled by esbuild into one ES module (scripts/bundle.mjs; no
// tsx module getters on the hot path), then imported in this same process.
//   node scripts/run-bundled.mjs src/cli/sim.ts [args...]
// The bundle goes two folders below the repository root (node_modules/.bundled/),
// as deep as src/cli/, so a CLI that finds the repository from its own
// import.meta.url finds the same root.
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleNode } from './bundle.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entry = process.argv[2];
if (!entry) {
  console.error('usage: node scripts/run-bundled.mjs <entry.ts> [args...]');
  process.exit(2);
}
const outfile = await bundleNode(resolve(root, entry), join(root, 'node_modules/.bundled', `${basename(entry).replace(/\.ts$/, '')}.mjs`));
// The CLI sees itself as the script being run: argv[1] is the bundle, its own arguments follow.
process.argv.splice(1, 2, outfile);
await import(pathToFileURL(outfile).href);
