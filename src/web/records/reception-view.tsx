// The reception's page: its facts (guests, meal, lodging, activities), status, the office's
// reason, the history, the documents, and the actions this viewer may take (office: approve,
// reject; office or host unit: cancel), each posting to /receptions/{id}/<action>.
import { RECEPTION_TRANSITIONS, type ReceptionAction } from '../../services/receptions.js';
import type { ReceptionRecord } from '../../services/record-pages.js';
import { ReceptionStatusBadge } from '../../views/components/status-badge.js';
import { RECEPTION_STATUS_WORDS, rankLabel } from '../../views/labels.js';
import { CsrfField, type Flash, Layout, type PageContext } from '../../views/layout.js';
import { type ActionDraft, ReasonField } from './reason-field.js';
import { RecordTrail } from './record-trail.js';

export const RECEPTION_REASON_MAX_LENGTH = 1000;

export type ReceptionDraft = ActionDraft<ReceptionAction>;

export function ReceptionRecordPage(props: {
  page: PageContext;
  record: ReceptionRecord;
  messages?: Flash[];
  draft?: ReceptionDraft;
  /** A refused upload's message, shown by the documents form. */
  uploadError?: string;
}) {
  const { page, record } = props;
  const { t } = page;
  const r = record.reception;
  const region = t(record.regionName, record.regionNameEn);
  return (
    <Layout
      page={page}
      title={t(`公务接待:${record.unitName} 接待 ${region} 来宾`, `Reception: ${record.unitName} hosts guests from ${region}`)}
      messages={props.messages}
    >
      <section class="card" aria-labelledby="facts-heading">
        <h2 id="facts-heading">
          {t('基本情况', 'Details')} <ReceptionStatusBadge status={r.status} t={t} />
        </h2>
        <dl class="facts">
          <dt>{t('接待单位', 'Host unit')}</dt>
          <dd>{record.unitName}</dd>
          <dt>{t('来访地区', 'Guests from')}</dt>
          <dd>{region}</dd>
          <dt>{t('公函', 'Official letter')}</dt>
          <dd>{r.officialLetterRef}</dd>
          <dt>{t('日期', 'Dates')}</dt>
          <dd>
            {r.startDate} {t('至', 'to')} {r.endDate}
          </dd>
          <dt>{t('来宾', 'Guests')}</dt>
          <dd>
            {t(`${r.guestCount} 人`, `${r.guestCount}`)}
            {r.guests.length > 0 && (
              <ul>
                {r.guests.map((g) => (
                  <li>
                    {g.name} {g.title} <span class="muted">({rankLabel(g.rank, t)})</span>
                  </li>
                ))}
              </ul>
            )}
          </dd>
          {r.workMeal && (
            <>
              <dt>{t('工作餐', 'Work meal')}</dt>
              <dd>
                {r.workMeal.date} · {t(`陪餐 ${r.workMeal.accompanyCount} 人`, `${r.workMeal.accompanyCount} accompanying`)} ·{' '}
                {t(`每人 ${r.workMeal.costPerPersonYuan} 元`, `${r.workMeal.costPerPersonYuan} yuan per person`)}
              </dd>
            </>
          )}
          {r.lodging.length > 0 && (
            <>
              <dt>{t('住宿', 'Lodging')}</dt>
              <dd>
                {r.lodging
                  .map((l) =>
                    t(
                      `${rankLabel(l.rank, t)} ${l.rooms} 间 × ${l.nights} 晚,${l.ratePerNightYuan} 元/晚`,
                      `${rankLabel(l.rank, t)}: ${l.rooms} rooms × ${l.nights} nights at ${l.ratePerNightYuan} yuan`,
                    ),
                  )
                  .join(t(';', '; '))}
              </dd>
            </>
          )}
          {r.activities.length > 0 && (
            <>
              <dt>{t('活动安排', 'Activities')}</dt>
              <dd>
                <ul>
                  {r.activities.map((a) => (
                    <li>
                      {a.date} {a.description} · {a.place}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          {r.decisionReason && (
            <>
              <dt>{r.status === 'cancelled' ? t('取消原因', 'Reason for cancelling') : t('驳回理由', 'Reason for rejecting')}</dt>
              <dd id="decision-reason">{r.decisionReason}</dd>
            </>
          )}
        </dl>
        {page.user?.role !== 'hq' && (
          <p>
            <a
              href={
                page.user?.role === 'office'
                  ? `/office/receptions/${encodeURIComponent(r.id)}`
                  : `/unit/receptions/${encodeURIComponent(r.id)}/list`
              }
            >
              {t('接待清单(可打印)', 'Reception list (printable)')}
            </a>
          </p>
        )}
      </section>
      <ReceptionActions page={page} record={record} draft={props.draft} />
      <RecordTrail
        page={page}
        record={{ type: 'reception', id: record.reception.id }}
        history={record.history}
        documents={record.documents}
        statusWords={RECEPTION_STATUS_WORDS}
        uploadError={props.uploadError}
      />
    </Layout>
  );
}

function ReceptionActions(props: { page: PageContext; record: ReceptionRecord; draft?: ReceptionDraft }) {
  const { page, record, draft } = props;
  const { t } = page;
  const r = record.reception;
  const user = page.user;
  const party = user?.role === 'office' ? 'office' : user?.role === 'unit' && user.unitId === r.hostUnitId ? 'host' : null;
  const can = (action: ReceptionAction) =>
    party !== null && RECEPTION_TRANSITIONS[action].actors.includes(party) && RECEPTION_TRANSITIONS[action].from.includes(r.status);
  const path = `/receptions/${encodeURIComponent(r.id)}`;
  const reasonField = (action: ReceptionAction, label: string, required: boolean) => (
    <ReasonField
      page={page}
      action={action}
      name="reason"
      label={label}
      maxLength={RECEPTION_REASON_MAX_LENGTH}
      required={required}
      draft={draft}
    />
  );
  const forms = [
    can('approve') && (
      <form method="post" action={`${path}/approve`}>
        <CsrfField page={page} />
        <button type="submit">{t('批准', 'Approve')}</button>
      </form>
    ),
    can('reject') && (
      <form method="post" action={`${path}/reject`} data-confirm={t('确定驳回这次公务接待吗?', 'Reject this reception?')}>
        <CsrfField page={page} />
        {reasonField('reject', t('驳回理由', 'Reason for rejecting'), true)}
        <div class="actions">
          <button type="submit" class="danger">
            {t('驳回', 'Reject')}
          </button>
        </div>
      </form>
    ),
    can('cancel') && (
      <form method="post" action={`${path}/cancel`} data-confirm={t('确定取消这次公务接待吗?', 'Cancel this reception?')}>
        <CsrfField page={page} />
        {reasonField('cancel', t('取消原因(可选)', 'Reason (optional)'), false)}
        <div class="actions">
          <button type="submit" class="danger">
            {t('取消接待', 'Cancel the reception')}
          </button>
        </div>
      </form>
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
