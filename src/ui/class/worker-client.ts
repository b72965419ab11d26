// One batch worker per classroom scene, with job ids; cancelling terminates it
// (the batch loop never yields, so terminating is the only instant stop).
import type { FromWorker, ToWorker } from './protocol';

type Job = ToWorker extends infer M ? (M extends { job: number } ? Omit<M, 'job'> : never) : never;

export class BatchClient {
  private worker: Worker | null = null;
  private nextJob = 1;
  private handlers = new Map<number, (m: FromWorker) => void>();

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(new URL('../worker/batch.worker.ts', import.meta.url), { type: 'module' });
    w.addEventListener('message', (ev: MessageEvent<FromWorker>) => this.handlers.get(ev.data.job)?.(ev.data));
    w.addEventListener('error', (ev) => {
      ev.preventDefault();
      for (const [job, fn] of this.handlers) fn({ type: 'error', job, message: ev.message || 'the worker failed to start' });
      this.handlers.clear();
    });
    this.worker = w;
    return w;
  }

  /** Starts a job; `on` gets its messages until it finishes or is cancelled. */
  run(msg: Job, on: (m: FromWorker) => void): number {
    const job = this.nextJob++;
    this.handlers.set(job, (m) => {
      if (m.type === 'batchDone' || m.type === 'verifyDone' || m.type === 'error') this.handlers.delete(job);
      on(m);
    });
    this.ensure().postMessage({ ...msg, job } as ToWorker);
    return job;
  }

  get busy(): boolean {
    return this.handlers.size > 0;
  }

  /** Stops every job at once; the next run starts a fresh worker. */
  cancel(): void {
    this.worker?.terminate();
    this.worker = null;
    this.handlers.clear();
  }

  dispose(): void {
    this.cancel();
  }
}
