// One Worker for the whole edge suite (starting workerd costs seconds on two busy cores); the
// check modules read it through this object once beforeAll has filled it. A Worker that cannot
// start makes every check FAIL with the start-up error, never skip.
import { client, type Client } from './http.js';
import { queryStored, startWorker, type RunningWorker } from './wrangler.js';

export const EDGE_ADMIN = { email: 'admin@edge.test', password: 'edge-admin-password-1' };

export class EdgeSuite {
  #worker: RunningWorker | undefined;
  #adminToken: string | undefined;
  #startError: unknown;

  /** Never throws: the error is kept and rethrown by every check that needs the Worker. */
  async start(): Promise<void> {
    try {
      this.#worker = await startWorker({ ADMIN_EMAIL: EDGE_ADMIN.email, ADMIN_PASSWORD: EDGE_ADMIN.password });
      this.#adminToken = await client(this.#worker.baseUrl).login(EDGE_ADMIN.email, EDGE_ADMIN.password);
    } catch (err) {
      this.#startError = err;
    }
  }

  async stop(): Promise<void> {
    await this.#worker?.stop();
  }

  /** The full start-up failure (with wrangler's output), for the one check that reports it. */
  get startError(): unknown {
    return this.#startError;
  }

  /** Every other check fails with the first line of the start-up error. */
  #started(): { worker: RunningWorker; adminToken: string } {
    if (this.#startError !== undefined) {
      const reason = this.#startError instanceof Error ? this.#startError.message.split('\n')[0] : String(this.#startError);
      throw new Error(`the Worker did not start (details in the first check): ${reason}`);
    }
    if (!this.#worker || !this.#adminToken) throw new Error('the Worker was not started (beforeAll did not run?)');
    return { worker: this.#worker, adminToken: this.#adminToken };
  }

  get baseUrl(): string {
    return this.#started().worker.baseUrl;
  }

  get http(): Client {
    return client(this.baseUrl);
  }

  get adminToken(): string {
    return this.#started().adminToken;
  }

  /** What the local D1 holds, read through a separate connection: one row list per statement. */
  stored(statements: string[]): Promise<Record<string, unknown>[][]> {
    return queryStored(this.#started().worker, statements);
  }

  /** wrangler's and the Worker's output so far, to explain a failure. */
  output(): string {
    return this.#worker?.output() ?? '';
  }
}
