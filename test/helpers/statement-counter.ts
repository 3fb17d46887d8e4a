// Counting the SQL statements a request runs: the test's app is built a second time over a
// proxy of the same libSQL connection that counts every statement on its way to the file (a
// batch counts each of its statements). Pages and lists must run a fixed number of statements
// whatever the number of records they show; a query per row makes the count grow with the page.
import type { Client } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { createApp } from '../../src/app.js';
import * as schema from '../../src/db/schema.js';
import { FIXED_NOW, type TestContext } from './app.js';

export function countingClient(real: Client): { client: Client; statements: () => number } {
  let count = 0;
  const client = new Proxy(real, {
    get(target, key) {
      const value = Reflect.get(target, key, target);
      if (key === 'execute')
        return (...args: unknown[]) => {
          count += 1;
          return value.apply(target, args);
        };
      if (key === 'batch')
        return (stmts: unknown[], ...rest: unknown[]) => {
          count += stmts.length;
          return value.call(target, stmts, ...rest);
        };
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { client, statements: () => count };
}

export interface StatementCounter {
  /** The statements one request runs, and its status. */
  count: (path: string, headers?: Record<string, string>) => Promise<{ status: number; statements: number; body: string }>;
}

/** The test's app over a counting proxy of its own connection: same data, same sessions. */
export function statementCounter(ctx: TestContext): StatementCounter {
  const counter = countingClient(ctx.database.client);
  const app = createApp({
    db: drizzle(counter.client, { schema }),
    config: ctx.config,
    now: () => FIXED_NOW,
    files: ctx.files,
  });
  return {
    count: async (path, headers = {}) => {
      const before = counter.statements();
      const res = await app.request(path, { headers });
      const body = await res.text();
      return { status: res.status, statements: counter.statements() - before, body };
    },
  };
}
