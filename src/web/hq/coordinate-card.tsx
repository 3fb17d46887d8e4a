// One submitted visit on the coordination desk: its facts, any balance warning, and the form
// that records the HQ's opinion with 同意 / 不同意.
import { errorAttributes, FieldError } from '../../views/components/field-error.js';
import { VisitFactRows } from '../../views/components/visit-facts.js';
import { kindLabel } from '../../views/labels.js';
import { CsrfField, type PageContext } from '../../views/layout.js';
import { problemMessages } from '../../views/problem-messages.js';
import type { QueuedVisit } from './queue-data.js';
import { dateRange } from './labels.js';

export const OPINION_MAX_LENGTH = 2000;

/** The opinion typed and the error to show when the form comes back for this visit. */
export interface OpinionDraft {
  visitId: string;
  opinion: string;
  error?: string;
}

export function CoordinateCard(props: { page: PageContext; item: QueuedVisit; unitName: string; draft?: OpinionDraft }) {
  const { page, item, unitName } = props;
  const { t } = page;
  const v = item.visit;
  const fieldId = `opinion-${v.id}`;
  const errorId = `${fieldId}-error`;
  const draft = props.draft?.visitId === v.id ? props.draft : undefined;
  return (
    <article class="card" aria-labelledby={`visit-${v.id}-title`}>
      <h3 id={`visit-${v.id}-title`}>
        <a href={`/visits/${encodeURIComponent(v.id)}`}>{unitName}</a> · {kindLabel(v.kind, t)} ·{' '}
        <span class="nowrap">{dateRange(v.startDate, v.endDate, t)}</span>
      </h3>
      <dl class="facts">
        <VisitFactRows visit={v} t={t} />
      </dl>
      {item.warnings.map((w) => (
        <p class="alert warn">{problemMessages({ ...w }, page.lang)[0]}</p>
      ))}
      <form method="post" action={`/hq/visits/${v.id}/coordinate`}>
        <CsrfField page={page} />
        <label for={fieldId}>
          {t('衔接意见', 'Coordination opinion')}{' '}
          <span class="hint">{t('(同意时可不填;不同意时须说明原因)', '(optional when agreeing; say why when disagreeing)')}</span>
        </label>
        <textarea id={fieldId} name="opinion" maxlength={OPINION_MAX_LENGTH} {...errorAttributes(errorId, draft?.error)}>
          {draft?.opinion ?? ''}
        </textarea>
        <FieldError id={errorId} error={draft?.error} />
        <div class="actions">
          <button type="submit" name="decision" value="agree">
            {t('同意', 'Agree')}
          </button>
          <button type="submit" name="decision" value="disagree" class="danger">
            {t('不同意', 'Disagree')}
          </button>
        </div>
      </form>
    </article>
  );
}
