// Units (/office/settings/units): the eleven cities shipped with the service and the provincial
// departments the office adds, each of which can then get accounts, caps and visits. Checked with
// the API's NewUnitBody and saved by addDepartment, as POST /api/v1/units does.
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { httpStatusOf } from '../../http/problem.js';
import { NewUnitBody } from '../../schemas/reference.js';
import { AppError } from '../../services/errors.js';
import { addDepartment, allUnits, type UnitView } from '../../services/reference.js';
import { CsrfField, type Flash, Layout, type PageContext } from '../../views/layout.js';
import { formFields, pageContext } from '../page.js';
import { webUser } from '../session.js';
import { CHECK_FORM_FLASH, checkForm, type FieldErrors, Input, localIssues } from './form-fields.js';
import { SettingsNav } from './settings-nav.js';

function UnitsPage(props: {
  page: PageContext;
  units: UnitView[];
  messages: Flash[];
  values: Record<string, string>;
  errors: FieldErrors;
}) {
  const { page, units } = props;
  const { t } = page;
  const kindWords = (kind: UnitView['kind']) => (kind === 'city' ? t('设区市', 'City') : t('省级部门', 'Provincial department'));
  return (
    <Layout page={page} title={t('结对单位', 'Units')} messages={props.messages}>
      <SettingsNav page={page} />
      <p class="hint">
        {t(
          '结对单位预约考察、承办公务接待。系统预置全省 11 个设区市;省级部门由省对口支援办在此添加,添加后即可为其开设账号、设定年度上限。单位一经添加不能删除(档案完整)。',
          'Units book visits and host receptions. The eleven cities come with the service; the office adds provincial departments here, then gives them accounts and caps. A unit is never deleted, so the records stay whole.',
        )}
      </p>
      <form method="post" action="/office/settings/units" class="card">
        <h2>{t('添加省级部门', 'Add a provincial department')}</h2>
        <CsrfField page={page} />
        <div class="row">
          <Input
            id="unit-name"
            name="name"
            label={t('名称', 'Name')}
            value={props.values.name ?? ''}
            error={props.errors.name}
            maxlength={100}
            required
          />
          <Input
            id="unit-id"
            name="id"
            label={t('标识(英文小写字母、数字和连字符,如 fgw)', 'Id (lower-case letters, digits and hyphens, e.g. fgw)')}
            value={props.values.id ?? ''}
            error={props.errors.id}
            maxlength={40}
            required
          />
        </div>
        <div class="actions">
          <button type="submit">{t('添加', 'Add')}</button>
        </div>
      </form>
      <h2>{t(`全部单位(${units.length})`, `All units (${units.length})`)}</h2>
      <div class="table-wrap">
        <table class="cards">
          <thead>
            <tr>
              <th scope="col">{t('名称', 'Name')}</th>
              <th scope="col">{t('类别', 'Kind')}</th>
              <th scope="col">{t('标识', 'Id')}</th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr id={`unit-${u.id}`}>
                <td data-label={t('名称', 'Name')}>{u.name}</td>
                <td data-label={t('类别', 'Kind')}>{kindWords(u.kind)}</td>
                <td data-label={t('标识', 'Id')}>
                  <code>{u.id}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

async function render(
  c: Context<AppEnv>,
  view: { messages: Flash[]; values?: Record<string, string>; errors?: FieldErrors },
  status: 200 | 409 | 422 = 200,
) {
  const units = await allUnits(c.var.deps);
  return c.html(
    <UnitsPage page={pageContext(c)} units={units} messages={view.messages} values={view.values ?? {}} errors={view.errors ?? {}} />,
    status,
  );
}

function addedFlash(c: Context<AppEnv>): Flash[] {
  const name = c.req.query('added');
  const { t } = pageContext(c);
  return name ? [{ kind: 'ok', lines: [t(`已添加:${name}`, `Added: ${name}`)] }] : [];
}

export const unitSettingsPages = new Hono<AppEnv>()
  .get('/', (c) => {
    webUser(c, 'office');
    return render(c, { messages: addedFlash(c) });
  })
  .post('/', async (c) => {
    const actor = webUser(c, 'office');
    const { t } = pageContext(c);
    const form = await formFields(c);
    const values = { id: form.id ?? '', name: form.name ?? '' };
    const parsed = checkForm(NewUnitBody, { id: values.id.trim(), name: values.name, kind: 'department' });
    if (!parsed.success) {
      const errors = localIssues(parsed.error, t);
      if (errors.id?.startsWith('填写有误'))
        errors.id = t(
          '只能用英文小写字母、数字和连字符,2–40 个字符,以字母开头',
          'Lower-case letters, digits and hyphens, 2–40, starting with a letter',
        );
      return render(c, { messages: [CHECK_FORM_FLASH(t)], values, errors }, 422);
    }
    try {
      const unit = await addDepartment(c.var.deps, actor, parsed.data);
      return c.redirect(`/office/settings/units?added=${encodeURIComponent(unit.name)}#unit-${encodeURIComponent(unit.id)}`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || httpStatusOf(error) !== 409) throw error;
      const message = t(`标识“${parsed.data.id}”已被使用`, `The id "${parsed.data.id}" is taken`);
      return render(c, { messages: [{ kind: 'error', lines: [message] }], values, errors: { id: message } }, 409);
    }
  });
