// Rejecting with a reason, as the office does for visits and receptions: the form in the queue's
// row, and reading what it posted. A missing or too long reason comes back on that row's field
// with what was typed, so the office fixes it there.
import type { z } from 'zod';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { CsrfField, type PageContext } from '../../views/layout.js';
import { formFields, pageContext } from '../page.js';
import { checkForm, Input, localIssues } from './form-fields.js';

/** A reject (or cancel) form sent back with an error: its record, what was typed, and what is wrong. */
export interface RejectAttempt {
  id: string;
  reason: string;
  error: string;
  /** Which of a row's reason forms it was; a reject when absent. */
  decision?: 'reject' | 'cancel';
}

export function RejectReasonForm(props: {
  page: PageContext;
  action: string;
  inputId: string;
  maxlength: number;
  attempt?: RejectAttempt;
  /** The same form for cancelling an approved record with a reason. */
  decision?: 'reject' | 'cancel';
}) {
  const { page } = props;
  const { t } = page;
  const cancel = props.decision === 'cancel';
  const attempt = (props.attempt?.decision ?? 'reject') === (props.decision ?? 'reject') ? props.attempt : undefined;
  return (
    <form method="post" action={props.action}>
      <CsrfField page={page} />
      <Input
        id={props.inputId}
        name="reason"
        label={cancel ? t('取消原因', 'Reason for cancelling') : t('驳回理由', 'Reason for rejecting')}
        value={attempt?.reason ?? ''}
        error={attempt?.error}
        required
        maxlength={props.maxlength}
      />
      <button type="submit" class="danger">
        {cancel ? t('取消', 'Cancel') : t('驳回', 'Reject')}
      </button>
    </form>
  );
}

/** The reason posted for record `id`, checked with `schema`; or the attempt to show again. */
export async function readRejectReason(
  c: Context<AppEnv>,
  schema: z.ZodType<{ reason: string }>,
  id: string,
  decision: 'reject' | 'cancel' = 'reject',
): Promise<{ reason: string; attempt?: undefined } | { attempt: RejectAttempt }> {
  const { t } = pageContext(c);
  const form = await formFields(c);
  const parsed = checkForm(schema, { reason: form.reason ?? '' });
  if (parsed.success) return { reason: parsed.data.reason };
  return { attempt: { id, reason: form.reason ?? '', error: localIssues(parsed.error, t).reason ?? t('必填', 'Required'), decision } };
}
