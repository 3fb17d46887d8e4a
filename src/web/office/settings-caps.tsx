// Annual caps (/office/settings/caps?year=YYYY): the year's default for every unit and one
// override per unit, with each unit's usage. Validated with the API's LimitsSchema and saved by
// the same services as PUT /api/v1/quotas/{year}[/units/{unitId}].
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { Actor } from '../../domain/actor.js';
import { YearParamSchema } from '../../schemas/common.js';
import { LimitsSchema } from '../../schemas/quotas.js';
import { notFound } from '../../services/errors.js';
import { type CapsChange, capsChangeEffect, visitsBeyondCaps } from '../../services/caps-effect.js';
import {
  allUnitQuotas,
  resetUnitLimits,
  saveDefaultLimits,
  saveUnitLimits,
  yearDefaultIsSet,
  yearDefaultLimits,
} from '../../services/quotas.js';
import { referenceNames, unitById } from '../../services/reference.js';
import type { Flash } from '../../views/layout.js';
import { formFields, pageContext, yearPageStatus } from '../page.js';
import { webUser } from '../session.js';
import { CHECK_FORM_FLASH, checkForm, formWholeNumber, localIssues, namesById, savedFlash, yearFromQuery } from './form-fields.js';
import { ConfirmCapsPage, type Names } from './settings-caps-effect.js';
import { type CapsAttempt, CapsPage, LIMIT_FIELDS } from './settings-caps-view.js';

async function renderCaps(
  c: Context<AppEnv>,
  actor: Actor,
  view: { year: number; messages: Flash[]; attempt?: CapsAttempt },
  status: 200 | 422 = 200,
) {
  const { deps } = c.var;
  const { year, messages, attempt } = view;
  const [defaults, defaultsSet, reports, beyond, names] = await Promise.all([
    yearDefaultLimits(deps, year),
    yearDefaultIsSet(deps, year),
    allUnitQuotas(deps, actor, year),
    visitsBeyondCaps(deps, actor, year),
    namesOf(c),
  ]);
  return c.html(
    <CapsPage
      page={pageContext(c)}
      year={year}
      defaults={defaults}
      defaultsSet={defaultsSet}
      units={reports}
      messages={messages}
      attempt={attempt}
      beyond={beyond}
      names={names}
    />,
    status,
  );
}

async function namesOf(c: Context<AppEnv>): Promise<Names> {
  const { regions, units } = await referenceNames(c.var.deps);
  return { unitName: namesById(units), regionName: namesById(regions) };
}

/**
 * A change that would strand waiting visits is shown first and saved only when posted again with
 * `confirm=1`; anything else is saved at once. Null when saved (the caller redirects).
 */
async function confirmFirst(
  c: Context<AppEnv>,
  actor: Actor,
  view: { year: number; change: CapsChange; scopeName: string; action: string; confirmed: boolean },
) {
  if (view.confirmed) return null;
  const stranded = await capsChangeEffect(c.var.deps, actor, { year: view.year, change: view.change });
  if (stranded.length === 0) return null;
  return c.html(
    <ConfirmCapsPage
      page={pageContext(c)}
      year={view.year}
      scopeName={view.scopeName}
      limits={view.change.limits}
      action={view.action}
      stranded={stranded}
      names={await namesOf(c)}
    />,
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
    confirmed: form.confirm === '1',
    attempt: { scope, values, errors: limits.success ? {} : localIssues(limits.error, t) },
  };
}

export const capsSettingsPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const actor = webUser(c, 'office');
    return renderCaps(c, actor, { year: yearFromQuery(c), messages: savedFlash(c, pageContext(c)) }, yearPageStatus(c));
  })
  .post('/default', async (c) => {
    const actor = webUser(c, 'office');
    const { year, limits, attempt, confirmed } = await readCapsForm(c, 'default');
    const { t } = pageContext(c);
    if (!limits) return renderCaps(c, actor, { year, messages: [CHECK_FORM_FLASH(t)], attempt }, 422);
    const action = '/office/settings/caps/default';
    const scopeName = t('全年默认上限适用的单位', 'the units on the default caps');
    const confirmation = await confirmFirst(c, actor, { year, change: { scope: 'default', limits }, scopeName, action, confirmed });
    if (confirmation) return confirmation;
    await saveDefaultLimits(c.var.deps, actor, { year, limits });
    return c.redirect(`/office/settings/caps?year=${year}&saved=1`, 303);
  })
  .post('/units/:unitId', async (c) => {
    const actor = webUser(c, 'office');
    const unitId = c.req.param('unitId');
    const unit = await unitById(c.var.deps, unitId);
    if (!unit) throw notFound('unit');
    const { year, limits, attempt, confirmed } = await readCapsForm(c, unitId);
    if (!limits) return renderCaps(c, actor, { year, messages: [CHECK_FORM_FLASH(pageContext(c).t)], attempt }, 422);
    const action = `/office/settings/caps/units/${encodeURIComponent(unitId)}`;
    const change: CapsChange = { scope: 'unit', unitId, limits };
    const confirmation = await confirmFirst(c, actor, { year, change, scopeName: unit.name, action, confirmed });
    if (confirmation) return confirmation;
    await saveUnitLimits(c.var.deps, actor, { year, unitId, limits });
    return c.redirect(`/office/settings/caps?year=${year}&saved=1#unit-${encodeURIComponent(unitId)}`, 303);
  })
  .post('/units/:unitId/reset', async (c) => {
    const actor = webUser(c, 'office');
    const unitId = c.req.param('unitId');
    const unit = await unitById(c.var.deps, unitId);
    if (!unit) throw notFound('unit');
    const form = await formFields(c);
    const parsedYear = YearParamSchema.safeParse(form.year);
    const year = parsedYear.success ? parsedYear.data : yearFromQuery(c);
    const action = `/office/settings/caps/units/${encodeURIComponent(unitId)}/reset`;
    const change: CapsChange = { scope: 'unit', unitId, limits: null };
    const confirmation = await confirmFirst(c, actor, { year, change, scopeName: unit.name, action, confirmed: form.confirm === '1' });
    if (confirmation) return confirmation;
    await resetUnitLimits(c.var.deps, actor, { year, unitId });
    return c.redirect(`/office/settings/caps?year=${year}&saved=1#unit-${encodeURIComponent(unitId)}`, 303);
  });
