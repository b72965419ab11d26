// The Japanese typeface files hold what the game writes: every character of the Japanese
// catalogue, scenario translations and guide is in one of them (the title's in the title's
// file), the files really contain those glyphs, and the title's file stays small.
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PIECES, fontFile, japaneseChars, readChars, stale, unicodesOf } from '../../src/cli/fonts';
import { unicodeRange } from '../../src/ui/i18n/faces';

const kept = readChars();

describe('the Japanese typeface files', () => {
  it('hold every character the Japanese texts use (else: npm run fonts)', () => {
    expect(stale()).toEqual({ title: [], game: [] });
    const now = japaneseChars();
    expect(now.title.length).toBeGreaterThan(200); // the title really is in Japanese
    expect(now.game.length).toBeGreaterThan(200);
  });

  for (const piece of PIECES) {
    it(`the ${piece} file draws each character it lists`, async () => {
      const cmap = await unicodesOf(readFileSync(fontFile(piece)));
      const missing = [...kept[piece]].filter((c) => !cmap.has(c.codePointAt(0)!));
      expect(missing.join('')).toBe('');
      // and what it lists as absent it really lacks
      expect([...kept.absent].filter((c) => cmap.has(c.codePointAt(0)!))).toEqual([]);
    });
  }

  it('keeps the title’s file small enough for the first screen (≤ 100 KB) and both together under 250 KB', () => {
    const title = statSync(fontFile('title')).size;
    const game = statSync(fontFile('game')).size;
    expect(title).toBeLessThanOrEqual(100 * 1024);
    expect(title + game).toBeLessThanOrEqual(250 * 1024);
  });

  it('describes each file to the browser by exactly its characters', () => {
    expect(unicodeRange('ぁあぃ')).toBe('U+3041-3043');
    expect(unicodeRange('「あ」ぃ')).toBe('U+300C-300D, U+3042-3043');
    expect(unicodeRange('')).toBe('');
  });
});
