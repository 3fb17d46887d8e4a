// The office's accounts (/office/accounts): the list with search, filters and paging (all in the
// URL), and creating unit, HQ and office accounts. One account's page and its actions:
// account-detail.tsx. Everything goes through services/accounts.ts, as the API does.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { NewUserBody, UserListQuery } from '../../schemas/accounts.js';
import { type AccountRow, accountList, createAccount } from '../../services/accounts.js';
import { AppError } from '../../services/errors.js';
import { referenceNames } from '../../services/reference.js';
import { CsrfField, type Flash, Layout, type PageContext } from '../../views/layout.js';
import { formFields, pageContext, problemFlash } from '../page.js';
import { webUser } from '../session.js';
import { accountDetailPages } from './account-detail.js';
import { ActiveBadge, belongsTo, FilterForm, instant, type ListFilters, listUrl, type Names, ROLES, roleLabel } from './account-views.js';
import { CHECK_FORM_FLASH, checkForm, type FieldErrors, Input, localIssues } from './form-fields.js';

function AccountTable(props: { page: PageContext; accounts: AccountRow[]; names: Names }) {
  const { page, accounts, names } = props;
  const { t } = page;
  if (accounts.length === 0) return <p>{t('没有符合条件的账号。', 'No account matches.')}</p>;
  return (
    <div class="table-wrap">
      <table class="cards">
        <thead>
          <tr>
            <th scope="col">{t('邮箱', 'E-mail')}</th>
            <th scope="col">{t('名称', 'Name')}</th>
            <th scope="col">{t('角色', 'Role')}</th>
            <th scope="col">{t('所属', 'Belongs to')}</th>
            <th scope="col">{t('状态', 'Status')}</th>
            <th scope="col">{t('最近登录', 'Last login')}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr>
              <td data-label={t('邮箱', 'E-mail')}>
                <a href={`/office/accounts/${encodeURIComponent(a.id)}`}>{a.email}</a>
              </td>
              <td data-label={t('名称', 'Name')}>{a.displayName ?? <span class="muted">—</span>}</td>
              <td data-label={t('角色', 'Role')}>{roleLabel(a.role, t)}</td>
              <td data-label={t('所属', 'Belongs to')}>{belongsTo(a, names, t)}</td>
              <td data-label={t('状态', 'Status')}>
                <ActiveBadge active={a.active} t={t} />
              </td>
              <td class="nowrap" data-label={t('最近登录', 'Last login')}>
                {instant(a.lastLoginAt, t)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

async function renderList(c: Context<AppEnv>) {
  const actor = webUser(c, 'office');
  const page = pageContext(c);
  const { t } = page;
  const raw = c.req.query();
  const filters: ListFilters = { q: raw.q, role: raw.role, unitId: raw.unitId, regionId: raw.regionId, active: raw.active };
  const query = UserListQuery.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== '')));
  const names = await referenceNames(c.var.deps);
  const messages: Flash[] = query.success
    ? []
    : [{ kind: 'error', lines: [t('筛选条件有误,显示全部账号。', 'The filters could not be read; showing every account.')] }];
  const result = await accountList(c.var.deps, actor, query.success ? query.data : {});
  return c.html(
    <Layout page={page} title={t('账号管理', 'Accounts')} messages={messages}>
      <p class="actions">
        <a class="button" href="/office/accounts/new">
          {t('新建账号', 'New account')}
        </a>
      </p>
      <FilterForm page={page} filters={query.success ? filters : {}} names={names} />
      <AccountTable page={page} accounts={result.items} names={names} />
      <nav class="actions" aria-label={t('翻页', 'Pages')}>
        {query.success && query.data.cursor && <a href={listUrl(filters)}>{t('回到第一页', 'First page')}</a>}
        {result.nextCursor && <a href={listUrl(query.success ? filters : {}, result.nextCursor)}>{t('下一页', 'Next page')}</a>}
      </nav>
    </Layout>,
    query.success ? 200 : 400,
  );
}

function NewAccountForm(props: { page: PageContext; names: Names; values: Record<string, string>; errors: FieldErrors }) {
  const { page, names, values, errors } = props;
  const { t } = page;
  const select = (name: string, label: string, hint: string, options: { value: string; label: string }[]) => (
    <div>
      <label for={`new-${name}`}>{label}</label>
      <select id={`new-${name}`} name={name} aria-invalid={errors[name] ? 'true' : undefined} aria-describedby={`new-${name}-hint`}>
        <option value="">{t('请选择', 'Choose')}</option>
        {options.map((o) => (
          <option value={o.value} selected={o.value === values[name]}>
            {o.label}
          </option>
        ))}
      </select>
      <p class="hint" id={`new-${name}-hint`}>
        {hint}
      </p>
      {errors[name] && <p class="field-error">{errors[name]}</p>}
    </div>
  );
  return (
    <form method="post" action="/office/accounts" class="card">
      <CsrfField page={page} />
      <div class="row">
        <Input
          id="new-email"
          name="email"
          type="email"
          autocomplete="off"
          label={t('邮箱(登录名)', 'E-mail (log-in name)')}
          value={values.email ?? ''}
          error={errors.email}
          required
        />
        <Input
          id="new-displayName"
          name="displayName"
          label={t('名称', 'Name')}
          value={values.displayName ?? ''}
          error={errors.displayName}
          maxlength={100}
        />
      </div>
      <div class="row">
        {select(
          'role',
          t('角色', 'Role'),
          t(
            '结对单位预约和接待;前方指挥部衔接本地区的考察;省对口支援办管理一切',
            'Units book and host; an HQ coordinates its region; the office manages everything',
          ),
          ROLES.map((r) => ({ value: r, label: roleLabel(r, t) })),
        )}
        {select(
          'unitId',
          t('结对单位', 'Unit'),
          t('结对单位账号必填', 'Required for a unit account'),
          names.units.map((u) => ({ value: u.id, label: u.name })),
        )}
        {select(
          'regionId',
          t('受援地(前方指挥部)', 'Region (frontline HQ)'),
          t('前方指挥部账号必填', 'Required for an HQ account'),
          names.regions.map((r) => ({ value: r.id, label: t(r.name, r.nameEn) })),
        )}
      </div>
      <Input
        id="new-password"
        name="password"
        type="password"
        autocomplete="new-password"
        label={t('初始密码(至少 10 位)', 'First password (at least 10 characters)')}
        value=""
        error={errors.password}
        required
      />
      <p class="hint">
        {t(
          '请通过安全渠道告知本人,并请其登录后修改密码。',
          'Tell its owner through a safe channel and ask them to change it after logging in.',
        )}
      </p>
      <div class="actions">
        <button type="submit">{t('创建账号', 'Create the account')}</button>
        <a href="/office/accounts">{t('返回账号列表', 'Back to the accounts')}</a>
      </div>
    </form>
  );
}

async function renderNew(
  c: Context<AppEnv>,
  state: { values?: Record<string, string>; errors?: FieldErrors; messages?: Flash[]; status?: 200 | 409 | 422 } = {},
) {
  webUser(c, 'office');
  const page = pageContext(c);
  const names = await referenceNames(c.var.deps);
  return c.html(
    <Layout page={page} title={page.t('新建账号', 'New account')} messages={state.messages}>
      <NewAccountForm page={page} names={names} values={state.values ?? {}} errors={state.errors ?? {}} />
    </Layout>,
    state.status ?? 200,
  );
}

export const accountPages = new Hono<AppEnv>()
  .get('/', renderList)
  .get('/new', (c) => renderNew(c))
  .post('/', async (c) => {
    const actor = webUser(c, 'office');
    const page = pageContext(c);
    const form = await formFields(c);
    const values = {
      email: form.email ?? '',
      displayName: form.displayName ?? '',
      role: form.role ?? '',
      unitId: form.unitId ?? '',
      regionId: form.regionId ?? '',
    };
    const parsed = checkForm(NewUserBody, {
      email: values.email,
      password: form.password ?? '',
      role: values.role || undefined,
      unitId: values.unitId || undefined,
      regionId: values.regionId || undefined,
      displayName: values.displayName,
    });
    if (!parsed.success)
      return renderNew(c, { values, errors: localIssues(parsed.error, page.t), messages: [CHECK_FORM_FLASH(page.t)], status: 422 });
    try {
      const created = await createAccount(c.var.deps, actor, parsed.data);
      return c.redirect(`/office/accounts/${encodeURIComponent(created.id)}?done=created`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || !['VALIDATION_FAILED', 'EMAIL_TAKEN'].includes(error.code)) throw error;
      const { flash, fieldErrors } = problemFlash(error, page);
      const errors = error.code === 'EMAIL_TAKEN' ? { email: page.t('该邮箱已有账号', 'An account with this e-mail exists') } : fieldErrors;
      return renderNew(c, { values, errors, messages: [flash], status: error.code === 'EMAIL_TAKEN' ? 409 : 422 });
    }
  })
  .route('/', accountDetailPages);
