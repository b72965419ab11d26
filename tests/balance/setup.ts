// Vitest global setup for the unit project: the balance targets are checked on the bundled
// engine, the build `npm run tournament` plays (scripts/bundle.mjs), so the tests measure what
// people run, and the 14,400 games of the three tournaments run natively rather than through
// vitest's module runner (about a quarter faster).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { bundleNode } from '../../scripts/bundle.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

export default async function setup(project: TestProject): Promise<void> {
  const outfile = await bundleNode(join(root, 'src/sim/index.ts'), join(root, 'node_modules/.bundled/sim-index.mjs'));
  project.provide('simBundle', outfile);
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** src/sim/index.ts bundled into one ES module (tests/balance/targets.ts plays its tournaments). */
    simBundle: string;
  }
}
