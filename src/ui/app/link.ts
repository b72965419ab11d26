// The shareable link: ?scenario=…&seed=…&side=…&opponent=…&difficulty=…
import { DIFFICULTIES, SIDES, type Difficulty, type Side } from '../../scenario/vocabulary';
import { codePoint } from '../../scenario/chars';
import { normaliseSeed, SEED_MAX, seedLength, type SeedProblem } from '../../sim/index';
import { activeLang, t } from '../i18n/t';
import { isLang, type Lang } from '../../scenario/i18n';

export { SEED_MAX, seedLength };
// `lang` picks the language the game is read in (en, ja, ru); it alone does not start a game.
const KNOWN = ['scenario', 'seed', 'side', 'opponent', 'difficulty', 'lang'] as const;
export type Opponent = 'computer' | 'human';

export interface LinkGame {
  scenarioId: string;
  seed: string;
  side: Side;
  opponent: Opponent;
  difficulty: Difficulty | null;
}

export type LinkResult = { kind: 'none' } | { kind: 'ok'; game: LinkGame } | { kind: 'bad'; problems: string[]; partial: Partial<LinkGame> };

/** A seed problem in the catalogue's words, for the link ("parameter “seed” …") or the seed field. */
export function seedProblemWords(p: SeedProblem, where: 'link' | 'field'): string {
  const prefix = where === 'link' ? 'link' : 'setup';
  switch (p.kind) {
    case 'empty':
      return t(where === 'link' ? 'link.seedEmpty' : 'setup.seedEmpty');
    case 'tooLong':
      return t(`${prefix}.seedTooLong`);
    case 'invisible':
      return t(`${prefix}.seedInvisible`, { char: codePoint(p.char) });
    case 'notNormal':
      // normaliseSeed puts every seed it is given into NFC, so a person never meets this one.
      return t(`${prefix}.seedNotNormal`);
  }
}

export function parseLink(search: string, scenarioIds: readonly string[]): LinkResult {
  const params = new URLSearchParams(search);
  if ([...params.keys()].every((k) => k === 'lang')) {
    const lang = params.get('lang');
    return lang === null || isLang(lang) ? { kind: 'none' } : { kind: 'bad', problems: [t('link.badValue', { name: 'lang', value: lang })], partial: {} };
  }
  const problems: string[] = [];
  const partial: Partial<LinkGame> = {};
  const names = [...new Set(params.keys())];
  for (const name of names) {
    if (!(KNOWN as readonly string[]).includes(name)) problems.push(t('link.unknownParam', { name }));
    // Two values for one parameter: taking either would be a guess at what the sender meant.
    else if (params.getAll(name).length > 1) problems.push(t('link.repeated', { name }));
  }
  const scenario = params.get('scenario');
  if (scenario === null) problems.push(t('link.missing', { name: 'scenario' }));
  else if (!scenarioIds.includes(scenario)) problems.push(t('link.badValue', { name: 'scenario', value: scenario }));
  else partial.scenarioId = scenario;

  const rawSeed = params.get('seed');
  const seed = rawSeed === null ? null : normaliseSeed(rawSeed);
  if (seed === null) problems.push(t('link.missing', { name: 'seed' }));
  else if (seed.ok) partial.seed = seed.seed;
  else {
    problems.push(seedProblemWords(seed.problem, 'link'));
    if (seed.problem.kind === 'tooLong') partial.seed = [...rawSeed!.normalize('NFC')].slice(0, SEED_MAX).join('');
  }

  const side = params.get('side') ?? 'japan';
  if ((SIDES as readonly string[]).includes(side)) partial.side = side as Side;
  else problems.push(t('link.badValue', { name: 'side', value: side }));

  const opponent = params.get('opponent') ?? 'computer';
  if (opponent === 'computer' || opponent === 'human') partial.opponent = opponent;
  else problems.push(t('link.badValue', { name: 'opponent', value: opponent }));

  const difficulty = params.get('difficulty');
  if (difficulty === null) partial.difficulty = null;
  else if ((DIFFICULTIES as readonly string[]).includes(difficulty)) partial.difficulty = difficulty as Difficulty;
  else problems.push(t('link.badValue', { name: 'difficulty', value: difficulty }));

  const lang = params.get('lang');
  if (lang !== null && !isLang(lang)) problems.push(t('link.badValue', { name: 'lang', value: lang }));

  if (problems.length > 0) return { kind: 'bad', problems, partial };
  return { kind: 'ok', game: partial as LinkGame };
}

/** The link to a game; it carries the language on screen unless that is English (the default). */
export function buildLink(game: LinkGame, base: string = window.location.href, lang: Lang = activeLang()): string {
  const url = new URL(base);
  url.search = '';
  const p = new URLSearchParams();
  p.set('scenario', game.scenarioId);
  p.set('seed', game.seed);
  p.set('side', game.side);
  p.set('opponent', game.opponent);
  if (game.difficulty) p.set('difficulty', game.difficulty);
  if (lang !== 'en') p.set('lang', lang);
  url.search = p.toString();
  url.hash = '';
  return url.toString();
}

const WORDS_A = ['amber', 'quiet', 'northern', 'paper', 'silver', 'winter', 'harbour', 'misty', 'patient', 'distant', 'salt', 'cedar'];
const WORDS_B = ['heron', 'crane', 'strait', 'lantern', 'tide', 'island', 'kelp', 'gull', 'ferry', 'beacon', 'pine', 'seal'];

/** A readable default seed; the UI may use Math.random (the simulation never does). */
export function readableSeed(): string {
  const pick = (xs: string[]) => xs[Math.floor(Math.random() * xs.length)]!;
  return `${pick(WORDS_A)}-${pick(WORDS_B)}-${Math.floor(Math.random() * 90 + 10)}`;
}
