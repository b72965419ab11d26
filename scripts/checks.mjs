// `npm test`'s first step: the type check and the lint, side by side, before the tests.
// Each uses a little over one core; one after the other they took about 10.5 s on two cores,
// side by side about 7.5 s (docs/performance.md). They run before vitest, not beside it (as
// 7ebc070 tried): beside the CPU-bound test run they gained nothing, and a type error should
// stop the run before three minutes of tests. Each check's output is printed whole when it
// ends; the command fails when either fails.
import { spawn } from 'node:child_process';

// On Windows npm is a .cmd script, which Node starts only through a shell.
const shell = process.platform === 'win32';

/** Runs `npm run <script>`, its output kept and printed at its end; resolves to whether it passed. */
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
      if (code === 0) process.stdout.write(`${script}: passed (${seconds} s)\n`);
      else process.stdout.write(`${script}: FAILED (exit ${code}, ${seconds} s)\n${text}\n\n`);
      resolve(code === 0);
    });
  });
}

const passed = await Promise.all([check('typecheck'), check('lint')]);
if (!passed.every(Boolean)) process.exit(1);
