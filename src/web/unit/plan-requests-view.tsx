// The unit's annual plan page as drawn: what a plan request is, the form to file one, and the
// unit's requests of the year with their state (handlers: plan-requests.tsx).
import { Pager, type PagerProps } from '../../views/components/pager.js';
import { addDays } from '../../domain/dates.js';
import { MAX_VISIT_DAYS } from '../../domain/types.js';
import type { PlanRequestRow } from '../../services/plans.js';
import { YearPicker } from '../../views/components/year-picker.js';
import { kindLabel, PLAN_REQUEST_STATUS_WORDS, PRIORITY_WORDS, say } from '../../views/labels.js';
import { CsrfField, type Flash, Layout, type PageContext } from '../../views/layout.js';
import { type RegionsById, regionName, regionOptions } from './context.js';
import { Field, type FieldErrors, type FormValues, Select, TextArea } from './fields.js';

function RequestForm(props: { page: PageContext; year: number; regions: RegionsById; values: FormValues; errors: FieldErrors }) {
  const { page, year, values, errors } = props;
  const { t } = page;
  const v = (name: string, fallback = '') => values[name] ?? fallback;
  return (
    <form method="post" action="/unit/plan/requests" class="card" aria-labelledby="new-request">
      <h2 id="new-request">{t(`填报 ${year} 年度考察需求`, `File a wish for ${year}`)}</h2>
      <CsrfField page={page} />
      <input type="hidden" name="year" value={String(year)} />
      <div class="row">
        <Select
          name="regionId"
          label={t('受援地', 'Region')}
          errors={errors}
          required
          value={v('regionId')}
          blank={t('请选择', 'Choose')}
          options={regionOptions(props.regions, t)}
        />
        <Select
          name="kind"
          label={t('类型', 'Kind')}
          errors={errors}
          required
          value={v('kind', 'inspection')}
          options={[
            { value: 'inspection', label: t('考察', 'Inspection') },
            { value: 'condolence', label: t('慰问', 'Condolence') },
          ]}
        />
        <Field
          name="days"
          type="number"
          min={1}
          max={MAX_VISIT_DAYS}
          label={t('天数', 'Days')}
          errors={errors}
          required
          value={v('days')}
        />
        <Field name="headcount" type="number" min={1} label={t('人数', 'People')} errors={errors} required value={v('headcount')} />
      </div>
      <div class="row">
        <Field
          name="earliest"
          type="date"
          label={t('最早可出发', 'Earliest day')}
          hint={t(`须在 ${year} 年内`, `In ${year}`)}
          errors={errors}
          required
          value={v('earliest')}
          min={`${year}-01-01`}
          max={`${year}-12-31`}
        />
        <Field
          name="latest"
          type="date"
          label={t('最晚须返回', 'Latest day')}
          hint={t('考察须在最早与最晚日期之间(含)', 'The visit lies between the two days, both included')}
          errors={errors}
          required
          value={v('latest')}
          min={`${year}-01-01`}
          max={addDays(`${year}-12-31`, MAX_VISIT_DAYS - 1)}
        />
        <Field
          name="preferredStart"
          type="date"
          label={t('希望出发日期(可不填)', 'Preferred start (optional)')}
          errors={errors}
          value={v('preferredStart')}
        />
        <Select
          name="priority"
          label={t('优先级', 'Priority')}
          errors={errors}
          required
          value={v('priority', '2')}
          options={([1, 2, 3] as const).map((p) => ({ value: String(p), label: say(PRIORITY_WORDS[p], t) }))}
        />
      </div>
      <Field name="leaderName" label={t('带队领导', 'Leader')} errors={errors} required value={v('leaderName')} />
      <TextArea name="purpose" label={t('考察事由', 'Purpose')} errors={errors} required value={v('purpose')} />
      <div class="row" data-condolence-only>
        <Field
          name="cadresVisited"
          type="number"
          min={1}
          label={t('慰问干部人数', 'Cadres visited')}
          hint={t('慰问活动必填,至少 1 人', 'Condolence visits: at least 1')}
          errors={errors}
          value={v('cadresVisited')}
        />
        <Field
          name="consolationYuan"
          type="number"
          min={0}
          label={t('慰问金(元)', 'Consolation (yuan)')}
          hint={t('仅慰问活动填写', 'Condolence visits only')}
          errors={errors}
          value={v('consolationYuan')}
        />
      </div>
      <div class="actions">
        <button type="submit">{t('提交需求', 'File the wish')}</button>
      </div>
    </form>
  );
}

function RequestList(props: { page: PageContext; year: number; regions: RegionsById; requests: PlanRequestRow[] }) {
  const { page, year } = props;
  const { t } = page;
  if (props.requests.length === 0) return <p class="muted">{t(`${year} 年度还没有填报需求。`, `No wishes filed for ${year} yet.`)}</p>;
  return (
    <div class="table-wrap">
      <table class="cards">
        <thead>
          <tr>
            <th scope="col">{t('受援地', 'Region')}</th>
            <th scope="col">{t('类型', 'Kind')}</th>
            <th scope="col">{t('可安排时段', 'Window')}</th>
            <th scope="col">{t('天数 / 人数', 'Days / people')}</th>
            <th scope="col">{t('优先级', 'Priority')}</th>
            <th scope="col">{t('状态', 'State')}</th>
            <th scope="col">{t('操作', 'Actions')}</th>
          </tr>
        </thead>
        <tbody>
          {props.requests.map((r) => (
            <tr id={`request-${r.id}`}>
              <td data-label={t('受援地', 'Region')}>{regionName(props.regions, r.regionId, t)}</td>
              <td data-label={t('类型', 'Kind')}>{kindLabel(r.kind, t)}</td>
              <td data-label={t('可安排时段', 'Window')}>
                {r.earliest} {t('至', 'to')} {r.latest}
                {r.preferredStart ? (
                  <span class="hint"> {t(`(希望 ${r.preferredStart} 出发)`, `(prefers ${r.preferredStart})`)}</span>
                ) : null}
              </td>
              <td data-label={t('天数 / 人数', 'Days / people')}>
                {t(`${r.days} 天 / ${r.headcount} 人`, `${r.days} d / ${r.headcount}`)}
              </td>
              <td data-label={t('优先级', 'Priority')}>{say(PRIORITY_WORDS[r.priority as 1 | 2 | 3] ?? PRIORITY_WORDS[2], t)}</td>
              <td data-label={t('状态', 'State')}>
                {say(PLAN_REQUEST_STATUS_WORDS[r.status], t)}
                {r.visitId ? (
                  <>
                    {' '}
                    <a href={`/visits/${encodeURIComponent(r.visitId)}`}>{t('查看考察', 'See the visit')}</a>
                  </>
                ) : null}
              </td>
              <td data-label={t('操作', 'Actions')}>
                {r.status === 'open' ? (
                  <form
                    method="post"
                    action={`/unit/plan/requests/${encodeURIComponent(r.id)}/withdraw`}
                    data-confirm={t('确定撤回这项需求吗?', 'Withdraw this wish?')}
                  >
                    <CsrfField page={page} />
                    <input type="hidden" name="year" value={String(year)} />
                    <button type="submit" class="secondary">
                      {t('撤回', 'Withdraw')}
                    </button>
                  </form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PlanRequestsPage(props: {
  page: PageContext;
  year: number;
  regions: RegionsById;
  requests: PlanRequestRow[];
  pager: Omit<PagerProps, 't'>;
  values: FormValues;
  errors: FieldErrors;
  messages: Flash[];
}) {
  const { page, year } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t(`${year} 年度计划申报`, `Annual plan ${year}`)} messages={props.messages}>
      <p class="hint">
        {t(
          '统筹计划:各单位先填报下一年度希望安排的考察(时段、人数和优先级),省对口支援办统一编排日期,兼顾各单位年度额度和受援地接待能力。编排确定、转为考察之前,需求不占用任何额度。',
          "The annual plan: each unit files the visits it wishes to make (a window of days, the people, a priority); the office places them all at once within every unit's caps and each region's capacity. A wish uses no cap until it becomes a visit.",
        )}
      </p>
      <YearPicker page={page} action="/unit/plan" year={year} />
      <RequestForm page={page} year={year} regions={props.regions} values={props.values} errors={props.errors} />
      <h2>{t(`${year} 年度已填报的需求`, `Wishes filed for ${year}`)}</h2>
      <RequestList page={page} year={year} regions={props.regions} requests={props.requests} />
      <Pager t={page.t} {...props.pager} label={page.t('年度需求的翻页', 'Pages of wishes')} />
    </Layout>
  );
}
