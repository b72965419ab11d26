// Which language the page starts in, and remembering the player's choice. Small and
// free of the game's code, so the page's first script (early.ts) can use it too.
import { isLang, type Lang } from '../../scenario/i18n';

const LANG_KEY = 'unfinished-peace/lang';

export function rememberLang(lang: Lang): void {
  try {
    window.localStorage.setItem(LANG_KEY, lang);
  } catch {
    // A browser that cannot store keeps the language for this visit only.
  }
}

/** The language to start in: the link's ?lang=, else the one chosen last time, else the browser's when it is one of ours. */
export function initialLang(search: string = window.location.search): Lang {
  const asked = new URLSearchParams(search).get('lang');
  if (isLang(asked)) return asked;
  let kept: string | null = null;
  try {
    kept = window.localStorage.getItem(LANG_KEY);
  } catch {
    kept = null;
  }
  if (isLang(kept)) return kept;
  for (const l of navigator.languages ?? [navigator.language]) {
    const base = l.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}
