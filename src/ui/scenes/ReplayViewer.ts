import Phaser from 'phaser';
import { REPLAY_LIMITS, verifyReplay } from '../../sim';
import { tooLarge, unexpectedMsg } from '../../scenario/text';
import { BASE } from '../theme';
import { h } from '../dom/el';
import { problemText, t } from '../i18n/t';
import { store } from '../app/store';
import { route } from '../app/router';
import { findScenario, scenarios } from '../app/catalog';
import { paper, header, panel, focusFirst } from '../widgets/frame';
import { button } from '../widgets/button';
import { acceptFiles } from '../widgets/file-drop';
import { filePicker } from '../widgets/form';

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
    const { wrap: picker, input } = filePicker('replay-file', t('replay.open'));
    const zone = h('div', { class: 'dropzone', testid: 'dropzone' },
      h('div', { class: 'field-label' }, t('replay.open')),
      picker,
      h('p', { class: 'help' }, t('replay.drop')),
    );
    root.append(h('p', {}, t('replay.about')), zone, status, button(t('replay.back.title'), () => { store.quit(); route('Title'); }, { kind: 'secondary', testid: 'replay-back-title' }));

    const open = async (file: File) => {
      status.textContent = t('replay.checking', { file: file.name });
      status.className = 'msg ok';
      // What went wrong, in the page's language (the command line says the same in English);
      // a file over the command line's limit is not read into memory at all.
      const refuse = (error: string, step?: number): void => {
        status.className = 'msg';
        status.setAttribute('role', 'alert');
        status.textContent = t('replay.bad', { file: file.name, error }) + (step ? ` ${t('replay.badStep', { step })}` : '');
      };
      let result: ReturnType<typeof verifyReplay>;
      try {
        if (file.size > REPLAY_LIMITS.maxBytes) {
          refuse(`${file.name}: ${problemText(tooLarge(file.size, REPLAY_LIMITS))}`);
          return;
        }
        result = verifyReplay(await file.text(), file.name, scenarios());
      } catch (error) {
        refuse(`${file.name}: ${problemText(unexpectedMsg(error))}`);
        return;
      }
      if (!result.ok) {
        refuse(`${file.name}: ${problemText(result.msg)}`, result.step);
        return;
      }
      const scenario = findScenario(result.replay.scenario.id)!;
      store.enterReplay(scenario, result.replay, file.name);
    };
    acceptFiles(this, input, zone, (files) => void open(files[0]!));
    focusFirst();
  }
}
