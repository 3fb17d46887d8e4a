// The approval queue (GET /office), bulk approve (POST /office/visits/approve) and reject with a
// reason (POST /office/visits/:id/reject). Every change goes through performVisitAction, the
// same service the API's transition routes call, so approval re-checks the current caps.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { Actor } from '../../domain/actor.js';
import { ReasonBody } from '../../schemas/visits.js';
import { AppError, errorFields } from '../../services/errors.js';
import { referenceNames, type RegionView, type UnitView } from '../../services/reference.js';
import type { TwoWayPage } from '../../services/paging.js';
import { type ListedVisit, visitListRequest, visitListsWithWarnings, visitStatusCounts } from '../../services/visit-lists.js';
import { findVisibleVisit, type VisitRow } from '../../services/visit-reads.js';
import { performVisitAction } from '../../services/visits.js';
import { VisitListQuery } from '../../schemas/visits.js';
import { ListFilters } from '../../views/components/list-filters.js';
import { pagerLinks } from '../../views/components/pager.js';
import { listHref, readListQuery } from '../lists/list-query.js';
import { filterFields } from '../lists/visit-filters.js';
import type { Translate } from '../../views/i18n.js';
import { kindLabel, VISIT_STATUS_WORDS } from '../../views/labels.js';
import type { Flash, PageContext } from '../../views/layout.js';
import { problemMessages } from '../../views/problem-messages.js';
import { fitLines, isFlashList, keepForNextPage, takeFromLastPost } from '../flash.js';
import { formList, pageContext, problemFlash } from '../page.js';
import { webUser } from '../session.js';
import { ApprovalQueuePage, type ApprovalQueueProps, type QueueSection, type QueueVisit } from './approvals-view.js';
import { CHECK_FORM_FLASH, namesById } from './form-fields.js';
import { readRejectReason } from './reject-form.js';
import { httpStatusOf } from '../../http/problem.js';

type Describe = (visit: VisitRow) => string;

interface Names {
  regions: RegionView[];
  units: UnitView[];
  unitName: (id: string) => string;
  regionName: (id: string) => string;
  /** One line naming a visit in flashes: unit, region, dates, kind and size. */
  describe: Describe;
}

async function loadNames(c: Context<AppEnv>): Promise<Names> {
  const { units, regions } = await referenceNames(c.var.deps);
  const unitName = namesById(units);
  const regionName = namesById(regions);
  const { t } = pageContext(c);
  const describe: Describe = (v) =>
    `${unitName(v.unitId)} · ${regionName(v.regionId)} · ${v.startDate} ${t('至', 'to')} ${v.endDate} · ${kindLabel(v.kind, t)} ${v.headcount} ${t('人', 'people')}`;
  return { regions, units, unitName, regionName, describe };
}

const QUEUE_FILTERS = ['regionId', 'unitId', 'kind', 'from', 'to', 'q'] as const;
/** The second list's position in the URL: the coordinated list uses `cursor` and `before`. */
const WAITING_PAGE = { cursor: 'waiting', before: 'waitingBefore' } as const;

async function renderQueue(
  c: Context<AppEnv>,
  user: Actor,
  names: Names,
  extra: Omit<ApprovalQueueProps, 'page' | 'coordinated' | 'submitted' | 'filters'>,
  status: 200 | 403 | 404 | 409 | 422 = 200,
) {
  const page = pageContext(c);
  const { t } = page;
  // Filters and both lists' positions come from the URL of a GET; a POST re-renders the first pages.
  const query =
    c.req.method === 'GET'
      ? readListQuery(c, VisitListQuery, [...QUEUE_FILTERS, WAITING_PAGE.cursor, WAITING_PAGE.before])
      : readListQuery(c, VisitListQuery, []);
  const filters = (
    <ListFilters
      t={t}
      action="/office"
      fields={filterFields(QUEUE_FILTERS, { t, ...names, searchHint: t('带队领导、事由或单位', 'Leader, purpose or unit') })}
      values={query.values}
      errors={query.errors}
    />
  );
  if (!query.parsed) {
    return c.html(<ApprovalQueuePage page={page} filters={filters} {...extra} messages={[CHECK_FORM_FLASH(t), ...extra.messages]} />, 422);
  }
  const { filter, page: position } = visitListRequest(query.parsed);
  const { values } = query;
  const href = (change: Record<string, string | undefined>) => listHref('/office', values, change);
  // Visits come by start date, so both lists are earliest first; warnings for a page at once.
  const [[coordinated, submitted], counts] = await Promise.all([
    visitListsWithWarnings(c.var.deps, user, [
      { filter: { ...filter, statuses: ['coordinated'] }, page: position },
      {
        filter: { ...filter, statuses: ['submitted'] },
        page: { limit: position.limit, cursor: values[WAITING_PAGE.cursor], before: values[WAITING_PAGE.before] },
      },
    ]),
    visitStatusCounts(c.var.deps, user, { ...filter, statuses: ['coordinated', 'submitted'] }),
  ]);
  const section = (listed: TwoWayPage<ListedVisit>, total: number, names2: { cursor: string; before: string }): QueueSection => ({
    rows: listed.items.map(
      ({ visit, warnings }): QueueVisit => ({
        visit,
        unitName: names.unitName(visit.unitId),
        regionName: names.regionName(visit.regionId),
        warnings,
      }),
    ),
    total,
    pager: pagerLinks(href, listed, names2),
  });
  return c.html(
    <ApprovalQueuePage
      page={page}
      filters={filters}
      coordinated={section(coordinated!, counts.get('coordinated') ?? 0, { cursor: 'cursor', before: 'before' })}
      submitted={section(submitted!, counts.get('submitted') ?? 0, WAITING_PAGE)}
      {...extra}
    />,
    status,
  );
}

/** The confirmation after a reject (the redirect names the visit). */
async function rejectedFlash(c: Context<AppEnv>, user: Actor, describe: Describe, t: Translate): Promise<Flash[]> {
  const id = c.req.query('rejected');
  const visit = id ? await findVisibleVisit(c.var.deps, user, id) : undefined;
  return visit?.status === 'rejected' ? [{ kind: 'ok', lines: [t(`已驳回:${describe(visit)}`, `Rejected: ${describe(visit)}`)] }] : [];
}

interface BulkOutcome {
  approved: string[];
  refused: string[];
}

/** Approves one by one, earliest first, so when a cap was lowered the earliest visits get the places. */
async function approveEach(c: Context<AppEnv>, user: Actor, ids: string[], describe: Describe, page: PageContext): Promise<BulkOutcome> {
  const found = await Promise.all(ids.map(async (id) => ({ id, visit: await findVisibleVisit(c.var.deps, user, id) })));
  const order = (v: VisitRow | undefined) => (v ? `${v.startDate} ${v.createdAt} ${v.id}` : '~');
  found.sort((a, b) => (order(a.visit) < order(b.visit) ? -1 : order(a.visit) > order(b.visit) ? 1 : 0));
  const outcome: BulkOutcome = { approved: [], refused: [] };
  for (const { id, visit } of found) {
    const label = visit ? describe(visit) : page.t(`记录 ${id}`, `Record ${id}`);
    try {
      const done = await performVisitAction(c.var.deps, user, { id, action: 'approve', note: null });
      outcome.approved.push(describe(done.row));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const reasons = problemMessages(errorFields(error) as { code: string }, page.lang).join(';');
      outcome.refused.push(`${label}:${reasons}`);
    }
  }
  return outcome;
}

const BULK_OUTCOME = 'bulk-approval';

/** What the bulk approval did, visit by visit; a very long list is cut to what a cookie holds, with the count. */
function outcomeFlashes(outcome: BulkOutcome, t: Translate): Flash[] {
  const more = (count: number) => t(`……另有 ${count} 项`, `… and ${count} more`);
  const flashes: Flash[] = [];
  if (outcome.approved.length) {
    flashes.push({
      kind: 'ok',
      lines: [
        t(`已批准 ${outcome.approved.length} 项:`, `Approved ${outcome.approved.length}:`),
        ...fitLines(outcome.approved, 1_000, more),
      ],
    });
  }
  if (outcome.refused.length) {
    flashes.push({
      kind: 'error',
      lines: [
        t(`未批准 ${outcome.refused.length} 项:`, `Not approved ${outcome.refused.length}:`),
        ...fitLines(outcome.refused, 1_400, more),
      ],
    });
  }
  return flashes;
}

export const approvalPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const user = webUser(c, 'office');
    const names = await loadNames(c);
    const outcome = c.req.query('approved') ? (takeFromLastPost(c, BULK_OUTCOME, isFlashList) ?? []) : [];
    return renderQueue(c, user, names, { messages: [...outcome, ...(await rejectedFlash(c, user, names.describe, pageContext(c).t))] });
  })
  .post('/visits/approve', async (c) => {
    const user = webUser(c, 'office');
    const page = pageContext(c);
    const names = await loadNames(c);
    const ids = [...new Set(await formList(c, 'ids'))];
    if (ids.length === 0) {
      return renderQueue(
        c,
        user,
        names,
        { messages: [{ kind: 'error', lines: [page.t('请先勾选要批准的考察。', 'Tick the visits to approve first.')] }] },
        422,
      );
    }
    const outcome = await approveEach(c, user, ids, names.describe, page);
    // The outcome names each visit with its reason: it goes to the queue the post redirects to.
    keepForNextPage(c, BULK_OUTCOME, outcomeFlashes(outcome, page.t));
    return c.redirect('/office?approved=1', 303);
  })
  .post('/visits/:id/reject', async (c) => {
    const user = webUser(c, 'office');
    const page = pageContext(c);
    const names = await loadNames(c);
    const id = c.req.param('id');
    const posted = await readRejectReason(c, ReasonBody, id);
    if (posted.attempt) return renderQueue(c, user, names, { messages: [CHECK_FORM_FLASH(page.t)], reject: posted.attempt }, 422);
    try {
      await performVisitAction(c.var.deps, user, { id, action: 'reject', note: posted.reason });
    } catch (error) {
      const { flash } = problemFlash(error, page, VISIT_STATUS_WORDS);
      const refused = error instanceof AppError ? httpStatusOf(error) : 409;
      const status = refused === 404 || refused === 403 ? refused : 409;
      return renderQueue(c, user, names, { messages: [flash] }, status);
    }
    return c.redirect(`/office?rejected=${encodeURIComponent(id)}`, 303);
  });
