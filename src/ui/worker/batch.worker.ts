// Runs computer-vs-computer batches and verifies replay files off the page's thread,
// so the page stays responsive. The same functions as `npm run sim`: playComputerGame
// on seeds "1"…"N". Cancelling is terminating the worker.
/// <reference lib="webworker" />
import { BUNDLED_SCENARIOS, loadBundledScenarios } from '../../scenario/registry';
import { playComputerGame, type GameSummary } from '../../sim/index';
import { intakeReplay } from '../class/intake';
import { MAX_GAMES, PROGRESS_EVERY, type FromWorker, type ToWorker } from '../class/protocol';

const post = (msg: FromWorker): void => (self as unknown as DedicatedWorkerGlobalScope).postMessage(msg);

self.addEventListener('message', (ev: MessageEvent<ToWorker>) => {
  void loadBundledScenarios().then(() => handle(ev.data));
});

function handle(msg: ToWorker): void {
  try {
    if (msg.type === 'batch') {
      const scenario = BUNDLED_SCENARIOS.find((s) => s.id === msg.scenarioId);
      if (!scenario) throw new Error(`unknown scenario "${msg.scenarioId}"`);
      const total = Math.max(1, Math.min(MAX_GAMES, Math.floor(msg.games)));
      const every = msg.progressEvery ?? PROGRESS_EVERY;
      const started = performance.now();
      const games: GameSummary[] = [];
      post({ type: 'progress', job: msg.job, done: 0, total });
      for (let i = 1; i <= total; i += 1) {
        games.push(playComputerGame(scenario, String(i), msg.strategy));
        if (i % every === 0 || i === total) post({ type: 'progress', job: msg.job, done: i, total });
      }
      post({ type: 'batchDone', job: msg.job, games, seconds: (performance.now() - started) / 1000 });
    } else if (msg.type === 'verify') {
      msg.files.forEach((f, index) => {
        post({ type: 'verified', job: msg.job, index, result: intakeReplay(f.text, f.name, BUNDLED_SCENARIOS) });
      });
      post({ type: 'verifyDone', job: msg.job });
    }
  } catch (err) {
    post({ type: 'error', job: msg.job, message: err instanceof Error ? err.message : String(err) });
  }
}
