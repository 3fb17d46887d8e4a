// The real Node server (src/server.ts) as a child process on 127.0.0.1, for the throughput
// benchmark and the crash test. Only loopback is ever contacted.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface ServerProcess {
  baseUrl: string;
  port: number;
  child: ChildProcess;
  /** Everything the server printed, for diagnosing a failed start. */
  output: () => string;
  /** SIGKILL, then wait for the process to be gone. */
  kill: () => Promise<void>;
  /** SIGTERM (graceful), then wait. */
  stop: () => Promise<void>;
}

function filesDirBeside(databaseUrl: string): string {
  const path = databaseUrl.startsWith('file:') ? databaseUrl.slice('file:'.length).split('?')[0] : '';
  return path ? join(dirname(path), 'files') : mkdtempSync(join(tmpdir(), 'planner-files-'));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export async function startServer(options: {
  databaseUrl: string;
  adminEmail: string;
  adminPassword: string;
  port?: number;
  startTimeoutMs?: number;
  /** Extra Node flags for the child, e.g. ['--cpu-prof'] to see where a benchmark's time goes. */
  nodeArgs?: string[];
  /** Another entry to run instead of src/server.ts (it must answer GET /healthz on PORT). */
  script?: string;
  /** More environment for the server (FILES_DIR, SMTP_URL, WEBHOOK_HTTP_HOSTS, DELIVERY_…). */
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', options.script ?? 'src/server.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      ADMIN_EMAIL: options.adminEmail,
      ADMIN_PASSWORD: options.adminPassword,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      NODE_ENV: 'production',
      // Documents beside the database file, never in the project's own ./data.
      FILES_DIR: filesDirBeside(options.databaseUrl),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  for (;;) {
    if (gone) throw new Error(`server exited during start:\n${printed}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer /healthz in time:\n${printed}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  const signal = async (sig: NodeJS.Signals) => {
    if (!gone) child.kill(sig);
    await exited;
  };
  return { baseUrl, port, child, output: () => printed, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}
