// The CLIs' main(argv), run in this process with stdout and stderr captured: the same
// code path as `npm run sim` / `npm run replay`, without paying a node start-up per case.
import { vi } from 'vitest';
import { main as simMain } from '../../src/cli/sim';
import { main as replayMain } from '../../src/cli/replay';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(which: 'sim' | 'replay', argv: string[]): Run {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  try {
    const code = (which === 'sim' ? simMain : replayMain)(argv);
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}
