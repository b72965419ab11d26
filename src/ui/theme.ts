// One palette for canvas and DOM. Colours are from Okabe & Ito's colour-blind-safe set,
// laid on paper and ink; status is never told by colour alone (each has a pattern and a label).
export const PALETTE = {
  paper: '#f4efe3',
  paperDeep: '#e9e1cf',
  sea: '#dfe6e9',
  seaLine: '#b9c7cc',
  ink: '#1f1b16',
  inkSoft: '#5a5147',
  rule: '#b9af9a',
  navy: '#1b2a41',
  vermilion: '#d55e00',
  orange: '#e69f00',
  sky: '#56b4e9',
  green: '#009e73',
  yellow: '#f0e442',
  blue: '#0072b2',
  purple: '#cc79a7',
  land: '#d9cfb8',
  landEdge: '#8c8170',
} as const;

/** Side colours: blue for Japan, vermilion for Russia (distinct for all common CVD types). */
export const SIDE_COLOUR = { japan: PALETTE.blue, russia: PALETTE.vermilion } as const;

export const hex = (css: string): number => parseInt(css.slice(1), 16);

export const FONTS = {
  // Noto Sans JP (the game's characters, then @fontsource's slices for any other) is declared
  // only once the Japanese pack loads; until then the names are skipped.
  serif: '"Source Serif 4", "Noto Sans JP Subset", "Noto Sans JP", Georgia, serif',
  sans: '"IBM Plex Sans", "Noto Sans JP Subset", "Noto Sans JP", "Segoe UI", Arial, sans-serif',
} as const;

/** Canvas text styles; sizes are in the 1280×720 base, so they scale with the window. */
export const TEXT = {
  h1: { fontFamily: FONTS.serif, fontSize: '40px', color: PALETTE.ink, fontStyle: '600' },
  h2: { fontFamily: FONTS.serif, fontSize: '26px', color: PALETTE.ink, fontStyle: '600' },
  body: { fontFamily: FONTS.sans, fontSize: '17px', color: PALETTE.ink },
  small: { fontFamily: FONTS.sans, fontSize: '16px', color: PALETTE.inkSoft },
  label: { fontFamily: FONTS.sans, fontSize: '16px', color: PALETTE.ink, fontStyle: '600' },
} as const;

export const BASE = { width: 1280, height: 720, margin: 32, gutter: 24 } as const;
