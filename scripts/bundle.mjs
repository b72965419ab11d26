// The one way this repository bundles a Node entry point: `npm run sim`,
// `npm run tournament` (scripts/run-bundled.mjs) and the bench's simulation
// worker (src/cli/bench/sim.ts) all go through here, so the games/s that
// `npm run sim` prints and the bench's figure come from the same build.
import { build } from 'esbuild';

/** Bundles `entry` into one ES module at `outfile` (with a sourcemap beside it, for --cpu-prof). */
export async function bundleNode(entry, outfile) {
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    mainFields: ['module', 'main'],
    sourcemap: true,
    outfile,
    logLevel: 'warning',
    // Bundled CommonJS dependencies (seedrandom) call require(): give the module one.
    banner: { js: "import { createRequire as __upRequire } from 'node:module'; const require = __upRequire(import.meta.url);" },
  });
  return outfile;
}
