// Small timing helpers: percentiles over measured samples, a bounded timing loop, machine facts.
import { cpus } from 'node:os';

export function percentile(sortedMs: readonly number[], p: number): number {
  if (!sortedMs.length) return NaN;
  const rank = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[rank]!;
}

export interface Summary {
  n: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
}

export function summarise(samplesMs: readonly number[]): Summary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1);
  return { n: sorted.length, meanMs: mean, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) };
}

/** Runs `fn` sequentially until `count` runs or `maxMs` elapse, whichever first; returns each run's ms. */
export async function timeLoop(
  fn: (i: number) => Promise<unknown> | unknown,
  options: { count: number; maxMs: number },
): Promise<number[]> {
  const samples: number[] = [];
  const deadline = performance.now() + options.maxMs;
  for (let i = 0; i < options.count && performance.now() < deadline; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  return samples;
}

export function machine(): { node: string; cpuCount: number; cpuModel: string; platform: string } {
  const list = cpus();
  return {
    node: process.version,
    cpuCount: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    platform: `${process.platform} ${process.arch}`,
  };
}

export const fmt = (x: number, digits = 2): string => (Number.isFinite(x) ? x.toFixed(digits) : String(x));
