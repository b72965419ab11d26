// The server's refusals read in the player's language: each code (src/net/protocol.ts
// REFUSALS) has its text in English, Japanese and Russian, the sides named in that language;
// a code without a text of its own, an unknown code or a malformed message shows the English
// the server sent.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { REFUSALS } from '../../src/net/protocol';
import { catalogueOf } from '../../src/ui/i18n/catalogue';
import { installLang, setActiveLang, t } from '../../src/ui/i18n/t';
import { refusalReason } from '../../src/ui/net/remote';

const catalogue = (lang: 'ja' | 'ru') => catalogueOf(JSON.parse(readFileSync(new URL(`../../src/ui/i18n/${lang}.json`, import.meta.url), 'utf8')) as Parameters<typeof catalogueOf>[0]);

describe("the server's refusals in the page's language", () => {
  afterAll(() => {
    // The unit files share one module graph: leave the interface in English.
    setActiveLang('en');
  });

  it('in English, the words the server sends', () => {
    setActiveLang('en');
    expect(refusalReason({ code: 'paused', error: 'the teacher has paused the class' })).toBe('the teacher has paused the class');
    expect(refusalReason({ code: 'notYourTurn', error: "it is japan's move", side: 'japan' })).toBe('it is Japan’s move');
    expect(t('net.refused', { reason: refusalReason({ code: 'stopped', error: 'x' }) })).toBe('The server did not take that move: the teacher has ended this match');
  });

  for (const [lang, paused, turn] of [
    ['ja', '先生がクラスを一時停止しています', 'いまは日本の番です'],
    ['ru', 'учитель приостановил игру класса', 'сейчас ход стороны «Япония»'],
  ] as const) {
    it(`in ${lang}: every code with a text of its own is translated, the side named in ${lang}`, () => {
      installLang(lang, { catalogue: catalogue(lang) });
      expect(setActiveLang(lang)).toBe(true);
      expect(refusalReason({ code: 'paused', error: 'the teacher has paused the class' })).toBe(paused);
      expect(refusalReason({ code: 'notYourTurn', error: "it is japan's move", side: 'japan' })).toBe(turn);
      for (const code of REFUSALS.filter((c) => c !== 'rules' && c !== 'badMessage')) {
        const text = refusalReason({ code, error: 'ENGLISH', side: 'russia' });
        expect(text, code).not.toBe('ENGLISH');
        expect(text, code).not.toMatch(/[a-z]{3}/); // no English words left in it
      }
      setActiveLang('en');
    });
  }

  it('shows the English as sent for the rules, a bad message, an unknown code, a side missing, or no message at all', () => {
    setActiveLang('en');
    expect(refusalReason({ code: 'rules', error: 'that package was offered before' })).toBe('that package was offered before');
    expect(refusalReason({ code: 'badMessage', error: 'unknown message "shout"' })).toBe('unknown message "shout"');
    expect(refusalReason({ code: 'surrender', error: 'from a newer server' })).toBe('from a newer server');
    expect(refusalReason({ code: 'notYourTurn', error: "it is japan's move" })).toBe("it is japan's move");
    expect(refusalReason({ error: 'no code' })).toBe('no code');
    expect(refusalReason(null)).toBe('');
    expect(refusalReason('refused')).toBe('');
  });
});
