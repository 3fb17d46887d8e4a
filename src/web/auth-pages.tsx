// Log in, log out, switch language.
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env.js';
import { clearFailedLogins, loginRetryAfterSeconds, recordFailedLogin } from '../db/repo/login-throttle.js';
import { createSession, endSession, findUserForLogin, normaliseEmail } from '../db/repo/users.js';
import { verifyPassword } from '../lib/crypto.js';
import { SESSION_COOKIE } from '../http/auth.js';
import { LANG_COOKIE } from '../views/i18n.js';
import { Layout, type Flash } from '../views/layout.js';
import { formFields, pageContext } from './page.js';
import { clearSessionCookie, homeFor, LOGIN_CSRF_COOKIE, loginCsrfToken, setSessionCookie } from './session.js';

const DUMMY_HASH = 'pbkdf2-sha256$100000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** Only same-site paths are followed after login, never another origin. */
function safeNext(next: string | undefined): string | null {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null;
}

export const authPages = new Hono<AppEnv>()
  .get('/', (c) => c.redirect(c.var.user ? homeFor(c.var.user.role) : '/login'))
  .get('/login', (c) => {
    if (c.var.user) return c.redirect(homeFor(c.var.user.role));
    return c.html(<LoginPage c={c} csrf={loginCsrfToken(c)} next={c.req.query('next') ?? ''} email="" />);
  })
  .post('/login', async (c) => {
    const form = await formFields(c);
    const page = pageContext(c);
    const email = normaliseEmail(form.email ?? '');
    const now = c.var.now();
    const fail = (flash: Flash, status: 401 | 429) =>
      c.html(<LoginPage c={c} csrf={loginCsrfToken(c)} next={form.next ?? ''} email={form.email ?? ''} flash={flash} />, status);
    if ((await loginRetryAfterSeconds(c.var.db, email, now)) > 0) {
      return fail(
        { kind: 'error', lines: [page.t('登录失败次数过多,请 15 分钟后再试', 'Too many failed logins; try again in 15 minutes')] },
        429,
      );
    }
    const user = await findUserForLogin(c.var.db, email);
    const valid = await verifyPassword(form.password ?? '', user?.passwordHash ?? DUMMY_HASH);
    if (!user || !valid) {
      await recordFailedLogin(c.var.db, email, now);
      return fail({ kind: 'error', lines: [page.t('邮箱或密码错误', 'Wrong e-mail or password')] }, 401);
    }
    await clearFailedLogins(c.var.db, email);
    const session = await createSession(c.var.db, user.id, 'web', now);
    setSessionCookie(c, session.token);
    deleteCookie(c, LOGIN_CSRF_COOKIE, { path: '/login' });
    return c.redirect(safeNext(form.next) ?? homeFor(user.role), 303);
  })
  .post('/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await endSession(c.var.db, token);
    clearSessionCookie(c);
    return c.redirect('/login', 303);
  })
  .get('/lang/:lang', (c) => {
    const lang = c.req.param('lang') === 'en' ? 'en' : 'zh';
    setCookie(c, LANG_COOKIE, lang, { path: '/', sameSite: 'Lax', maxAge: 365 * 24 * 3600 });
    return c.redirect(safeNext(c.req.query('next')) ?? '/', 303);
  });

function LoginPage(props: { c: Parameters<typeof pageContext>[0]; csrf: string; next: string; email: string; flash?: Flash }) {
  const page = { ...pageContext(props.c), user: null };
  const { t } = page;
  return (
    <Layout page={page} title={t('登录', 'Log in')} messages={props.flash ? [props.flash] : []}>
      <form method="post" action="/login" class="card">
        <input type="hidden" name="_csrf" value={props.csrf} />
        <input type="hidden" name="next" value={props.next} />
        <label for="email">{t('邮箱', 'E-mail')}</label>
        <input id="email" name="email" type="email" autocomplete="username" required value={props.email} />
        <label for="password">{t('密码', 'Password')}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <div class="actions">
          <button type="submit">{t('登录', 'Log in')}</button>
        </div>
      </form>
    </Layout>
  );
}
