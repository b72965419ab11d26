import Phaser from 'phaser';
import { DIFFICULTIES, SIDES, type Difficulty, type Side } from '../../scenario/vocabulary';
import { h } from '../dom/el';
import { t, tk } from '../i18n/t';
import { announce } from '../a11y/live';
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
    const all = scenarios();
    const scenario = select(t('setup.scenario'), all.map((s) => ({ value: s.id, label: s.title })), all[0]?.id ?? '', 'linkb-scenario', () => update());
    const side = radios(t('setup.side'), 'linkb-side', SIDES.map((x) => ({ value: x, label: sideName(x) })), 'japan', 'linkb-side', () => update());
    const opponent = select(t('setup.opponent'), [
      { value: 'computer', label: t('opponent.computer') },
      { value: 'human', label: t('opponent.human') },
    ], 'computer', 'linkb-opponent', () => update());
    const difficulty = select(t('setup.difficulty'), [
      { value: '', label: t('linkb.defaultDifficulty') },
      ...DIFFICULTIES.map((d) => ({ value: d, label: tk(`difficulty.${d}`) })),
    ], '', 'linkb-difficulty', () => update());
    const { input: seedInput, help: seedMsg } = seedField(() => update());

    const out = h('p', { class: 'link-out', testid: 'linkb-link', id: 'linkb-link', tabindex: 0, 'aria-label': t('linkb.link') });
    const openLink = h('a', { testid: 'linkb-open', target: '_blank', rel: 'noopener' }, t('linkb.open'));
    const copyStatus = h('p', { role: 'status', class: 'help', testid: 'linkb-copy-status' });
    const copy = button(t('setup.copyLink'), () => void copyLink(), { testid: 'linkb-copy' });
    const canvas = h('canvas', { testid: 'linkb-qr', role: 'img', 'aria-label': t('linkb.qrLabel') });
    const qrCaption = h('p', { class: 'help' }, t('linkb.qrHelp'));

    root.append(
      h('p', {}, t('linkb.intro')),
      h('div', { class: 'qr-wrap' },
        h('div', { style: 'flex: 1 1 560px; min-width: 0' },
          scenario.wrap,
          h('div', { class: 'row' }, side.wrap, opponent.wrap, difficulty.wrap),
          h('label', { for: 'linkb-seed' }, t('setup.seed')),
          h('div', { class: 'row' }, h('div', {}, seedInput), h('span', {}, button(t('setup.newSeed'), () => { seedInput.value = readableSeed(); update(); }, { kind: 'secondary', testid: 'linkb-new-seed' }))),
          seedMsg,
          h('h3', {}, t('linkb.link')),
          out,
          h('div', {}, copy, openLink),
          copyStatus,
        ),
        h('div', {}, h('h3', {}, t('linkb.qr')), canvas, qrCaption),
      ),
    );

    let link = '';
    function update(): void {
      const checked = normaliseSeed(seedInput.value);
      const seed = checked.ok ? checked.seed : '';
      const problem = checked.ok ? '' : seedProblemWords(checked.problem, 'field');
      showSeedProblem(seedInput, seedMsg, problem);
      copyStatus.textContent = '';
      if (problem) {
        link = '';
        out.textContent = '—';
        openLink.removeAttribute('href');
        copy.disabled = true;
        canvas.hidden = true;
        return;
      }
      link = buildLink({
        scenarioId: scenario.el.value,
        seed,
        side: side.get() as Side,
        opponent: opponent.el.value as Opponent,
        difficulty: (difficulty.el.value || null) as Difficulty | null,
      });
      out.textContent = link;
      openLink.href = link;
      copy.disabled = false;
      canvas.hidden = false;
      void drawQr(canvas, link, 300);
    }

    const copyLink = async (): Promise<void> => {
      if (link) await copyOrSelect(link, out, copyStatus);
    };

    update();
    focusFirst(root);
  }
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
    status.textContent = t('setup.copied');
  } catch {
    const range = document.createRange();
    range.selectNodeContents(shown);
    const sel = window.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
    shown.focus();
    status.textContent = t('linkb.copyFallback');
  }
  announce(status.textContent);
}
