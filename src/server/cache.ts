// How long a browser may keep a file of the built game: the one rule for the game's server
// (src/server/http.ts) and for the static server of the tests and the bench (src/cli/serve.ts).
import { join, sep } from 'node:path';

/** A hashed build asset (assets/name-HASH.ext): its name changes whenever its content does. */
const HASHED = /-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;

/**
 * The Cache-Control header for `file` in the build folder `root`: hashed assets for a year
 * (a new build has new names), everything else (the page, the scenario files' unhashed
 * copies) checked again each time.
 */
export function cacheControl(root: string, file: string): string {
  return file.startsWith(join(root, 'assets') + sep) && HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
}
