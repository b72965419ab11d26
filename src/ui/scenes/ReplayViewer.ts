import Phaser from 'phaser';
import { verifyReplay } from '../../sim';
import { BASE } from '../theme';
import { h } from '../dom/el';
import { t } from '../i18n/t';
import { store } from '../app/store';
import { route } from '../app/router';
import { findScenario, scenarios } from '../app/catalog';
import { paper, header, panel, focusFirst } from '../widgets/frame';
import { button } from '../widgets/button';
import { acceptFiles } from '../widgets/file-drop';

/** Opens a replay file (picker or drop), verifies it, and hands it to the scenes read-only. */
export class ReplayViewer extends Phaser.Scene {
  constructor() {
    super('ReplayViewer');
  }

  create(): void {
    paper(this);
    header(this, t('replay.heading'));
    const root = panel(this, BASE.margin + 8, 90, 820, 560, { testid: 'replay-viewer', label: t('replay.heading') });
    const status = h('div', { testid: 'replay-status', role: 'status' });
    const input = h('input', { type: 'file', id: 'replay-file', accept: '.json,application/json', testid: 'replay-file' });
    const zone = h('div', { class: 'dropzone', testid: 'dropzone' },
      h('label', { for: 'replay-file' }, t('replay.open')),
      input,
      h('p', { class: 'help' }, t('replay.drop')),
    );
    root.append(h('p', {}, t('replay.about')), zone, status, button(t('replay.back.title'), () => { store.quit(); route('Title'); }, { kind: 'secondary', testid: 'replay-back-title' }));

    const open = async (file: File) => {
      status.textContent = t('replay.checking', { file: file.name });
      status.className = 'msg ok';
      let text: string;
      try {
        text = await file.text();
      } catch {
        text = '';
      }
      const result = verifyReplay(text, file.name, scenarios());
      if (!result.ok) {
        status.className = 'msg';
        status.setAttribute('role', 'alert');
        status.textContent = t('replay.bad', { file: file.name, error: result.error }) + (result.step ? ` ${t('replay.badStep', { step: result.step })}` : '');
        return;
      }
      const scenario = findScenario(result.replay.scenario.id)!;
      store.enterReplay(scenario, result.replay, file.name);
    };
    acceptFiles(this, input, zone, (files) => void open(files[0]!));
    focusFirst();
  }
}
