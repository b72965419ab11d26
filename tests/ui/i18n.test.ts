// The translations: the missing/stale check is clean for the interface and the shipped
// scenarios in both languages, and the hand-written plural and number rules agree with Intl.
import { describe, expect, it } from 'vitest';
import { checkLang, main, placeholders, shippedScenarios } from '../../src/cli/i18n';
import { pluralCategory, numberIn, dateIn, expandPlurals } from '../../src/ui/i18n/format';
import { textEntries, dictionaryOf } from '../../src/scenario/i18n';
import { t } from '../../src/ui/i18n/t';

describe('translations', () => {
  const scenarios = shippedScenarios();
  for (const lang of ['ja', 'ru'] as const) {
    it(`${lang}: nothing missing, stale or unknown in the interface and the ${scenarios.length} scenarios`, () => {
      const r = checkLang(lang, scenarios);
      expect({ missing: r.missing, stale: r.stale, unknown: r.unknown, problems: r.problems }).toEqual({ missing: [], stale: [], unknown: [], problems: [] });
    });
  }

  it('npm run i18n -- --check exits 0 and says so per language', () => {
    const out: string[] = [];
    expect(main(['--check'], (l) => out.push(l), (l) => out.push(l))).toBe(0);
    expect(out.join('\n')).toMatch(/ja: the interface .* translated and current[\s\S]*ru: the interface/);
  });

  it('reports a changed English text as stale, and shows the English for it', () => {
    const s = structuredClone(scenarios.find((x) => x.id === 'moscow-2019')!);
    const entry = textEntries(s).find((e) => e.key === 'title')!;
    const overlay = { texts: { title: { en: entry.en, text: 'タイトル' } } };
    expect(dictionaryOf(s, overlay).texts.get(entry.en)).toBe('タイトル');
    s.title = `${s.title}!`;
    expect(dictionaryOf(s, overlay).texts.has(s.title)).toBe(false);
  });

  it('keys texts by id where the scenario has ids and keeps ids, dates and numbers out', () => {
    const keys = textEntries(scenarios[0]!).map((e) => e.key);
    expect(keys).toContain('title');
    expect(keys.some((k) => /^events\.[a-z0-9-]+\.headlines\.japan$/.test(k))).toBe(true);
    expect(keys.some((k) => /\.id$|\.date$|\.source$|\.issue$/.test(k))).toBe(false);
  });

  it('Russian and Japanese plural categories match Intl.PluralRules', () => {
    for (const lang of ['ru', 'ja', 'en'] as const) {
      const intl = new Intl.PluralRules(lang);
      for (let n = 0; n <= 1200; n += 1) expect(pluralCategory(lang, n), `${lang} ${n}`).toBe(intl.select(n));
      for (const n of [0.5, 1.5, 2.25, 11.1]) expect(pluralCategory(lang, n), `${lang} ${n}`).toBe(intl.select(n));
    }
    expect(expandPlurals('{n, plural, one {# раунд} few {# раунда} many {# раундов} other {# раунда}}', { n: 22 }, 'ru')).toBe('22 раунда');
    expect(expandPlurals('{n, plural, one {# раунд} few {# раунда} many {# раундов} other {# раунда}}', { n: 11 }, 'ru')).toBe('11 раундов');
    // A count handed in already written out (grouped, decimal comma) picks its form by value and shows as given.
    const people = '{n, plural, one {# житель} few {# жителя} many {# жителей} other {# жителя}}';
    expect(expandPlurals(people, { n: '6\u00a0100' }, 'ru')).toBe('6\u00a0100 жителей');
    expect(expandPlurals(people, { n: '2\u00a0021' }, 'ru')).toBe('2\u00a0021 житель');
    expect(expandPlurals(people, { n: '1,5' }, 'ru')).toBe('1,5 жителя');
  });

  it('English picks one or other too, with no language pack loaded', () => {
    expect(t('setup.ownScenarioProblems', { file: 'a.json', count: 1 })).toBe('a.json was not loaded: 1 problem to fix.');
    expect(t('setup.ownScenarioProblems', { file: 'a.json', count: 2 })).toBe('a.json was not loaded: 2 problems to fix.');
    expect(t('file.many', { count: 1200 })).toBe('1,200 files chosen');
  });

  it('Russian numbers and dates are written as Intl writes them', () => {
    const intl = new Intl.NumberFormat('ru', { maximumFractionDigits: 1 });
    for (const n of [0, 7, 3139, 6400, 12345.6, -2.5, 1000000]) expect(numberIn('ru', n, 1)).toBe(intl.format(n).replace(/\u202f/g, '\u00a0'));
    expect(dateIn('ru', '2018-09-12')).toBe('12 сентября 2018 г.');
    expect(dateIn('ja', '2018-09-12')).toBe('2018年9月12日');
  });

  it('finds the placeholders a translation must keep, plural blocks by their number', () => {
    expect(placeholders('{count, plural, one {# file} other {# files}} in {dir}')).toEqual(['count', 'dir']);
  });
});
