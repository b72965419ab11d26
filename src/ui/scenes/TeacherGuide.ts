import Phaser from 'phaser';
import guide from '../../../docs/teaching.md?raw';
import { h } from '../dom/el';
import { t } from '../i18n/t';
import { focusFirst } from '../widgets/frame';
import { classroomFrame } from '../class/nav';
import { renderMarkdown } from '../class/markdown';

/** The teacher's guide (docs/teaching.md, bundled as text), rendered as plain DOM. */
export class TeacherGuide extends Phaser.Scene {
  constructor() {
    super('TeacherGuide');
  }

  create(): void {
    const root = classroomFrame(this, 'TeacherGuide', t('guide.heading'), 'teacher-guide');
    const doc = h('article', { class: 'guide', testid: 'guide-text', tabindex: 0, 'aria-label': t('guide.heading') });
    doc.append(renderMarkdown(guide));
    root.append(doc);
    focusFirst(root);
  }
}
