// The annual caps page as drawn: the year's default, each unit's caps and usage (with a way back to
// the default), and the waiting visits beyond their caps. Handlers: settings-caps.tsx.
import { DEFAULT_QUOTA_LIMITS } from '../../domain/caps.js';
import type { QuotaLimits } from '../../domain/types.js';
import type { VisitBeyondCaps } from '../../services/caps-effect.js';
import type { QuotaReport } from '../../services/quotas.js';
import { CsrfField, type Flash, Layout, type PageContext } from '../../views/layout.js';
import { type FieldErrors, Input } from './form-fields.js';
import { BeyondCapsSection, type Names } from './settings-caps-effect.js';
import { SettingsNav, YearPicker } from './settings-nav.js';

export const LIMIT_FIELDS = [
  { key: 'maxBatches', zh: '年度批次上限', en: 'Batches a year' },
  { key: 'maxHeadcountPerBatch', zh: '每批人数上限', en: 'People per batch' },
  { key: 'maxPersonTrips', zh: '年度人次上限', en: 'Person-trips a year' },
] as const;

/** A form sent back: which one ('default' or a unit id), what was typed, and what is wrong. */
export interface CapsAttempt {
  scope: string;
  values: Record<string, string>;
  errors: FieldErrors;
}

export type UnitCaps = QuotaReport & { name: string; ownCaps: boolean };

function valuesOf(limits: QuotaLimits, attempt: CapsAttempt | undefined, scope: string): Record<string, string> {
  if (attempt?.scope === scope) return attempt.values;
  return {
    maxBatches: String(limits.maxBatches),
    maxHeadcountPerBatch: String(limits.maxHeadcountPerBatch),
    maxPersonTrips: String(limits.maxPersonTrips),
  };
}

export function CapsPage(props: {
  page: PageContext;
  year: number;
  defaults: QuotaLimits;
  /** False while the year's default is the shipped placeholder. */
  defaultsSet: boolean;
  units: UnitCaps[];
  messages: Flash[];
  attempt?: CapsAttempt;
  beyond: VisitBeyondCaps[];
  names: Names;
}) {
  const { page, year, attempt } = props;
  const { t } = page;
  const defaults = valuesOf(props.defaults, attempt, 'default');
  const errorsFor = (scope: string) => (attempt?.scope === scope ? attempt.errors : {});
  return (
    <Layout page={page} title={t(`${year} 年度上限`, `Annual caps ${year}`)} messages={props.messages}>
      <SettingsNav page={page} />
      <YearPicker page={page} action="/office/settings/caps" year={year} />
      <PlaceholderNote page={page} year={year} defaultsSet={props.defaultsSet} />
      <BeyondCapsSection page={page} year={year} rows={props.beyond} names={props.names} />
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
        <table class="cards">
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
                    <span class="hint">{u.ownCaps ? t('单独设定', 'own caps') : t('同默认', 'as default')}</span>
                  </th>
                  {LIMIT_FIELDS.map((f) => (
                    <td data-label={t(f.zh, f.en)}>
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
                  <td data-label={t('已用批次', 'Batches used')}>
                    {t(`${u.used.batches}(剩余 ${u.remaining.batches})`, `${u.used.batches} (${u.remaining.batches} left)`)}
                  </td>
                  <td data-label={t('已用人次', 'Person-trips used')}>
                    {t(`${u.used.personTrips}(剩余 ${u.remaining.personTrips})`, `${u.used.personTrips} (${u.remaining.personTrips} left)`)}
                  </td>
                  <td data-label={t('保存', 'Save')}>
                    <form id={formId} method="post" action={`/office/settings/caps/units/${encodeURIComponent(u.unitId)}`}>
                      <CsrfField page={page} />
                      <input type="hidden" name="year" value={String(year)} />
                      <button type="submit" class="secondary">
                        {t('保存', 'Save')}
                        <span class="visually-hidden"> {u.name}</span>
                      </button>
                    </form>
                    {u.ownCaps ? (
                      <form method="post" action={`/office/settings/caps/units/${encodeURIComponent(u.unitId)}/reset`}>
                        <CsrfField page={page} />
                        <input type="hidden" name="year" value={String(year)} />
                        <button type="submit" class="secondary">
                          {t('恢复默认', 'Back to default')}
                          <span class="visually-hidden"> {u.name}</span>
                        </button>
                      </form>
                    ) : null}
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

/** The shipped caps are placeholders, as the reception standards' amounts are: say so, loudly while they apply. */
function PlaceholderNote(props: { page: PageContext; year: number; defaultsSet: boolean }) {
  const { t } = props.page;
  const d = DEFAULT_QUOTA_LIMITS;
  const values = t(
    `每单位每年 ${d.maxBatches} 批、每批 ${d.maxHeadcountPerBatch} 人、${d.maxPersonTrips} 人次`,
    `${d.maxBatches} batches, ${d.maxHeadcountPerBatch} people a batch and ${d.maxPersonTrips} person-trips a unit a year`,
  );
  return (
    <div class={props.defaultsSet ? 'hint' : 'alert warn'} role="note">
      {props.defaultsSet
        ? t(`系统预置的上限(${values})仅为占位。`, `The shipped caps (${values}) are placeholders only.`)
        : t(
            `${props.year} 年度尚未设定默认上限,当前使用系统预置的占位数值(${values}),并非正式标准,请按本省规定设置。`,
            `No default caps are set for ${props.year}: the shipped placeholders (${values}) are in force; they are not official. Set the province's own.`,
          )}
    </div>
  );
}
