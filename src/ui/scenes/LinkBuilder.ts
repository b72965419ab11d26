import Phaser from 'phaser';
import { DIFFICULTIES, SIDES, type Difficulty, type Side } from '../../scenario/vocabulary';
import { h } from '../dom/el';
import { t, tk } from '../i18n/t';
import { setStatus } from '../a11y/live';
import { scenarios } from '../app/catalog';
import { buildLink, readableSeed, seedProblemWords, type Opponent } from '../app/link';
import { normaliseSeed } from '../../sim/index';
import { sideName } from '../app/narrate';
import { focusFirst } from '../widgets/frame';
import { button } from '../widgets/button';
import { radios, select } from '../widgets/form';
import { classroomFrame } from '../class/nav';
import { drawQr } from '../widgets/qr';

/** Builds a shareable game link for a class: the same scenario, seed and side for everyone; copy it or show a QR code. */
export class LinkBuilder extends Phaser.Scene {
  constructor() {
    super('LinkBuilder');
  }

  create(): void {
    const root = classroomFrame(this, 'LinkBuilder', t('linkb.heading'), 'link-builder');
    const controls = linkControls(() => update());
    const output = linkOutput();
    const { seed } = controls;
    root.append(
      h('p', {}, t('linkb.intro')),
      h('div', { class: 'qr-wrap' },
        h('div', { style: 'flex: 1 1 560px; min-width: 0' },
          controls.scenario.wrap,
          h('div', { class: 'row' }, controls.side.wrap, controls.opponent.wrap, controls.difficulty.wrap),
          h('label', { for: 'linkb-seed' }, t('setup.seed')),
          h('div', { class: 'row' }, h('div', {}, seed.input), h('span', {}, button(t('setup.newSeed'), () => { seed.input.value = readableSeed(); update(); }, { kind: 'secondary', testid: 'linkb-new-seed' }))),
          seed.help,
          h('h3', {}, t('linkb.link')),
          output.out,
          h('div', {}, output.copy, output.openLink),
          output.copyStatus,
        ),
        h('div', {}, h('h3', {}, t('linkb.qr')), output.canvas, h('p', { class: 'help' }, t('linkb.qrHelp'))),
      ),
    );
    const update = (): void => output.show(linkFor(controls));
    update();
    focusFirst(root);
  }
}

/** The choices a link carries: scenario, side, opponent, difficulty and seed, each calling `onChange`. */
function linkControls(onChange: () => void) {
  const all = scenarios();
  return {
    scenario: select(t('setup.scenario'), all.map((s) => ({ value: s.id, label: s.title })), all[0]?.id ?? '', 'linkb-scenario', onChange),
    side: radios(t('setup.side'), 'linkb-side', SIDES.map((x) => ({ value: x, label: sideName(x) })), 'japan', 'linkb-side', onChange),
    opponent: select(t('setup.opponent'), [
      { value: 'computer', label: t('opponent.computer') },
      { value: 'human', label: t('opponent.human') },
    ], 'computer', 'linkb-opponent', onChange),
    difficulty: select(t('setup.difficulty'), [
      { value: '', label: t('linkb.defaultDifficulty') },
      ...DIFFICULTIES.map((d) => ({ value: d, label: tk(`difficulty.${d}`) })),
    ], '', 'linkb-difficulty', onChange),
    seed: seedField(onChange),
  };
}

/** The link the controls make, or '' when the seed is refused (what is wrong is said under the field). */
function linkFor(c: ReturnType<typeof linkControls>): string {
  const checked = normaliseSeed(c.seed.input.value);
  const problem = checked.ok ? '' : seedProblemWords(checked.problem, 'field');
  showSeedProblem(c.seed.input, c.seed.help, problem);
  if (!checked.ok) return '';
  return buildLink({
    scenarioId: c.scenario.el.value,
    seed: checked.seed,
    side: c.side.get() as Side,
    opponent: c.opponent.el.value as Opponent,
    difficulty: (c.difficulty.el.value || null) as Difficulty | null,
  });
}

/** The link as text, its open and copy controls and its QR code; `show` puts a link (or none, '') in all of them. */
function linkOutput() {
  let link = '';
  const out = h('p', { class: 'link-out', testid: 'linkb-link', id: 'linkb-link', tabindex: 0, 'aria-label': t('linkb.link') });
  const openLink = h('a', { testid: 'linkb-open', target: '_blank', rel: 'noopener' }, t('linkb.open'));
  const copyStatus = h('p', { role: 'status', class: 'help', testid: 'linkb-copy-status' });
  const copy = button(t('setup.copyLink'), () => void (link && copyOrSelect(link, out, copyStatus)), { testid: 'linkb-copy' });
  const canvas = h('canvas', { testid: 'linkb-qr', role: 'img', 'aria-label': t('linkb.qrLabel') });
  const show = (made: string): void => {
    link = made;
    copyStatus.textContent = '';
    out.textContent = link || '—';
    if (link) openLink.href = link;
    else openLink.removeAttribute('href');
    copy.disabled = !link;
    canvas.hidden = !link;
    if (link) void drawQr(canvas, link, 300);
  };
  return { out, openLink, copyStatus, copy, canvas, show };
}

/** The seed field: a readable seed to start with, its help line below, `onInput` on every change. */
function seedField(onInput: () => void): { input: HTMLInputElement; help: HTMLElement } {
  const input = h('input', { type: 'text', id: 'linkb-seed', testid: 'linkb-seed', maxlength: 200, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'linkb-seed-help' });
  input.value = readableSeed();
  input.addEventListener('input', onInput);
  return { input, help: h('p', { id: 'linkb-seed-help', class: 'help' }, t('setup.seedHelp')) };
}

/** What is wrong with the seed (or the help line when nothing is), said where the field says it. */
function showSeedProblem(input: HTMLInputElement, help: HTMLElement, problem: string): void {
  help.textContent = problem || t('setup.seedHelp');
  help.className = problem ? 'msg' : 'help';
  input.setAttribute('aria-invalid', String(Boolean(problem)));
}

/** Copies the text; where the browser will not, selects it on screen for the teacher to copy, and says which happened. */
async function copyOrSelect(text: string, shown: HTMLElement, status: HTMLElement): Promise<void> {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    setStatus(status, t('setup.copied'));
  } catch {
    const range = document.createRange();
    range.selectNodeContents(shown);
    const sel = window.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
    shown.focus();
    setStatus(status, t('linkb.copyFallback'));
  }
}
