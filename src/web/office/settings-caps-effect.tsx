// What a cap change does to the approval queue: the confirmation shown before a change that would
// strand waiting visits, and the list of waiting visits beyond their unit's caps on the caps page.
import type { QuotaLimits } from '../../domain/types.js';
import type { VisitBeyondCaps } from '../../services/caps-effect.js';
import { kindLabel, visitStatusLabel } from '../../views/labels.js';
import { CsrfField, Layout, type PageContext } from '../../views/layout.js';
import { problemMessages } from '../../views/problem-messages.js';

export interface Names {
  unitName: (id: string) => string;
  regionName: (id: string) => string;
}

export function BeyondCapsTable(props: { page: PageContext; rows: VisitBeyondCaps[]; names: Names }) {
  const { t, lang } = props.page;
  return (
    <div class="table-wrap">
      <table class="cards">
        <thead>
          <tr>
            <th scope="col">{t('单位', 'Unit')}</th>
            <th scope="col">{t('考察', 'Visit')}</th>
            <th scope="col">{t('状态', 'Status')}</th>
            <th scope="col">{t('批准时将因此被拒', 'Approval would refuse it because')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map(({ visit, refusal }) => (
            <tr>
              <td data-label={t('单位', 'Unit')}>{props.names.unitName(visit.unitId)}</td>
              <td data-label={t('考察', 'Visit')}>
                <a href={`/visits/${encodeURIComponent(visit.id)}`}>
                  {props.names.regionName(visit.regionId)} · {visit.startDate} {t('至', 'to')} {visit.endDate} · {kindLabel(visit.kind, t)}{' '}
                  {visit.headcount} {t('人', 'people')} · {visit.leaderName}
                </a>
              </td>
              <td data-label={t('状态', 'Status')}>{visitStatusLabel(visit.status, t)}</td>
              <td data-label={t('原因', 'Reason')}>{problemMessages(refusal, lang).join(';')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The waiting visits of the year beyond their caps, on the caps page (empty: nothing shown). */
export function BeyondCapsSection(props: { page: PageContext; year: number; rows: VisitBeyondCaps[]; names: Names }) {
  const { t } = props.page;
  if (props.rows.length === 0) return null;
  return (
    <section id="beyond" class="card" aria-labelledby="beyond-heading">
      <h2 id="beyond-heading">
        {t(`超出上限、无法批准的待审批考察(${props.rows.length})`, `Waiting visits beyond their caps (${props.rows.length})`)}
      </h2>
      <p class="hint">
        {t(
          `按审批队列的顺序(先到先批)计算:这些 ${props.year} 年度的考察在现行上限下批准时会被拒绝。可提高该单位的上限,或与单位沟通撤回、改期。`,
          `Counted in the approval queue's order (earliest first): approving these ${props.year} visits under the current caps would be refused. Raise the unit's caps, or ask the unit to withdraw or move them.`,
        )}
      </p>
      <BeyondCapsTable page={props.page} rows={props.rows} names={props.names} />
    </section>
  );
}

const LIMIT_LABELS = {
  maxBatches: { zh: '年度批次上限', en: 'Batches a year' },
  maxHeadcountPerBatch: { zh: '每批人数上限', en: 'People per batch' },
  maxPersonTrips: { zh: '年度人次上限', en: 'Person-trips a year' },
} as const;

/**
 * Before saving caps that would strand waiting visits: what would happen, with a button that
 * posts the same values again confirmed, and a way back without saving.
 */
export function ConfirmCapsPage(props: {
  page: PageContext;
  year: number;
  /** Who the caps are for, in words ("全年默认" or the unit's name). */
  scopeName: string;
  /** The new caps; null when a unit's own caps are removed (the default applies again). */
  limits: QuotaLimits | null;
  action: string;
  stranded: VisitBeyondCaps[];
  names: Names;
}) {
  const { page, limits } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t('确认修改年度上限', 'Confirm the new caps')}>
      <div class="alert warn" role="status">
        {t(
          `保存后,${props.scopeName} ${props.year} 年度有 ${props.stranded.length} 项待审批考察将超出上限,批准时会被拒绝:`,
          `After saving, ${props.stranded.length} waiting ${props.year} visit(s) of ${props.scopeName} would be beyond the caps and refused at approval:`,
        )}
      </div>
      {limits ? (
        <dl class="facts">
          {(Object.keys(LIMIT_LABELS) as (keyof QuotaLimits)[]).map((key) => (
            <>
              <dt>{t(LIMIT_LABELS[key].zh, LIMIT_LABELS[key].en)}</dt>
              <dd>{limits[key]}</dd>
            </>
          ))}
        </dl>
      ) : (
        <p>{t('恢复为全年默认上限。', "Back to the year's default caps.")}</p>
      )}
      <BeyondCapsTable page={page} rows={props.stranded} names={props.names} />
      <form method="post" action={props.action} class="actions">
        <CsrfField page={page} />
        <input type="hidden" name="year" value={String(props.year)} />
        <input type="hidden" name="confirm" value="1" />
        {limits
          ? (Object.keys(LIMIT_LABELS) as (keyof QuotaLimits)[]).map((key) => (
              <input type="hidden" name={key} value={String(limits[key])} />
            ))
          : null}
        <button type="submit" class="danger">
          {t('仍然保存', 'Save anyway')}
        </button>
        <a class="button secondary" href={`/office/settings/caps?year=${props.year}`}>
          {t('不保存,返回', 'Go back without saving')}
        </a>
      </form>
    </Layout>
  );
}
