// The buttons on a visit row: edit, withdraw, cancel with a reason. Which ones show follows the
// workflow table (domain/workflow.ts); the service checks again when the form is posted.
import type { VisitRow } from '../../services/visit-reads.js';
import { EDITABLE_VISIT_STATUSES, VISIT_TRANSITIONS } from '../../domain/workflow.js';
import { CsrfField, type PageContext } from '../../views/layout.js';

export function VisitRowActions(props: { page: PageContext; visit: VisitRow }) {
  const { page, visit } = props;
  const { t } = page;
  const path = `/unit/visits/${encodeURIComponent(visit.id)}`;
  const reasonId = `cancel-reason-${visit.id}`;
  return (
    <div class="row-actions">
      <a href={`/visits/${encodeURIComponent(visit.id)}`}>{t('详情', 'Details')}</a>
      {(visit.status === 'rejected' || visit.status === 'withdrawn') && (
        <a href={`/unit/visits/new?from=${encodeURIComponent(visit.id)}`}>{t('修改后重新提交', 'Change and submit again')}</a>
      )}
      {EDITABLE_VISIT_STATUSES.includes(visit.status) && <a href={`${path}/edit`}>{t('修改', 'Edit')}</a>}
      <a href={`/visits/${encodeURIComponent(visit.id)}#documents`}>{t('文件', 'Documents')}</a>
      {VISIT_TRANSITIONS.withdraw.from.includes(visit.status) && (
        <form
          method="post"
          action={`${path}/withdraw`}
          data-confirm={t('确定撤回这次考察预约吗?撤回后名额随即释放。', 'Withdraw this booking? Its place is released at once.')}
        >
          <CsrfField page={page} />
          <input type="hidden" name="year" value={String(visit.year)} />
          <button type="submit" class="secondary">
            {t('撤回', 'Withdraw')}
          </button>
        </form>
      )}
      {VISIT_TRANSITIONS.cancel.from.includes(visit.status) && (
        <form method="post" action={`${path}/cancel`} data-confirm={t('确定取消这次已批准的考察吗?', 'Cancel this approved visit?')}>
          <CsrfField page={page} />
          <input type="hidden" name="year" value={String(visit.year)} />
          <label for={reasonId}>{t('取消原因', 'Reason')}</label>
          <input id={reasonId} name="reason" maxlength={2000} required />
          <button type="submit" class="danger">
            {t('取消考察', 'Cancel the visit')}
          </button>
        </form>
      )}
    </div>
  );
}
