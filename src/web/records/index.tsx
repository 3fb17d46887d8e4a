// One page per record for everyone allowed to see it (docs/API.md, "Record pages"):
// GET /visits/:id and /receptions/:id, and the actions posted from them. Each action goes through
// the same service as the API, then redirects back to the page (303); a refusal the viewer can
// act on (409, 422) shows the page again with the reason; 403 and 404 are the error page.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { VisitAction } from '../../domain/workflow.js';
import { httpStatusOf } from '../../http/problem.js';
import { AppError } from '../../services/errors.js';
import { receptionRecord, visitRecord } from '../../services/record-pages.js';
import { performReceptionTransition, type ReceptionAction } from '../../services/receptions.js';
import { performVisitAction } from '../../services/visits.js';
import { RECEPTION_STATUS_WORDS, VISIT_STATUS_WORDS, say, type Words } from '../../views/labels.js';
import type { Flash } from '../../views/layout.js';
import { formFields, pageContext } from '../page.js';
import { webUser } from '../session.js';
import { refusalFlash } from '../unit/context.js';
import { RECEPTION_REASON_MAX_LENGTH, type ReceptionDraft, ReceptionRecordPage } from './reception-view.js';
import { REASON_MAX_LENGTH, type VisitDraft, VisitRecordPage } from './visit-view.js';

const VISIT_DONE: Record<string, Words> = {
  agreed: {
    zh: '已记录衔接意见(同意),考察转省对口支援办审批。',
    en: 'Opinion recorded (agreed); the visit goes to the office for approval.',
  },
  disagreed: { zh: '已记录衔接意见(不同意),考察已退回。', en: 'Opinion recorded (disagreed); the visit is rejected.' },
  approve: { zh: '考察已批准。', en: 'The visit is approved.' },
  reject: { zh: '考察已驳回,派出单位将看到驳回理由。', en: 'The visit is rejected; the unit will see the reason.' },
  withdraw: { zh: '考察预约已撤回。', en: 'The visit is withdrawn.' },
  cancel: { zh: '考察已取消。', en: 'The visit is cancelled.' },
};

const RECEPTION_DONE: Record<string, Words> = {
  approve: { zh: '公务接待已批准。', en: 'The reception is approved.' },
  reject: { zh: '公务接待已驳回,接待单位将看到驳回理由。', en: 'The reception is rejected; the host unit will see the reason.' },
  cancel: { zh: '公务接待已取消。', en: 'The reception is cancelled.' },
};

function doneFlash(c: Context<AppEnv>, table: Record<string, Words>): Flash[] {
  const words = table[c.req.query('done') ?? ''];
  return words ? [{ kind: 'ok', lines: [say(words, pageContext(c).t)] }] : [];
}

/** The confirmation after an upload or a withdrawal came back here (?uploaded=<id>, ?withdrawn=1). */
function documentsDone(c: Context<AppEnv>, documents: readonly { id: string; filename: string }[]): Flash[] {
  const { t } = pageContext(c);
  const uploaded = documents.find((d) => d.id === c.req.query('uploaded'));
  if (uploaded) return [{ kind: 'ok', lines: [t(`已上传:${uploaded.filename}`, `Uploaded: ${uploaded.filename}`)] }];
  if (c.req.query('withdrawn'))
    return [{ kind: 'ok', lines: [t('文件已撤回(仍保存在年度档案中)。', 'The document is withdrawn (it stays in the year’s archive).')] }];
  return [];
}

/** What a record page may show beyond the record: messages, a refused action's draft, a refused upload. */
export interface RecordPageOptions<Draft> {
  messages?: Flash[];
  draft?: Draft;
  uploadError?: string;
  status?: 200 | 409 | 413 | 415 | 422;
}

export async function renderVisit(c: Context<AppEnv>, options: RecordPageOptions<VisitDraft> = {}, id = c.req.param('id') ?? '') {
  const record = await visitRecord(c.var.deps, webUser(c), id);
  const page = pageContext(c);
  const messages = [...(options.messages ?? []), ...documentsDone(c, record.documents.items)];
  return c.html(
    <VisitRecordPage page={page} record={record} messages={messages} draft={options.draft} uploadError={options.uploadError} />,
    options.status ?? 200,
  );
}

export async function renderReception(c: Context<AppEnv>, options: RecordPageOptions<ReceptionDraft> = {}, id = c.req.param('id') ?? '') {
  const record = await receptionRecord(c.var.deps, webUser(c), id);
  const page = pageContext(c);
  const messages = [...(options.messages ?? []), ...documentsDone(c, record.documents.items)];
  return c.html(
    <ReceptionRecordPage page={page} record={record} messages={messages} draft={options.draft} uploadError={options.uploadError} />,
    options.status ?? 200,
  );
}

/** A refusal the viewer can fix or needs to know (409, 422): the status and flash; anything else is rethrown. */
function refusal(c: Context<AppEnv>, error: unknown, words: Record<string, Words>): { flash: Flash; status: 409 | 422 } {
  if (!(error instanceof AppError)) throw error;
  const status = httpStatusOf(error);
  if (status !== 409 && status !== 422) throw error;
  return { flash: refusalFlash(error, pageContext(c), words).flash, status };
}

const VISIT_ACTIONS: readonly VisitAction[] = ['coordinate', 'approve', 'reject', 'withdraw', 'cancel'];
const RECEPTION_ACTIONS: readonly ReceptionAction[] = ['approve', 'reject', 'cancel'];

async function postVisitAction(c: Context<AppEnv>) {
  const user = webUser(c);
  const action = VISIT_ACTIONS.find((a) => a === c.req.param('action'));
  if (!action) return c.notFound();
  const id = c.req.param('id') ?? '';
  const { t } = pageContext(c);
  const form = await formFields(c);
  const text = ((action === 'coordinate' ? form.opinion : form.reason) ?? '').trim();
  const draft = (error?: string): VisitDraft => ({ action, text, error });
  // Agreeing needs no opinion; disagreeing, rejecting and cancelling tell the unit why.
  const needsText = (action === 'coordinate' && form.decision === 'disagree') || action === 'reject' || action === 'cancel';
  if ((needsText && !text) || text.length > REASON_MAX_LENGTH) {
    const error = text
      ? t(`最多 ${REASON_MAX_LENGTH} 字`, `At most ${REASON_MAX_LENGTH} characters`)
      : action === 'coordinate'
        ? t('不同意时请填写衔接意见,说明原因', 'Say why when you disagree')
        : t('请填写', 'Required');
    return renderVisit(c, {
      messages: [{ kind: 'error', lines: [t('请检查填写的内容', 'Please check the form')] }],
      draft: draft(error),
      status: 422,
    });
  }
  if (action === 'coordinate' && form.decision !== 'agree' && form.decision !== 'disagree') {
    return renderVisit(c, {
      messages: [{ kind: 'error', lines: [t('请选择“同意”或“不同意”', 'Choose Agree or Disagree')] }],
      draft: draft(),
      status: 422,
    });
  }
  const agree = form.decision === 'agree';
  try {
    await performVisitAction(c.var.deps, user, {
      id,
      action,
      agree: action === 'coordinate' ? agree : undefined,
      note: text || null,
      opinion: action === 'coordinate' ? text || null : undefined,
    });
  } catch (error) {
    const { flash, status } = refusal(c, error, VISIT_STATUS_WORDS);
    return renderVisit(c, { messages: [flash], draft: draft(), status });
  }
  const done = action === 'coordinate' ? (agree ? 'agreed' : 'disagreed') : action;
  return c.redirect(`/visits/${encodeURIComponent(id)}?done=${done}`, 303);
}

async function postReceptionAction(c: Context<AppEnv>) {
  const user = webUser(c);
  const action = RECEPTION_ACTIONS.find((a) => a === c.req.param('action'));
  if (!action) return c.notFound();
  const id = c.req.param('id') ?? '';
  const { t } = pageContext(c);
  const text = ((await formFields(c)).reason ?? '').trim();
  if ((action === 'reject' && !text) || text.length > RECEPTION_REASON_MAX_LENGTH) {
    const error = text
      ? t(`最多 ${RECEPTION_REASON_MAX_LENGTH} 字`, `At most ${RECEPTION_REASON_MAX_LENGTH} characters`)
      : t('请填写', 'Required');
    const messages: Flash[] = [{ kind: 'error', lines: [t('请检查填写的内容', 'Please check the form')] }];
    return renderReception(c, { messages, draft: { action, text, error }, status: 422 });
  }
  try {
    await performReceptionTransition(c.var.deps, user, { id, action, note: text || null });
  } catch (error) {
    const { flash, status } = refusal(c, error, RECEPTION_STATUS_WORDS);
    return renderReception(c, { messages: [flash], draft: { action, text }, status });
  }
  return c.redirect(`/receptions/${encodeURIComponent(id)}?done=${action}`, 303);
}

export const recordPages = new Hono<AppEnv>()
  .get('/visits/:id', (c) => renderVisit(c, { messages: doneFlash(c, VISIT_DONE) }))
  .post('/visits/:id/:action', postVisitAction)
  .get('/receptions/:id', (c) => renderReception(c, { messages: doneFlash(c, RECEPTION_DONE) }))
  .post('/receptions/:id/:action', postReceptionAction);
