// The Japanese typeface, cut to the characters the game writes.
//
//   npm run fonts                    rebuild the two files from Noto Sans JP (fetched with npm pack)
//   npm run fonts -- --source <ttf>  rebuild from a Noto Sans JP 400 TrueType file you have
//   npm run fonts -- --check         say whether the committed files cover today's Japanese texts
//
// @fontsource/noto-sans-jp splits the face into 120 unicode-range slices; the
// Japanese title needs about 36 of them, and fetching that many small files is
// most of what made its first screen slow. This cuts the same face (Noto Sans JP
// 400, OFL) into two files: the characters the title shows, and every other
// character in the Japanese catalogue, scenario translations and guide. Their
// unicode-ranges (src/ui/i18n/faces.ts, from fonts/chars.json) list exactly those
// characters, so anything else (a teacher's own translation) still comes from the
// @fontsource slices behind them, whose rules load once the title is up.
//
// Written by hand-run command and committed (the source face is 5.4 MB, not worth
// every install); tests/ui/fonts.test.ts reads the committed files and fails when a
// Japanese text uses a character they do not hold.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogueOf } from '../ui/i18n/catalogue';
import { firstScreenWords } from '../ui/i18n/first-screen';
import { REPO_ROOT, CliError } from './scenarios';

/** Where the source face comes from: Google Fonts' Noto Sans JP as packaged for npm (static TrueType per weight). */
export const SOURCE_PACKAGE = '@expo-google-fonts/noto-sans-jp@0.4.3';
const SOURCE_FILE = 'package/400Regular/NotoSansJP_400Regular.ttf';
export const FONT_DIR = path.join(REPO_ROOT, 'src/ui/i18n/fonts');
export const FAMILY = 'Noto Sans JP Subset';
export const PIECES = ['title', 'game'] as const;
export type Piece = (typeof PIECES)[number];

const read = (file: string): string => readFileSync(path.join(REPO_ROOT, file), 'utf8');
type TextsFile = { texts: Record<string, { en: string; text: string }> };

/** Characters the Japanese face may be asked for: everything past ASCII (the Latin faces draw ASCII; Latin-1 punctuation beside Japanese text may fall through to it). */
const needsFace = (c: string): boolean => c.codePointAt(0)! > 0x7e;
const charsOf = (text: string): string[] => [...new Set([...text].filter(needsFace))].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);

/** The characters the Japanese title shows, and every other character the Japanese game writes. */
export function japaneseChars(): Record<Piece, string[]> {
  const file = JSON.parse(read('src/ui/i18n/ja.json')) as TextsFile;
  const overlays = readdirSync(path.join(REPO_ROOT, 'scenarios/i18n')).filter((f) => f.endsWith('.ja.json')).sort().map((f) => JSON.parse(read(`scenarios/i18n/${f}`)) as TextsFile);
  const title = charsOf(firstScreenWords('ja', catalogueOf(file), overlays));
  const all = [Object.values(file.texts).map((e) => e.text).join(''), ...overlays.map((o) => Object.values(o.texts).map((e) => e.text).join('')), read('docs/teaching.ja.md')].join('');
  const inTitle = new Set(title);
  return { title, game: charsOf(all).filter((c) => !inTitle.has(c)) };
}

export const fontFile = (piece: Piece): string => path.join(FONT_DIR, `noto-sans-jp-${piece}.woff2`);
export const CHARS_FILE = path.join(FONT_DIR, 'chars.json');
function fetchSource(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'up-fonts-'));
  const tgz = execFileSync('npm', ['pack', SOURCE_PACKAGE, '--silent'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').pop()!;
  execFileSync('tar', ['xzf', tgz, SOURCE_FILE], { cwd: dir });
  return path.join(dir, SOURCE_FILE);
}

/** Cuts the face and writes the two files and their character list (src/ui/i18n/faces.ts makes each file's unicode-range from it). */
export async function build(source: string, log: (line: string) => void): Promise<void> {
  const { default: subsetFont } = await import('subset-font');
  const face = readFileSync(source);
  mkdirSync(FONT_DIR, { recursive: true });
  const wanted = japaneseChars();
  const chars: Record<Piece, string[]> = { title: [], game: [] };
  const absent: string[] = [];
  for (const piece of PIECES) {
    const out = await subsetFont(face, wanted[piece].join(''), { targetFormat: 'woff2' });
    writeFileSync(fontFile(piece), out);
    // What the face cannot draw (a symbol such as ⚑) is left to the browser's own fallback, as on the English page.
    const held = await unicodesOf(out);
    chars[piece] = wanted[piece].filter((c) => held.has(c.codePointAt(0)!));
    absent.push(...wanted[piece].filter((c) => !held.has(c.codePointAt(0)!)));
    log(`${path.relative(REPO_ROOT, fontFile(piece))}: ${chars[piece].length} characters, ${(out.length / 1024).toFixed(1)} KB`);
  }
  if (absent.length > 0) log(`not in Noto Sans JP (left to the system's fonts): ${absent.join(' ')}`);
  writeFileSync(CHARS_FILE, `${JSON.stringify({ source: SOURCE_PACKAGE, title: chars.title.join(''), game: chars.game.join(''), absent: absent.join('') }, null, 2)}\n`);
  log(path.relative(REPO_ROOT, CHARS_FILE));
}

/** The code points a font file draws (its cmap), read with HarfBuzz. */
export async function unicodesOf(font: Buffer): Promise<Set<number>> {
  const [{ default: fontverter }, hb] = await Promise.all([import('fontverter'), import('harfbuzzjs')]);
  const sfnt = await fontverter.convert(font, 'sfnt');
  return new Set(new hb.Face(new hb.Blob(sfnt)).collectUnicodes());
}

export type CharsFile = Record<Piece | 'absent', string> & { source: string };
export const readChars = (): CharsFile => JSON.parse(readFileSync(CHARS_FILE, 'utf8')) as CharsFile;

/** The characters today's Japanese texts use that the committed files do not list (empty when current); those Noto lacks are not counted. */
export function stale(): Record<Piece, string[]> {
  const kept = readChars();
  const now = japaneseChars();
  const known = new Set([...kept.title, ...kept.game, ...kept.absent]);
  return { title: now.title.filter((c) => !kept.title.includes(c) && !kept.absent.includes(c)), game: now.game.filter((c) => !known.has(c)) };
}

export async function main(argv: readonly string[], log: (line: string) => void = console.log): Promise<number> {
  if (argv.includes('--check')) {
    const s = stale();
    if (s.title.length + s.game.length === 0) {
      log('fonts: the Japanese faces hold every character the Japanese texts use');
      return 0;
    }
    log(`fonts: not in the committed faces: title ${s.title.join('') || '—'}; game ${s.game.join('') || '—'}. Run npm run fonts.`);
    return 1;
  }
  const at = argv.indexOf('--source');
  if (at >= 0 && !argv[at + 1]) throw new CliError('usage: npm run fonts [-- --source <NotoSansJP-Regular.ttf> | --check]');
  await build(at >= 0 ? argv[at + 1]! : fetchSource(), log);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  });
}
