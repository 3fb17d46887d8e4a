// The office's reception queue: submitted receptions with their costs, how they fare against the
// standards in force now (approval re-checks them), and approve / reject-with-reason forms.
import type { QueueReception } from '../../services/reception-queue.js';
import { rankLabel } from '../../views/labels.js';
import { CsrfField, Layout, type Flash, type PageContext } from '../../views/layout.js';
import { problemMessages } from '../../views/problem-messages.js';
import { RejectReasonForm, type RejectAttempt } from './reject-form.js';

export function ReceptionQueuePage(props: { page: PageContext; rows: QueueReception[]; messages: Flash[]; reject?: RejectAttempt }) {
  const { page } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t('公务接待审批', 'Receptions awaiting approval')} messages={props.messages}>
      {props.rows.length === 0 ? (
        <p class="muted">{t('暂无待审批的公务接待。', 'No reception awaits approval.')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('接待单位', 'Host unit')}</th>
                <th scope="col">{t('来访地区', 'Region')}</th>
                <th scope="col">{t('公函', 'Official letter')}</th>
                <th scope="col">{t('日期', 'Dates')}</th>
                <th scope="col">{t('来宾', 'Guests')}</th>
                <th scope="col">{t('费用(元)', 'Costs (yuan)')}</th>
                <th scope="col">{t('按现行标准', 'Against current standards')}</th>
                <th scope="col">{t('审批', 'Decision')}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
                <ReceptionRow page={page} row={row} reject={props.reject?.id === row.reception.id ? props.reject : undefined} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

function ReceptionRow(props: { page: PageContext; row: QueueReception; reject?: RejectAttempt }) {
  const { page, row } = props;
  const { t } = page;
  const r = row.reception;
  const id = encodeURIComponent(r.id);
  return (
    <tr>
      <td>
        <a href={`/receptions/${id}`}>{row.hostUnitName}</a>
      </td>
      <td>{row.regionName}</td>
      <td>{r.officialLetterRef || <span class="muted">{t('(无)', '(none)')}</span>}</td>
      <td class="nowrap">
        {r.startDate}
        <br />
        {t('至', 'to')} {r.endDate}
      </td>
      <td>
        {t(`${r.guestCount} 人`, `${r.guestCount}`)}
        <br />
        <span class="hint">
          {t('带队', 'Lead')} {rankLabel(r.leadRank, t)}
        </span>
      </td>
      <td class="nowrap">
        {t('工作餐', 'Meal')} {row.totals.mealCostYuan}
        <br />
        {t('住宿', 'Lodging')} {row.totals.lodgingCostYuan}
        <br />
        <strong>
          {t('合计', 'Total')} {row.totals.totalYuan}
        </strong>
      </td>
      <td>
        {row.violations.length === 0 ? (
          t('符合', 'Within')
        ) : (
          <ul>
            {problemMessages({ code: 'RECEPTION_STANDARD_VIOLATED', violations: row.violations }, page.lang).map((line) => (
              <li>{line}</li>
            ))}
          </ul>
        )}
        <a href={`/office/receptions/${id}`}>{t('接待清单', 'Reception list')}</a>
        <br />
        <a href={`/receptions/${id}#documents`}>{t('文件(公函扫描件)', 'Documents (letter scan)')}</a>
      </td>
      <td>
        <form method="post" action={`/office/receptions/${id}/approve`}>
          <CsrfField page={page} />
          <button type="submit">{t('批准', 'Approve')}</button>
        </form>
        <RejectReasonForm
          page={page}
          action={`/office/receptions/${id}/reject`}
          inputId={`reception-reason-${r.id}`}
          maxlength={1000}
          attempt={props.reject}
        />
      </td>
    </tr>
  );
}
