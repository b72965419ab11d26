import Phaser from 'phaser';
import guide from '../../../docs/teaching.md?raw';
import guideJa from '../../../docs/teaching.ja.md?raw';
import guideRu from '../../../docs/teaching.ru.md?raw';
import { h } from '../dom/el';
import { activeLang, t } from '../i18n/t';
import { focusFirst } from '../widgets/frame';
import { classroomFrame } from '../class/nav';
import { renderMarkdown } from '../class/markdown';

// The classroom scenes are a chunk of their own, so the three guides load only with them.
const GUIDES = { en: guide, ja: guideJa, ru: guideRu } as const;

/** The teacher's guide (docs/teaching.md, or its translation in the language on screen), rendered as plain DOM. */
export class TeacherGuide extends Phaser.Scene {
  constructor() {
    super('TeacherGuide');
  }

  create(): void {
    const root = classroomFrame(this, 'TeacherGuide', t('guide.heading'), 'teacher-guide');
    const doc = h('article', { class: 'guide', testid: 'guide-text', tabindex: 0, 'aria-label': t('guide.heading') });
    doc.append(renderMarkdown(GUIDES[activeLang()]));
    root.append(doc);
    focusFirst(root);
  }
}
