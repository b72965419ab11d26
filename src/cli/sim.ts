import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { STRATEGIES, type Strategy } from '../scenario/vocabulary';
import { computerConfig, GameSession, normaliseSeed, playComputerGame, replayText, seedProblemText, spreadOf, toReplay } from '../sim/index';
import { unexpected } from '../scenario/text';
import { CliError, fsReason, resolveScenario } from './scenarios';

const USAGE = `usage:
  npm run sim -- --scenario <id or path> --seeds N [--strategy grounded|hawk|dove] [--json]
  npm run sim -- --scenario <id or path> --seed S --record FILE`;

function run(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      scenario: { type: 'string', default: 'moscow-2019' },
      seeds: { type: 'string' },
      seed: { type: 'string' },
      record: { type: 'string' },
      strategy: { type: 'string', default: 'grounded' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const scenario = resolveScenario(values.scenario);
  const strategy = values.strategy as Strategy;
  if (!STRATEGIES.includes(strategy)) throw new CliError(`--strategy: expected one of ${STRATEGIES.join(', ')}, got "${values.strategy}"`);

  if (values.record !== undefined || values.seed !== undefined) {
    if (values.seed === undefined || values.record === undefined) throw new CliError('--seed and --record go together');
    // The same seed rule as the link, the seed field and replay verification.
    const seed = normaliseSeed(values.seed);
    if (!seed.ok) throw new CliError(`--seed: ${seedProblemText(seed.problem)}`);
    const session = GameSession.start(scenario, computerConfig(scenario, seed.seed, strategy));
    // What is written must read back: the writer applies the reader's limits before touching the disk.
    const out = replayText(toReplay(session));
    if (!out.ok) throw new CliError(`${values.record}: not written: ${out.error}`);
    try {
      writeFileSync(values.record, out.text);
    } catch (error) {
      const code = error && typeof error === 'object' && 'code' in error ? error.code : '';
      const why = code === 'ENOENT' ? `the folder ${dirname(values.record)} does not exist` : fsReason(error);
      throw new CliError(`${values.record}: cannot write the replay (${why})`);
    }
    console.log(`${values.record}: ${scenario.id}, seed "${seed.seed}", ending ${session.state.ending?.kind}, ${session.state.history.length - 1} rounds`);
    return;
  }

  const n = Number(values.seeds ?? '100');
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) throw new CliError(`--seeds: expected a whole number from 1 to 1000000, got "${values.seeds}"`);
  const started = performance.now();
  const half = Math.ceil(n / 2);
  let halfway = started;
  const games = [];
  for (let i = 1; i <= n; i += 1) {
    games.push(playComputerGame(scenario, String(i), strategy));
    if (i === half) halfway = performance.now();
  }
  const ended = performance.now();
  const seconds = (ended - started) / 1000;
  // A fresh process spends its first few hundred games in V8's slower tiers; the second half
  // is the steady rate, the figure `npm run bench` reports after its warm-up.
  const warm = n - half >= 100 ? `; second half ${Math.round((n - half) / ((ended - halfway) / 1000))} games/s, once V8 has compiled the hot code` : '';
  const spread = spreadOf(scenario.id, games);
  if (values.json) console.log(JSON.stringify(spread));
  else printTable(spread);
  console.error(`${n} games in ${seconds.toFixed(2)} s: ${Math.round(n / seconds)} games/s on one core${warm}`);
}

function printTable(s: ReturnType<typeof spreadOf>): void {
  console.log(`${s.scenario}: ${s.games} computer-vs-computer games`);
  console.log('ending              games   share');
  for (const [ending, count] of Object.entries(s.endings)) {
    console.log(`${ending.padEnd(18)} ${String(count).padStart(6)}  ${((100 * count) / s.games).toFixed(1).padStart(5)}%`);
  }
  console.log(`mean rounds played   ${s.meanRounds}`);
  console.log(`mean final approval  Japan ${s.meanApproval.japan}%  Russia ${s.meanApproval.russia}%`);
  console.log(`mean support for a deal  Japan ${s.meanSupport.japan}%  Russia ${s.meanSupport.russia}%`);
  console.log(`mean score           Japan ${s.meanScore.japan}  Russia ${s.meanScore.russia}`);
}

/** The command: exit code 0 or 1; every refusal is one line per problem on stderr, never a stack. */
export function main(argv: string[]): number {
  try {
    run(argv);
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      console.error(error.message);
      return 1;
    }
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(error.message);
      console.error(USAGE);
      return 1;
    }
    // A bug, not a bad input: still one line, naming what was being read.
    console.error(`${scenarioArg(argv)}: ${unexpected(error, 'could not be played: an unexpected error')}`);
    return 1;
  }
}

function scenarioArg(argv: string[]): string {
  const i = argv.findIndex((a) => a === '--scenario' || a.startsWith('--scenario='));
  if (i < 0) return 'moscow-2019';
  return argv[i]!.includes('=') ? argv[i]!.slice('--scenario='.length) : (argv[i + 1] ?? 'sim');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exitCode = main(process.argv.slice(2));
