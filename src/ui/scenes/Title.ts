import Phaser from 'phaser';
import { DIFFICULTIES, ISLAND_IDS, SIDES, type Difficulty, type Side } from '../../scenario/vocabulary';
import { BASE, FONTS, PALETTE, TEXT } from '../theme';
import { h } from '../dom/el';
import { t, tk } from '../i18n/t';
import { store } from '../app/store';
import { route } from '../app/router';
import { continueSave, makeConfig, prefill, scenarios } from '../app/boot';
import { buildLink, readableSeed, seedLength, SEED_MAX, type Opponent } from '../app/link';
import { readSave } from '../app/save';
import { paper, panel, focusFirst } from '../widgets/frame';
import { button } from '../widgets/button';
import { radios, select } from '../widgets/form';
import { drawMap, drawLegend, type IslandView } from '../widgets/map';
import { sideName } from '../app/narrate';
import { pairName } from '../app/views';
import { BUNDLE_PROBLEMS, addOwnScenario, isOwnScenario } from '../../scenario/registry';
import { formatProblem } from '../../scenario/problems';
import { announce } from '../a11y/live';

/** A scenario file far larger than the shipped ones (~75 KB) is not read at all. */
const OWN_SCENARIO_MAX_BYTES = 2_000_000;

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
        return { id, name: pairName(i.names.ja, i.names.ru), status: i.status, areaKm2: i.areaKm2, population: i.population, share: (i.areaKm2 / total) * 100 };
      });
      // The controls first, the map a frame later: setup is usable sooner, and the
      // picture (some 20 ms to draw) follows before anyone could look for it.
      requestAnimationFrame(() => {
        if (!this.sys.isActive()) return;
        const mh = drawMap(this, 836, 132, 412, islands, true);
        drawLegend(this, 836, 132 + mh + 28, ['russian', 'jointActivity']);
        drawLegend(this, 836, 132 + mh + 54, ['leased', 'jointGovernance']);
        drawLegend(this, 836, 132 + mh + 80, ['returned']);
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

    // Scenario cards: buttons with aria-pressed, so arrow-free Tab + Enter chooses.
    root.append(h('h2', { class: 'setup-h' }, t('setup.heading')));
    const cards = h('div', { class: 'cards', role: 'group', 'aria-label': t('setup.scenario') });
    const cardEls: HTMLButtonElement[] = [];
    for (const s of all) {
      const card = h('button', { type: 'button', class: 'card', testid: `scenario-${s.id}`, 'aria-pressed': String(s === chosen) },
        h('span', { class: 'title' }, isOwnScenario(s) ? `${s.title} (${t('setup.ownCard')})` : s.title),
        h('span', { class: 'dates' }, `${t('setup.dates', { start: s.period.start, end: s.period.end })} · ${t('setup.rounds', { count: s.rounds.length })}`),
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
    ], prefill.opponent ?? 'computer', 'opponent', () => updateLink());
    const difficulty = select(t('setup.difficulty'), DIFFICULTIES.map((d) => ({ value: d, label: tk(`difficulty.${d}`) })), prefill.difficulty ?? chosen?.defaults.difficulty ?? 'normal', 'difficulty', () => updateLink());
    const row = h('div', { class: 'row' }, side.wrap, opponent.wrap, difficulty.wrap);
    root.append(row);

    const seedInput = h('input', { type: 'text', id: 'seed', testid: 'seed', maxlength: 200, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'seed-help' });
    seedInput.value = prefill.seed ?? readableSeed();
    const seedMsg = h('p', { id: 'seed-help', class: 'help' }, t('setup.seedHelp'));
    root.append(
      h('label', { for: 'seed' }, t('setup.seed')),
      h('div', { class: 'row' }, h('div', {}, seedInput), button(t('setup.newSeed'), () => { seedInput.value = readableSeed(); updateLink(); }, { kind: 'secondary', testid: 'new-seed' })),
      seedMsg,
    );
    seedInput.addEventListener('input', () => updateLink());
    seedInput.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') begin(); });

    const linkText = h('code', { testid: 'share-link' });
    const start = button(t('setup.start'), () => begin(), { testid: 'start', autofocus: true });
    const actions = h('div', {}, start);
    const saved = readSave();
    if (saved.kind === 'ok') {
      const sc = all.find((s) => s.id === saved.save.scenarioId);
      actions.append(button(t('setup.continueDetail', { scenario: sc?.title ?? saved.save.scenarioId, seed: saved.save.config.seed, moves: saved.save.actions.length }), () => {
        if (!continueSave(saved.save)) route('Title');
      }, { kind: 'secondary', testid: 'continue' }));
    } else if (saved.kind === 'corrupt') {
      root.prepend(h('p', { class: 'msg', role: 'alert', testid: 'notice' }, t('save.corrupt', { key: saved.backupKey ?? '—' })));
    }
    actions.append(button(t('setup.loadReplay'), () => route('ReplayViewer'), { kind: 'secondary', testid: 'load-replay' }));
    actions.append(button(t('setup.classroom'), () => route('ClassView'), { kind: 'secondary', testid: 'open-classroom' }), button(t('setup.guide'), () => route('TeacherGuide'), { kind: 'secondary', testid: 'open-guide' }));
    root.append(actions, h('p', { class: 'help link' }, `${t('setup.shareLink')}: `, linkText));

    // A teacher's own scenario: validated here with the same messages as the command line.
    const ownInput = h('input', { type: 'file', id: 'own-scenario', accept: '.json,application/json', testid: 'own-scenario' });
    const ownReport = h('div', { testid: 'own-scenario-report' });
    root.append(h('label', { for: 'own-scenario' }, t('setup.ownScenario')), h('div', {}, ownInput), ownReport);
    ownInput.addEventListener('change', () => {
      const file = ownInput.files?.[0];
      ownInput.value = '';
      if (file) void loadOwn(file);
    });
    const loadOwn = async (file: File): Promise<void> => {
      ownReport.replaceChildren();
      const say = (text: string) => {
        const note = h('p', { class: 'msg', role: 'alert', tabindex: -1 }, text);
        ownReport.append(note);
        announce(text);
        // The report sits below the fold of the setup panel: bring it, and the keyboard, to it.
        queueMicrotask(() => {
          ownReport.scrollIntoView({ block: 'nearest' });
          note.focus();
        });
      };
      if (file.size > OWN_SCENARIO_MAX_BYTES) {
        say(t('setup.ownScenarioTooLarge', { file: file.name, size: file.size, max: OWN_SCENARIO_MAX_BYTES }));
        return;
      }
      // The validator and its schema load on first use: most visitors never bring a file.
      const { loadScenario } = await import('../../scenario/load');
      const result = loadScenario(await file.text(), file.name);
      if (!result.ok) {
        say(t('setup.ownScenarioProblems', { file: file.name, count: result.problems.length }));
        ownReport.append(h('ul', { class: 'problems', testid: 'own-scenario-problems' }, ...result.problems.map((p) => h('li', {}, formatProblem(p)))));
        return;
      }
      const added = addOwnScenario(result.value);
      if (!added.ok) {
        say(t('setup.ownScenarioTaken', { file: file.name, id: result.value.id, title: added.takenBy.title }));
        return;
      }
      prefill.scenarioId = result.value.id;
      store.notices.push({ text: t('setup.ownScenarioLoaded', { title: result.value.title, file: file.name }), tone: 'ok' });
      route('Title');
    };

    const readSeed = (): string | null => {
      const seed = seedInput.value;
      if (seed.trim() === '') { seedMsg.textContent = t('setup.seedEmpty'); seedMsg.className = 'msg'; return null; }
      if (seedLength(seed) > SEED_MAX) { seedMsg.textContent = t('setup.seedTooLong'); seedMsg.className = 'msg'; return null; }
      seedMsg.textContent = t('setup.seedHelp');
      seedMsg.className = 'help';
      return seed;
    };
    function updateLink(): void {
      const seed = readSeed();
      linkText.textContent = chosen && seed ? buildLink({ scenarioId: chosen.id, seed, side: side.get() as Side, opponent: opponent.el.value as Opponent, difficulty: difficulty.el.value as Difficulty }) : '—';
    }
    const begin = (): void => {
      const seed = readSeed();
      if (!chosen || seed === null) { seedInput.focus(); return; }
      store.start(chosen, makeConfig(chosen, side.get() as Side, opponent.el.value as Opponent, difficulty.el.value as Difficulty, seed));
    };
    updateLink();
    focusFirst();
    performance.mark('up:title');
  }
}
