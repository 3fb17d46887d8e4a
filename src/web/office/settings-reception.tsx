// Reception standards (/office/settings/reception): work meal per person, lodging per night per
// rank, and whether approval needs the official letter's scan. Validated with the API's
// ReceptionStandardsInputSchema and saved by saveReceptionStandards, exactly as
// PUT /api/v1/standards/reception.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { DEFAULT_RECEPTION_STANDARDS } from '../../domain/reception-rules.js';
import { ReceptionStandardsInputSchema } from '../../schemas/reception-standards.js';
import { currentReceptionStandards, type ReceptionStandards, saveReceptionStandards } from '../../services/reception-standards.js';
import { RANKS, rankLabel } from '../../views/labels.js';
import { CsrfField, Layout, type Flash } from '../../views/layout.js';
import { formFields, pageContext } from '../page.js';
import { webUser } from '../session.js';
import { CHECK_FORM_FLASH, checkForm, formWholeNumber, Input, localIssues, savedFlash, type FieldErrors } from './form-fields.js';
import { SettingsNav } from './settings-nav.js';

const MEAL_FIELD = 'workMealPerPersonYuan';
const LETTER_SCAN_FIELD = 'requireLetterScan';
const lodgingField = (rank: string) => `lodging-${rank}`;

function valuesOf(standards: ReceptionStandards): Record<string, string> {
  const values: Record<string, string> = { [MEAL_FIELD]: String(standards.workMealPerPersonYuan) };
  for (const rank of RANKS) values[lodgingField(rank)] = String(standards.lodgingPerNightYuan[rank]);
  if (standards.requireLetterScan) values[LETTER_SCAN_FIELD] = 'on';
  return values;
}

async function renderStandards(
  c: Context<AppEnv>,
  messages: Flash[],
  attempt?: { values: Record<string, string>; errors: FieldErrors },
  status: 200 | 422 = 200,
) {
  const page = pageContext(c);
  const { t } = page;
  const { standards, valueJson } = await currentReceptionStandards(c.var.deps);
  const values = attempt?.values ?? valuesOf(standards);
  const errors = attempt?.errors ?? {};
  const d = DEFAULT_RECEPTION_STANDARDS;
  const defaults = t(
    `工作餐每人 ${d.workMealPerPersonYuan} 元;住宿每晚 省部级 ${d.lodgingPerNightYuan.provincial} 元、厅局级 ${d.lodgingPerNightYuan.departmental} 元、县处级 ${d.lodgingPerNightYuan.county} 元、其他 ${d.lodgingPerNightYuan.other} 元`,
    `work meal ${d.workMealPerPersonYuan} yuan a person; lodging a night: provincial ${d.lodgingPerNightYuan.provincial}, departmental ${d.lodgingPerNightYuan.departmental}, county ${d.lodgingPerNightYuan.county}, other ${d.lodgingPerNightYuan.other} yuan`,
  );
  return c.html(
    <Layout page={page} title={t('公务接待标准', 'Reception standards')} messages={messages}>
      <SettingsNav page={page} />
      <div class={valueJson === null ? 'alert warn' : 'hint'} role="note">
        {valueJson === null
          ? t(
              '当前使用系统预置的占位数值,并非正式标准,请按本省规定设置。',
              'The shipped placeholder amounts are in force; they are not official standards. Set the province’s own.',
            )
          : t('系统预置的数值仅为占位。', 'The shipped amounts are placeholders only.')}{' '}
        {t(`预置值:${defaults}。`, `Placeholders: ${defaults}.`)}
      </div>
      <form method="post" action="/office/settings/reception" class="card">
        <CsrfField page={page} />
        <h2>{t('工作餐', 'Work meal')}</h2>
        <Input
          id={MEAL_FIELD}
          name={MEAL_FIELD}
          label={t('每人标准(元)', 'Per person (yuan)')}
          type="number"
          min={0}
          value={values[MEAL_FIELD] ?? ''}
          error={errors[MEAL_FIELD]}
          required
        />
        <h2>{t('住宿(每间每晚,元)', 'Lodging (a room a night, yuan)')}</h2>
        <div class="row">
          {RANKS.map((rank) => (
            <Input
              id={lodgingField(rank)}
              name={lodgingField(rank)}
              label={rankLabel(rank, t)}
              type="number"
              min={0}
              value={values[lodgingField(rank)] ?? ''}
              error={errors[lodgingField(rank)]}
              required
            />
          ))}
        </div>
        <h2>{t('公函扫描件', "Official letter's scan")}</h2>
        <div class="check">
          <input
            id={LETTER_SCAN_FIELD}
            name={LETTER_SCAN_FIELD}
            type="checkbox"
            checked={values[LETTER_SCAN_FIELD] === 'on'}
            aria-describedby={`${LETTER_SCAN_FIELD}-hint`}
          />
          <label for={LETTER_SCAN_FIELD}>{t('批准前须上传公函扫描件', "Require the official letter's scan before approval")}</label>
        </div>
        <p class="hint" id={`${LETTER_SCAN_FIELD}-hint`}>
          {t(
            '勾选后,公务接待须在“文件”中上传类别为“公函”的扫描件(PDF、图片或 OFD),方可批准。',
            'When ticked, a reception can be approved only once a document of kind "official letter" (PDF, image or OFD) is uploaded.',
          )}
        </p>
        <p class="hint">
          {t(
            '新标准适用于此后登记或批准的接待;待审批的接待在批准时按新标准重新核验。',
            'New standards apply to receptions registered or approved from now on; pending ones are re-checked when approved.',
          )}
        </p>
        <div class="actions">
          <button type="submit">{t('保存标准', 'Save the standards')}</button>
        </div>
      </form>
    </Layout>,
    status,
  );
}

export const receptionSettingsPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    webUser(c, 'office');
    return renderStandards(c, savedFlash(c, pageContext(c)));
  })
  .post('/', async (c) => {
    const actor = webUser(c, 'office');
    const { t } = pageContext(c);
    const form = await formFields(c);
    const parsed = checkForm(ReceptionStandardsInputSchema, {
      workMealPerPersonYuan: formWholeNumber(form[MEAL_FIELD]),
      lodgingPerNightYuan: Object.fromEntries(RANKS.map((rank) => [rank, formWholeNumber(form[lodgingField(rank)])])),
      // A checkbox sends nothing when unticked: the form always says which it is.
      requireLetterScan: form[LETTER_SCAN_FIELD] === 'on',
    });
    if (!parsed.success) {
      const byPath = localIssues(parsed.error, t);
      const errors: FieldErrors = {};
      for (const [path, message] of Object.entries(byPath)) {
        errors[path.startsWith('lodgingPerNightYuan.') ? lodgingField(path.slice('lodgingPerNightYuan.'.length)) : path] = message;
      }
      return renderStandards(c, [CHECK_FORM_FLASH(t)], { values: form, errors }, 422);
    }
    await saveReceptionStandards(c.var.deps, actor, parsed.data);
    return c.redirect('/office/settings/reception?saved=1', 303);
  });
