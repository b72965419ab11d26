import Phaser from 'phaser';
import { DIFFICULTIES, ISLAND_IDS, SIDES, otherSide, type Difficulty, type Side } from '../../scenario/vocabulary';
import { BASE, FONTS, PALETTE, TEXT } from '../theme';
import { h } from '../dom/el';
import { t, tk, sx, activeLang, formatDate, problemText, installLang } from '../i18n/t';
import { msg } from '../../scenario/messages';
import { ensureLang, store } from '../app/store';
import { route } from '../app/router';
import { takeSetAside, continueFromFile, continueSave, corruptNotice, difficultyWords, makeConfig, prefill, scenarios, startOrAsk, type SlotClash } from '../app/boot';
import { buildLink, readableSeed, seedProblemWords, type Opponent } from '../app/link';
import { listSaves, parseSave, saveFileName, saveFileText, SAVE_LIMITS, type SaveFile } from '../app/save';
import { downloadText } from '../app/download';
import { normaliseSeed } from '../../sim/index';
import { readJsonText, SCENARIO_LIMITS, tooLarge, unexpectedMsg } from '../../scenario/text';
import { paper, panel, focusFirst } from '../widgets/frame';
import { button } from '../widgets/button';
import { filePicker, radios, select } from '../widgets/form';
import { drawMap, drawLegend, mapFooter, type IslandView } from '../widgets/map';
import { languageSelect } from '../widgets/language';
import { LANG_NAMES, type Lang } from '../../scenario/i18n';
import type { Scenario } from '../../scenario/schema';
import { sideName } from '../app/narrate';
import { pairName } from '../app/views';
import { BUNDLE_PROBLEMS, addOwnScenario, isOwnScenario } from '../../scenario/registry';
import { problemBody, problemLine } from '../app/problems';
import { announce } from '../a11y/live';

/** A message in a report area: announced, scrolled into view and focused (it may sit below the fold). */
function say(report: HTMLElement, text: string): void {
  const note = h('p', { class: 'msg', role: 'alert', tabindex: -1 }, text);
  report.append(note);
  announce(text);
  queueMicrotask(() => {
    report.scrollIntoView({ block: 'nearest' });
    note.focus();
  });
}

const opponentOf = (save: SaveFile, side: Side): string => {
  const words = t(save.config.controllers[otherSide(side)] === 'human' ? 'opponent.human' : 'opponent.computer');
  return words.charAt(0).toLowerCase() + words.slice(1);
};

/** One game in progress: what it is, Continue, and Download (the save as a file). */
function saveRow(key: string, save: SaveFile, focus: boolean): HTMLLIElement {
  const sc = scenarios().find((s) => s.id === save.scenarioId);
  const side: Side = save.config.controllers.japan === 'human' ? 'japan' : 'russia';
  // The page's language, not the browser's, writes when it was saved (English keeps the browser's own format).
  const when = save.savedAt ? t('save.when', { date: new Date(save.savedAt).toLocaleString(activeLang() === 'en' ? undefined : activeLang()) }) : '';
  const title = sc?.title ?? save.own?.title ?? save.scenarioId;
  const needsFile = !sc && save.own !== undefined && save.own.text === undefined ? save.own.file : null;
  const descId = `save-desc-${encodeURIComponent(key).replace(/%/g, '_')}`;
  const row = h('li', { class: 'save-row', testid: 'save-row', 'data-slot': key },
    h('span', { id: descId }, t('save.row', { scenario: title, seed: save.config.seed, side: sideName(side), opponent: opponentOf(save, side), moves: save.actions.length, when })),
  );
  if (needsFile) row.append(h('span', { class: 'help', testid: 'save-needs-file' }, t('save.needsFile', { file: needsFile })));
  const cont = button(t('save.continue'), () => {
    void continueSave(key, save).then((r) => { if (r.kind !== 'ok') route('Title'); });
  }, { testid: 'continue', autofocus: focus && !needsFile, disabled: needsFile !== null, ariaLabel: t('save.continueLabel', { scenario: title, seed: save.config.seed, moves: save.actions.length }) });
  const dl = button(t('save.download'), () => {
    const name = saveFileName(save);
    downloadText(name, saveFileText(save));
    announce(t('save.downloaded', { file: name }));
  }, { kind: 'secondary', testid: 'download-save', ariaLabel: t('save.downloadLabel', { scenario: title, seed: save.config.seed }) });
  row.append(h('span', { class: 'save-actions' }, cont, dl));
  return row;
}

/** A save that could not be read: the truth about where it is now, and a way to keep it. */
function corruptRow(c: ReturnType<typeof listSaves>['corrupt'][number]): HTMLElement {
  const box = h('div', { class: 'msg', role: 'alert', testid: 'notice' }, corruptNotice(c));
  box.append(' ', button(t('save.downloadCorrupt'), () => downloadText('unfinished-peace-unreadable-save.json', c.raw), { kind: 'secondary', testid: 'download-corrupt' }));
  return box;
}

/** Another game already fills this slot: continue it, or replace it, the player's choice. */
function clashPrompt(c: SlotClash): HTMLElement {
  const words = t(c.from === 'link' ? 'save.existsLink' : 'save.exists', { moves: c.save.actions.length, difficulty: difficultyWords(c.save) });
  return h('div', { class: 'msg', role: 'alert', testid: 'clash' },
    h('p', {}, words),
    h('div', { class: 'row' },
      button(t('save.continueSaved'), () => {
        void continueSave(c.key, c.save).then((r) => { if (r.kind !== 'ok') route('Title'); });
      }, { testid: 'clash-continue', autofocus: true }),
      button(t('save.startOver'), () => void c.replace(), { kind: 'danger', testid: 'clash-start-over' }),
    ),
  );
}

/** A save file the player chose: read with the shared reader, then continued (asking first if it would replace a game here). */
async function loadSaveFile(file: File, report: HTMLElement): Promise<void> {
  report.replaceChildren();
  try {
    if (file.size > SAVE_LIMITS.maxBytes) {
      say(report, `${file.name}: ${problemText(tooLarge(file.size, SAVE_LIMITS))}`);
      return;
    }
    const text = await file.text();
    const parsed = readJsonText(text, file.name, SAVE_LIMITS);
    if (!parsed.ok) {
      say(report, t('save.loadProblem', { file: file.name, problem: parsed.problems[0] ? problemBody(parsed.problems[0]) : '' }));
      return;
    }
    const judged = parseSave(text, file.name);
    if (!judged.ok) {
      say(report, judged.reason === 'newer' ? t('save.loadNewer', { file: file.name }) : t('save.loadProblem', { file: file.name, problem: t('save.notASave') }));
      return;
    }
    if (!(await continueFromFile(judged.save, file.name))) route('Title');
  } catch (error) {
    say(report, `${file.name}: ${problemText(unexpectedMsg(error))}`);
  }
}

/** Title and setup: scenario cards, side, opponent, difficulty, seed; continue; load a replay. */
export class Title extends Phaser.Scene {
  constructor() {
    super('Title');
  }

  create(): void {
    paper(this);
    const all = scenarios();
    this.add.text(BASE.margin + 8, 30, t('app.title'), { ...TEXT.h1, fontSize: '48px' });
    this.add.text(BASE.margin + 8, 92, t('app.tagline'), { ...TEXT.body, fontFamily: FONTS.serif, fontSize: '19px', fontStyle: 'italic', color: PALETTE.inkSoft });
    const first = all.find((s) => s.id === prefill.scenarioId) ?? all[0];
    if (first) this.drawIslands(first);

    const root = panel(this, BASE.margin + 8, 126, 780, 550, { scroll: true, testid: 'setup', label: t('setup.heading') });
    root.append(...notices());
    if (all.length === 0) {
      root.append(h('p', { class: 'msg' }, t('setup.noScenarios')));
      return;
    }
    const listed = listSaves();
    const clash = store.clash;
    store.clash = null;
    const form = setupForm(all, first, { autofocusStart: listed.saves.length === 0 && !clash });
    root.append(...form.elements);
    for (const c of [...takeSetAside(), ...listed.corrupt].filter((c, i, xs) => xs.findIndex((x) => x.key === c.key) === i)) root.prepend(corruptRow(c));
    // Games in progress, newest first, above the setup: Continue is what most returning players want.
    const saves = savesSection(this, listed, clash !== null);
    root.insertBefore(saves, root.querySelector('h2.setup-h'));
    if (clash) root.insertBefore(clashPrompt(clash), saves);
    // A saved game as a file (kept off this browser), and a teacher's own scenario, validated here
    // with the same reader and messages as the command line.
    root.append(...jsonFileField('load-save', t('save.loadFile'), 'load-save-report', (file, report) => void loadSaveFile(file, report)));
    root.append(...jsonFileField('own-scenario', t('setup.ownScenario'), 'own-scenario-report', (file, report) =>
      void loadOwnScenario(file, report).catch((error: unknown) => say(report, `${file.name}: ${problemText(unexpectedMsg(error))}`))));
    // And a translation of one (a teacher's own, or a shipped scenario's new one): the same file a translator makes.
    root.append(...jsonFileField('own-translation', t('setup.ownTranslation'), 'own-translation-report', (file, report) =>
      void loadOwnTranslation(file, report).catch((error: unknown) => say(report, `${file.name}: ${problemText(unexpectedMsg(error))}`))));
    form.updateLink();
    focusFirst();
    performance.mark('up:title');
  }

  /** The chosen scenario's islands, a frame after the controls: setup is usable sooner, and the picture (some 20 ms) follows before anyone could look for it. */
  private drawIslands(scenario: Scenario): void {
    const total = scenario.islands.reduce((sum, x) => sum + x.areaKm2, 0);
    const islands: IslandView[] = ISLAND_IDS.map((id) => {
      const i = scenario.islands.find((x) => x.id === id)!;
      const name = activeLang() === 'ru' ? pairName(sx(i.names.ru), sx(i.names.ja)) : pairName(sx(i.names.ja), sx(i.names.ru));
      return { id, name, status: i.status, areaKm2: i.areaKm2, population: i.population, share: (i.areaKm2 / total) * 100 };
    });
    requestAnimationFrame(() => {
      if (!this.sys.isActive()) return;
      const mh = drawMap(this, 836, 132, 412, islands, true);
      const below = mapFooter(this, 836, 132 + mh, 412);
      drawLegend(this, 836, Math.max(132 + mh + 28, below + 6), ['russian', 'jointActivity', 'leased', 'jointGovernance', 'returned'], 412);
    });
  }
}

/** The title's messages (and a shipped scenario that failed to load or validate, named with its problems, not silently missing); shown once. */
function notices(): HTMLElement[] {
  const out: HTMLElement[] = store.notices.map((n) => h('p', { class: n.tone === 'ok' ? 'msg ok' : 'msg', role: 'alert', testid: 'notice' }, n.text));
  for (const broken of BUNDLE_PROBLEMS) {
    out.push(
      h('p', { class: 'msg', role: 'alert', testid: 'bundle-problem' }, t('setup.bundleProblem', { file: broken.file })),
      h('ul', { class: 'problems' }, ...broken.messages.map((m) => h('li', {}, m))),
    );
  }
  store.notices = [];
  return out;
}

/**
 * The setup form: language, scenario cards, side, opponent, difficulty (and each hot-seat
 * player's language), seed, the buttons and the share link. Its elements, and `updateLink`
 * to call once they are in the page.
 */
function setupForm(all: readonly Scenario[], first: Scenario | undefined, opts: { autofocusStart: boolean }): { elements: HTMLElement[]; updateLink: () => void } {
  let chosen = first;
  const choice = () => ({ scenarioId: chosen?.id ?? '', side: side.get() as Side, opponent: opponent.el.value as Opponent, difficulty: difficulty.el.value as Difficulty });
  // The language first: a player who cannot read the rest finds it by its own name.
  const language = languageSelect(t('setup.language'), store.lang, 'lang', (lang) => {
    Object.assign(prefill, { ...choice(), seed: seedInput.value });
    void store.chooseLang(lang);
  });
  const cards = scenarioCards(all, first, (s) => {
    chosen = s;
    updateLink();
  });
  const side = radios(t('setup.side'), 'side', SIDES.map((x) => ({ value: x, label: sideName(x) })), prefill.side ?? 'japan', 'side', () => updateLink());
  const opponent = select(t('setup.opponent'), [
    { value: 'computer', label: t('opponent.computer') },
    { value: 'human', label: t('opponent.human') },
    // Served by the game's own server: a friend may play the other side on their own device.
    ...(store.netAvailable ? [{ value: 'network', label: t('opponent.network') }] : []),
  ], prefill.opponent ?? 'computer', 'opponent', (v) => { sideLangRow.style.display = v === 'human' ? '' : 'none'; updateLink(); });
  const difficulty = select(t('setup.difficulty'), DIFFICULTIES.map((d) => ({ value: d, label: tk(`difficulty.${d}`) })), prefill.difficulty ?? first?.defaults.difficulty ?? 'normal', 'difficulty', () => updateLink());
  // Hot seat: each player reads in their own language (a Japanese and a Russian student on one screen).
  const sideLangs = SIDES.map((x) => ({ side: x, field: languageSelect(t('setup.sideLang', { side: sideName(x) }), store.langFor(x), `lang-${x}`) }));
  const sideLangRow = h('div', { class: 'row', testid: 'side-langs' }, ...sideLangs.map((x) => x.field.wrap));
  sideLangRow.style.display = opponent.el.value === 'human' ? '' : 'none';

  const seedInput = h('input', { type: 'text', id: 'seed', testid: 'seed', maxlength: 200, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'seed-help' });
  seedInput.value = prefill.seed ?? readableSeed();
  const seedMsg = h('p', { id: 'seed-help', class: 'help' }, t('setup.seedHelp'));
  seedInput.addEventListener('input', () => updateLink());
  seedInput.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') void begin(); });
  const readSeed = (): string | null => {
    const checked = normaliseSeed(seedInput.value);
    seedInput.setAttribute('aria-invalid', String(!checked.ok));
    seedMsg.textContent = checked.ok ? t('setup.seedHelp') : seedProblemWords(checked.problem, 'field');
    seedMsg.className = checked.ok ? 'help' : 'msg';
    return checked.ok ? checked.seed : null;
  };

  const linkText = h('code', { testid: 'share-link' });
  function updateLink(): void {
    const seed = readSeed();
    linkText.textContent = chosen && seed && opponent.el.value !== 'network' ? buildLink({ ...choice(), seed }) : '—';
  }
  const hostReport = h('div', { testid: 'host-report', 'aria-live': 'polite' });
  const begin = async (): Promise<void> => {
    const seed = readSeed();
    if (!chosen || seed === null) { seedInput.focus(); return; }
    const c = { ...choice(), seed };
    if (opponent.el.value === 'network') {
      await (await import('../net/screens')).hostFromSetup(chosen, seed, c.side, c.difficulty, hostReport, say);
      return;
    }
    await store.chooseSideLangs(c.opponent === 'human' ? Object.fromEntries(sideLangs.map((x) => [x.side, x.field.el.value as Lang])) : {});
    // New game never writes over a game in progress with the same scenario, seed and sides: the title asks.
    if (!(await startOrAsk(chosen, makeConfig(chosen, c.side, c.opponent, c.difficulty, seed), 'setup'))) {
      Object.assign(prefill, c);
      route('Title');
    }
  };
  const actions = h('div', {},
    button(t('setup.start'), () => void begin(), { testid: 'start', autofocus: opts.autofocusStart }),
    button(t('setup.loadReplay'), () => route('ReplayViewer'), { kind: 'secondary', testid: 'load-replay' }),
    button(t('setup.classroom'), () => route('ClassView'), { kind: 'secondary', testid: 'open-classroom' }),
    button(t('setup.guide'), () => route('TeacherGuide'), { kind: 'secondary', testid: 'open-guide' }),
  );
  return {
    elements: [
      h('div', { class: 'row lang-row' }, language.wrap),
      // A student handed a match code joins first thing, before any setup.
      ...(store.netAvailable ? [netSlot()] : []),
      h('h2', { class: 'setup-h' }, t('setup.heading')),
      cards,
      h('div', { class: 'row' }, side.wrap, opponent.wrap, difficulty.wrap),
      sideLangRow,
      h('label', { for: 'seed' }, t('setup.seed')),
      h('div', { class: 'row' }, h('div', {}, seedInput), button(t('setup.newSeed'), () => { seedInput.value = readableSeed(); updateLink(); }, { kind: 'secondary', testid: 'new-seed' })),
      seedMsg,
      actions,
      hostReport,
      h('p', { class: 'help link' }, `${t('setup.shareLink')}: `, linkText),
    ],
    updateLink,
  };
}

/** Where the join-a-match field goes: its code (with the match screens) loads only on a page served by the game's server. */
function netSlot(): HTMLElement {
  const slot = h('div', { testid: 'join-slot' });
  void import('../net/screens').then((m) => {
    slot.replaceChildren(...m.joinSection(say));
    // The first screen's focus stays where it was; the field is there for a student to Tab to.
  });
  return slot;
}

/** Scenario cards: buttons with aria-pressed, so Tab and Enter choose (no arrow keys needed). */
function scenarioCards(all: readonly Scenario[], first: Scenario | undefined, onChoose: (s: Scenario) => void): HTMLElement {
  const cards = h('div', { class: 'cards', role: 'group', 'aria-label': t('setup.scenario') });
  const els: HTMLButtonElement[] = [];
  for (const s of all) {
    const card = h('button', { type: 'button', class: 'card', testid: `scenario-${s.id}`, 'aria-pressed': String(s === first) },
      h('span', { class: 'title' }, isOwnScenario(s) ? t('setup.ownCard', { title: s.title }) : s.title),
      h('span', { class: 'dates' }, `${t('setup.dates', { start: formatDate(s.period.start), end: formatDate(s.period.end) })} · ${t('setup.rounds', { count: s.rounds.length })}`),
      h('span', { class: 'summary' }, s.summary),
    );
    card.addEventListener('click', () => {
      for (const c of els) c.setAttribute('aria-pressed', String(c === card));
      onChoose(s);
    });
    els.push(card);
    cards.append(card);
  }
  return cards;
}

/**
 * The games in progress. Another tab saved, finished or started a game: the list follows
 * without redrawing the form; it is read aloud only when a game appears or goes, and the
 * keyboard stays on the button it was on.
 */
function savesSection(scene: Phaser.Scene, listed: ReturnType<typeof listSaves>, clash: boolean): HTMLElement {
  const box = h('section', { class: 'saves', testid: 'saves', 'aria-labelledby': 'saves-h' });
  const render = (list: ReturnType<typeof listSaves>): void => {
    box.replaceChildren();
    if (list.saves.length === 0) return;
    box.append(h('h2', { class: 'setup-h', id: 'saves-h' }, t('save.heading')));
    const ul = h('ul', { class: 'save-list' });
    list.saves.forEach(({ key, save }, i) => ul.append(saveRow(key, save, i === 0 && !clash)));
    box.append(ul);
  };
  render(listed);
  let shownKeys = listed.saves.map((x) => x.key).join('\n');
  const unsubscribe = store.onTabChange(() => {
    if (!scene.sys.isActive()) return;
    const active = document.activeElement as HTMLElement | null;
    const focusedSlot = active && box.contains(active) ? active.closest('[data-slot]')?.getAttribute('data-slot') : null;
    const focusedId = active?.getAttribute('data-testid');
    const fresh = listSaves();
    render(fresh);
    if (focusedSlot && focusedId) box.querySelector<HTMLElement>(`[data-slot="${CSS.escape(focusedSlot)}"] [data-testid="${focusedId}"]`)?.focus();
    const keys = fresh.saves.map((x) => x.key).join('\n');
    if (keys !== shownKeys) announce(t('tabs.titleChanged'));
    shownKeys = keys;
  });
  scene.events.once('shutdown', unsubscribe);
  return box;
}

/**
 * A translation file (scenarios/README.md) for a scenario loaded here: checked with the
 * command line's reader, then its texts join the language's pack for this page, so that
 * scenario reads in Japanese or Russian (for the whole page, or one hot-seat player).
 */
async function loadOwnTranslation(file: File, report: HTMLElement): Promise<void> {
  report.replaceChildren();
  const limits = { ...SCENARIO_LIMITS, kind: 'translation' };
  if (file.size > limits.maxBytes) {
    say(report, `${file.name}: ${problemText(tooLarge(file.size, limits))}`);
    return;
  }
  const [{ loadOverlay, checkOverlay }, { dictionaryOf }] = await Promise.all([import('../../scenario/overlay'), import('../../scenario/i18n')]);
  const read = loadOverlay(await file.text(), file.name);
  if (!read.ok) {
    say(report, t('setup.ownTranslationProblems', { file: file.name, count: read.problems.length }));
    report.append(h('ul', { class: 'problems', testid: 'own-translation-problems' }, ...read.problems.map((p) => h('li', {}, problemLine(p)))));
    return;
  }
  const overlay = read.value;
  const scenario = scenarios().find((s) => s.id === overlay.scenario);
  if (!scenario) {
    say(report, `${file.name}: scenario: ${problemText(msg('overlay.unknownScenario', { id: overlay.scenario, known: scenarios().map((s) => s.id).join(', ') }))}`);
    return;
  }
  const checked = checkOverlay(scenario, overlay, file.name);
  await ensureLang(overlay.lang);
  const d = dictionaryOf(scenario, overlay);
  installLang(overlay.lang, d);
  store.notices.push({ text: t('setup.ownTranslationLoaded', { file: file.name, title: scenario.title, lang: LANG_NAMES[overlay.lang], count: d.texts.size, left: checked.missing.length + checked.stale.length }), tone: 'ok' });
  route('Title');
}

/** A teacher's own scenario file: checked with the command line's reader; a good one becomes a card of this page. */
async function loadOwnScenario(file: File, report: HTMLElement): Promise<void> {
  report.replaceChildren();
  if (file.size > SCENARIO_LIMITS.maxBytes) {
    say(report, `${file.name}: ${problemText(tooLarge(file.size, SCENARIO_LIMITS))}`);
    return;
  }
  // The validator and its schema load on first use: most visitors never bring a file.
  const { loadScenario } = await import('../../scenario/load');
  const text = await file.text();
  const result = loadScenario(text, file.name);
  if (!result.ok) {
    say(report, t('setup.ownScenarioProblems', { file: file.name, count: result.problems.length }));
    report.append(h('ul', { class: 'problems', testid: 'own-scenario-problems' }, ...result.problems.map((p) => h('li', {}, problemLine(p)))));
    return;
  }
  const added = addOwnScenario(result.value, { file: file.name, text });
  if (!added.ok) {
    say(report, t('setup.ownScenarioTaken', { file: file.name, id: result.value.id, title: added.takenBy.title }));
    return;
  }
  prefill.scenarioId = result.value.id;
  store.notices.push({ text: t('setup.ownScenarioLoaded', { title: result.value.title, file: file.name }), tone: 'ok' });
  route('Title');
}

/** A labelled JSON file input with its report below; the input is cleared so the same file can be chosen again. */
function jsonFileField(id: string, label: string, reportId: string, onFile: (file: File, report: HTMLElement) => void): HTMLElement[] {
  const { wrap, input } = filePicker(id, label);
  const report = h('div', { testid: reportId });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) onFile(file, report);
  });
  return [h('div', { class: 'field-label' }, label), wrap, report];
}
