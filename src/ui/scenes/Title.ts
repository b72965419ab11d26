import Phaser from 'phaser';
import { DIFFICULTIES, ISLAND_IDS, SIDES, otherSide, type Difficulty, type Side } from '../../scenario/vocabulary';
import { BASE, FONTS, PALETTE, TEXT } from '../theme';
import { h } from '../dom/el';
import { t, tk, sx, activeLang, formatDate, problemText } from '../i18n/t';
import { store } from '../app/store';
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
import type { Lang } from '../../scenario/i18n';
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
  const when = save.savedAt ? t('save.when', { date: new Date(save.savedAt).toLocaleString() }) : '';
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
    let chosen = all.find((s) => s.id === prefill.scenarioId) ?? all[0];

    this.add.text(BASE.margin + 8, 30, t('app.title'), { ...TEXT.h1, fontSize: '48px' });
    this.add.text(BASE.margin + 8, 92, t('app.tagline'), { ...TEXT.body, fontFamily: FONTS.serif, fontSize: '19px', fontStyle: 'italic', color: PALETTE.inkSoft });

    if (chosen) {
      const islands: IslandView[] = ISLAND_IDS.map((id) => {
        const i = chosen!.islands.find((x) => x.id === id)!;
        const total = chosen!.islands.reduce((s, x) => s + x.areaKm2, 0);
        return { id, name: activeLang() === 'ru' ? pairName(sx(i.names.ru), sx(i.names.ja)) : pairName(sx(i.names.ja), sx(i.names.ru)), status: i.status, areaKm2: i.areaKm2, population: i.population, share: (i.areaKm2 / total) * 100 };
      });
      // The controls first, the map a frame later: setup is usable sooner, and the
      // picture (some 20 ms to draw) follows before anyone could look for it.
      requestAnimationFrame(() => {
        if (!this.sys.isActive()) return;
        const mh = drawMap(this, 836, 132, 412, islands, true);
        const below = mapFooter(this, 836, 132 + mh, 412);
        drawLegend(this, 836, Math.max(132 + mh + 28, below + 6), ['russian', 'jointActivity', 'leased', 'jointGovernance', 'returned'], 412);
      });
    }

    const root = panel(this, BASE.margin + 8, 126, 780, 550, { scroll: true, testid: 'setup', label: t('setup.heading') });
    for (const n of store.notices) root.append(h('p', { class: n.tone === 'ok' ? 'msg ok' : 'msg', role: 'alert', testid: 'notice' }, n.text));
    // A shipped scenario that failed to load or validate is named, with its problems, not silently missing.
    for (const broken of BUNDLE_PROBLEMS) {
      root.append(
        h('p', { class: 'msg', role: 'alert', testid: 'bundle-problem' }, t('setup.bundleProblem', { file: broken.file })),
        h('ul', { class: 'problems' }, ...broken.messages.map((m) => h('li', {}, m))),
      );
    }
    store.notices = [];

    if (all.length === 0) {
      root.append(h('p', { class: 'msg' }, t('setup.noScenarios')));
      return;
    }

    // The language first: a player who cannot read the rest finds it by its own name.
    const keepChoices = (): void => {
      Object.assign(prefill, { scenarioId: chosen?.id, seed: seedInput.value, side: side.get() as Side, opponent: opponent.el.value as Opponent, difficulty: difficulty.el.value as Difficulty });
    };
    root.append(h('div', { class: 'row lang-row' }, languageSelect(t('setup.language'), store.lang, 'lang', (lang) => { keepChoices(); void store.chooseLang(lang); }).wrap));

    // Scenario cards: buttons with aria-pressed, so arrow-free Tab + Enter chooses.
    root.append(h('h2', { class: 'setup-h' }, t('setup.heading')));
    const cards = h('div', { class: 'cards', role: 'group', 'aria-label': t('setup.scenario') });
    const cardEls: HTMLButtonElement[] = [];
    for (const s of all) {
      const card = h('button', { type: 'button', class: 'card', testid: `scenario-${s.id}`, 'aria-pressed': String(s === chosen) },
        h('span', { class: 'title' }, isOwnScenario(s) ? `${s.title} (${t('setup.ownCard')})` : s.title),
        h('span', { class: 'dates' }, `${t('setup.dates', { start: formatDate(s.period.start), end: formatDate(s.period.end) })} · ${t('setup.rounds', { count: s.rounds.length })}`),
        h('span', { class: 'summary' }, s.summary),
      );
      card.addEventListener('click', () => {
        chosen = s;
        for (const c of cardEls) c.setAttribute('aria-pressed', String(c === card));
        updateLink();
      });
      cardEls.push(card);
      cards.append(card);
    }
    root.append(cards);

    const side = radios(t('setup.side'), 'side', SIDES.map((x) => ({ value: x, label: sideName(x) })), prefill.side ?? 'japan', 'side', () => updateLink());
    const opponent = select(t('setup.opponent'), [
      { value: 'computer', label: t('opponent.computer') },
      { value: 'human', label: t('opponent.human') },
    ], prefill.opponent ?? 'computer', 'opponent', (v) => { sideLangRow.style.display = v === 'human' ? '' : 'none'; updateLink(); });
    const difficulty = select(t('setup.difficulty'), DIFFICULTIES.map((d) => ({ value: d, label: tk(`difficulty.${d}`) })), prefill.difficulty ?? chosen?.defaults.difficulty ?? 'normal', 'difficulty', () => updateLink());
    const row = h('div', { class: 'row' }, side.wrap, opponent.wrap, difficulty.wrap);
    // Hot seat: each player reads in their own language (a Japanese and a Russian student on one screen).
    const sideLangs = SIDES.map((x) => ({ side: x, field: languageSelect(t('setup.sideLang', { side: sideName(x) }), store.langFor(x), `lang-${x}`) }));
    const sideLangRow = h('div', { class: 'row', testid: 'side-langs' }, ...sideLangs.map((x) => x.field.wrap));
    sideLangRow.style.display = opponent.el.value === 'human' ? '' : 'none';
    root.append(row, sideLangRow);

    const seedInput = h('input', { type: 'text', id: 'seed', testid: 'seed', maxlength: 200, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'seed-help' });
    seedInput.value = prefill.seed ?? readableSeed();
    const seedMsg = h('p', { id: 'seed-help', class: 'help' }, t('setup.seedHelp'));
    root.append(
      h('label', { for: 'seed' }, t('setup.seed')),
      h('div', { class: 'row' }, h('div', {}, seedInput), button(t('setup.newSeed'), () => { seedInput.value = readableSeed(); updateLink(); }, { kind: 'secondary', testid: 'new-seed' })),
      seedMsg,
    );
    seedInput.addEventListener('input', () => updateLink());
    seedInput.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') void begin(); });

    const linkText = h('code', { testid: 'share-link' });
    const listed = listSaves();
    const clash = store.clash;
    store.clash = null;
    const start = button(t('setup.start'), () => void begin(), { testid: 'start', autofocus: listed.saves.length === 0 && !clash });
    const actions = h('div', {}, start);
    const corrupt = [...takeSetAside(), ...listed.corrupt].filter((c, i, all) => all.findIndex((x) => x.key === c.key) === i);
    for (const c of corrupt) root.prepend(corruptRow(c));
    actions.append(button(t('setup.loadReplay'), () => route('ReplayViewer'), { kind: 'secondary', testid: 'load-replay' }));
    actions.append(button(t('setup.classroom'), () => route('ClassView'), { kind: 'secondary', testid: 'open-classroom' }), button(t('setup.guide'), () => route('TeacherGuide'), { kind: 'secondary', testid: 'open-guide' }));
    root.append(actions, h('p', { class: 'help link' }, `${t('setup.shareLink')}: `, linkText));

    // Games in progress, newest first, above the setup: Continue is what most returning players want.
    const savesBox = h('section', { class: 'saves', testid: 'saves', 'aria-labelledby': 'saves-h' });
    const renderSaves = (list = listed): void => {
      savesBox.replaceChildren();
      if (list.saves.length === 0) return;
      savesBox.append(h('h2', { class: 'setup-h', id: 'saves-h' }, t('save.heading')));
      const ul = h('ul', { class: 'save-list' });
      list.saves.forEach(({ key, save }, i) => ul.append(saveRow(key, save, i === 0 && !clash)));
      savesBox.append(ul);
    };
    renderSaves();
    root.insertBefore(savesBox, root.querySelector('h2.setup-h'));
    if (clash) root.insertBefore(clashPrompt(clash), savesBox);
    // Another tab saved, finished or started a game: the list follows, without redrawing the form.
    // Each move there writes a save: the list is redrawn quietly, and read aloud only when a game
    // appears or goes; the keyboard stays on the button it was on.
    let shownKeys = listed.saves.map((x) => x.key).join('\n');
    const unsubscribe = store.onTabChange(() => {
      if (!this.sys.isActive()) return;
      const active = document.activeElement as HTMLElement | null;
      const focusedSlot = active && savesBox.contains(active) ? active.closest('[data-slot]')?.getAttribute('data-slot') : null;
      const focusedId = active?.getAttribute('data-testid');
      const fresh = listSaves();
      renderSaves(fresh);
      if (focusedSlot && focusedId) savesBox.querySelector<HTMLElement>(`[data-slot="${CSS.escape(focusedSlot)}"] [data-testid="${focusedId}"]`)?.focus();
      const keys = fresh.saves.map((x) => x.key).join('\n');
      if (keys !== shownKeys) announce(t('tabs.titleChanged'));
      shownKeys = keys;
    });
    this.events.once('shutdown', unsubscribe);

    const loadOwn = async (file: File, ownReport: HTMLElement): Promise<void> => {
      ownReport.replaceChildren();
      if (file.size > SCENARIO_LIMITS.maxBytes) {
        say(ownReport, `${file.name}: ${problemText(tooLarge(file.size, SCENARIO_LIMITS))}`);
        return;
      }
      // The validator and its schema load on first use: most visitors never bring a file.
      const { loadScenario } = await import('../../scenario/load');
      const text = await file.text();
      const result = loadScenario(text, file.name);
      if (!result.ok) {
        say(ownReport, t('setup.ownScenarioProblems', { file: file.name, count: result.problems.length }));
        ownReport.append(h('ul', { class: 'problems', testid: 'own-scenario-problems' }, ...result.problems.map((p) => h('li', {}, problemLine(p)))));
        return;
      }
      const added = addOwnScenario(result.value, { file: file.name, text });
      if (!added.ok) {
        say(ownReport, t('setup.ownScenarioTaken', { file: file.name, id: result.value.id, title: added.takenBy.title }));
        return;
      }
      prefill.scenarioId = result.value.id;
      store.notices.push({ text: t('setup.ownScenarioLoaded', { title: result.value.title, file: file.name }), tone: 'ok' });
      route('Title');
    };

    // A saved game as a file: kept off this browser, loaded back here or on another computer.
    root.append(...jsonFileField('load-save', t('save.loadFile'), 'load-save-report', (file, report) => void loadSaveFile(file, report)));
    // A teacher's own scenario: validated here with the same reader and messages as the command line.
    root.append(
      ...jsonFileField('own-scenario', t('setup.ownScenario'), 'own-scenario-report', (file, report) =>
        void loadOwn(file, report).catch((error: unknown) => say(report, `${file.name}: ${problemText(unexpectedMsg(error))}`)),
      ),
    );

    const readSeed = (): string | null => {
      const checked = normaliseSeed(seedInput.value);
      seedInput.setAttribute('aria-invalid', String(!checked.ok));
      if (!checked.ok) {
        seedMsg.textContent = seedProblemWords(checked.problem, 'field');
        seedMsg.className = 'msg';
        return null;
      }
      seedMsg.textContent = t('setup.seedHelp');
      seedMsg.className = 'help';
      return checked.seed;
    };
    function updateLink(): void {
      const seed = readSeed();
      linkText.textContent = chosen && seed ? buildLink({ scenarioId: chosen.id, seed, side: side.get() as Side, opponent: opponent.el.value as Opponent, difficulty: difficulty.el.value as Difficulty }) : '—';
    }
    const begin = async (): Promise<void> => {
      const seed = readSeed();
      if (!chosen || seed === null) { seedInput.focus(); return; }
      const choice = { scenarioId: chosen.id, seed, side: side.get() as Side, opponent: opponent.el.value as Opponent, difficulty: difficulty.el.value as Difficulty };
      await store.chooseSideLangs(choice.opponent === 'human' ? Object.fromEntries(sideLangs.map((x) => [x.side, x.field.el.value as Lang])) : {});
      // New game never writes over a game in progress with the same scenario, seed and sides: the title asks.
      if (!(await startOrAsk(chosen, makeConfig(chosen, choice.side, choice.opponent, choice.difficulty, seed), 'setup'))) {
        Object.assign(prefill, choice);
        route('Title');
      }
    };
    updateLink();
    focusFirst();
    performance.mark('up:title');
  }
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
