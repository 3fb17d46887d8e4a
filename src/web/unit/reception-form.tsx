// The reception form (公务接待登记): the visit's facts, then rows for guests (reception-guests.tsx),
// the one work meal, lodging and activities. Blank rows are ignored on submit.
import { RANKS, rankLabel } from '../../views/labels.js';
import { CsrfField, type PageContext } from '../../views/layout.js';
import type { RegionsById } from './context.js';
import { regionOptions } from './context.js';
import { Field, Group, Select, TextArea, type FieldErrors, type FormValues } from './fields.js';
import { ACTIVITY_ROWS, LODGING_ROWS } from './reception-input.js';
import { GuestRows } from './reception-guests.js';

interface RowProps {
  page: PageContext;
  values: FormValues;
  errors: FieldErrors;
}

function rankOptions(page: PageContext) {
  return RANKS.map((rank) => ({ value: rank, label: rankLabel(rank, page.t) }));
}

const rows = (count: number) => Array.from({ length: count }, (_, i) => i);

function WorkMeal({ page, values, errors }: RowProps) {
  const { t } = page;
  return (
    <Group legend={t('工作餐(每次接待最多一次)', 'Work meal (at most one per reception)')}>
      <div class="row">
        <Field name="workMeal.date" type="date" label={t('用餐日期', 'Date')} value={values['workMeal.date']} errors={errors} />
        <Field
          name="workMeal.accompanyCount"
          type="number"
          min={0}
          label={t('陪餐人数', 'Accompanying diners')}
          hint={t(
            '来宾 10 人以内最多 3 人;超过 10 人的,不超过来宾人数的三分之一',
            'At most 3 for up to 10 guests, otherwise a third of the guests',
          )}
          value={values['workMeal.accompanyCount']}
          errors={errors}
        />
        <Field
          name="workMeal.costPerPersonYuan"
          type="number"
          min={0}
          label={t('人均标准(元)', 'Cost per person (yuan)')}
          value={values['workMeal.costPerPersonYuan']}
          errors={errors}
        />
      </div>
    </Group>
  );
}

function LodgingRows({ page, values, errors }: RowProps) {
  const { t } = page;
  return (
    <Group legend={t('住宿安排', 'Lodging')}>
      {rows(LODGING_ROWS).map((i) => (
        <div class="row">
          <Select
            name={`lodging.${i}.rank`}
            label={t(`第 ${i + 1} 行 级别`, `Line ${i + 1} rank`)}
            value={values[`lodging.${i}.rank`]}
            options={rankOptions(page)}
            blank="—"
            errors={errors}
          />
          <Field
            name={`lodging.${i}.rooms`}
            type="number"
            min={1}
            label={t(`第 ${i + 1} 行 房间数`, `Line ${i + 1} rooms`)}
            value={values[`lodging.${i}.rooms`]}
            errors={errors}
          />
          <Field
            name={`lodging.${i}.nights`}
            type="number"
            min={1}
            label={t(`第 ${i + 1} 行 晚数`, `Line ${i + 1} nights`)}
            value={values[`lodging.${i}.nights`]}
            errors={errors}
          />
          <Field
            name={`lodging.${i}.ratePerNightYuan`}
            type="number"
            min={0}
            label={t(`第 ${i + 1} 行 房价(元/晚)`, `Line ${i + 1} rate (yuan a night)`)}
            value={values[`lodging.${i}.ratePerNightYuan`]}
            errors={errors}
          />
        </div>
      ))}
    </Group>
  );
}

function ActivityRows({ page, values, errors }: RowProps) {
  const { t } = page;
  return (
    <Group legend={t('活动安排', 'Activities')}>
      {rows(ACTIVITY_ROWS).map((i) => (
        <div class="row">
          <Field
            name={`activities.${i}.date`}
            type="date"
            label={t(`活动 ${i + 1} 日期`, `Activity ${i + 1} date`)}
            value={values[`activities.${i}.date`]}
            errors={errors}
          />
          <Field
            name={`activities.${i}.description`}
            label={t(`活动 ${i + 1} 内容`, `Activity ${i + 1} description`)}
            value={values[`activities.${i}.description`]}
            errors={errors}
          />
          <Field
            name={`activities.${i}.place`}
            label={t(`活动 ${i + 1} 地点`, `Activity ${i + 1} place`)}
            value={values[`activities.${i}.place`]}
            errors={errors}
          />
        </div>
      ))}
    </Group>
  );
}

export function ReceptionForm(props: { page: PageContext; values: FormValues; errors: FieldErrors; regions: RegionsById }) {
  const { page, values, errors } = props;
  const { t } = page;
  return (
    <form method="post" action="/unit/receptions" class="reception-form" novalidate>
      <CsrfField page={page} />
      {/* Enter in a field submits with the form's first submit button: this hidden one, not a row's 删除. */}
      <button type="submit" hidden>
        {t('提交接待登记', 'Register the reception')}
      </button>
      <div class="card">
        <div class="row">
          <Select
            name="regionId"
            label={t('来访地区', 'Guests’ region')}
            value={values.regionId}
            options={regionOptions(props.regions, t)}
            blank={t('请选择', 'Choose')}
            errors={errors}
            required
          />
          <Field
            name="officialLetterRef"
            label={t('公函文号', 'Official letter reference')}
            hint={t('无公函不予接待', 'No official letter, no reception')}
            value={values.officialLetterRef}
            errors={errors}
            required
          />
        </div>
        <div class="row">
          <Field name="startDate" type="date" label={t('开始日期', 'First day')} value={values.startDate} errors={errors} required />
          <Field name="endDate" type="date" label={t('结束日期', 'Last day')} value={values.endDate} errors={errors} required />
          <Select
            name="leadRank"
            label={t('带队级别', 'Lead rank')}
            value={values.leadRank}
            options={rankOptions(page)}
            blank={t('请选择', 'Choose')}
            errors={errors}
            required
          />
        </div>
      </div>
      <GuestRows page={page} values={values} errors={errors} />
      <WorkMeal page={page} values={values} errors={errors} />
      <LodgingRows page={page} values={values} errors={errors} />
      <ActivityRows page={page} values={values} errors={errors} />
      <div class="card">
        <div class="row">
          <Field name="venue" label={t('接待地点', 'Venue')} value={values.venue} errors={errors} />
          <Field
            name="giftsYuan"
            type="number"
            min={0}
            label={t('礼品礼金(元)', 'Gifts (yuan)')}
            hint={t('按规定不得赠送礼金、礼品和纪念品,应为 0', 'Gifts are not allowed: this must be 0')}
            value={values.giftsYuan}
            errors={errors}
          />
        </div>
        <TextArea name="dietaryNotes" label={t('饮食禁忌', 'Dietary notes')} value={values.dietaryNotes} errors={errors} />
        <div class="actions">
          <button type="submit">{t('提交接待登记', 'Register the reception')}</button>
          <a href="/unit/receptions">{t('返回公务接待', 'Back to receptions')}</a>
        </div>
      </div>
    </form>
  );
}
