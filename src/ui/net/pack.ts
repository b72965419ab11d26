// A live class's printable pack, as CFR Model Diplomacy hands out: the teacher's sheet (the
// seeds, who played whom, and what actually happened), then one role sheet per seated student
// with only their own side's confidential brief, the glossary and the questions for discussion.
import type { Scenario } from '../../scenario/schema';
import type { Side } from '../../scenario/vocabulary';
import { h } from '../dom/el';
import { t, tk, sx } from '../i18n/t';
import { sideName } from '../app/narrate';
import type { DashboardView } from '../app/store';
import { showCode } from '../../net/protocol';

function teacherSheet(scenario: Scenario, d: DashboardView): HTMLElement {
  const rows = d.matches.map((m) => {
    const who = (side: Side) => (m.seats[side].computer ? t('opponent.computer') : (m.seats[side].name ?? '—'));
    const happened = m.ending
      ? `${tk(`ending.${m.ending}`)}${m.scores ? ` (${sideName('japan')} ${m.scores.japan}, ${sideName('russia')} ${m.scores.russia})` : ''}`
      : m.stopped ? t('net.live.stopped') : t('net.pack.inPlay', { round: m.round + 1, phase: tk(`phase.${m.phase}`) });
    return h('tr', {}, h('td', {}, showCode(m.code)), h('td', {}, m.seed), h('td', {}, who('japan')), h('td', {}, who('russia')), h('td', {}, happened));
  });
  const unseated = d.students.filter((s) => !s.match).map((s) => s.name);
  return h('section', { class: 'print-sheet', testid: 'pack-teacher' },
    h('h1', {}, `${t('app.title')} — ${sx(scenario.title)}: ${t('net.pack.teacherSheet')}`),
    h('p', {}, t('net.pack.classLine', { code: showCode(d.code), seating: t(`net.live.seating.${d.settings.seating}`), difficulty: tk(`difficulty.${d.settings.difficulty}`) })),
    h('table', {},
      h('thead', {}, h('tr', {}, ...['net.live.col.match', 'net.pack.seed', 'net.live.col.japan', 'net.live.col.russia', 'net.pack.happened'].map((k) => h('th', {}, t(k as Parameters<typeof t>[0]))))),
      h('tbody', {}, ...rows)),
    ...(unseated.length > 0 ? [h('p', {}, t('net.pack.unseated', { names: unseated.join(', ') }))] : []),
  );
}

function roleSheet(scenario: Scenario, name: string, side: Side, match: string): HTMLElement {
  const spec = scenario.sides[side];
  const goals = h('ul', {}, ...spec.brief.goals.map((g) => h('li', {}, t('brief.goal', { goal: g.label, weight: g.weight }))));
  const red = h('ul', {}, ...spec.brief.redLines.map((line) => h('li', {}, sx(line))));
  const questions = h('ol', {}, ...scenario.teaching.questions.map((q) => h('li', {}, sx(q))));
  const glossary = h('dl', {}, ...scenario.teaching.glossary.flatMap((g) => [h('dt', {}, sx(g.term)), h('dd', {}, sx(g.definition))]));
  return h('section', { class: 'print-sheet', testid: 'pack-role' },
    h('h1', {}, t('net.pack.roleSheet', { name })),
    h('p', {}, t('net.pack.roleLine', { side: sideName(side), leader: sx(spec.leader.name), match: showCode(match), scenario: sx(scenario.title) })),
    h('h2', {}, t('brief.heading', { side: sideName(side) })),
    h('p', {}, sx(spec.brief.summary)),
    h('h3', {}, t('brief.goals')), goals,
    h('h3', {}, t('brief.redLines')), red,
    h('h2', {}, t('debrief.glossary')), glossary,
    h('h2', {}, t('debrief.questions')), questions,
  );
}

/** Fills the print root with the class's pack; true when there was a scenario to fill it from. */
export function fillClassPack(scenario: Scenario, d: DashboardView): void {
  const root = document.getElementById('print-root');
  if (!root) return;
  root.replaceChildren(teacherSheet(scenario, d), ...d.students.flatMap((s) => (s.match && s.side ? [roleSheet(scenario, s.name, s.side, s.match)] : [])));
}
