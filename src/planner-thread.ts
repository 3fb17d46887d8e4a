// Node only: the annual planner's worker thread (started by planner-offload.ts). The solver is
// pure, so a solve here is the same as on the request thread, and the server keeps answering
// other requests, whatever the time limit.
import { parentPort } from 'node:worker_threads';
import { type PlanInput, solvePlan } from './domain/planner/index.js';

export interface SolveRequest {
  id: number;
  input: PlanInput;
}

export type SolveAnswer = { id: number; proposal: ReturnType<typeof solvePlan> } | { id: number; error: string };

parentPort?.on('message', (request: SolveRequest) => {
  let answer: SolveAnswer;
  try {
    answer = { id: request.id, proposal: solvePlan(request.input) };
  } catch (err) {
    answer = { id: request.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  parentPort?.postMessage(answer);
});
