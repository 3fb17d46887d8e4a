// Region rules (/office/settings/regions): per region the delegations a day, the days between
// arrivals and the blackout periods (remove ticked ones, add one). Validated with the API's
// RegionRulesSchema and saved by saveRegionRules, as PUT /api/v1/regions/{id}/rules does.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { hasShippedRules, SHIPPED_REGION_RULES } from '../../domain/capacity.js';
import type { Blackout } from '../../domain/types.js';
import { AppError } from '../../services/errors.js';
import { RegionRulesSchema } from '../../schemas/reference.js';
import { allRegions, type RegionView } from '../../services/reference.js';
import { MAX_BLACKOUT_DAYS, saveRegionRules } from '../../services/region-rules.js';
import type { Translate } from '../../views/i18n.js';
import { CsrfField, Layout, type Flash, type PageContext } from '../../views/layout.js';
import { formFields, formList, pageContext, problemFlash } from '../page.js';
import { webUser } from '../session.js';
import { CHECK_FORM_FLASH, checkForm, formWholeNumber, Input, localIssues, savedFlash, type FieldErrors } from './form-fields.js';
import { SettingsNav } from './settings-nav.js';
import { httpStatusOf } from '../../http/problem.js';

const NEW_FIELDS = { startDate: 'newStartDate', endDate: 'newEndDate', reason: 'newReason' } as const;

/** A region's form sent back: the blackouts it listed, the ticks, what was typed, what is wrong. */
interface RegionAttempt {
  regionId: string;
  blackouts: Blackout[];
  removed: string[];
  values: Record<string, string>;
  errors: FieldErrors;
}

function RegionForm(props: { page: PageContext; region: RegionView; attempt?: RegionAttempt }) {
  const { page, region, attempt } = props;
  const { t } = page;
  const id = region.id;
  const values = attempt?.values ?? {
    maxConcurrentDelegations: String(region.rules.maxConcurrentDelegations),
    minGapDays: String(region.rules.minGapDays),
  };
  const errors = attempt?.errors ?? {};
  const blackouts = attempt?.blackouts ?? region.rules.blackouts;
  return (
    <form method="post" action={`/office/settings/regions/${encodeURIComponent(id)}`} class="card" id={`region-${id}`}>
      <h2>
        {region.name} <span class="hint">{region.hqName}</span>
      </h2>
      <CsrfField page={page} />
      <div class="row">
        <Input
          id={`${id}-maxConcurrentDelegations`}
          name="maxConcurrentDelegations"
          label={t('每天最多接待批次', 'Delegations a day at most')}
          type="number"
          min={1}
          value={values.maxConcurrentDelegations ?? ''}
          error={errors.maxConcurrentDelegations}
          required
        />
        <Input
          id={`${id}-minGapDays`}
          name="minGapDays"
          label={t('抵达最小间隔(天)', 'Days between arrivals at least')}
          type="number"
          min={0}
          value={values.minGapDays ?? ''}
          error={errors.minGapDays}
          required
        />
      </div>
      <h3>{t('暂停接待期', 'Blackout periods')}</h3>
      {blackouts.length === 0 ? (
        <p class="muted">{t('暂无。', 'None.')}</p>
      ) : (
        <div class="table-wrap">
          <table class="cards">
            <thead>
              <tr>
                <th scope="col">{t('开始', 'From')}</th>
                <th scope="col">{t('结束', 'To')}</th>
                <th scope="col">{t('原因', 'Reason')}</th>
                <th scope="col">{t('删除', 'Remove')}</th>
              </tr>
            </thead>
            <tbody>
              {blackouts.map((b, i) => (
                <tr>
                  <td data-label={t('开始', 'From')}>{b.startDate}</td>
                  <td data-label={t('结束', 'To')}>{b.endDate}</td>
                  <td data-label={t('原因', 'Reason')}>{b.reason}</td>
                  <td data-label={t('删除', 'Remove')}>
                    <input type="hidden" name="blackoutStartDate" value={b.startDate} />
                    <input type="hidden" name="blackoutEndDate" value={b.endDate} />
                    <input type="hidden" name="blackoutReason" value={b.reason} />
                    <label for={`${id}-remove-${i}`} class="visually-hidden">
                      {t(`删除 ${b.startDate} 至 ${b.endDate}`, `Remove ${b.startDate} to ${b.endDate}`)}
                    </label>
                    <input
                      type="checkbox"
                      id={`${id}-remove-${i}`}
                      name="remove"
                      value={String(i)}
                      checked={attempt?.removed.includes(String(i))}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('新增暂停接待期', 'Add a blackout period')}</h3>
      <div class="row">
        <Input
          id={`${id}-${NEW_FIELDS.startDate}`}
          name={NEW_FIELDS.startDate}
          label={t('开始日期', 'From')}
          type="date"
          value={values[NEW_FIELDS.startDate] ?? ''}
          error={errors[NEW_FIELDS.startDate]}
        />
        <Input
          id={`${id}-${NEW_FIELDS.endDate}`}
          name={NEW_FIELDS.endDate}
          label={t('结束日期', 'To')}
          type="date"
          value={values[NEW_FIELDS.endDate] ?? ''}
          error={errors[NEW_FIELDS.endDate]}
        />
        <Input
          id={`${id}-${NEW_FIELDS.reason}`}
          name={NEW_FIELDS.reason}
          label={t('原因', 'Reason')}
          value={values[NEW_FIELDS.reason] ?? ''}
          error={errors[NEW_FIELDS.reason]}
          maxlength={200}
        />
      </div>
      <div class="actions">
        <button type="submit">{t(`保存${region.name}的规则`, `Save the rules for ${region.nameEn}`)}</button>
      </div>
    </form>
  );
}

/** The shipped rules are placeholders, as the reception standards' amounts are: say so, loudly while some region still has them. */
function PlaceholderNote(props: { page: PageContext; regions: RegionView[] }) {
  const { t } = props.page;
  const untouched = props.regions.filter((r) => hasShippedRules(r.rules));
  const shipped = SHIPPED_REGION_RULES;
  const values = t(
    `每天最多 ${shipped.maxConcurrentDelegations} 批、不限抵达间隔、无暂停接待期`,
    `${shipped.maxConcurrentDelegations} delegations a day, no gap between arrivals, no blackouts`,
  );
  return (
    <div class={untouched.length > 0 ? 'alert warn' : 'hint'} role="note">
      {untouched.length > 0
        ? t(
            `${untouched.map((r) => r.name).join('、')}仍在使用系统预置的占位规则(${values}),并非各受援地的实际接待能力,请与前方指挥部核实后设置。`,
            `${untouched.map((r) => r.nameEn).join(', ')} still use the shipped placeholder rules (${values}), not the region's real capacity; set them with the HQ.`,
          )
        : t(`系统预置的规则(${values})仅为占位。`, `The shipped rules (${values}) are placeholders only.`)}
    </div>
  );
}

async function renderRegions(c: Context<AppEnv>, messages: Flash[], attempt?: RegionAttempt, status: 200 | 422 = 200) {
  const page = pageContext(c);
  const regions = await allRegions(c.var.deps);
  return c.html(
    <Layout page={page} title={page.t('受援地接待规则', 'Region rules')} messages={messages}>
      <SettingsNav page={page} />
      <p class="hint">
        {page.t(
          '考察团在受援地的任何一天不得超过每天最多接待批次;两批抵达日期至少相隔最小间隔天数;暂停接待期内不安排考察。',
          'No day may have more delegations than the limit; arrivals are at least the gap apart; blackout periods take no visits.',
        )}
      </p>
      <PlaceholderNote page={page} regions={regions} />
      {regions.map((region) => (
        <RegionForm page={page} region={region} attempt={attempt?.regionId === region.id ? attempt : undefined} />
      ))}
    </Layout>,
    status,
  );
}

/** Errors by schema path → by form field: the added blackout's fields have their own names. */
function formErrors(errors: FieldErrors, newIndex: number | null, t: Translate): { fields: FieldErrors; others: string[] } {
  const fields: FieldErrors = {};
  const others: string[] = [];
  for (const [path, message] of Object.entries(errors)) {
    const match = /^blackouts\.(\d+)\.(startDate|endDate|reason)$/.exec(path);
    const text = /at most \d+ days/.test(message)
      ? t(`暂停接待期最长 ${MAX_BLACKOUT_DAYS} 天`, `A blackout may last at most ${MAX_BLACKOUT_DAYS} days`)
      : message;
    if (match && Number(match[1]) === newIndex) fields[NEW_FIELDS[match[2] as keyof typeof NEW_FIELDS]] = text;
    else if (path === 'maxConcurrentDelegations' || path === 'minGapDays') fields[path] = text;
    else others.push(`${path}: ${text}`);
  }
  return { fields, others };
}

export const regionSettingsPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    webUser(c, 'office');
    return renderRegions(c, savedFlash(c, pageContext(c)));
  })
  .post('/:regionId', async (c) => {
    const actor = webUser(c, 'office');
    const page = pageContext(c);
    const regionId = c.req.param('regionId');
    const form = await formFields(c);
    const [starts, ends, reasons, removed] = await Promise.all(
      ['blackoutStartDate', 'blackoutEndDate', 'blackoutReason', 'remove'].map((n) => formList(c, n)),
    );
    const listed: Blackout[] = (starts ?? []).map((startDate, i) => ({ startDate, endDate: ends?.[i] ?? '', reason: reasons?.[i] ?? '' }));
    const kept = listed.filter((_, i) => !removed?.includes(String(i)));
    const added = { startDate: form.newStartDate ?? '', endDate: form.newEndDate ?? '', reason: form.newReason ?? '' };
    const adding = Object.values(added).some((v) => v.trim() !== '');
    const blackouts = adding ? [...kept, added] : kept;
    const newIndex = adding ? blackouts.length - 1 : null;
    const attempt = (errors: FieldErrors): RegionAttempt => ({ regionId, blackouts: listed, removed: removed ?? [], values: form, errors });

    const parsed = checkForm(RegionRulesSchema, {
      maxConcurrentDelegations: formWholeNumber(form.maxConcurrentDelegations),
      minGapDays: formWholeNumber(form.minGapDays),
      blackouts,
    });
    if (!parsed.success) {
      const { fields, others } = formErrors(localIssues(parsed.error, page.t), newIndex, page.t);
      const flash = CHECK_FORM_FLASH(page.t);
      return renderRegions(c, [{ ...flash, lines: [...flash.lines, ...others] }], attempt(fields), 422);
    }
    try {
      await saveRegionRules(c.var.deps, actor, { regionId, rules: parsed.data });
    } catch (error) {
      if (!(error instanceof AppError) || httpStatusOf(error) !== 422) throw error;
      const { flash, fieldErrors } = problemFlash(error, page);
      const { fields, others } = formErrors(fieldErrors, newIndex, page.t);
      return renderRegions(c, [{ ...flash, lines: [...flash.lines, ...others] }], attempt(fields), 422);
    }
    return c.redirect(`/office/settings/regions?saved=1#region-${encodeURIComponent(regionId)}`, 303);
  });
