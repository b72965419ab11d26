// Types for the font tools of `npm run fonts`, which ship none. subset-font 2.9: the one call src/cli/fonts.ts makes.
declare module 'subset-font' {
  export default function subsetFont(font: Buffer, text: string, options: { targetFormat: 'sfnt' | 'woff' | 'woff2' }): Promise<Buffer>;
}

// Types for fontverter 2.0 (it ships none): converting a font file between formats.
declare module 'fontverter' {
  const fontverter: { convert(font: Buffer | Uint8Array, to: 'sfnt' | 'truetype' | 'woff' | 'woff2'): Promise<Buffer> };
  export default fontverter;
}
