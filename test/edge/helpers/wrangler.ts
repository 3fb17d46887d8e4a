// Starts the real Worker in workerd through wrangler's local runtime, on 127.0.0.1, with a fresh
// local D1 that has the committed migrations applied by `wrangler d1 migrations apply`. Nothing
// is mocked: the suite talks HTTP to the Worker wrangler builds from src/worker.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WRANGLER_BIN = join(dirname(createRequire(import.meta.url).resolve('wrangler/package.json')), 'bin', 'wrangler.js');

/** Two busy cores: bundling plus starting workerd can take a while on CI. */
export const STARTUP_TIMEOUT_MS = 90_000;
const COMMAND_TIMEOUT_MS = 60_000;

export interface WorkerVars {
  ADMIN_EMAIL: string;
  ADMIN_PASSWORD: string;
}

export interface RunningWorker {
  baseUrl: string;
  /** The snapshot of the project that wrangler serves (see snapshotProject). */
  projectDir: string;
  /** wrangler's local state folder: the D1 database the Worker writes to. */
  persistTo: string;
  /** Everything wrangler and the Worker printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Offline and non-interactive: no telemetry or error reports, no fetch of the `Request.cf`
 * placeholder from Cloudflare, no update check (it runs with the banner), no prompts (CI=true
 * and no stdin). Vitest's own variables are dropped so the bundle is built as for `dev:edge`.
 */
function wranglerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === 'NODE_ENV' || key.startsWith('VITEST') || key === 'TEST') continue;
    env[key] = value;
  }
  return {
    ...env,
    CI: 'true',
    WRANGLER_SEND_METRICS: 'false',
    WRANGLER_SEND_ERROR_REPORTS: 'false',
    WRANGLER_HIDE_BANNER: 'true',
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
}

function runWrangler(projectDir: string, args: string[]): ChildProcess {
  // detached: the child leads its own process group, so stop() can end wrangler's workerd too.
  return spawn(process.execPath, [WRANGLER_BIN, ...args], {
    cwd: projectDir,
    env: wranglerEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
}

function collect(child: ChildProcess, sink: string[]): void {
  child.stdout?.on('data', (chunk: Buffer) => sink.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => sink.push(chunk.toString()));
}

/** Runs a wrangler command to its end and returns its standard output; throws on failure. */
async function runToCompletion(projectDir: string, args: string[]): Promise<string> {
  const stdout: string[] = [];
  const both: string[] = [];
  const child = runWrangler(projectDir, args);
  child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk.toString()));
  collect(child, both);
  const code = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      killGroup(child, 'SIGKILL');
      reject(new Error(`wrangler ${args.join(' ')} timed out:\n${both.join('')}`));
    }, COMMAND_TIMEOUT_MS);
    child.on('exit', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  if (code !== 0) throw new Error(`wrangler ${args.join(' ')} exited with ${code}:\n${both.join('')}`);
  return stdout.join('');
}

async function applyMigrations(projectDir: string, persistTo: string): Promise<void> {
  await runToCompletion(projectDir, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo]);
}

/**
 * Reads the local D1 from a separate wrangler process (its own workerd and SQLite connection),
 * so a check sees what was really stored, not what the Worker answered. One result set per
 * statement; one process for all of them, since each start costs seconds on a busy machine.
 */
export async function queryStored(worker: RunningWorker, statements: string[]): Promise<Record<string, unknown>[][]> {
  const { projectDir, persistTo } = worker;
  const command = statements.map((statement) => statement.trim().replace(/;$/, '')).join(';\n');
  const printed = await runToCompletion(projectDir, [
    'd1',
    'execute',
    'DB',
    '--local',
    '--persist-to',
    persistTo,
    '--json',
    '--command',
    command,
  ]);
  const results = JSON.parse(printed) as { results: Record<string, unknown>[] }[];
  if (results.length !== statements.length) throw new Error(`expected ${statements.length} result sets, got ${results.length}: ${printed}`);
  return results.map((r) => r.results);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * A copy of what the Worker is built from. `wrangler dev` rebuilds and restarts the Worker (and
 * its local D1) whenever a source file changes, so serving the working tree would let an edit
 * elsewhere reset the Worker in the middle of a check. (A `wrangler deploy --dry-run` bundle
 * served with --no-bundle would avoid that too, but lacks the body-draining middleware that
 * `wrangler dev` adds; without it a 413 sent before the body is read breaks wrangler's proxy.)
 */
function snapshotProject(workdir: string): string {
  const projectDir = join(workdir, 'project');
  for (const entry of ['src', 'migrations', 'wrangler.toml', 'tsconfig.json', 'package.json']) {
    cpSync(join(PROJECT_ROOT, entry), join(projectDir, entry), { recursive: true });
  }
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(projectDir, 'node_modules'), 'dir');
  return projectDir;
}

/**
 * The Worker bundle as `wrangler deploy` would upload it, built into a temp folder without
 * deploying: its text and esbuild's metafile (which module imports which).
 */
export async function buildWorkerBundle(): Promise<{
  code: string;
  metafile: { inputs: Record<string, { imports: { path: string; kind: string }[] }> };
}> {
  const workdir = mkdtempSync(join(tmpdir(), 'planner-bundle-'));
  const projectDir = snapshotProject(workdir);
  const outdir = join(workdir, 'out');
  try {
    await runToCompletion(projectDir, ['deploy', '--dry-run', '--outdir', outdir, '--metafile', join(outdir, 'meta.json')]);
    return { code: readFileSync(join(outdir, 'worker.js'), 'utf8'), metafile: JSON.parse(readFileSync(join(outdir, 'meta.json'), 'utf8')) };
  } finally {
    unlinkSync(join(projectDir, 'node_modules'));
    rmSync(workdir, { recursive: true, force: true });
  }
}

export async function startWorker(vars: WorkerVars): Promise<RunningWorker> {
  const workdir = mkdtempSync(join(tmpdir(), 'planner-edge-'));
  const projectDir = snapshotProject(workdir);
  const persistTo = join(workdir, 'state');
  await applyMigrations(projectDir, persistTo);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child = runWrangler(projectDir, [
    'dev',
    '--local',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--persist-to',
    persistTo,
    '--inspector-ip',
    '127.0.0.1',
    '--show-interactive-dev-session=false',
    '--log-level',
    'log',
    '--var',
    `ADMIN_EMAIL:${vars.ADMIN_EMAIL}`,
    '--var',
    `ADMIN_PASSWORD:${vars.ADMIN_PASSWORD}`,
    '--var',
    `PUBLIC_URL:${baseUrl}`,
    // Webhooks to the test's own receiver on 127.0.0.1, retried soon; /__scheduled runs the cron.
    '--var',
    'WEBHOOK_HTTP_HOSTS:127.0.0.1',
    '--var',
    'DELIVERY_RETRY_BASE_SECONDS:0.5',
    '--test-scheduled',
  ]);
  collect(child, output);

  const stop = async (): Promise<void> => {
    const exited = new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    // The link first: the recursive removal must never reach the project's own node_modules.
    unlinkSync(join(projectDir, 'node_modules'));
    rmSync(workdir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, child, output);
  } catch (err) {
    await stop();
    throw err;
  }
  return { baseUrl, projectDir, persistTo, output: () => output.join(''), stop };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  const failure = (why: string) => new Error(`${why}; wrangler said:\n${output.join('')}`);
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw failure(`wrangler dev exited (${child.exitCode ?? child.signalCode}) before serving`);
    // On a build error wrangler keeps waiting for a fixed file instead of exiting: fail now.
    if (output.some((chunk) => chunk.includes('Build failed'))) throw failure('the Worker did not build');
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(5_000) });
      if (res.status === 200) return;
      // src/worker.ts answers 500 when its start-up (config, database, admin bootstrap) failed.
      if (res.status === 500) throw failure(`the Worker started but failed: ${await res.text()}`);
    } catch (err) {
      if (err instanceof Error && err.message.includes('wrangler said')) throw err;
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw failure(`the Worker did not answer /healthz within ${STARTUP_TIMEOUT_MS / 1000} s`);
}
