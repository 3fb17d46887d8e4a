// Changing one's own password (/account/password), for every role: the current password first,
// then the new one twice. This browser stays logged in; every other session of the account ends
// (services/accounts.ts, as POST /api/v1/me/password).
import { Hono, type Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env.js';
import { SESSION_COOKIE } from '../http/auth.js';
import { OwnPasswordBody } from '../schemas/accounts.js';
import { changeOwnPassword } from '../services/accounts.js';
import { AppError } from '../services/errors.js';
import { CsrfField, type Flash, Layout, type PageContext } from '../views/layout.js';
import { checkForm, type FieldErrors, Input, localIssues } from './office/form-fields.js';
import { formFields, pageContext, problemFlash } from './page.js';
import { webUser } from './session.js';

function PasswordForm(props: { page: PageContext; errors: FieldErrors }) {
  const { page, errors } = props;
  const { t } = page;
  const field = (name: string, label: string, autocomplete: string) => (
    <Input
      id={`own-${name}`}
      name={name}
      type="password"
      autocomplete={autocomplete}
      label={label}
      value=""
      error={errors[name]}
      required
    />
  );
  return (
    <form method="post" action="/account/password" class="card">
      <CsrfField page={page} />
      {field('currentPassword', t('当前密码', 'Current password'), 'current-password')}
      {field('newPassword', t('新密码(至少 10 位)', 'New password (at least 10 characters)'), 'new-password')}
      {field('confirmPassword', t('再次输入新密码', 'New password again'), 'new-password')}
      <p class="hint">
        {t(
          '修改后,本浏览器保持登录,此账号在其他地方的登录将全部失效。',
          'This browser stays logged in; every other session of the account ends.',
        )}
      </p>
      <div class="actions">
        <button type="submit">{t('修改密码', 'Change the password')}</button>
      </div>
    </form>
  );
}

function render(c: Context<AppEnv>, state: { messages?: Flash[]; errors?: FieldErrors; status?: 200 | 403 | 409 | 422 | 429 } = {}) {
  webUser(c);
  const page = pageContext(c);
  const messages =
    state.messages ?? (c.req.query('done') ? [{ kind: 'ok' as const, lines: [page.t('密码已修改。', 'The password is changed.')] }] : []);
  return c.html(
    <Layout page={page} title={page.t('修改密码', 'Change your password')} messages={messages}>
      <PasswordForm page={page} errors={state.errors ?? {}} />
    </Layout>,
    state.status ?? 200,
  );
}

export const ownAccountPages = new Hono<AppEnv>()
  .get('/password', (c) => render(c))
  .post('/password', async (c) => {
    const actor = webUser(c);
    const { t } = pageContext(c);
    const form = await formFields(c);
    const parsed = checkForm(OwnPasswordBody, { currentPassword: form.currentPassword ?? '', newPassword: form.newPassword ?? '' });
    const errors: FieldErrors = parsed.success ? {} : localIssues(parsed.error, t);
    if (parsed.success && form.confirmPassword !== parsed.data.newPassword) {
      errors.confirmPassword = t('两次输入的新密码不一致', 'The two new passwords differ');
    }
    if (!parsed.success || Object.keys(errors).length) {
      return render(c, {
        errors,
        messages: [{ kind: 'error', lines: [t('请检查标出的内容。', 'Please check the marked fields.')] }],
        status: 422,
      });
    }
    try {
      await changeOwnPassword(c.var.deps, actor, { ...parsed.data, sessionToken: getCookie(c, SESSION_COOKIE) ?? '' });
    } catch (error) {
      if (!(error instanceof AppError) || !['INVALID_CREDENTIALS', 'RATE_LIMITED', 'CONFLICT'].includes(error.code)) throw error;
      const wrong = error.code === 'INVALID_CREDENTIALS';
      return render(c, {
        errors: wrong ? { currentPassword: t('当前密码不正确', 'The current password is wrong') } : {},
        messages: [problemFlash(error, pageContext(c)).flash],
        status: wrong ? 403 : error.code === 'RATE_LIMITED' ? 429 : 409,
      });
    }
    return c.redirect('/account/password?done=1', 303);
  });
