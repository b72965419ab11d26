// The message catalogue covers everything the simulation can say, and the narration keeps
// the counterpart's private reckoning (worth, bar, odds, roll) out of play except on Easy.
import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/cli/scenarios';
import { APPROACHES, ISSUE_IDS, ISSUES, SEQUENCINGS, SIDES, otherSide, type Side } from '../../src/scenario/vocabulary';
import { BLOCK_REASONS, GameSession, enumerateActions, type Action, type Decision, type GameConfig, type LogEntry, type Package } from '../../src/sim/index';
import { en } from '../../src/ui/i18n/en';
import { answerText, entryText, refusalWords, revealsOdds } from '../../src/ui/app/narrate';
import { factorLabel } from '../../src/ui/widgets/why-panel';

const has = (key: string) => key in en;
const SCENARIOS = bundledScenarios();

/** Deterministic "random" legal moves for a human side, so delays, rejections and walk-outs occur. */
function randomMove(session: GameSession, k: number): Action {
  const legal = session.legal()!;
  const pick = <T>(xs: readonly T[]) => xs[(k * 7919 + xs.length * 31) % xs.length]!;
  const type = pick(legal.types);
  const pkg = Object.fromEntries(ISSUE_IDS.map((i) => [i, pick(legal.options[i]!)])) as Package;
  // Working the home front names one of the scenario's factions.
  const action = type === 'homeFront' && legal.factions.length > 0 ? { type, side: legal.side, faction: pick(legal.factions) } : pick(enumerateActions({ ...legal, types: [type] }, [pkg]));
  return session.refusal(action) ? { type: 'stall', side: legal.side } : action;
}

function games(): { scenario: (typeof SCENARIOS)[number]; session: GameSession }[] {
  const out = [];
  for (const scenario of SCENARIOS) {
    for (let seed = 1; seed <= 12; seed++) {
      for (const human of [...SIDES, null]) {
        const controllers = { japan: 'computer', russia: 'computer' } as GameConfig['controllers'];
        if (human) controllers[human] = 'human';
        const session = GameSession.start(scenario, { scenarioId: scenario.id, seed: `cat-${seed}`, controllers, difficulty: 'normal', strategy: { japan: 'grounded', russia: 'grounded' } });
        for (let k = 0; k < 300 && !session.ended; k++) session.act(randomMove(session, k + seed));
        out.push({ scenario, session });
      }
    }
  }
  return out;
}

const played = games();

describe('the message catalogue', () => {

  it('has a factor.<label> for every label the simulation puts in the ledger (events, terms and factions name data)', () => {
    const missing = new Set<string>();
    const seen = new Set<string>();
    // A label naming one of the scenario's factions (its pull, the leader working it) is worded from its data.
    const named = (scenario: (typeof SCENARIOS)[number], label: string) => {
      const m = /^(faction|work|homeFront)\.(.+)$/.exec(label);
      if (!m || !scenario.factions.some((f) => f.id === m[2])) return false;
      seen.add(m[1]!);
      const words = factorLabel(scenario, label);
      if (words === label || /\{\w+\}/.test(words)) missing.add(`${label}: ${words}`);
      return true;
    };
    for (const { scenario, session } of played) {
      for (const e of session.state.ledger) {
        for (const f of e.factors) {
          if (f.label.startsWith('event:') || f.label.startsWith('terms.') || named(scenario, f.label)) continue;
          if (!has(`factor.${f.label}`)) missing.add(f.label);
        }
        const c = e.cause;
        if ((c.kind === 'action' || c.kind === 'rule') && !named(scenario, c.id) && !has(`factor.${c.id}`)) missing.add(`cause ${c.id}`);
        // A drift names what drifted: a variable or a faction of the scenario.
        if (c.kind === 'drift' && c.id && !(c.id in scenario.variables) && !scenario.factions.some((f) => f.id === c.id)) missing.add(`drift ${c.id}`);
      }
    }
    expect([...missing]).toEqual([]);
    // The games reached the world beyond the table: factions pulled, were worked and moved.
    expect([...seen].sort()).toEqual(['faction', 'homeFront', 'work']);
  });

  it('has said.<reason>, memory.<reason> and factor.memory.<reason> for every memory, and words for every log entry', () => {
    const missing = new Set<string>();
    for (const { scenario, session } of played) {
      for (const e of session.state.log) {
        if (e.kind === 'memory') for (const k of [`said.${e.memory.reason}`, `memory.${e.memory.reason}`, `factor.memory.${e.memory.reason}`]) if (!has(k)) missing.add(k);
        const text = entryText(scenario, e, true);
        if (/\{\w+\}|undefined|(^|\s)(log|said|reason|signal|answer|factor)\.\w+/.test(text)) missing.add(`${e.kind}: ${text}`);
      }
    }
    expect([...missing]).toEqual([]);
  });

  it('has one line for every option, sequencing (for each side), blocked reason, decision reason, tone and approach', () => {
    const keys: string[] = [];
    for (const issue of ISSUE_IDS) for (const o of ISSUES[issue]) keys.push(`opt.${issue}.${o}`);
    for (const s of SEQUENCINGS) for (const side of SIDES) keys.push(`seq.${s}.help.${side}`);
    for (const r of BLOCK_REASONS) keys.push(`blocked.${r}`);
    for (const r of ['redLine', 'farApart', 'short', 'closeCall', 'ratificationRisk', 'accepted', 'asksMore']) keys.push(`reason.${r}`);
    for (const s of ['warm', 'cool', 'cold']) keys.push(`signal.${s}`);
    for (const a of APPROACHES) keys.push(`ratify.approach.${a}`, `ratify.help.${a}`, `log.ratify.${a}`);
    for (const step of ['talks', 'summit', 'reaction', 'ratify']) keys.push(`coach.${step}`);
    expect(keys.filter((k) => !has(k))).toEqual([]);
    // Every blocked reason the sim gives in these games has words.
    const codes = new Set<string>();
    for (const { session } of played) {
      const legal = session.legal();
      if (legal) for (const row of Object.values(legal.blocked)) for (const code of Object.values(row)) codes.add(code);
    }
    expect([...codes].filter((c) => !has(`blocked.${c}`))).toEqual([]);
  });
});

describe('hidden information in the narration', () => {
  const scenario = SCENARIOS.find((s) => s.id === 'moscow-2019')!;
  const why: Decision = { worth: 41.5, bar: 47.2, p: 0.18, roll: 0.78, reason: 'short', asks: 'investment', signal: 'cool' };
  const action: Action = { type: 'offer', side: 'russia', package: { islands: 'none', sovereignty: 'jointActivity', usGuarantee: 'none', sanctions: 'lift', energy: 'lng', investment: 'major', humanitarian: 'none' }, why };
  const entry: LogEntry = { kind: 'action', round: 0, action };

  it('during play at Normal and Hard: the reason, the issue asked for and the tone; no worth, bar, odds or roll', () => {
    const text = entryText(scenario, entry, false);
    expect(text).toMatch(/Its reason: the offer is not yet enough for it; it presses on “Japanese investment/);
    expect(text).toMatch(/Tone: cool/);
    expect(text).not.toMatch(/roll|18|78|41|47/);
    const top = answerText(scenario, action, false);
    expect(top).toMatch(/^Russia counters: /);
    expect(top).not.toMatch(/roll/);
  });

  it('on Easy and in the debrief: the odds and the roll as well', () => {
    expect(entryText(scenario, entry, true)).toMatch(/roll under 18 of 100; it rolled 78\. Worth to it 41\.5, its bar 47\.2/);
    expect(answerText(scenario, action, true)).toMatch(/it rolled 78/);
  });

  it('reveals on Easy, in a replay (read-only) and once the game has ended; not at Normal or Hard during play', () => {
    const state = (difficulty: 'easy' | 'normal' | 'hard', ended = false) =>
      ({ config: { difficulty }, ending: ended ? { kind: 'stalemate' } : null }) as unknown as Parameters<typeof revealsOdds>[0];
    expect(revealsOdds(state('easy'), false)).toBe(true);
    expect(revealsOdds(state('normal'), false)).toBe(false);
    expect(revealsOdds(state('hard'), false)).toBe(false);
    expect(revealsOdds(state('hard'), true)).toBe(true);
    expect(revealsOdds(state('normal', true), false)).toBe(true);
  });

  it('a red line is quoted', () => {
    const red: Action = { type: 'stall', side: 'russia', why: { ...why, reason: 'redLine', redLine: 'No island without a guarantee', signal: 'cold' } };
    expect(answerText(scenario, red, false)).toBe('Russia refuses and stalls: it will not cross its red line — “No island without a guarantee”. Tone: cold (far apart).');
  });
});

describe('refusals in words', () => {
  const scenario = SCENARIOS.find((s) => s.id === 'moscow-2019')!;
  it('turns the sim’s codes into the catalogue’s words', () => {
    const session = GameSession.start(scenario, { scenarioId: scenario.id, seed: 'r', controllers: { japan: 'human', russia: 'computer' }, difficulty: 'normal', strategy: { japan: 'grounded', russia: 'grounded' } });
    session.act({ type: 'agenda', side: 'japan', sequencing: 'parallel', prepare: 'islands' });
    const pkg = { islands: 'none', sovereignty: 'jointActivity', usGuarantee: 'none', sanctions: 'keep', energy: 'pipeline', investment: 'none', humanitarian: 'none' } as const;
    expect(session.refusal({ type: 'offer', side: 'japan', package: pkg })).not.toBeNull();
    const words = refusalWords(scenario, session.offerProblem(pkg))!;
    expect(words).toMatch(/^Energy cooperation: a pipeline needs a treaty text/);
    expect(refusalWords(scenario, session.offerProblem({ ...pkg, energy: 'lng' }))).toBeNull();

    expect(otherSide('japan')).toBe('russia');
  });
});

describe('paraphrases say whose words they follow', () => {
  it('a line the scenario marks as after someone carries the mark into the log and the narration', () => {
    let marked = 0;
    for (const { session } of played) {
      for (const e of session.state.log) {
        if (e.kind !== 'line') continue;
        const source = session.scenario.lines.find((l) => l.speaker === e.speaker && l.on === e.moment && l.text === e.text)!;
        expect(e.after).toBe(source.after);
        if (e.after === undefined) continue;
        marked += 1;
        expect(entryText(session.scenario, e)).toContain(`after ${e.after}`);
      }
    }
    expect(marked).toBeGreaterThan(0);
  });
});
