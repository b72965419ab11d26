// Starts fetching every face the canvas draws with as soon as the module loads (index.html
// also preloads them), so the title is never drawn in a fallback font and never waits long.
const FACES = ['400 17px "IBM Plex Sans"', '600 17px "IBM Plex Sans"', '600 26px "Source Serif 4"', '400 17px "Source Serif 4"', 'italic 400 17px "Source Serif 4"'];

export const fontsReady: Promise<unknown> = Promise.race([
  Promise.all(FACES.map((f) => document.fonts.load(f))).catch(() => undefined),
  new Promise((resolve) => setTimeout(resolve, 3000)),
]);
