// `npm test`: the type check and the lint run beside the tests instead of before them.
// Together they take about nine seconds on two cores, and the test run's first seconds
// (building the game for the browser tests) leave a core idle; run one after the other,
// the three took that much longer (docs/performance.md). The checks' output is printed
// whole when each ends, so it does not interleave with the test report; the command
// fails when any of the three fails. Arguments go to vitest: `npm test -- tests/sim`.
import { spawn } from 'node:child_process';

// On Windows npm is a .cmd script, which Node starts only through a shell.
const shell = process.platform === 'win32';

/** Runs `npm run <script>`, its output kept and printed at its end. */
function check(script) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'], shell });
    const out = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    child.on('error', (error) => out.push(Buffer.from(String(error))));
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const text = Buffer.concat(out).toString().trimEnd();
      if (code === 0) process.stdout.write(`\n${script}: passed (${seconds} s)\n`);
      else process.stdout.write(`\n${script}: FAILED (exit ${code}, ${seconds} s)\n${text}\n\n`);
      resolve(code === 0);
    });
  });
}

function vitest(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...args], { stdio: 'inherit' });
    child.on('close', (code) => resolve(code === 0));
  });
}

const results = await Promise.all([check('typecheck'), check('lint'), vitest(process.argv.slice(2))]);
const failed = ['typecheck', 'lint', 'vitest'].filter((_, i) => !results[i]);
if (failed.length) {
  process.stdout.write(`\nnpm test: ${failed.join(', ')} failed\n`);
  process.exit(1);
}
