// The visit's page: its facts, status, the HQ's opinion and the office's reason, the history, the
// documents, and the actions this viewer may take now (each a CSRF-protected form that posts to
// /visits/{id}/<action> and comes back here). Which actions show follows the workflow table; the
// service checks again when a form is posted.
import { actorsOf, EDITABLE_VISIT_STATUSES, mayPerform, VISIT_TRANSITIONS, type VisitAction } from '../../domain/workflow.js';
import type { VisitRecord } from '../../services/record-pages.js';
import { VisitStatusBadge } from '../../views/components/status-badge.js';
import { VisitFactRows } from '../../views/components/visit-facts.js';
import { kindLabel, VISIT_STATUS_WORDS } from '../../views/labels.js';
import { CsrfField, type Flash, Layout, type PageContext } from '../../views/layout.js';
import { problemMessages } from '../../views/problem-messages.js';
import { type ActionDraft, ReasonField } from './reason-field.js';
import { RecordTrail } from './record-trail.js';

export const REASON_MAX_LENGTH = 2000;

export type VisitDraft = ActionDraft<VisitAction>;

export function VisitRecordPage(props: {
  page: PageContext;
  record: VisitRecord;
  messages?: Flash[];
  draft?: VisitDraft;
  /** A refused upload's message, shown by the documents form. */
  uploadError?: string;
}) {
  const { page, record } = props;
  const { t } = page;
  const v = record.visit;
  const region = t(record.regionName, record.regionNameEn);
  return (
    <Layout
      page={page}
      title={t(`考察慰问:${record.unitName} → ${region}`, `Visit: ${record.unitName} → ${region}`)}
      messages={props.messages}
    >
      <section class="card" aria-labelledby="facts-heading">
        <h2 id="facts-heading">
          {t('基本情况', 'Details')} <VisitStatusBadge status={v.status} t={t} />
        </h2>
        <dl class="facts">
          <dt>{t('派出单位', 'Unit')}</dt>
          <dd>{record.unitName}</dd>
          <dt>{t('受援地', 'Region')}</dt>
          <dd>{region}</dd>
          <dt>{t('类型', 'Kind')}</dt>
          <dd>{kindLabel(v.kind, t)}</dd>
          <dt>{t('日期', 'Dates')}</dt>
          <dd>
            {v.startDate} {t('至', 'to')} {v.endDate}
          </dd>
          <VisitFactRows visit={v} t={t} />
          <dt>{t('前方指挥部意见', 'HQ opinion')}</dt>
          <dd id="hq-opinion">{v.coordinationOpinion ?? <span class="muted">{t('尚未衔接', 'Not coordinated yet')}</span>}</dd>
          {v.decisionReason && (
            <>
              <dt>{v.status === 'cancelled' ? t('取消原因', 'Reason for cancelling') : t('驳回理由', 'Reason for rejecting')}</dt>
              <dd id="decision-reason">{v.decisionReason}</dd>
            </>
          )}
        </dl>
        {record.warnings.map((w) => (
          <p class="alert warn">{problemMessages({ ...w }, page.lang)[0]}</p>
        ))}
      </section>
      <VisitActions page={page} record={record} draft={props.draft} />
      <RecordTrail
        page={page}
        record={{ type: 'visit', id: record.visit.id }}
        history={record.history}
        documents={record.documents}
        statusWords={VISIT_STATUS_WORDS}
        uploadError={props.uploadError}
      />
    </Layout>
  );
}

function VisitActions(props: { page: PageContext; record: VisitRecord; draft?: VisitDraft }) {
  const { page, record, draft } = props;
  const { t } = page;
  const v = record.visit;
  const parties = page.user ? actorsOf(page.user, v) : [];
  const can = (action: VisitAction) => mayPerform(action, parties) && VISIT_TRANSITIONS[action].from.includes(v.status);
  const path = `/visits/${encodeURIComponent(v.id)}`;
  const owner = parties.includes('owner');
  const forms = [
    can('coordinate') && (
      <form method="post" action={`${path}/coordinate`}>
        <CsrfField page={page} />
        <ReasonField
          page={page}
          action="coordinate"
          name="opinion"
          label={t('衔接意见(同意时可不填;不同意时须说明原因)', 'Coordination opinion (optional when agreeing; say why when disagreeing)')}
          maxLength={REASON_MAX_LENGTH}
          required={false}
          draft={draft}
        />
        <div class="actions">
          <button type="submit" name="decision" value="agree">
            {t('同意', 'Agree')}
          </button>
          <button type="submit" name="decision" value="disagree" class="danger">
            {t('不同意', 'Disagree')}
          </button>
        </div>
      </form>
    ),
    can('approve') && (
      <form method="post" action={`${path}/approve`}>
        <CsrfField page={page} />
        <button type="submit">{t('批准', 'Approve')}</button>
      </form>
    ),
    can('reject') && (
      <form method="post" action={`${path}/reject`} data-confirm={t('确定驳回这次考察吗?', 'Reject this visit?')}>
        <CsrfField page={page} />
        <ReasonField
          page={page}
          action="reject"
          name="reason"
          label={t('驳回理由', 'Reason for rejecting')}
          maxLength={REASON_MAX_LENGTH}
          required
          draft={draft}
        />
        <div class="actions">
          <button type="submit" class="danger">
            {t('驳回', 'Reject')}
          </button>
        </div>
      </form>
    ),
    owner && EDITABLE_VISIT_STATUSES.includes(v.status) && (
      <p>
        <a class="button secondary" href={`/unit/visits/${encodeURIComponent(v.id)}/edit`}>
          {t('修改预约', 'Edit the booking')}
        </a>
      </p>
    ),
    can('withdraw') && (
      <form
        method="post"
        action={`${path}/withdraw`}
        data-confirm={t('确定撤回这次考察预约吗?撤回后名额随即释放。', 'Withdraw this booking? Its place is released at once.')}
      >
        <CsrfField page={page} />
        <button type="submit" class="secondary">
          {t('撤回预约', 'Withdraw the booking')}
        </button>
      </form>
    ),
    can('cancel') && (
      <form method="post" action={`${path}/cancel`} data-confirm={t('确定取消这次已批准的考察吗?', 'Cancel this approved visit?')}>
        <CsrfField page={page} />
        <ReasonField
          page={page}
          action="cancel"
          name="reason"
          label={t('取消原因', 'Reason for cancelling')}
          maxLength={REASON_MAX_LENGTH}
          required
          draft={draft}
        />
        <div class="actions">
          <button type="submit" class="danger">
            {t('取消考察', 'Cancel the visit')}
          </button>
        </div>
      </form>
    ),
    owner && (v.status === 'rejected' || v.status === 'withdrawn') && (
      <p>
        <a class="button" href={`/unit/visits/new?from=${encodeURIComponent(v.id)}`}>
          {t('修改后重新提交', 'Change and submit again')}
        </a>
      </p>
    ),
  ].filter(Boolean);
  if (forms.length === 0) return null;
  return (
    <section class="card" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('办理', 'Actions')}</h2>
      {forms}
    </section>
  );
}
