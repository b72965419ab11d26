import Phaser from 'phaser';
import type { Scenario } from '../../scenario/schema';
import { ENDINGS, SIDES, STRATEGIES, type Side, type Strategy } from '../../scenario/vocabulary';
import { spreadOf, type GameSummary } from '../../sim/index';
import { SIDE_COLOUR } from '../theme';
import { h, clear } from '../dom/el';
import { t, tk, formatNumber } from '../i18n/t';
import { setStatus } from '../a11y/live';
import { findScenario, scenarios } from '../app/catalog';
import { sideName } from '../app/narrate';
import { focusFirst } from '../widgets/frame';
import { button } from '../widgets/button';
import { select } from '../widgets/form';
import { classroomFrame } from '../class/nav';
import { BatchClient } from '../class/worker-client';
import { MAX_GAMES } from '../class/protocol';
import { histogram } from '../class/percentile';
import { barChart, histogramChart } from '../widgets/svg';
import { progressBar } from '../widgets/progress';

/** "What does chance do?": N computer-vs-computer games on seeds 1…N, in a worker, and how they spread. */
export class ChanceLab extends Phaser.Scene {
  constructor() {
    super('ChanceLab');
  }

  create(): void {
    const root = classroomFrame(this, 'ChanceLab', t('chance.heading'), 'chance-lab');
    const client = new BatchClient();
    this.events.once('shutdown', () => client.dispose());
    const ui = chanceControls(scenarios(), () => start(), () => stop(), () => !client.busy);
    root.append(h('p', {}, t('chance.intro')), ...ui.elements);

    const start = (): void => {
      const n = ui.readN();
      const sc = findScenario(ui.scenario.el.value);
      if (n === null) {
        ui.updateCli();
        ui.nInput.focus();
        return;
      }
      if (!sc) return;
      const strat = ui.strategy.el.value as Strategy;
      clear(ui.results);
      ui.setRunning(true);
      ui.bar.set(0, n, t('chance.progressText', { done: 0, n: formatNumber(n) }));
      setStatus(ui.status, t('chance.running', { n: formatNumber(n), scenario: sc.title }));
      client.run({ type: 'batch', scenarioId: sc.id, strategy: strat, games: n }, (m) => {
        if (m.type === 'progress') {
          ui.bar.set(m.done, m.total, t('chance.progressText', { done: formatNumber(m.done), n: formatNumber(m.total) }));
        } else if (m.type === 'batchDone') {
          ui.setRunning(false);
          setStatus(ui.status, t('chance.done', { n: formatNumber(m.games.length), seconds: formatNumber(m.seconds, 1) }));
          clear(ui.results);
          ui.results.append(...chanceResults(sc.id, sc.title, strat, m.games));
          ui.cancel.blur();
          ui.run.focus();
        } else if (m.type === 'error') {
          ui.setRunning(false);
          ui.status.textContent = t('class.view.workerError', { error: m.message });
        }
      });
      ui.cancel.focus();
    };

    const stop = (): void => {
      client.cancel();
      ui.setRunning(false);
      setStatus(ui.status, t('chance.cancelled', { done: ui.bar.done }));
      ui.run.focus();
    };

    ui.updateCli();
    focusFirst(root);
  }
}

/**
 * The lab's controls: scenario, strategy, how many games (with the command line that plays
 * the same games, updated as the teacher types, even during a run), Run and Cancel, the
 * progress bar, the status line and where the results go.
 */
function chanceControls(all: readonly Scenario[], onRun: () => void, onCancel: () => void, idle: () => boolean) {
  const scenario = select(t('chance.scenario'), all.map((s) => ({ value: s.id, label: s.title })), all[0]?.id ?? '', 'chance-scenario', () => updateCli());
  const strategy = select(t('chance.strategy'), STRATEGIES.map((s) => ({ value: s, label: tk(`strategy.${s}`) })), 'grounded', 'chance-strategy', () => updateCli());
  const nInput = h('input', { type: 'number', id: 'chance-n', min: 1, max: MAX_GAMES, step: 1, testid: 'chance-n', 'aria-describedby': 'chance-cli', inputmode: 'numeric' });
  nInput.value = '1000';
  const run = button(t('chance.run'), onRun, { testid: 'chance-run' });
  const cancel = button(t('chance.cancel'), onCancel, { kind: 'danger', testid: 'chance-cancel', disabled: true });
  const cli = h('p', { id: 'chance-cli', class: 'help', testid: 'chance-cli' });
  const bar = progressBar(t('chance.progress'), 'chance-progress', 1000);
  const status = h('p', { role: 'status', testid: 'chance-status' });
  const results = h('div', { testid: 'chance-results' });

  const readN = (): number | null => {
    const n = Number(nInput.value);
    return Number.isInteger(n) && n >= 1 && n <= MAX_GAMES ? n : null;
  };
  function updateCli(): void {
    const n = readN();
    nInput.setAttribute('aria-invalid', String(n === null));
    cli.textContent = n === null
      ? t('chance.badN', { max: formatNumber(MAX_GAMES) })
      : t('chance.cli', { n: formatNumber(n), id: scenario.el.value, strategy: strategy.el.value, raw: n });
  }
  nInput.addEventListener('input', () => updateCli());
  nInput.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Enter' || !idle()) return;
    // Run moves the keyboard to Cancel; the Enter's own keypress would then land there and
    // cancel the run it had just started.
    ev.preventDefault();
    onRun();
  });
  const setRunning = (running: boolean): void => {
    run.disabled = running;
    cancel.disabled = !running;
    scenario.el.disabled = running;
    strategy.el.disabled = running;
  };
  const elements = [
    h('div', { class: 'class-controls' }, scenario.wrap, strategy.wrap, h('div', {}, h('label', { for: 'chance-n' }, t('chance.n', { max: formatNumber(MAX_GAMES) })), nInput), h('div', {}, run, cancel)),
    cli,
    bar.el,
    status,
    results,
  ];
  return { elements, scenario, strategy, nInput, run, cancel, bar, status, results, readN, updateCli, setRunning };
}

/** What N games did: the spread of endings (table and bars), the means, and the polls' and approvals' histograms. */
function chanceResults(id: string, title: string, strat: Strategy, games: GameSummary[]): HTMLElement[] {
  const out: HTMLElement[] = [];
  const s = spreadOf(id, games);
  const endingRows = h('tbody', {});
  for (const e of ENDINGS) {
    endingRows.append(h('tr', { testid: 'chance-ending', 'data-ending': e },
      h('td', {}, tk(`ending.${e}`)),
      h('td', { class: 'num', testid: 'chance-ending-count' }, String(s.endings[e])),
      h('td', { class: 'num' }, `${formatNumber((100 * s.endings[e]) / s.games, 1)}%`)));
  }
  const endTable = h('table', { class: 'class-table', testid: 'chance-endings' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('chance.ending')), h('th', { scope: 'col' }, t('chance.games')), h('th', { scope: 'col' }, t('chance.share')))),
    endingRows);
  out.push(
    h('h3', {}, t('chance.resultHeading', { n: formatNumber(s.games), scenario: title, strategy: tk(`strategy.${strat}`) })),
    h('p', { testid: 'chance-means' }, t('chance.means', { rounds: s.meanRounds, appJ: s.meanApproval.japan, appR: s.meanApproval.russia, supJ: s.meanSupport.japan, supR: s.meanSupport.russia, scJ: s.meanScore.japan, scR: s.meanScore.russia })),
  );
  const cols = h('div', { class: 'class-cols' });
  cols.append(
    h('section', {},
      h('h4', {}, t('chance.endings')),
      h('div', { class: 'class-table-wrap fit' }, endTable),
      barChart(t('chance.endings'), ENDINGS.map((e) => ({ label: tk(`ending.${e}`), share: (100 * s.endings[e]) / s.games, text: `${formatNumber((100 * s.endings[e]) / s.games, 1)}%` }))),
    ),
  );
  const dists = h('section', {});
  const hist = (title: string, side: Side, values: number[]) => {
    // Bins of 2 points: the spread chance makes is often narrower than 10.
    dists.append(h('h4', {}, title), histogramChart(title, histogram(values, 0, 100, 50), {
      colour: SIDE_COLOUR[side],
      asShare: true,
      height: 150,
      binLabel: (b) => (b.from % 10 === 0 ? `${b.from}` : ''),
    }));
  };
  for (const side of SIDES) hist(t('chance.pollChart', { side: sideName(side) }), side, games.map((g) => g.support[side]));
  for (const side of SIDES) hist(t('chance.approvalChart', { side: sideName(side) }), side, games.map((g) => g.approval[side]));
  cols.append(dists);
  out.push(cols);
  return out;
}
