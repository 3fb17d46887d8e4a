// The office's approval queue: coordinated visits (earliest first) with a bulk approve and a
// reject-with-reason per visit, then the visits still waiting for their HQ (read only).
import type { Child } from 'hono/jsx';
import type { VisitRow, VisitWarning } from '../../services/visit-reads.js';
import { Pager, type PagerProps } from '../../views/components/pager.js';
import { kindLabel } from '../../views/labels.js';
import { CsrfField, Layout, type Flash, type PageContext } from '../../views/layout.js';
import { problemMessages } from '../../views/problem-messages.js';
import { RejectReasonForm, type RejectAttempt } from './reject-form.js';
import { WorkflowTerms } from '../../views/components/workflow-terms.js';

export interface QueueVisit {
  visit: VisitRow;
  unitName: string;
  regionName: string;
  warnings: VisitWarning[];
}

/** One list of the queue: a page of it, how many match in all, and the links to other pages. */
export interface QueueSection {
  rows: QueueVisit[];
  total: number;
  pager: Pick<PagerProps, 'first' | 'previous' | 'next'>;
}

export interface ApprovalQueueProps {
  page: PageContext;
  filters: Child;
  /** Absent when a filter value was refused (the form shows why). */
  coordinated?: QueueSection;
  submitted?: QueueSection;
  messages: Flash[];
  reject?: RejectAttempt;
}

const BULK_FORM = 'bulk-approve';

export function ApprovalQueuePage(props: ApprovalQueueProps) {
  const { page } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t('审批队列', 'Approval queue')} messages={props.messages}>
      <WorkflowTerms t={t} />
      {props.filters}
      {props.coordinated && <CoordinatedSection page={page} section={props.coordinated} reject={props.reject} />}
      {props.submitted && <SubmittedSection page={page} section={props.submitted} />}
    </Layout>
  );
}

function CoordinatedSection(props: { page: PageContext; section: QueueSection; reject?: RejectAttempt }) {
  const { page, section } = props;
  const { t } = page;
  return (
    <section aria-labelledby="coordinated-heading">
      <h2 id="coordinated-heading">
        {t('已衔接、待审批的考察', 'Coordinated visits awaiting approval')} ({section.total})
      </h2>
      {section.rows.length === 0 ? (
        <p class="muted">{t('暂无待审批的考察。', 'No visit awaits approval.')}</p>
      ) : (
        <>
          <div class="table-wrap">
            <table class="cards">
              <thead>
                <tr>
                  <th scope="col">
                    <label for="check-all" class="visually-hidden">
                      {t('全选', 'Select all')}
                    </label>
                    <input type="checkbox" id="check-all" data-check-all />
                  </th>
                  <VisitColumns page={page} />
                  <th scope="col">{t('前方指挥部意见', 'HQ opinion')}</th>
                  <th scope="col">{t('提示', 'Warnings')}</th>
                  <th scope="col">{t('驳回', 'Reject')}</th>
                </tr>
              </thead>
              <tbody>
                {section.rows.map((row) => (
                  <CoordinatedRow page={page} row={row} reject={props.reject} />
                ))}
              </tbody>
            </table>
          </div>
          <form id={BULK_FORM} method="post" action="/office/visits/approve" class="actions">
            <CsrfField page={page} />
            <button type="submit">{t('批准所选', 'Approve selected')}</button>
            <span class="hint">{t('批准时按当前年度上限重新核验。', 'Each approval is re-checked against the current caps.')}</span>
          </form>
        </>
      )}
      <Pager t={t} {...section.pager} label={t('待审批考察的翻页', 'Pages of visits awaiting approval')} />
    </section>
  );
}

function SubmittedSection(props: { page: PageContext; section: QueueSection }) {
  const { page, section } = props;
  const { t } = page;
  return (
    <section aria-labelledby="submitted-heading">
      <h2 id="submitted-heading">
        {t('待前方指挥部衔接', 'Waiting for HQ coordination')} ({section.total})
      </h2>
      {section.rows.length === 0 ? (
        <p class="muted">{t('暂无待衔接的考察。', 'No visit waits for its HQ.')}</p>
      ) : (
        <div class="table-wrap">
          <table class="cards">
            <thead>
              <tr>
                <VisitColumns page={page} />
                <th scope="col">{t('提示', 'Warnings')}</th>
              </tr>
            </thead>
            <tbody>
              {section.rows.map((row) => (
                <tr>
                  <VisitCells page={page} row={row} />
                  <td data-label={t('提示', 'Warnings')}>
                    <Warnings page={page} warnings={row.warnings} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager t={t} {...section.pager} label={t('待衔接考察的翻页', 'Pages of visits waiting for their HQ')} />
    </section>
  );
}

function VisitColumns(props: { page: PageContext }) {
  const { t } = props.page;
  return (
    <>
      <th scope="col" class="nowrap">
        {t('单位', 'Unit')}
      </th>
      <th scope="col" class="nowrap">
        {t('受援地', 'Region')}
      </th>
      <th scope="col">{t('日期', 'Dates')}</th>
      <th scope="col" class="nowrap">
        {t('人数', 'People')}
      </th>
      <th scope="col" class="nowrap">
        {t('类型', 'Kind')}
      </th>
      <th scope="col">{t('带队与事由', 'Leader and purpose')}</th>
    </>
  );
}

function VisitCells(props: { page: PageContext; row: QueueVisit }) {
  const { t } = props.page;
  const v = props.row.visit;
  return (
    <>
      <td class="nowrap" data-label={t('单位', 'Unit')}>
        <a href={`/visits/${encodeURIComponent(v.id)}`}>{props.row.unitName}</a>
      </td>
      <td class="nowrap" data-label={t('受援地', 'Region')}>
        {props.row.regionName}
      </td>
      <td class="nowrap" data-label={t('日期', 'Dates')}>
        <a href={`/visits/${encodeURIComponent(v.id)}`}>
          {v.startDate}
          <br />
          {t('至', 'to')} {v.endDate}
        </a>
      </td>
      <td data-label={t('人数', 'People')}>{v.headcount}</td>
      <td data-label={t('类型', 'Kind')}>
        {kindLabel(v.kind, t)}
        {v.kind === 'condolence' && (
          <span class="hint">
            <br />
            {t(
              `慰问干部 ${v.cadresVisited ?? 0} 人,慰问金 ${v.consolationYuan ?? 0} 元`,
              `${v.cadresVisited ?? 0} cadres, ${v.consolationYuan ?? 0} yuan`,
            )}
          </span>
        )}
      </td>
      <td data-label={t('带队与事由', 'Leader and purpose')}>
        {v.leaderName}
        {v.leaderTitle ? `(${v.leaderTitle})` : ''}
        <br />
        <span class="hint">{v.purpose}</span>
      </td>
    </>
  );
}

function CoordinatedRow(props: { page: PageContext; row: QueueVisit; reject?: RejectAttempt }) {
  const { page, row } = props;
  const { t } = page;
  const v = row.visit;
  return (
    <tr>
      <td data-label={t('选择', 'Select')}>
        <label for={`pick-${v.id}`} class="visually-hidden">
          {t(`选择 ${row.unitName} ${v.startDate} 的考察`, `Select ${row.unitName}, ${v.startDate}`)}
        </label>
        <input type="checkbox" id={`pick-${v.id}`} name="ids" value={v.id} form={BULK_FORM} />
      </td>
      <VisitCells page={page} row={row} />
      <td data-label={t('前方指挥部意见', 'HQ opinion')}>{v.coordinationOpinion ?? ''}</td>
      <td data-label={t('提示', 'Warnings')}>
        <Warnings page={page} warnings={row.warnings} />
      </td>
      <td data-label={t('驳回', 'Reject')}>
        <RejectReasonForm
          page={page}
          action={`/office/visits/${encodeURIComponent(v.id)}/reject`}
          inputId={`reason-${v.id}`}
          maxlength={2000}
          attempt={props.reject?.id === v.id ? props.reject : undefined}
        />
      </td>
    </tr>
  );
}

function Warnings(props: { page: PageContext; warnings: VisitWarning[] }) {
  if (props.warnings.length === 0) return <span class="muted">—</span>;
  return (
    <ul>
      {props.warnings.map((w) => (
        <li>{problemMessages({ ...w }, props.page.lang).join(' ')}</li>
      ))}
    </ul>
  );
}
