// No code path may depend on the host's time zone: Workers run in UTC, a laptop may be in
// UTC+14. Node reads TZ once at start, so each zone needs its own process.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PROBE = fileURLToPath(new URL('./probe.ts', import.meta.url));
const VITEST_CLI = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');

/** The earliest (UTC+14) and latest (UTC−11) civil times on Earth, and UTC as on Workers. */
const ZONES = { 'Pacific/Kiritimati': -840, 'Pacific/Pago_Pago': 660, UTC: 0 } as const;

function run(args: string[], timeZone: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // The parent's vitest variables would make the child believe it is a vitest worker.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...env, TZ: timeZone }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('host time zone independence', () => {
  it('date rules, slot search and feed bytes are identical under UTC+14, UTC−11 and UTC', async () => {
    const outputs = await Promise.all(
      Object.keys(ZONES).map(async (zone) => {
        const res = await run(['--import', 'tsx', PROBE], zone);
        expect(res.code, res.stderr).toBe(0);
        return { zone, ...(JSON.parse(res.stdout) as { offsetMinutes: number; results: unknown }) };
      }),
    );
    // The zone really took effect in each child, else the comparison proves nothing.
    expect(Object.fromEntries(outputs.map((o) => [o.zone, o.offsetMinutes]))).toEqual(ZONES);
    const [first, ...rest] = outputs;
    for (const other of rest) expect(other.results, `${other.zone} vs ${first!.zone}`).toEqual(first!.results);
  }, 60_000);

  it("the Node suite's date and feed checks all pass with TZ=Pacific/Kiritimati", async () => {
    const report = join(mkdtempSync(join(tmpdir(), 'planner-tz-')), 'report.json');
    const res = await run(
      [VITEST_CLI, 'run', 'test/domain', 'test/ical', '--reporter=json', `--outputFile=${report}`],
      'Pacific/Kiritimati',
    );
    let result: { numTotalTests: number; numPassedTests: number; numFailedTests: number };
    try {
      result = JSON.parse(readFileSync(report, 'utf8'));
    } catch {
      throw new Error(`vitest wrote no report (exit ${res.code}):\n${res.stderr}`);
    }
    expect(result.numTotalTests, res.stderr).toBeGreaterThan(0);
    expect(result.numFailedTests, res.stderr).toBe(0);
    expect(result.numPassedTests).toBe(result.numTotalTests);
    expect(res.code).toBe(0);
  }, 120_000);
});
