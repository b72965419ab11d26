// The page's first script: before the game's code and Phaser have downloaded, it asks
// the browser for the player's language files (catalogue, scenario translations, the
// title's typefaces), so they arrive while Phaser boots instead of after.
import { initialLang } from './app/lang-choice';
import { preloadLang } from './i18n/files';

const lang = initialLang();
if (lang !== 'en') preloadLang(lang);
