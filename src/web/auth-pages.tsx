// Log in, log out, switch language.
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env.js';
import { SESSION_COOKIE } from '../http/auth.js';
import { clientAddress } from '../http/client-address.js';
import { logIn, logOut } from '../services/logins.js';
import { AppError } from '../services/errors.js';
import { LANG_COOKIE, type Translate } from '../views/i18n.js';
import { Layout, type Flash } from '../views/layout.js';
import { formFields, pageContext } from './page.js';
import { safeNext } from './safe-next.js';
import {
  clearSessionCookie,
  DEVICE_COOKIE,
  homeFor,
  LOGIN_CSRF_COOKIE,
  loginCsrfToken,
  setDeviceCookie,
  setSessionCookie,
} from './session.js';

/** A refused login as the form shows it; anything but a refusal goes on to onError. */
function loginRefusal(error: unknown, t: Translate): { flash: Flash; status: 401 | 403 | 429 } {
  if (error instanceof AppError && error.code === 'RATE_LIMITED') {
    const minutes = Math.max(1, Math.ceil(Number(error.extra.retryAfter) / 60));
    return {
      flash: {
        kind: 'error',
        lines: [
          t(
            `登录尝试次数过多,请 ${minutes} 分钟后再试,或请省对口支援办解锁账号`,
            `Too many login attempts; try again in ${minutes} minutes, or ask the provincial office to unlock the account`,
          ),
        ],
      },
      status: 429,
    };
  }
  if (error instanceof AppError && error.code === 'ACCOUNT_DISABLED') {
    return {
      flash: { kind: 'error', lines: [t('该账号已停用,请联系省对口支援办', 'This account is deactivated; contact the provincial office')] },
      status: 403,
    };
  }
  if (error instanceof AppError && error.code === 'INVALID_CREDENTIALS') {
    return { flash: { kind: 'error', lines: [t('邮箱或密码错误', 'Wrong e-mail or password')] }, status: 401 };
  }
  throw error;
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
    const fail = (flash: Flash, status: 401 | 403 | 429) =>
      c.html(<LoginPage c={c} csrf={loginCsrfToken(c)} next={form.next ?? ''} email={form.email ?? ''} flash={flash} />, status);
    const session = await logIn(c.var.deps, {
      email: form.email ?? '',
      password: form.password ?? '',
      kind: 'web',
      clientAddress: clientAddress(c),
      deviceToken: getCookie(c, DEVICE_COOKIE) ?? null,
    }).catch((error: unknown) => loginRefusal(error, page.t));
    if ('flash' in session) return fail(session.flash, session.status);
    setSessionCookie(c, session.token);
    setDeviceCookie(c, session.deviceToken);
    deleteCookie(c, LOGIN_CSRF_COOKIE, { path: '/login' });
    return c.redirect(safeNext(form.next) ?? homeFor(session.user.role), 303);
  })
  .post('/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await logOut(c.var.deps, token);
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
