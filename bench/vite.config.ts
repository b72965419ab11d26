// Builds bench/bare-phaser (an empty Phaser game) for the loading comparison in `npm run bench`.
// Its own root and outDir: nothing here ships in the game's dist/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./bare-phaser/', import.meta.url)),
  base: './',
  publicDir: false,
  logLevel: 'warn',
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../node_modules/.cache/bench/bare-phaser/', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // The same split as the game: Phaser in a chunk of its own.
        manualChunks: (id: string) => (id.includes('node_modules/phaser') ? 'phaser' : undefined),
      },
    },
  },
});
