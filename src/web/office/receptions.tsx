// The reception queue (GET /office/receptions), approve and reject-with-reason, and each
// reception's list (接待清单) with its CSV. Status changes go through performReceptionTransition,
// the service the API's transition routes call, so approval re-checks the current standards.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../app-env.js';
import type { Actor } from '../../domain/actor.js';
import { httpStatusOf } from '../../http/problem.js';
import { AppError } from '../../services/errors.js';
import { receptionListCsv, receptionListCsvHeaders, receptionListFor } from '../../services/reception-list.js';
import { ReceptionListQuery } from '../../schemas/receptions.js';
import { receptionListRequest } from '../../services/reception-lists.js';
import { receptionQueue } from '../../services/reception-queue.js';
import { findVisibleReception, performReceptionTransition } from '../../services/receptions.js';
import { referenceNames, unitById } from '../../services/reference.js';
import type { Flash } from '../../views/layout.js';
import { readListQuery } from '../lists/list-query.js';
import { pageContext, problemFlash } from '../page.js';
import { webUser } from '../session.js';
import { CHECK_FORM_FLASH } from './form-fields.js';
import { requiredMultilineText } from '../../schemas/text.js';
import { ReceptionListPage } from './receptions-list.js';
import { ReceptionQueuePage } from './receptions-view.js';
import { readRejectReason, type RejectAttempt } from './reject-form.js';
import { RECEPTION_STATUS_WORDS } from '../../views/labels.js';

// The API takes an optional reason of up to 1000 characters; the office's form asks for one,
// so the host unit learns why.
// The API's reason is optional; the office's own form asks for one, held to the same text rule.
const RejectForm = z.object({ reason: requiredMultilineText({ max: 1000 }) });

const LIST_FILTERS = ['status', 'regionId', 'hostUnitId', 'from', 'to', 'q'] as const;

/** The list with its filters from the URL (a GET), or the default queue (after a refused POST). */
async function renderQueue(
  c: Context<AppEnv>,
  user: Actor,
  extra: { messages: Flash[]; reject?: RejectAttempt },
  status: 200 | 403 | 404 | 409 | 422 = 200,
) {
  const page = pageContext(c);
  // The queue, what the office works through, is the default view; "all statuses" is one choice
  // away. A refused cancel comes back to a list that shows the record it was about.
  const view = extra.reject?.decision === 'cancel' ? 'approved' : 'submitted';
  const query = readListQuery(c, ReceptionListQuery, c.req.method === 'GET' ? LIST_FILTERS : [], { status: view });
  const [listed, { regions, units }] = await Promise.all([
    query.parsed ? receptionQueue(c.var.deps, user, receptionListRequest(query.parsed)) : null,
    referenceNames(c.var.deps),
  ]);
  const messages = listed ? extra.messages : [...extra.messages, CHECK_FORM_FLASH(page.t)];
  return c.html(
    <ReceptionQueuePage page={page} listed={listed} query={query} regions={regions} units={units} {...extra} messages={messages} />,
    listed ? status : 422,
  );
}

/** The confirmation after approve or reject: the redirect names the reception. */
async function doneFlash(c: Context<AppEnv>, user: Actor): Promise<Flash[]> {
  const { t } = pageContext(c);
  const approved = c.req.query('approved');
  const rejected = c.req.query('rejected');
  const cancelled = c.req.query('cancelled');
  const id = approved ?? rejected ?? cancelled;
  const row = id ? await findVisibleReception(c.var.deps, user, id) : undefined;
  if (!row) return [];
  const hostUnitName = (await unitById(c.var.deps, row.hostUnitId))?.name ?? row.hostUnitId;
  const what = `${hostUnitName} ${row.startDate} ${t('至', 'to')} ${row.endDate}`;
  if (approved && row.status === 'approved') return [{ kind: 'ok', lines: [t(`已批准公务接待:${what}`, `Reception approved: ${what}`)] }];
  if (rejected && row.status === 'rejected') return [{ kind: 'ok', lines: [t(`已驳回公务接待:${what}`, `Reception rejected: ${what}`)] }];
  if (cancelled && row.status === 'cancelled')
    return [{ kind: 'ok', lines: [t(`已取消公务接待:${what}`, `Reception cancelled: ${what}`)] }];
  return [];
}

/** A refused change re-renders the queue with the reasons; a missing record stays a 404. */
function refusedStatus(error: unknown): 403 | 404 | 409 {
  const status = error instanceof AppError ? httpStatusOf(error) : 409;
  return status === 403 || status === 404 ? status : 409;
}

export const receptionPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const user = webUser(c, 'office');
    return renderQueue(c, user, { messages: await doneFlash(c, user) });
  })
  .get('/:id', async (c) => {
    const user = webUser(c, 'office');
    const list = await receptionListFor(c.var.deps, user, c.req.param('id'));
    return c.html(<ReceptionListPage page={pageContext(c)} list={list} />);
  })
  .get('/:id/list.csv', async (c) => {
    const user = webUser(c, 'office');
    const list = await receptionListFor(c.var.deps, user, c.req.param('id'));
    return c.body(receptionListCsv(list), 200, receptionListCsvHeaders(list));
  })
  .post('/:id/approve', async (c) => {
    const user = webUser(c, 'office');
    const id = c.req.param('id');
    try {
      await performReceptionTransition(c.var.deps, user, { id, action: 'approve', note: null });
    } catch (error) {
      return renderQueue(c, user, { messages: [problemFlash(error, pageContext(c), RECEPTION_STATUS_WORDS).flash] }, refusedStatus(error));
    }
    return c.redirect(`/office/receptions?approved=${encodeURIComponent(id)}`, 303);
  })
  .post('/:id/reject', async (c) => {
    const user = webUser(c, 'office');
    const page = pageContext(c);
    const id = c.req.param('id');
    const posted = await readRejectReason(c, RejectForm, id);
    if (posted.attempt) return renderQueue(c, user, { messages: [CHECK_FORM_FLASH(page.t)], reject: posted.attempt }, 422);
    try {
      await performReceptionTransition(c.var.deps, user, { id, action: 'reject', note: posted.reason });
    } catch (error) {
      return renderQueue(c, user, { messages: [problemFlash(error, page, RECEPTION_STATUS_WORDS).flash] }, refusedStatus(error));
    }
    return c.redirect(`/office/receptions?rejected=${encodeURIComponent(id)}`, 303);
  })
  .post('/:id/cancel', async (c) => {
    const user = webUser(c, 'office');
    const page = pageContext(c);
    const id = c.req.param('id');
    const posted = await readRejectReason(c, RejectForm, id, 'cancel');
    if (posted.attempt) return renderQueue(c, user, { messages: [CHECK_FORM_FLASH(page.t)], reject: posted.attempt }, 422);
    try {
      await performReceptionTransition(c.var.deps, user, { id, action: 'cancel', note: posted.reason });
    } catch (error) {
      return renderQueue(c, user, { messages: [problemFlash(error, page, RECEPTION_STATUS_WORDS).flash] }, refusedStatus(error));
    }
    return c.redirect(`/office/receptions?status=cancelled&cancelled=${encodeURIComponent(id)}`, 303);
  });
