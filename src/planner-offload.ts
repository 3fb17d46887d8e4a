// Node only: the CpuOffload the server gives createApp. Solves run on one worker thread
// (planner-thread.ts), started at the first solve and kept; a crashed thread fails its pending
// solves and is started again at the next one. The thread does not keep the process alive.
import { Worker } from 'node:worker_threads';
import type { PlanInput, Proposal } from './domain/planner/index.js';
import type { SolveAnswer, SolveRequest } from './planner-thread.js';
import type { CpuOffload } from './services/deps.js';

interface Pending {
  resolve: (proposal: Proposal) => void;
  reject: (error: Error) => void;
}

export function plannerThread(): CpuOffload & { close: () => Promise<void> } {
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, Pending>();

  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    worker = null;
  };

  const start = (): Worker => {
    // As TypeScript through tsx (the server runs under it, and a thread inherits its loader; a
    // process without it, such as a test runner, gets it added), or as built JavaScript.
    const typescript = import.meta.url.endsWith('.ts');
    const file = typescript ? './planner-thread.ts' : './planner-thread.js';
    const needsTsx = typescript && !process.execArgv.some((arg) => arg.includes('tsx'));
    const thread = new Worker(new URL(file, import.meta.url), needsTsx ? { execArgv: [...process.execArgv, '--import', 'tsx'] } : {});
    thread.unref();
    thread.on('message', (answer: SolveAnswer) => {
      const waiting = pending.get(answer.id);
      pending.delete(answer.id);
      if (!waiting) return;
      if ('error' in answer) waiting.reject(new Error(`planner thread: ${answer.error}`));
      else waiting.resolve(answer.proposal);
    });
    thread.on('error', (err) => failAll(err));
    thread.on('exit', (code) => {
      if (worker === thread) failAll(new Error(`planner thread exited with code ${code}`));
    });
    return thread;
  };

  return {
    solvePlan(input: PlanInput): Promise<Proposal> {
      worker ??= start();
      const id = ++nextId;
      const thread = worker;
      return new Promise<Proposal>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        thread.postMessage({ id, input } satisfies SolveRequest);
      });
    },
    async close() {
      const thread = worker;
      worker = null;
      if (thread) await thread.terminate();
    },
  };
}
