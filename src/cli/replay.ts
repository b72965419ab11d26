import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { REPLAY_MAX_BYTES, scoreOf, verifyReplay } from '../sim/index';
import { bundledScenarios } from './scenarios';

// npm run replay -- FILE: re-simulates a replay and proves its hashes.
// Exit 0 with a summary when it holds; exit 1 with one line when it does not.

function main(args: string[]): number {
  const path = args[0];
  if (!path || args.length > 1) {
    console.error('usage: npm run replay -- FILE.json');
    return 1;
  }
  const name = basename(path);
  let text: string;
  try {
    if (statSync(path).size > REPLAY_MAX_BYTES) {
      console.error(`${name}: larger than ${REPLAY_MAX_BYTES} bytes: not a replay of this game`);
      return 1;
    }
    text = readFileSync(path, 'utf8');
  } catch {
    console.error(`${name}: cannot read the file`);
    return 1;
  }
  const result = verifyReplay(text, name, bundledScenarios());
  if (!result.ok) {
    console.error(result.error);
    return 1;
  }
  const { replay, session } = result;
  const score = scoreOf(session.scenario, session.state);
  const v = session.state.world.vars;
  console.log(`${name}: verified (${replay.actions.length} actions re-simulated, ${replay.rounds.length} round hashes match)`);
  console.log(`scenario   ${replay.scenario.id}   seed "${replay.seed}"   Japan ${replay.controllers.japan}, Russia ${replay.controllers.russia}`);
  console.log(`ending     ${session.state.ending?.kind ?? `unfinished (${session.phase})`}${session.state.ending?.side ? ` (${session.state.ending.side})` : ''}`);
  console.log(`score      Japan ${score.japan.total}   Russia ${score.russia.total}`);
  console.log(`approval   Japan ${v['approval.japan'].toFixed(1)}%   Russia ${v['approval.russia'].toFixed(1)}%`);
  console.log(`final hash ${replay.final.hash}`);
  return 0;
}

process.exit(main(process.argv.slice(2)));
