import Phaser from 'phaser';
import { ENDINGS, ISSUE_IDS, SIDES, type Side } from '../../scenario/vocabulary';
import { REPLAY_MAX_BYTES, spreadOf } from '../../sim/index';
import { PALETTE, SIDE_COLOUR } from '../theme';
import { h, clear } from '../dom/el';
import { t, tk, formatNumber, problemText } from '../i18n/t';
import { announce, setStatus } from '../a11y/live';
import { findScenario, scenarios } from '../app/catalog';
import { endingText, optionLabel, sideName } from '../app/narrate';
import { focusFirst } from '../widgets/frame';
import { button } from '../widgets/button';
import { filePicker, select } from '../widgets/form';
import { classroomFrame } from '../class/nav';
import { acceptFiles } from '../widgets/file-drop';
import { BatchClient } from '../class/worker-client';
import { byFileName, classCsvRows, classFlags, groupKey, groupRows, seedCounts, type ClassGroup, type ClassRow, type Rejected, type RowFlags } from '../class/intake';
import { histogram, placing, type Placing } from '../class/percentile';
import { toCsv } from '../class/csv';
import { barChart, histogramChart, legend } from '../widgets/svg';
import { progressBar, type Progress } from '../widgets/progress';
import { store, type ClassroomState, type Reference } from '../app/store';

const REF_CHOICES = [100, 500, 1000, 2000];

export function placingsOf(rows: readonly ClassRow[], refs: ReadonlyMap<string, Reference>): Map<string, Partial<Record<Side, Placing>>> {
  const out = new Map<string, Partial<Record<Side, Placing>>>();
  for (const r of rows) {
    const ref = refs.get(groupKey(r.scenarioId, r.strategy));
    if (!ref) continue;
    const p: Partial<Record<Side, Placing>> = {};
    for (const side of r.humans) p[side] = placing(r.score[side], ref.scores[side]);
    out.set(r.file, p);
  }
  return out;
}

/** The page's parts the class view's steps write to. */
interface ClassDom {
  status: HTMLParagraphElement;
  results: HTMLDivElement;
  refBar: HTMLDivElement;
  refText: HTMLParagraphElement;
  refProgress: Progress;
  exportBtn: HTMLButtonElement;
  clearBtn: HTMLButtonElement;
}

/**
 * Many replay files in; a verified table, the spread of endings and scores, and each
 * student placed among computer games. The files and comparison runs live in the store
 * (store.classroom), so switching tabs does not lose a class's work.
 */
export class ClassView extends Phaser.Scene {
  constructor() {
    super('ClassView');
  }

  create(): void {
    const root = classroomFrame(this, 'ClassView', t('class.view.heading'), 'class-view');
    const cls = store.classroom;
    const client = new BatchClient();
    this.events.once('shutdown', () => client.dispose());
    const { wrap: picker, input } = filePicker('class-files', t('class.view.choose'), { multiple: true });
    const zone = h('div', { class: 'class-drop', testid: 'class-drop' }, h('div', { class: 'field-label' }, t('class.view.choose')), picker, h('p', { class: 'help' }, t('class.view.drop')));
    const dom: ClassDom = {
      status: h('p', { role: 'status', testid: 'class-status', class: 'help' }),
      results: h('div', { testid: 'class-results' }),
      refBar: h('div', { hidden: true }),
      refText: h('p', { class: 'help', testid: 'class-ref-status' }),
      refProgress: progressBar(t('class.view.refProgress'), 'class-ref-progress'),
      exportBtn: button(t('class.view.export'), () => exportCsv(cls), { testid: 'class-export' }),
      clearBtn: button(t('class.view.clear'), () => clearClass(), { kind: 'secondary', testid: 'class-clear' }),
    };
    dom.refBar.append(dom.refText, dom.refProgress.el);
    const render = () => renderResults(dom, cls);
    const ensureRefs = referenceRuns(client, cls, dom, render);
    const intake = replayIntake(client, cls, dom.status, () => {
      render();
      ensureRefs();
    });
    const refSelect = select(t('class.view.refGames'), REF_CHOICES.map((n) => ({ value: String(n), label: formatNumber(n) })), String(cls.refGames), 'class-ref-games', (v) => {
      cls.refGames = Number(v);
      cls.refs.clear();
      // A comparison run under way is stopped, unless files are still being checked in the same worker.
      if (!intake.verifying()) client.cancel();
      render();
      ensureRefs();
    });
    const clearClass = (): void => {
      cls.rows = [];
      cls.rejected = [];
      intake.reset();
      client.cancel();
      dom.status.textContent = '';
      render();
    };
    const seedField = classSeedField(cls, render);
    root.append(h('p', {}, t('class.view.intro')), zone, h('div', { class: 'class-controls' }, refSelect.wrap, seedField, h('div', {}, dom.exportBtn, dom.clearBtn)), dom.status, dom.refBar, dom.results);
    acceptFiles(this, input, zone, (files) => void intake.take(files));
    // A live class's replays, fetched from the server by the dashboard: no files to hand around.
    if (cls.incoming.length > 0) void intake.take(cls.incoming.splice(0));
    render();
    ensureRefs();
    focusFirst(root);
  }
}

/** Reads the files handed in and has the worker verify them, one message per file; `done` when all are in. */
function replayIntake(client: BatchClient, cls: ClassroomState, status: HTMLElement, done: () => void) {
  let verifying = 0;
  const finish = (count: number): void => {
    cls.rows.sort(byFileName);
    cls.rejected.sort(byFileName);
    const text = t('class.view.checked', { count, ok: cls.rows.length, bad: cls.rejected.length });
    setStatus(status, text);
    done();
  };
  const take = async (files: File[]): Promise<void> => {
    if (files.length === 0) return;
    status.textContent = t('class.view.reading', { count: files.length });
    const { texts, early } = await readFiles(files);
    const names = new Set(files.map((f) => f.name));
    // A file handed in again replaces the earlier copy.
    cls.rows = cls.rows.filter((r) => !names.has(r.file));
    cls.rejected = cls.rejected.filter((r) => !names.has(r.file)).concat(early);
    const total = texts.length;
    if (total === 0) return finish(files.length);
    let checked = 0;
    status.textContent = t('class.view.checking', { done: checked, total });
    verifying += 1;
    client.run({ type: 'verify', files: texts }, (m) => {
      if (m.type === 'verifyDone' || m.type === 'error') verifying = Math.max(0, verifying - 1);
      if (m.type === 'verified') {
        checked += 1;
        if (m.result.ok) cls.rows.push(m.result.row);
        else {
          const { ok: _ok, ...rejected } = m.result;
          cls.rejected.push(rejected);
        }
        status.textContent = t('class.view.checking', { done: checked, total });
      } else if (m.type === 'verifyDone') finish(files.length);
      else if (m.type === 'error') status.textContent = t('class.view.workerError', { error: m.message });
    });
  };
  return { take, verifying: () => verifying > 0, reset: () => void (verifying = 0) };
}

/** The files' texts, with those too large or unreadable turned away before any worker sees them. */
async function readFiles(files: readonly File[]): Promise<{ texts: { name: string; text: string }[]; early: Rejected[] }> {
  const texts: { name: string; text: string }[] = [];
  const early: Rejected[] = [];
  for (const f of files) {
    if (f.size > REPLAY_MAX_BYTES) early.push({ file: f.name, reason: t('class.view.tooLarge', { bytes: formatNumber(f.size) }) });
    else {
      try {
        texts.push({ name: f.name, text: await f.text() });
      } catch {
        early.push({ file: f.name, reason: t('class.view.unreadable') });
      }
    }
  }
  return { texts, early };
}

/** Runs, one group at a time, the computer games each group of students is placed against. */
function referenceRuns(client: BatchClient, cls: ClassroomState, dom: ClassDom, render: () => void): () => void {
  const ensure = (): void => {
    if (client.busy) return;
    const missing = groupRows(cls.rows).find((g) => !cls.refs.has(g.key));
    dom.refBar.hidden = !missing;
    if (!missing) return;
    const sc = findScenario(missing.scenarioId);
    const n = cls.refGames;
    dom.refText.textContent = t('class.view.refRunning', { n: formatNumber(n), scenario: sc?.title ?? missing.scenarioId, strategy: tk(`strategy.${missing.strategy}`) });
    dom.refProgress.set(0, n);
    client.run({ type: 'batch', scenarioId: missing.scenarioId, strategy: missing.strategy, games: n }, (m) => {
      if (m.type === 'progress') dom.refProgress.set(m.done, m.total);
      else if (m.type === 'batchDone') {
        if (m.games.length === cls.refGames) {
          const scores = { japan: m.games.map((g) => g.score.japan), russia: m.games.map((g) => g.score.russia) };
          cls.refs.set(missing.key, { games: m.games.length, scores, endings: spreadOf(missing.scenarioId, m.games).endings });
          render();
        }
        ensure();
      } else if (m.type === 'error') dom.refText.textContent = t('class.view.workerError', { error: m.message });
    });
  };
  return ensure;
}

function exportCsv(cls: ClassroomState): void {
  if (cls.rows.length === 0) return;
  const csv = toCsv(classCsvRows(cls.rows, placingsOf(cls.rows, cls.refs)));
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: `unfinished-peace-class-${new Date().toISOString().slice(0, 10)}.csv` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  announce(t('class.view.exported', { count: cls.rows.length }));
}

function renderResults(dom: ClassDom, cls: ClassroomState): void {
  const { results } = dom;
  clear(results);
  dom.exportBtn.disabled = cls.rows.length === 0;
  dom.clearBtn.disabled = cls.rows.length === 0 && cls.rejected.length === 0;
  if (cls.rows.length === 0 && cls.rejected.length === 0) {
    results.append(h('p', { class: 'help' }, t('class.view.empty')));
    return;
  }
  const placings = placingsOf(cls.rows, cls.refs);
  if (cls.rows.length > 0) {
    const flags = classFlags(cls.rows, cls.classSeed);
    results.append(h('h3', {}, t('class.view.games', { count: cls.rows.length })), seedSummary(cls.rows), table(cls.rows, placings, flags));
    for (const g of groupRows(cls.rows)) results.append(figures(g, cls.refs.get(g.key)));
  }
  if (cls.rejected.length > 0) {
    const list = h('ul', { class: 'rejected', testid: 'class-rejected' });
    for (const r of cls.rejected) {
      const where = r.step !== undefined ? t('class.view.atStep', { step: r.step }) : '';
      list.append(h('li', { testid: 'class-rejected-row', 'data-file': r.file }, h('span', { class: 'file' }, r.file), `: ${r.reasonMsg ? problemText(r.reasonMsg) : r.reason}${where}`));
    }
    results.append(h('h3', {}, t('class.view.rejected', { count: cls.rejected.length })), h('p', { class: 'help' }, t('class.view.rejectedHelp')), list);
  }
}

/** The seed the teacher gave the class: files on another one are flagged. */
function classSeedField(cls: ClassroomState, render: () => void): HTMLElement {
  const input = h('input', { type: 'text', id: 'class-seed', testid: 'class-seed', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'class-seed-help' });
  input.value = cls.classSeed;
  input.addEventListener('input', () => {
    cls.classSeed = input.value;
    render();
  });
  return h('div', {}, h('label', { for: 'class-seed' }, t('class.view.classSeed')), input, h('p', { class: 'help', id: 'class-seed-help' }, t('class.view.classSeedHelp')));
}

/** The class's seeds with their counts, escaped: "class-7b" and a Cyrillic look-alike are two lines. */
function seedSummary(rows: readonly ClassRow[]): HTMLElement {
  const counts = seedCounts(rows);
  return h('p', { testid: 'class-seeds', class: 'help' }, t('class.view.seeds', { count: counts.length }), ' ',
    ...counts.flatMap((c, i) => [i > 0 ? '; ' : '', h('code', { class: 'seed' }, c.escaped), ` × ${c.count}`]));
}

function seedCell(r: ClassRow, f: RowFlags | undefined): HTMLElement {
  const td = h('td', { testid: 'class-seed-cell' }, r.seed);
  if (f?.seedEscaped) td.append(h('br', {}), h('code', { class: 'seed', testid: 'class-seed-escaped' }, f.seedEscaped));
  if (f?.otherSeed) td.append(h('br', {}), h('strong', { class: 'flag', testid: 'class-flag-seed' }, t('class.flag.otherSeed')));
  return td;
}

function fileCell(r: ClassRow, f: RowFlags | undefined): HTMLElement {
  const td = h('td', {}, r.file);
  if (f && f.sameAs.length > 0) td.append(h('br', {}), h('strong', { class: 'flag', testid: 'class-flag-same' }, t('class.flag.sameAs', { files: f.sameAs.join(', ') })));
  return td;
}

function table(rows: readonly ClassRow[], placings: ReadonlyMap<string, Partial<Record<Side, Placing>>>, flags: ReadonlyMap<string, RowFlags> = new Map()): HTMLElement {
  const head = h('tr', {});
  const cols = [
    t('class.col.file'), t('class.col.humans'), t('class.col.seed'), t('class.col.ending'),
    t('class.col.scoreJapan'), t('class.col.scoreRussia'), t('class.col.rounds'),
    ...ISSUE_IDS.map((i) => tk(`class.col.${i}`)),
    t('class.col.placing'),
  ];
  for (const c of cols) head.append(h('th', { scope: 'col' }, c));
  const body = h('tbody', {});
  for (const r of rows) {
    const sc = findScenario(r.scenarioId);
    const p = placings.get(r.file);
    const tr = h('tr', { testid: 'class-row', 'data-file': r.file, class: r.humans.length === 1 ? r.humans[0] : '' });
    tr.append(
      fileCell(r, flags.get(r.file)),
      h('td', {}, r.humans.map(sideName).join(' + ') || t('class.view.noHumans')),
      seedCell(r, flags.get(r.file)),
      h('td', { testid: 'class-ending', 'data-ending': r.ending }, endingText(r.ending, r.endingSide ?? undefined)),
      h('td', { class: 'num' }, String(r.score.japan)),
      h('td', { class: 'num' }, String(r.score.russia)),
      h('td', { class: 'num' }, String(r.rounds)),
      ...ISSUE_IDS.map((i) => h('td', {}, r.terms && sc ? optionLabel(sc, i, r.terms[i]) : '—')),
      h('td', { testid: 'class-placing' }, p ? r.humans.map((side) => placingText(side, r.score[side], p[side]!)).join(' ') : t('class.view.placingPending')),
    );
    body.append(tr);
  }
  return h('div', { class: 'class-table-wrap', tabindex: 0, role: 'region', 'aria-label': t('class.view.tableLabel') },
    h('table', { class: 'class-table', testid: 'class-table' }, h('thead', {}, head), body));
}

const placingText = (side: Side, score: number, p: Placing): string =>
  t('class.placing', { side: sideName(side), score, below: p.below, equal: p.equal, n: formatNumber(p.of) });

function figures(g: ClassGroup, ref: Reference | undefined): HTMLElement {
  const sc = findScenario(g.scenarioId) ?? scenarios()[0];
  const s = g.spread;
  const section = h('section', { testid: 'class-figures', 'data-scenario': g.scenarioId });
  section.append(
    h('h3', {}, t('class.view.groupHeading', { scenario: sc?.title ?? g.scenarioId, strategy: tk(`strategy.${g.strategy}`), count: s.games })),
    h('p', { testid: 'class-means' }, t('class.view.means', { rounds: s.meanRounds, japan: s.meanScore.japan, russia: s.meanScore.russia, appJ: s.meanApproval.japan, appR: s.meanApproval.russia })),
  );
  if (ref) {
    section.append(h('p', { class: 'help' }, t('class.view.refNote', { n: formatNumber(ref.games), id: g.scenarioId, strategy: g.strategy })));
  }
  const cols = h('div', { class: 'class-cols' });
  const endings = h('section', {});
  const refTotal = ref ? ref.games : 0;
  endings.append(
    h('h4', {}, t('class.view.endingsChart')),
    barChart(
      t('class.view.endingsChart'),
      ENDINGS.map((e) => ({
        label: tk(`ending.${e}`),
        share: (100 * s.endings[e]) / Math.max(1, s.games),
        text: t('class.view.countShare', { count: s.endings[e], share: Math.round((100 * s.endings[e]) / Math.max(1, s.games)) }),
        ...(ref ? { compare: { share: (100 * ref.endings[e]) / refTotal, text: t('class.view.simShare', { share: Math.round((100 * ref.endings[e]) / refTotal) }) } } : {}),
      })),
    ),
  );
  if (ref) endings.append(legend([{ label: t('class.view.legendClass'), colour: PALETTE.navy }, { label: t('class.view.legendSim'), hatched: true }]));
  cols.append(endings);
  for (const side of SIDES) {
    const played = g.rows.filter((r) => r.humans.includes(side));
    if (played.length === 0) continue;
    const scores = h('section', {});
    const label = t('class.view.scoreChart', { side: sideName(side), count: played.length });
    scores.append(
      h('h4', {}, label),
      histogramChart(label, histogram(played.map((r) => r.score[side]), 0, 100, 10), {
        colour: SIDE_COLOUR[side],
        ...(ref ? { compare: histogram(ref.scores[side], 0, 100, 10) } : {}),
        binLabel: (b) => (b.to >= 100 ? `${b.from}–100` : `${b.from}–${b.to - 1}`),
      }),
    );
    if (ref) scores.append(legend([{ label: t('class.view.legendClassSide', { side: sideName(side) }), colour: SIDE_COLOUR[side] }, { label: t('class.view.legendSim'), hatched: true }]));
    cols.append(scores);
  }
  section.append(cols);
  return section;
}
