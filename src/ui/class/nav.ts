// The classroom screens share a header, a row of tabs and one scrolling content panel.
import type Phaser from 'phaser';
import { BASE } from '../theme';
import { h } from '../dom/el';
import { t } from '../i18n/t';
import { route, type SceneKey } from '../app/router';
import { store } from '../app/store';
import { paper, header, panel } from '../widgets/frame';
import { button } from '../widgets/button';
import './class.css';

const TABS = [
  { key: 'ClassView', label: 'class.tab.class' },
  { key: 'ChanceLab', label: 'class.tab.chance' },
  { key: 'LinkBuilder', label: 'class.tab.link' },
  { key: 'TeacherGuide', label: 'class.tab.guide' },
] as const satisfies readonly { key: SceneKey; label: Parameters<typeof t>[0] }[];

export type ClassroomKey = (typeof TABS)[number]['key'] | 'LiveClass';

/** Draws the classroom frame for `current` and returns the content panel. */
export function classroomFrame(scene: Phaser.Scene, current: ClassroomKey, title: string, testid: string): HTMLDivElement {
  paper(scene);
  header(scene, title, t('class.heading'));
  const nav = h('nav', { class: 'class-tabs', 'aria-label': t('class.tabs') });
  // On a page the game's server served, the teacher may also run a live class from here.
  const tabs: readonly { key: ClassroomKey; label: Parameters<typeof t>[0] }[] = store.netAvailable ? [...TABS, { key: 'LiveClass', label: 'net.live.tab' }] : TABS;
  for (const tab of tabs) {
    const b = button(t(tab.label), () => route(tab.key), { kind: tab.key === current ? 'primary' : 'secondary', testid: `tab-${tab.key}` });
    if (tab.key === current) b.setAttribute('aria-current', 'page');
    nav.append(b);
  }
  nav.append(button(t('class.backTitle'), () => { store.quit(); route('Title'); }, { kind: 'secondary', testid: 'class-back-title' }));
  const navPanel = panel(scene, BASE.margin, 74, BASE.width - 2 * BASE.margin, 50);
  navPanel.append(nav);
  return panel(scene, BASE.margin, 128, BASE.width - 2 * BASE.margin, BASE.height - 128 - 48, { scroll: true, testid, label: title });
}
