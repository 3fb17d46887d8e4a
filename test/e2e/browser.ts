// Browser tests drive Debian's Chromium through playwright-core (never a downloaded browser).
// Without Chromium they skip with a loud notice; in CI (CI=true) a missing browser is a failure.
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser } from 'playwright-core';
import { MAX_BODY_BYTES } from '../../src/app.js';
import { createNodeServer } from '../../src/node-body.js';
import { createTestApp, type TestContext } from '../helpers/app.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = new URL('../artifacts/', import.meta.url).pathname;

/** True when browser tests can run here; throws in CI when they cannot. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  const notice = `\n${'!'.repeat(78)}\n!! BROWSER TESTS SKIPPED: no Chromium at ${CHROMIUM_PATH}.\n!! Install it with: apt-get install -y chromium fonts-wqy-microhei\n${'!'.repeat(78)}\n`;
  if (process.env.CI === 'true') throw new Error(`CI=true but Chromium is missing.${notice}`);
  console.warn(notice);
  return false;
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-gpu',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

export interface ServedApp {
  ctx: TestContext;
  baseUrl: string;
  close: () => Promise<void>;
}

/** The real app on a real HTTP port on 127.0.0.1, over a fresh test database and fixed clock. */
export async function serveTestApp(): Promise<ServedApp> {
  const ctx = await createTestApp();
  // Served as src/server.ts serves the app, so the browser's forms go through the same body reader.
  const server: Server = await new Promise((resolve) => {
    const s = createNodeServer(ctx.app.fetch, MAX_BODY_BYTES).listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    ctx,
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
