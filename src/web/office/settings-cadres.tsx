// The cadre roster (/office/settings/cadres?year=YYYY): seconded cadres per unit and region as a
// grid of numbers, saved as the whole year's roster. Validated with the API's CadreRosterBody and
// saved by saveCadreRoster, as PUT /api/v1/cadres/{year} does.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { Actor } from '../../domain/actor.js';
import { httpStatusOf } from '../../http/problem.js';
import { CadreRosterBody } from '../../schemas/balance.js';
import { YearParamSchema } from '../../schemas/common.js';
import { cadreRoster, saveCadreRoster } from '../../services/cadre-roster.js';
import { AppError } from '../../services/errors.js';
import { referenceNames } from '../../services/reference.js';
import { CsrfField, Layout, type Flash } from '../../views/layout.js';
import { formFields, pageContext, problemFlash, yearPageStatus } from '../page.js';
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

/** One input per unit and region; ids are lower-case letters, digits and hyphens, so `:` separates safely. */
const cellName = (unitId: string, regionId: string) => `cadres:${unitId}:${regionId}`;
const cellId = (unitId: string, regionId: string) => `cadres-${unitId}-${regionId}`;

async function renderCadres(
  c: Context<AppEnv>,
  actor: Actor,
  year: number,
  messages: Flash[],
  attempt?: { values: Record<string, string>; errors: FieldErrors },
  status: 200 | 422 = 200,
) {
  const page = pageContext(c);
  const { t } = page;
  const [{ units, regions }, { entries }] = await Promise.all([referenceNames(c.var.deps), cadreRoster(c.var.deps, actor, year)]);
  const stored = new Map(entries.map((e) => [cellName(e.unitId, e.regionId), String(e.count)]));
  const cellValue = (name: string) => (attempt ? (attempt.values[name] ?? '') : (stored.get(name) ?? ''));
  const totals = regions.map((r) => entries.filter((e) => e.regionId === r.id).reduce((sum, e) => sum + e.count, 0));
  return c.html(
    <Layout page={page} title={t(`${year} 年援派干部名册`, `Cadre roster ${year}`)} messages={messages}>
      <SettingsNav page={page} />
      <YearPicker page={page} action="/office/settings/cadres" year={year} />
      <p class="hint">
        {t(
          '填写各单位在各受援地的援派干部人数;空白或 0 表示没有。保存时替换整年名册。',
          'Seconded cadres per unit and region; blank or 0 means none. Saving replaces the whole year’s roster.',
        )}
      </p>
      <form method="post" action="/office/settings/cadres" class="card">
        <CsrfField page={page} />
        <input type="hidden" name="year" value={String(year)} />
        <div class="table-wrap">
          <table class="cards">
            <thead>
              <tr>
                <th scope="col">{t('单位', 'Unit')}</th>
                {regions.map((r) => (
                  <th scope="col">{r.name}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr>
                  <th scope="row">{u.name}</th>
                  {regions.map((r) => {
                    const name = cellName(u.id, r.id);
                    return (
                      <td data-label={r.name}>
                        <Input
                          id={cellId(u.id, r.id)}
                          name={name}
                          hiddenLabel
                          label={t(`${u.name}在${r.name}的干部人数`, `${u.name} cadres in ${r.nameEn}`)}
                          type="number"
                          min={0}
                          value={cellValue(name)}
                          error={attempt?.errors[name]}
                        />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('已保存合计', 'Saved total')}</th>
                {totals.map((n, i) => (
                  <td data-label={regions[i]?.name}>{n}</td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
        <div class="actions">
          <button type="submit">{t('保存名册', 'Save the roster')}</button>
        </div>
      </form>
    </Layout>,
    status,
  );
}

export const cadreSettingsPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const actor = webUser(c, 'office');
    return renderCadres(c, actor, yearFromQuery(c), savedFlash(c, pageContext(c)), undefined, yearPageStatus(c));
  })
  .post('/', async (c) => {
    const actor = webUser(c, 'office');
    const page = pageContext(c);
    const { t } = page;
    const form = await formFields(c);
    const parsedYear = YearParamSchema.safeParse(form.year);
    if (!parsedYear.success) return renderCadres(c, actor, yearFromQuery(c), [CHECK_FORM_FLASH(t)], { values: form, errors: {} }, 422);
    const year = parsedYear.data;
    const { units, regions } = await referenceNames(c.var.deps);
    // The grid's cells in order; blank and 0 mean "no cadres" (the API treats 0 like no entry).
    const cells = units.flatMap((u) => regions.map((r) => ({ unitId: u.id, regionId: r.id, name: cellName(u.id, r.id) })));
    const filled = cells.filter((cell) => {
      const count = formWholeNumber(form[cell.name]);
      return count !== undefined && count !== 0;
    });
    const parsed = checkForm(CadreRosterBody, {
      entries: filled.map((cell) => ({ unitId: cell.unitId, regionId: cell.regionId, count: formWholeNumber(form[cell.name]) })),
    });
    const toCells = (errors: FieldErrors): FieldErrors => {
      const out: FieldErrors = {};
      for (const [path, message] of Object.entries(errors)) {
        const cell = filled[Number(/^entries\.(\d+)/.exec(path)?.[1] ?? -1)];
        if (cell) out[cell.name] ??= message;
      }
      return out;
    };
    if (!parsed.success)
      return renderCadres(c, actor, year, [CHECK_FORM_FLASH(t)], { values: form, errors: toCells(localIssues(parsed.error, t)) }, 422);
    try {
      await saveCadreRoster(c.var.deps, actor, { year, entries: parsed.data.entries });
    } catch (error) {
      if (!(error instanceof AppError) || httpStatusOf(error) !== 422) throw error;
      const { flash, fieldErrors } = problemFlash(error, page);
      return renderCadres(c, actor, year, [flash], { values: form, errors: toCells(fieldErrors) }, 422);
    }
    return c.redirect(`/office/settings/cadres?year=${year}&saved=1`, 303);
  });
