// Annual caps (/office/settings/caps?year=YYYY): the year's default for every unit and one
// override per unit, with each unit's usage. Validated with the API's LimitsSchema and saved by
// the same services as PUT /api/v1/quotas/{year}[/units/{unitId}].
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { Actor } from '../../domain/actor.js';
import type { QuotaLimits } from '../../domain/types.js';
import { YearParamSchema } from '../../schemas/common.js';
import { LimitsSchema } from '../../schemas/quotas.js';
import { notFound } from '../../services/errors.js';
import { allUnitQuotas, type QuotaReport, saveDefaultLimits, saveUnitLimits, yearDefaultLimits } from '../../services/quotas.js';
import { unitById } from '../../services/reference.js';
import { CsrfField, Layout, type Flash, type PageContext } from '../../views/layout.js';
import { formFields, pageContext } from '../page.js';
import { webUser } from '../session.js';
import {
  CHECK_FORM_FLASH,
  checkForm,
  formWholeNumber,
  Input,
  localIssues,
  savedFlash,
  yearFromQuery,
  type FieldErrors,
} from './form-fields.js';
import { SettingsNav, YearPicker } from './settings-nav.js';

const LIMIT_FIELDS = [
  { key: 'maxBatches', zh: '年度批次上限', en: 'Batches a year' },
  { key: 'maxHeadcountPerBatch', zh: '每批人数上限', en: 'People per batch' },
  { key: 'maxPersonTrips', zh: '年度人次上限', en: 'Person-trips a year' },
] as const;

/** A form sent back: which one ('default' or a unit id), what was typed, and what is wrong. */
interface CapsAttempt {
  scope: string;
  values: Record<string, string>;
  errors: FieldErrors;
}

type UnitCaps = QuotaReport & { name: string };

function valuesOf(limits: QuotaLimits, attempt: CapsAttempt | undefined, scope: string): Record<string, string> {
  if (attempt?.scope === scope) return attempt.values;
  return {
    maxBatches: String(limits.maxBatches),
    maxHeadcountPerBatch: String(limits.maxHeadcountPerBatch),
    maxPersonTrips: String(limits.maxPersonTrips),
  };
}

function sameLimits(a: QuotaLimits, b: QuotaLimits): boolean {
  return a.maxBatches === b.maxBatches && a.maxHeadcountPerBatch === b.maxHeadcountPerBatch && a.maxPersonTrips === b.maxPersonTrips;
}

function CapsPage(props: {
  page: PageContext;
  year: number;
  defaults: QuotaLimits;
  units: UnitCaps[];
  messages: Flash[];
  attempt?: CapsAttempt;
}) {
  const { page, year, attempt } = props;
  const { t } = page;
  const defaults = valuesOf(props.defaults, attempt, 'default');
  const errorsFor = (scope: string) => (attempt?.scope === scope ? attempt.errors : {});
  return (
    <Layout page={page} title={t(`${year} 年度上限`, `Annual caps ${year}`)} messages={props.messages}>
      <SettingsNav page={page} />
      <YearPicker page={page} action="/office/settings/caps" year={year} />
      <form method="post" action="/office/settings/caps/default" class="card">
        <h2>{t('全年默认上限(适用于未单独设定的单位)', "The year's default (for every unit without its own)")}</h2>
        <CsrfField page={page} />
        <input type="hidden" name="year" value={String(year)} />
        <div class="row">
          {LIMIT_FIELDS.map((f) => (
            <Input
              id={`default-${f.key}`}
              name={f.key}
              label={t(f.zh, f.en)}
              type="number"
              min={0}
              value={defaults[f.key] ?? ''}
              error={errorsFor('default')[f.key]}
              required
            />
          ))}
        </div>
        <div class="actions">
          <button type="submit">{t('保存默认上限', 'Save the default')}</button>
        </div>
      </form>
      <h2>{t('各单位上限与使用情况', "Each unit's caps and usage")}</h2>
      <p class="hint">{t('已用数计入待衔接、已衔接和已批准的考察。', 'Usage counts submitted, coordinated and approved visits.')}</p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('单位', 'Unit')}</th>
              {LIMIT_FIELDS.map((f) => (
                <th scope="col">{t(f.zh, f.en)}</th>
              ))}
              <th scope="col">{t('已用批次', 'Batches used')}</th>
              <th scope="col">{t('已用人次', 'Person-trips used')}</th>
              <th scope="col">{t('保存', 'Save')}</th>
            </tr>
          </thead>
          <tbody>
            {props.units.map((u) => {
              const formId = `cap-${u.unitId}`;
              const values = valuesOf(u.limits, attempt, u.unitId);
              const errors = errorsFor(u.unitId);
              return (
                <tr id={`unit-${u.unitId}`}>
                  <th scope="row">
                    {u.name}
                    <br />
                    <span class="hint">{sameLimits(u.limits, props.defaults) ? t('同默认', 'as default') : t('单独设定', 'own caps')}</span>
                  </th>
                  {LIMIT_FIELDS.map((f) => (
                    <td>
                      <Input
                        id={`${formId}-${f.key}`}
                        name={f.key}
                        form={formId}
                        hiddenLabel
                        label={`${u.name} ${t(f.zh, f.en)}`}
                        type="number"
                        min={0}
                        value={values[f.key] ?? ''}
                        error={errors[f.key]}
                        required
                      />
                    </td>
                  ))}
                  <td>{t(`${u.used.batches}(剩余 ${u.remaining.batches})`, `${u.used.batches} (${u.remaining.batches} left)`)}</td>
                  <td>
                    {t(`${u.used.personTrips}(剩余 ${u.remaining.personTrips})`, `${u.used.personTrips} (${u.remaining.personTrips} left)`)}
                  </td>
                  <td>
                    <form id={formId} method="post" action={`/office/settings/caps/units/${encodeURIComponent(u.unitId)}`}>
                      <CsrfField page={page} />
                      <input type="hidden" name="year" value={String(year)} />
                      <button type="submit" class="secondary">
                        {t('保存', 'Save')}
                        <span class="visually-hidden"> {u.name}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

async function renderCaps(
  c: Context<AppEnv>,
  actor: Actor,
  view: { year: number; messages: Flash[]; attempt?: CapsAttempt },
  status: 200 | 422 = 200,
) {
  const { deps } = c.var;
  const { year, messages, attempt } = view;
  const [defaults, reports] = await Promise.all([yearDefaultLimits(deps, year), allUnitQuotas(deps, actor, year)]);
  return c.html(
    <CapsPage page={pageContext(c)} year={year} defaults={defaults} units={reports} messages={messages} attempt={attempt} />,
    status,
  );
}

/** The year and limits of a posted form, checked with the API's schemas. */
async function readCapsForm(c: Context<AppEnv>, scope: string) {
  const form = await formFields(c);
  const { t } = pageContext(c);
  const year = YearParamSchema.safeParse(form.year);
  const limits = checkForm(LimitsSchema, Object.fromEntries(LIMIT_FIELDS.map((f) => [f.key, formWholeNumber(form[f.key])])));
  const values = Object.fromEntries(LIMIT_FIELDS.map((f) => [f.key, form[f.key] ?? '']));
  return {
    year: year.success ? year.data : yearFromQuery(c),
    limits: year.success && limits.success ? limits.data : undefined,
    attempt: { scope, values, errors: limits.success ? {} : localIssues(limits.error, t) },
  };
}

export const capsSettingsPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const actor = webUser(c, 'office');
    return renderCaps(c, actor, { year: yearFromQuery(c), messages: savedFlash(c, pageContext(c)) });
  })
  .post('/default', async (c) => {
    const actor = webUser(c, 'office');
    const { year, limits, attempt } = await readCapsForm(c, 'default');
    if (!limits) return renderCaps(c, actor, { year, messages: [CHECK_FORM_FLASH(pageContext(c).t)], attempt }, 422);
    await saveDefaultLimits(c.var.deps, actor, { year, limits });
    return c.redirect(`/office/settings/caps?year=${year}&saved=1`, 303);
  })
  .post('/units/:unitId', async (c) => {
    const actor = webUser(c, 'office');
    const unitId = c.req.param('unitId');
    if (!(await unitById(c.var.deps, unitId))) throw notFound('unit');
    const { year, limits, attempt } = await readCapsForm(c, unitId);
    if (!limits) return renderCaps(c, actor, { year, messages: [CHECK_FORM_FLASH(pageContext(c).t)], attempt }, 422);
    await saveUnitLimits(c.var.deps, actor, { year, unitId, limits });
    return c.redirect(`/office/settings/caps?year=${year}&saved=1#unit-${encodeURIComponent(unitId)}`, 303);
  });
