import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPLAY_LIMITS, scoreOf, verifyReplay } from '../sim/index';
import { unexpected } from '../scenario/text';
import { bundledScenarios, CliError, readTextFile } from './scenarios';

// npm run replay -- FILE: re-simulates a replay and proves its hashes.
// Exit 0 with a summary when it holds; exit 1 with one line when it does not.

/** The command: exit 0 with a summary, or 1 with one line on stderr (never a stack). */
export function main(args: string[]): number {
  const path = args[0];
  if (!path || args.length > 1) {
    console.error('usage: npm run replay -- FILE.json');
    return 1;
  }
  const name = basename(path);
  try {
    return verify(path, name);
  } catch (error) {
    console.error(error instanceof CliError ? error.message.split('\n')[0] : `${name}: ${unexpected(error)}`);
    return 1;
  }
}

function verify(path: string, name: string): number {
  const text = readTextFile(path, REPLAY_LIMITS, name);
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

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exitCode = main(process.argv.slice(2));
