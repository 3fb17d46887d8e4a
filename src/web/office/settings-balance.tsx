// Balance thresholds (/office/settings/balance): how far above or below a region's median a
// unit's condolence per cadre is flagged. Validated with BalanceThresholdsSchema and saved with
// saveBalanceThresholds, exactly as PUT /api/v1/standards/balance.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { DEFAULT_BALANCE_THRESHOLDS } from '../../domain/balance.js';
import { BalanceThresholdsSchema } from '../../schemas/balance.js';
import { balanceThresholds, saveBalanceThresholds } from '../../services/balance-thresholds.js';
import { CsrfField, Layout, type Flash } from '../../views/layout.js';
import { formFields, pageContext } from '../page.js';
import { webUser } from '../session.js';
import { CHECK_FORM_FLASH, checkForm, formDecimal, Input, localIssues, savedFlash, type FieldErrors } from './form-fields.js';
import { SettingsNav } from './settings-nav.js';

async function renderBalance(
  c: Context<AppEnv>,
  messages: Flash[],
  attempt?: { values: Record<string, string>; errors: FieldErrors },
  status: 200 | 422 = 200,
) {
  const page = pageContext(c);
  const { t } = page;
  const current = await balanceThresholds(c.var.deps);
  const values = attempt?.values ?? { overRatio: String(current.overRatio), underRatio: String(current.underRatio) };
  const errors = attempt?.errors ?? {};
  const d = DEFAULT_BALANCE_THRESHOLDS;
  return c.html(
    <Layout page={page} title={t('慰问平衡阈值', 'Balance thresholds')} messages={messages}>
      <SettingsNav page={page} />
      <p class="hint">
        {t(
          `按受援地比较各单位的人均慰问次数和人均慰问金:高于"偏高倍数 × 中位数"标为偏高(预约时提示),低于"偏低倍数 × 中位数"标为偏低。预置值 ${d.overRatio} 与 ${d.underRatio}。`,
          `Per region, units' condolence visits and money per cadre are compared: above "over × median" is flagged over (and warned at booking), below "under × median" is flagged under. Shipped values ${d.overRatio} and ${d.underRatio}.`,
        )}
      </p>
      <form method="post" action="/office/settings/balance" class="card">
        <CsrfField page={page} />
        <div class="row">
          <Input
            id="overRatio"
            name="overRatio"
            label={t('偏高倍数(大于 1)', 'Over ratio (more than 1)')}
            type="number"
            step="0.01"
            value={values.overRatio ?? ''}
            error={errors.overRatio}
            required
          />
          <Input
            id="underRatio"
            name="underRatio"
            label={t('偏低倍数(0 至 1 之间,0 表示不标偏低)', 'Under ratio (0 up to 1; 0 turns "under" off)')}
            type="number"
            step="0.01"
            min={0}
            value={values.underRatio ?? ''}
            error={errors.underRatio}
            required
          />
        </div>
        <div class="actions">
          <button type="submit">{t('保存阈值', 'Save the thresholds')}</button>
        </div>
      </form>
    </Layout>,
    status,
  );
}

export const balanceSettingsPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    webUser(c, 'office');
    return renderBalance(c, savedFlash(c, pageContext(c)));
  })
  .post('/', async (c) => {
    const actor = webUser(c, 'office');
    const { t } = pageContext(c);
    const form = await formFields(c);
    const parsed = checkForm(BalanceThresholdsSchema, { overRatio: formDecimal(form.overRatio), underRatio: formDecimal(form.underRatio) });
    if (!parsed.success) return renderBalance(c, [CHECK_FORM_FLASH(t)], { values: form, errors: localIssues(parsed.error, t) }, 422);
    await saveBalanceThresholds(c.var.deps, actor, parsed.data);
    return c.redirect('/office/settings/balance?saved=1', 303);
  });
