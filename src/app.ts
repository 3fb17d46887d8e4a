// createApp(deps): the whole service as one Hono app. Node (server.ts) and Workers (worker.ts)
// only wire a database and configuration into it; tests build it with their own database.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps, AppEnv } from './app-env.js';
import { resolveUser } from './http/auth.js';
import { limitBody } from './http/body-limit.js';
import { jsonOnly } from './http/json-only.js';
import { describeError } from './lib/log.js';
import type { ServiceDeps } from './services/deps.js';
import { AppError, type ErrorCode } from './services/errors.js';
import { problemResponse } from './http/problem.js';
import { archiveRoutes } from './routes/archive.js';
import { authRoutes } from './routes/auth.js';
import { calendarResponseHeaders, calendarRoutes } from './routes/calendar.js';
import { balanceRoutes } from './routes/balance.js';
import { docsPage } from './routes/docs.js';
import { documentRoutes } from './routes/documents.js';
import { createWebApp, notFoundPage, wantsHtml } from './web/index.js';
import { feedRoutes } from './routes/feeds.js';
import { planRoutes } from './routes/plans.js';
import { receptionRoutes } from './routes/receptions.js';
import { reportRoutes } from './routes/reports.js';
import { quotaRoutes } from './routes/quotas.js';
import { referenceRoutes } from './routes/reference.js';
import { slotRoutes } from './routes/slots.js';
import { visitActionRoutes } from './routes/visit-actions.js';
import { visitRoutes } from './routes/visits.js';
import { receptionStandardsRoutes } from './routes/standards-reception.js';
import { userRoutes } from './routes/users.js';
import { notificationRoutes } from './routes/notifications.js';
import { webhookRoutes } from './routes/webhooks.js';

export const MAX_BODY_BYTES = 64 * 1024;

export const OPENAPI_INFO = {
  title: 'Visit and reception planner API (对口支援考察慰问与公务接待)',
  version: '1.0.0',
  description: 'The HTTP contract v1. Errors are application/problem+json with a stable `code`.',
};

/** Hono's own refusals, by status, as the contract's codes. */
const HONO_REFUSALS: Partial<Record<number, ErrorCode>> = {
  401: 'UNAUTHENTICATED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/** A request's delivery pass, started at most once, kept alive by the runtime after the response. */
function onceInBackground(c: Context, pass: () => Promise<unknown>): () => void {
  let started = false;
  return () => {
    if (started) return;
    started = true;
    const running = pass().catch((error) => console.error(`delivery after write failed: ${describeError(error)}`));
    try {
      c.executionCtx.waitUntil(running);
    } catch {
      // No execution context (not on Workers): the pass simply runs on.
    }
  };
}

export function createApp(deps: AppDeps) {
  const now = deps.now ?? (() => new Date());
  const app = new OpenAPIHono<AppEnv>();

  const serviceDeps: ServiceDeps = {
    db: deps.db,
    config: deps.config,
    now,
    files: deps.files,
    wakeDelivery: deps.wakeDelivery,
    offload: deps.offload,
  };
  const deliverAfterResponse = deps.deliverAfterResponse;
  app.use('*', async (c, next) => {
    c.set('deps', deliverAfterResponse ? { ...serviceDeps, wakeDelivery: onceInBackground(c, deliverAfterResponse) } : serviceDeps);
    await next();
  });
  // Before secureHeaders, so the feed's stricter Referrer-Policy is set last (see calendar.ts).
  app.use('/cal/*', calendarResponseHeaders());
  app.use(
    '*',
    secureHeaders({
      referrerPolicy: 'same-origin',
      // Pages use only same-origin scripts and styles, never inline ones.
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    }),
  );
  app.use('*', limitBody(MAX_BODY_BYTES));

  app.get('/healthz', (c) => c.json({ ok: true }));

  const api = new OpenAPIHono<AppEnv>();
  api.use('*', jsonOnly());
  api.use('*', resolveUser({ cookieMethods: ['GET', 'HEAD'] }));
  api.route('/', authRoutes);
  api.route('/', userRoutes);
  api.route('/', referenceRoutes);
  api.route('/', quotaRoutes);
  api.route('/', visitRoutes);
  api.route('/', visitActionRoutes);
  api.route('/', slotRoutes);
  api.route('/', receptionStandardsRoutes);
  api.route('/', receptionRoutes);
  api.route('/', balanceRoutes);
  api.route('/', reportRoutes);
  api.route('/', feedRoutes);
  api.route('/', planRoutes);
  api.route('/', documentRoutes);
  api.route('/', archiveRoutes);
  api.route('/', notificationRoutes);
  api.route('/', webhookRoutes);
  app.route('/api/v1', api);
  // Public iCal feeds: the token in the URL is the credential, so no API auth or JSON middleware.
  app.route('/cal', calendarRoutes);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer' });
  app.doc31('/openapi.json', { openapi: '3.1.0', info: OPENAPI_INFO });
  app.route('/', createWebApp());
  app.get(
    '/docs',
    docsPage(() => app.getOpenAPI31Document({ openapi: '3.1.0', info: OPENAPI_INFO })),
  );

  app.notFound((c) =>
    wantsHtml(c) ? notFoundPage(c) : problemResponse(new AppError('NOT_FOUND', `Nothing at ${c.req.method} ${c.req.path}.`)),
  );
  app.onError((err, c) => {
    if (err instanceof AppError) return problemResponse(err);
    if (err instanceof HTTPException && err.status < 500) {
      // Hono's own refusals (e.g. a body that is not JSON) become problems too.
      if (err.status === 400) {
        return problemResponse(
          new AppError('VALIDATION_FAILED', 'The body is not valid JSON.', { errors: [{ path: '', message: 'malformed JSON' }] }),
        );
      }
      return problemResponse(new AppError(HONO_REFUSALS[err.status] ?? 'FORBIDDEN', err.message || 'Refused.'));
    }
    // The unexpected: logged here in full, answered without internals.
    console.error(`${c.req.method} ${c.req.path} failed: ${describeError(err)}`);
    return problemResponse(new AppError('INTERNAL_ERROR', 'Something went wrong on our side; the request was not completed.'));
  });
  return app;
}

export type AppType = ReturnType<typeof createApp>;
