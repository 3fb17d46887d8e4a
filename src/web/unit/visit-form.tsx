// The visit form (booking and editing) and its "next free windows" finder. Works without
// JavaScript: the finder is a second submit button that GETs the form back with slots listed,
// and each slot is a link that re-renders the form with its dates (app.js fills them in place).
import type { Child } from 'hono/jsx';
import type { DateRange } from '../../domain/types.js';
import { kindLabel } from '../../views/labels.js';
import { CsrfField, type PageContext } from '../../views/layout.js';
import { Field, Select, TextArea, type FieldErrors, type FormValues } from './fields.js';
import { regionOptions, type RegionsById } from './context.js';

export const NEW_VISIT_PATH = '/unit/visits/new';

export function VisitForm(props: {
  page: PageContext;
  action: string;
  values: FormValues;
  errors: FieldErrors;
  regions: RegionsById;
  submitLabel: string;
  idempotencyKey?: string;
  /** Shown after the dates: the slot finder on the booking form. */
  afterDates?: Child;
}) {
  const { page, values, errors } = props;
  const { t } = page;
  return (
    <form method="post" action={props.action} class="card visit-form" novalidate>
      <CsrfField page={page} />
      {props.idempotencyKey && <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />}
      <div class="row">
        <Select
          name="regionId"
          label={t('受援地', 'Region')}
          value={values.regionId}
          options={regionOptions(props.regions, t)}
          blank={t('请选择', 'Choose')}
          errors={errors}
          required
        />
        <Select
          name="kind"
          label={t('类型', 'Kind')}
          value={values.kind || 'inspection'}
          options={(['inspection', 'condolence'] as const).map((k) => ({ value: k, label: kindLabel(k, t) }))}
          errors={errors}
          required
        />
      </div>
      <div class="row">
        <Field name="startDate" type="date" label={t('开始日期', 'First day')} value={values.startDate} errors={errors} required />
        <Field name="endDate" type="date" label={t('结束日期', 'Last day')} value={values.endDate} errors={errors} required />
        <Field name="headcount" type="number" min={1} label={t('人数', 'Headcount')} value={values.headcount} errors={errors} required />
      </div>
      {props.afterDates}
      <div class="row">
        <Field name="leaderName" label={t('带队领导', 'Leader')} value={values.leaderName} errors={errors} autocomplete="off" required />
        <Field name="leaderTitle" label={t('领导职务', 'Leader’s title')} value={values.leaderTitle} errors={errors} autocomplete="off" />
      </div>
      <TextArea name="purpose" label={t('考察目的', 'Purpose')} value={values.purpose} errors={errors} required />
      <div class="row" data-condolence-only>
        <Field
          name="cadresVisited"
          type="number"
          min={0}
          label={t('慰问干部人数', 'Cadres visited')}
          hint={t('仅慰问活动填写', 'Condolence visits only')}
          value={values.cadresVisited}
          errors={errors}
        />
        <Field
          name="consolationYuan"
          type="number"
          min={0}
          label={t('慰问金(元)', 'Consolation (yuan)')}
          hint={t('仅慰问活动填写', 'Condolence visits only')}
          value={values.consolationYuan}
          errors={errors}
        />
      </div>
      <div class="actions">
        <button type="submit">{props.submitLabel}</button>
        <a href="/unit/visits">{t('返回我的考察', 'Back to my visits')}</a>
      </div>
    </form>
  );
}

/** Query string for the booking form with these values (never the CSRF token or the form key). */
export function bookingFormHref(values: FormValues, dates?: DateRange): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (key === '_csrf' || key === 'idempotencyKey' || value === '') continue;
    query.set(key, value);
  }
  if (dates) {
    query.set('startDate', dates.startDate);
    query.set('endDate', dates.endDate);
  }
  return `${NEW_VISIT_PATH}?${query.toString()}`;
}

export function SlotFinder(props: { page: PageContext; values: FormValues; errors: FieldErrors; slots: DateRange[] | null }) {
  const { t } = props.page;
  const { slots, values } = props;
  return (
    <section class="slot-finder" aria-labelledby="slot-finder-title">
      <h2 id="slot-finder-title">{t('下一个可用日期', 'Next free windows')}</h2>
      <p class="hint">
        {t(
          '选择受援地,填写人数和天数(或开始、结束日期)后查找:从开始日期(未填则从今天)起,列出现在预约即可通过的最早日期。',
          'Choose the region, enter the headcount and the number of days (or the dates), then search: the earliest dates from the first day (or today) that a booking would pass right now.',
        )}
      </p>
      <div class="row">
        <Field name="days" type="number" min={1} max={31} label={t('天数', 'Days')} value={values.days} errors={props.errors} />
      </div>
      <div class="actions">
        <button type="submit" class="secondary" formmethod="get" formaction={NEW_VISIT_PATH} formnovalidate>
          {t('查找可用日期', 'Find free dates')}
        </button>
      </div>
      {slots !== null &&
        (slots.length === 0 ? (
          <p role="status">{t('一年内没有符合条件的日期。', 'No window fits within the next year.')}</p>
        ) : (
          <ul class="slots" aria-label={t('可用日期', 'Free windows')}>
            {slots.map((slot) => (
              <li>
                <a
                  class="button secondary"
                  href={bookingFormHref(values, slot)}
                  data-slot-start={slot.startDate}
                  data-slot-end={slot.endDate}
                >
                  {t(`${slot.startDate} 至 ${slot.endDate}`, `${slot.startDate} to ${slot.endDate}`)}
                </a>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
