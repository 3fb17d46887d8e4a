// The frontline HQ's pages, mounted at /hq: the coordination desk and the region's month calendar.
// The region always comes from the session user; visits of other regions answer 404.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { Actor } from '../../domain/actor.js';
import { yearOf } from '../../domain/dates.js';
import { todayOf } from '../../services/deps.js';
import { AppError } from '../../services/errors.js';
import { visibleVisit } from '../../services/visit-reads.js';
import { performVisitAction } from '../../services/visits.js';
import type { Flash } from '../../views/layout.js';
import { formFields, pageContext, problemFlash } from '../page.js';
import { webUser } from '../session.js';
import { loadRegionMonth, parseMonth } from './calendar-data.js';
import { CalendarPage } from './calendar-page.js';
import { OPINION_MAX_LENGTH, type OpinionDraft } from './coordinate-card.js';
import { loadCoordinationDesk } from './queue-data.js';
import { QueuePage } from './queue-page.js';
import { httpStatusOf } from '../../http/problem.js';
import { CoordinateBody } from '../../schemas/visits.js';
import { localIssues } from '../office/form-fields.js';
import { VISIT_STATUS_WORDS } from '../../views/labels.js';

async function renderDesk(c: Context<AppEnv>, user: Actor, status: 200 | 409 | 422, messages: Flash[], draft?: OpinionDraft) {
  const desk = await loadCoordinationDesk(c, user);
  return c.html(<QueuePage page={pageContext(c)} desk={desk} messages={messages} draft={draft} />, desk.lists ? status : 422);
}

function doneMessage(done: string | undefined, page: ReturnType<typeof pageContext>): Flash[] {
  const { t } = page;
  if (done === 'agreed')
    return [
      {
        kind: 'ok',
        lines: [
          t('已记录衔接意见(同意),考察已转省对口支援办审批。', 'Opinion recorded (agreed); the visit goes to the office for approval.'),
        ],
      },
    ];
  if (done === 'disagreed')
    return [{ kind: 'ok', lines: [t('已记录衔接意见(不同意),考察已退回。', 'Opinion recorded (disagreed); the visit is rejected.')] }];
  return [];
}

export const hqPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const user = webUser(c, 'hq');
    return renderDesk(c, user, 200, doneMessage(c.req.query('done'), pageContext(c)));
  })
  .post('/visits/:id/coordinate', async (c) => {
    const user = webUser(c, 'hq');
    const { t } = pageContext(c);
    // Another region's visit is a 404 before anything in the form is looked at.
    const visit = await visibleVisit(c.var.deps, user, c.req.param('id'));
    const form = await formFields(c);
    const draft = (error?: string): OpinionDraft => ({ visitId: visit.id, opinion: form.opinion ?? '', error });
    if (form.decision !== 'agree' && form.decision !== 'disagree') {
      return renderDesk(c, user, 422, [{ kind: 'error', lines: [t('请选择“同意”或“不同意”', 'Choose Agree or Disagree')] }], draft());
    }
    // The API's own rule for the opinion (src/schemas/text.ts): visible text, no control characters.
    const parsed = CoordinateBody.shape.opinion.safeParse(form.opinion ?? '');
    const typed = (form.opinion ?? '').trim();
    // Agreeing needs no words; disagreeing sends the visit back, so the unit is told why.
    const missing = parsed.success && !parsed.data && form.decision === 'disagree';
    if (!parsed.success || missing) {
      const error = missing
        ? t('不同意时请填写衔接意见,说明原因', 'Say why when you disagree')
        : typed.length > OPINION_MAX_LENGTH
          ? t(`衔接意见最多 ${OPINION_MAX_LENGTH} 字`, `At most ${OPINION_MAX_LENGTH} characters`)
          : parsed.success
            ? t('请检查此项', 'Check this field')
            : (localIssues(parsed.error, t)[''] ?? t('请检查此项', 'Check this field'));
      return renderDesk(c, user, 422, [{ kind: 'error', lines: [t('请检查填写的内容', 'Please check the form')] }], draft(error));
    }
    const opinion = parsed.data ?? null;
    const agree = form.decision === 'agree';
    try {
      await performVisitAction(c.var.deps, user, { id: visit.id, action: 'coordinate', agree, opinion, note: opinion });
    } catch (error) {
      // Rule and state refusals come back to the desk; 403/404 and the unexpected go to onError.
      if (!(error instanceof AppError) || (httpStatusOf(error) !== 409 && httpStatusOf(error) !== 422)) throw error;
      const { flash, fieldErrors } = problemFlash(error, pageContext(c), VISIT_STATUS_WORDS);
      return renderDesk(c, user, httpStatusOf(error) === 409 ? 409 : 422, [flash], draft(fieldErrors.opinion));
    }
    return c.redirect(`/hq?done=${agree ? 'agreed' : 'disagreed'}`, 303);
  })
  .get('/calendar', async (c) => {
    const user = webUser(c, 'hq');
    const page = pageContext(c);
    const today = todayOf(c.var.deps);
    const asked = c.req.query('month');
    const invalid = asked !== undefined && parseMonth(asked) === null;
    const month = parseMonth(asked) ?? { year: yearOf(today), month: Number(today.slice(5, 7)) };
    const messages: Flash[] = invalid
      ? [{ kind: 'error', lines: [page.t('月份格式应为 YYYY-MM,已显示本月。', 'The month must be YYYY-MM; showing this month.')] }]
      : [];
    const data = await loadRegionMonth(c, user, month);
    return c.html(<CalendarPage page={page} data={data} today={today} messages={messages} />, invalid ? 400 : 200);
  });
