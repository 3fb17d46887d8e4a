// The web application: server-rendered pages that work without JavaScript. Pages call the same
// services and repositories as the API; role and unit always come from the session.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { describeError } from '../lib/log.js';
import { AppError } from '../services/errors.js';
import { navUnreadCount } from '../services/inbox.js';
import { resolveUser } from '../http/auth.js';
import { APP_CSS } from '../views/assets/app-css.js';
import { APP_JS } from '../views/assets/app-js.js';
import { FAVICON_ICO, ICON_SVG } from '../views/assets/icons.js';
import { Layout } from '../views/layout.js';
import { ownAccountPages } from './account-password.js';
import { authPages } from './auth-pages.js';
import { documentPages } from './documents-pages.js';
import { feedPages } from './feeds-page.js';
import { hqPages } from './hq/index.js';
import { officePages } from './office/index.js';
import { unitPages } from './unit/index.js';
import { pageContext } from './page.js';
import { recordPages } from './records/index.js';
import { inboxPages } from './inbox-page.js';
import { csrfProtection } from './session.js';
import { httpStatusOf } from '../http/problem.js';

const ONE_HOUR = 'public, max-age=3600';
const ONE_DAY = 'public, max-age=86400';

/** Browsers asking for a page get an HTML answer; API clients and feeds get problem+json. */
export function wantsHtml(c: Context<AppEnv>): boolean {
  const path = c.req.path;
  if (path.startsWith('/api/') || path.startsWith('/cal/')) return false;
  return (c.req.header('accept') ?? '').includes('text/html');
}

export function notFoundPage(c: Context<AppEnv>) {
  const page = pageContext(c);
  const { t } = page;
  return c.html(
    <Layout
      page={page}
      title={t('页面不存在', 'Page not found')}
      messages={[{ kind: 'error', lines: [t('页面或记录不存在。', 'No such page or record.')] }]}
    >
      <p>
        <a href="/">{t('返回首页', 'Back to the start page')}</a>
      </p>
    </Layout>,
    404,
  );
}

export function createWebApp() {
  const web = new Hono<AppEnv>();
  web.get('/static/app.css', (c) => c.body(APP_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': ONE_HOUR }));
  web.get('/static/icon.svg', (c) => c.body(ICON_SVG, 200, { 'content-type': 'image/svg+xml', 'cache-control': ONE_DAY }));
  web.get('/favicon.ico', (c) => c.body(FAVICON_ICO, 200, { 'content-type': 'image/x-icon', 'cache-control': ONE_DAY }));
  web.get('/static/app.js', (c) => c.body(APP_JS, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': ONE_HOUR }));

  web.use('*', resolveUser({ cookieMethods: ['GET', 'HEAD', 'POST'] }));
  web.use('*', csrfProtection());
  // The navigation's unread count: one short index range per page, whatever the page shows.
  web.use('*', async (c, next) => {
    c.set('unreadCount', c.var.user ? await navUnreadCount(c.var.deps, c.var.user) : null);
    await next();
  });
  web.use('*', async (c, next) => {
    await next();
    // Pages carry personal data: never kept by shared caches, re-fetched after logout.
    if (c.res.headers.get('content-type')?.startsWith('text/html')) c.res.headers.set('cache-control', 'no-store');
  });
  web.route('/', authPages);
  web.route('/unit', unitPages);
  web.route('/hq', hqPages);
  web.route('/office', officePages);
  web.route('/feeds', feedPages);
  // Before the record pages, whose /visits/:id/:action would take /visits/:id/documents.
  web.route('/', documentPages);
  web.route('/', recordPages);
  web.route('/inbox', inboxPages);
  web.route('/account', ownAccountPages);

  web.onError((err, c) => {
    if (err instanceof AppError && httpStatusOf(err) === 401) {
      // The whole address comes back after login, query included (a link to a 2027 report stays one).
      const { pathname, search } = new URL(c.req.url);
      return c.redirect(`/login?next=${encodeURIComponent(pathname + search)}`, 303);
    }
    const page = pageContext(c);
    const { t } = page;
    const status = err instanceof AppError ? httpStatusOf(err) : 500;
    if (!(err instanceof AppError)) console.error(`${c.req.method} ${c.req.path} failed: ${describeError(err)}`);
    const message =
      err instanceof AppError && err.code === 'CSRF_REJECTED'
        ? t(
            '表单已过期或来源不明,请刷新页面后重试。',
            'The form has expired or did not come from this site. Reload the page and try again.',
          )
        : err instanceof AppError && (err.code === 'VALIDATION_FAILED' || err.code === 'UNSUPPORTED_MEDIA_TYPE')
          ? t('无法读取提交的表单,请刷新页面后重新提交。', 'The form could not be read. Reload the page and send it again.')
          : err instanceof AppError && err.code === 'PAYLOAD_TOO_LARGE'
            ? t('提交的内容过大。', 'The form is too large.')
            : status === 403
              ? t('当前账号无权访问此页面。', 'This account may not open this page.')
              : status === 404
                ? t('页面或记录不存在。', 'No such page or record.')
                : status < 500 && err instanceof AppError
                  ? err.detail
                  : t('服务器出错,请求未完成。', 'Something went wrong on our side; the request was not completed.');
    return c.html(
      <Layout page={page} title={t('无法完成', 'Could not complete')} messages={[{ kind: 'error', lines: [message] }]}>
        <p>
          <a href="/">{t('返回首页', 'Back to the start page')}</a>
        </p>
      </Layout>,
      status as 403,
    );
  });
  return web;
}
