// One account (/office/accounts/:id) and what the office does with it: rename, deactivate or
// reactivate (each confirmed on a page of its own first), set a new password, unlock after failed
// logins. Deactivating and a new password end the account's sessions (services/accounts.ts).
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { PasswordResetBody, UserPatchBody } from '../../schemas/accounts.js';
import { type AccountRow, accountById, resetPassword, unlockAccount, updateAccount } from '../../services/accounts.js';
import { AppError } from '../../services/errors.js';
import { referenceNames } from '../../services/reference.js';
import { CsrfField, type Flash, Layout, type PageContext } from '../../views/layout.js';
import { formFields, pageContext, problemFlash } from '../page.js';
import { webUser } from '../session.js';
import { ActiveBadge, belongsTo, instant, type Names, roleLabel } from './account-views.js';
import { checkForm, type FieldErrors, Input, localIssues } from './form-fields.js';

const DONE: Record<string, [string, string]> = {
  created: ['账号已创建。', 'The account is created.'],
  renamed: ['名称已保存。', 'The name is saved.'],
  deactivated: ['账号已停用,其所有登录会话已立即失效。', 'The account is deactivated; all its sessions ended at once.'],
  reactivated: ['账号已重新启用。', 'The account is active again.'],
  password: ['新密码已设置,该账号的所有登录会话已失效。', 'The new password is set; all sessions of the account ended.'],
  unlocked: ['已解除登录锁定。', 'Failed logins are cleared.'],
};

const path = (account: Pick<AccountRow, 'id'>, tail = '') => `/office/accounts/${encodeURIComponent(account.id)}${tail}`;

function AccountPage(props: { page: PageContext; account: AccountRow; names: Names; errors: FieldErrors; values: Record<string, string> }) {
  const { page, account, names, errors, values } = props;
  const { t } = page;
  return (
    <>
      <dl class="facts card">
        <dt>{t('邮箱', 'E-mail')}</dt>
        <dd>{account.email}</dd>
        <dt>{t('角色', 'Role')}</dt>
        <dd>{roleLabel(account.role, t)}</dd>
        <dt>{t('所属', 'Belongs to')}</dt>
        <dd>{belongsTo(account, names, t)}</dd>
        <dt>{t('状态', 'Status')}</dt>
        <dd>
          <ActiveBadge active={account.active} t={t} />
        </dd>
        <dt>{t('创建时间', 'Created')}</dt>
        <dd>{instant(account.createdAt, t)}</dd>
        <dt>{t('最近登录', 'Last login')}</dt>
        <dd>{instant(account.lastLoginAt, t)}</dd>
      </dl>
      <section class="card" aria-labelledby="rename-heading">
        <h2 id="rename-heading">{t('名称', 'Name')}</h2>
        <form method="post" action={path(account, '/name')}>
          <CsrfField page={page} />
          <Input
            id="account-displayName"
            name="displayName"
            label={t('显示名称', 'Display name')}
            value={values.displayName ?? account.displayName ?? ''}
            error={errors.displayName}
            maxlength={100}
          />
          <div class="actions">
            <button type="submit">{t('保存名称', 'Save the name')}</button>
          </div>
        </form>
      </section>
      <section class="card" aria-labelledby="status-heading">
        <h2 id="status-heading">{t('启用与停用', 'Active or deactivated')}</h2>
        <p class="hint">
          {t(
            '停用后该账号立即无法访问,所有登录会话失效;记录保留。',
            'A deactivated account loses access at once and all its sessions end; its records stay.',
          )}
        </p>
        <a class="button secondary" href={path(account, account.active ? '/deactivate' : '/reactivate')}>
          {account.active ? t('停用账号…', 'Deactivate…') : t('重新启用…', 'Reactivate…')}
        </a>
      </section>
      <section class="card" aria-labelledby="password-heading">
        <h2 id="password-heading">{t('重置密码', 'Set a new password')}</h2>
        <form method="post" action={path(account, '/password')}>
          <CsrfField page={page} />
          <Input
            id="account-newPassword"
            name="newPassword"
            type="password"
            autocomplete="new-password"
            label={t('新密码(至少 10 位)', 'New password (at least 10 characters)')}
            value=""
            error={errors.newPassword}
            required
          />
          <p class="hint">{t('设置后该账号的所有登录会话立即失效。', 'All sessions of the account end when it is set.')}</p>
          <div class="actions">
            <button type="submit">{t('设置新密码', 'Set the password')}</button>
          </div>
        </form>
      </section>
      <section class="card" aria-labelledby="unlock-heading">
        <h2 id="unlock-heading">{t('登录锁定', 'Login lock')}</h2>
        <p class="hint">
          {t(
            '连续输错密码 5 次后,15 分钟内不能从新的浏览器登录。',
            'After five wrong passwords, new browsers cannot log in for 15 minutes.',
          )}
        </p>
        <form method="post" action={path(account, '/unlock')}>
          <CsrfField page={page} />
          <button type="submit" class="secondary">
            {t('解除登录锁定', 'Clear failed logins')}
          </button>
        </form>
      </section>
      <p>
        <a href="/office/accounts">{t('返回账号列表', 'Back to the accounts')}</a>
      </p>
    </>
  );
}

async function render(
  c: Context<AppEnv>,
  state: { messages?: Flash[]; errors?: FieldErrors; values?: Record<string, string>; status?: 200 | 409 | 422 } = {},
) {
  const actor = webUser(c, 'office');
  const page = pageContext(c);
  const [account, names] = await Promise.all([accountById(c.var.deps, actor, c.req.param('id') ?? ''), referenceNames(c.var.deps)]);
  const done = DONE[c.req.query('done') ?? ''];
  const messages = state.messages ?? (done ? [{ kind: 'ok' as const, lines: [page.t(...done)] }] : []);
  return c.html(
    <Layout page={page} title={account.displayName ? `${account.displayName} · ${account.email}` : account.email} messages={messages}>
      <AccountPage page={page} account={account} names={names} errors={state.errors ?? {}} values={state.values ?? {}} />
    </Layout>,
    state.status ?? 200,
  );
}

/** The confirmation page before deactivating or reactivating: a GET shows it, its POST acts. */
async function confirmPage(c: Context<AppEnv>, active: boolean) {
  const actor = webUser(c, 'office');
  const page = pageContext(c);
  const { t } = page;
  const account = await accountById(c.var.deps, actor, c.req.param('id') ?? '');
  const title = active ? t('确认重新启用账号', 'Reactivate the account?') : t('确认停用账号', 'Deactivate the account?');
  return c.html(
    <Layout page={page} title={title}>
      <form method="post" action={path(account, active ? '/reactivate' : '/deactivate')} class="card">
        <CsrfField page={page} />
        <p>
          {active
            ? t(`重新启用 ${account.email} 后,该账号可再次登录。`, `${account.email} will be able to log in again.`)
            : t(
                `停用 ${account.email} 后,该账号的所有登录会话立即失效,且不能再登录;其记录保留。`,
                `${account.email} loses every session at once and cannot log in; its records stay.`,
              )}
        </p>
        <div class="actions">
          <button type="submit" class={active ? undefined : 'danger'}>
            {active ? t('确认重新启用', 'Reactivate') : t('确认停用', 'Deactivate')}
          </button>
          <a href={path(account)}>{t('取消', 'Cancel')}</a>
        </div>
      </form>
    </Layout>,
  );
}

async function setActive(c: Context<AppEnv>, active: boolean) {
  const actor = webUser(c, 'office');
  const id = c.req.param('id') ?? '';
  try {
    await updateAccount(c.var.deps, actor, { id, patch: { active } });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'LAST_OFFICE_ACCOUNT') throw error;
    return render(c, { messages: [problemFlash(error, pageContext(c)).flash], status: 409 });
  }
  return c.redirect(`${path({ id })}?done=${active ? 'reactivated' : 'deactivated'}`, 303);
}

export const accountDetailPages = new Hono<AppEnv>()
  .get('/:id', (c) => render(c))
  .get('/:id/deactivate', (c) => confirmPage(c, false))
  .get('/:id/reactivate', (c) => confirmPage(c, true))
  .post('/:id/deactivate', (c) => setActive(c, false))
  .post('/:id/reactivate', (c) => setActive(c, true))
  .post('/:id/name', async (c) => {
    const actor = webUser(c, 'office');
    const form = await formFields(c);
    const parsed = checkForm(UserPatchBody, { displayName: form.displayName ?? '' });
    if (!parsed.success) return render(c, { errors: localIssues(parsed.error, pageContext(c).t), values: form, status: 422 });
    const id = c.req.param('id');
    await updateAccount(c.var.deps, actor, { id, patch: { displayName: parsed.data.displayName ?? null } });
    return c.redirect(`${path({ id })}?done=renamed`, 303);
  })
  .post('/:id/password', async (c) => {
    const actor = webUser(c, 'office');
    const form = await formFields(c);
    const parsed = checkForm(PasswordResetBody, { newPassword: form.newPassword ?? '' });
    if (!parsed.success) return render(c, { errors: localIssues(parsed.error, pageContext(c).t), status: 422 });
    const id = c.req.param('id');
    await resetPassword(c.var.deps, actor, { id, newPassword: parsed.data.newPassword });
    return c.redirect(`${path({ id })}?done=password`, 303);
  })
  .post('/:id/unlock', async (c) => {
    const actor = webUser(c, 'office');
    const id = c.req.param('id');
    await unlockAccount(c.var.deps, actor, id);
    return c.redirect(`${path({ id })}?done=unlocked`, 303);
  });
