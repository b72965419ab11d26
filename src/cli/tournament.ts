import { parseArgs } from 'node:util';
import { ENDINGS } from '../scenario/vocabulary';
import { runTournament, tournamentSeeds, TRIVIAL, type PolicyResult } from '../sim/index';
import { CliError, bundledScenarios, resolveScenario } from './scenarios';

const USAGE = 'usage: npm run tournament -- [--scenario <id or path>] [--seeds N (default 500)] [--json]';

const ENDING_SHORT: Record<(typeof ENDINGS)[number], string> = {
  treatyRatified: 'treaty',
  interimAgreement: 'interim',
  stalemate: 'stalemate',
  collapse: 'collapse',
  leaderOut: 'leader out',
};

function table(rows: PolicyResult[]): string {
  const head = `| side | policy | mean | sd | ${ENDINGS.map((e) => ENDING_SHORT[e]).join(' | ')} | decisions (median) | ended in round 1 |`;
  const sep = `|${'---|'.repeat(6 + ENDINGS.length)}`;
  const body = rows.map((r) => {
    const pct = (n: number) => `${Math.round((1000 * n) / r.games) / 10}%`;
    const mark = TRIVIAL.includes(r.policy) ? '' : ' *';
    return `| ${r.side} | ${r.policy}${mark} | ${r.mean.toFixed(1)} | ${r.sd.toFixed(1)} | ${ENDINGS.map((e) => pct(r.endings[e])).join(' | ')} | ${r.medianDecisions} | ${Math.round(r.endedInRoundOne * 1000) / 10}% |`;
  });
  return [head, sep, ...body].join('\n');
}

export function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: { scenario: { type: 'string' }, seeds: { type: 'string', default: '500' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const n = Number(values.seeds);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new CliError(`--seeds: expected a whole number from 1 to 100000, got "${values.seeds}"`);
  const scenarios = values.scenario === undefined ? bundledScenarios() : [resolveScenario(values.scenario)];
  const seeds = tournamentSeeds(n);
  const all: PolicyResult[] = [];
  for (const scenario of scenarios) {
    const rows = runTournament(scenario, seeds);
    all.push(...rows);
    if (!values.json) console.log(`\n## ${scenario.id} (${n} seeds, the policy plays one side against the computer; * = not a trivial policy)\n\n${table(rows)}`);
  }
  if (values.json) console.log(JSON.stringify(all));
}

try {
  main(process.argv.slice(2));
} catch (e) {
  if (e instanceof CliError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
