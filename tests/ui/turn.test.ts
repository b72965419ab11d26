// Whose move a screen shows: the controls are live only on the viewer's own move, and a
// networked move on its way to the server is told apart from the other side's move.
import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/cli/scenarios';
import { enumerateActions, GameSession } from '../../src/sim/index';
import { turnOf } from '../../src/ui/app/views';

const scenario = bundledScenarios().find((s) => s.id === 'moscow-2019')!;
const start = () => GameSession.start(scenario, { scenarioId: scenario.id, seed: 'turn', controllers: { japan: 'human', russia: 'computer' }, difficulty: 'normal', strategy: { japan: 'grounded', russia: 'grounded' } });

describe('whose move a screen shows', () => {
  it("is the viewer's when the side to move is the viewer's and the moves are there", () => {
    const session = start();
    expect(session.pending).toBe('japan');
    expect(turnOf(session.pending, session.legal(), 'japan', false)).toBe('mine');
    expect(turnOf(session.pending, session.legal(), 'russia', false)).toBe('theirs');
  });

  it("is nobody's in a read-only game (a replay, a debrief) or once the game has ended", () => {
    const session = start();
    expect(turnOf(session.pending, session.legal(), 'japan', true)).toBe('none');
    for (let i = 0; i < 200 && !session.ended; i += 1) {
      const candidates = enumerateActions(session.legal()!, []).filter((a) => a.type !== 'walkOut');
      expect(candidates.some((a) => session.act(a).ok)).toBe(true);
    }
    expect(session.ended).toBe(true);
    expect(turnOf(session.pending, session.legal(), 'japan', false)).toBe('none');
  });

  it("is 'sending' when it is the viewer's move but there are no legal moves (a networked move not yet answered)", () => {
    const session = start();
    // A networked session holds no legal moves until the server answers the one sent.
    expect(session.pending).toBe('japan');
    expect(turnOf(session.pending, null, 'japan', false)).toBe('sending');
    expect(turnOf(session.pending, null, 'russia', false)).toBe('theirs');
  });
});
