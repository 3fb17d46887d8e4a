// Booking and editing a visit: GET/POST /unit/visits/new|/unit/visits, GET/POST /unit/visits/:id/edit.
// Both call the services the API uses (bookVisit, editVisit); a refusal re-renders the form with
// the user's input, the rule's message with its numbers, and errors on the fields.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { DateRange } from '../../domain/types.js';
import { EDITABLE_VISIT_STATUSES } from '../../domain/workflow.js';
import { newId } from '../../lib/crypto.js';
import type { AppError } from '../../services/errors.js';
import { unitQuotaReport } from '../../services/quotas.js';
import { searchSlots } from '../../services/slots.js';
import { visibleVisit, type VisitRow, visitView } from '../../services/visit-reads.js';
import { bookVisit, editVisit } from '../../services/visits.js';
import { VISIT_STATUS_WORDS, visitStatusLabel } from '../../views/labels.js';
import { Layout, type Flash } from '../../views/layout.js';
import { problemMessages } from '../../views/problem-messages.js';
import { formFields, pageContext } from '../page.js';
import { CapsPanel } from './caps.js';
import { currentYear, isFormRefusal, refusalFlash, regionsById, type UnitUser, unitUser, yearOfDate } from './context.js';
import type { FieldErrors, FormValues } from './fields.js';
import { idempotencyKeyOf, slotQueryOf, visitInputOf, visitValues } from './visit-input.js';
import { SlotFinder, VisitForm } from './visit-form.js';
import { httpStatusOf } from '../../http/problem.js';

const SLOTS_SHOWN = 5;

interface FormState {
  values: FormValues;
  errors?: FieldErrors;
  messages?: Flash[];
  status?: 200 | 409 | 422;
}

/** The next free windows for what the form holds, with the unit's own caps (the account's unit). */
async function freeWindows(c: Context<AppEnv>, user: UnitUser, values: FormValues): Promise<DateRange[] | null> {
  const query = slotQueryOf(values);
  if (!query) return null;
  try {
    return await searchSlots(c.var.deps, user, { ...query, limit: SLOTS_SHOWN });
  } catch (error) {
    if (isFormRefusal(error)) return null;
    throw error;
  }
}

async function renderBookingForm(c: Context<AppEnv>, state: FormState) {
  const user = unitUser(c);
  const page = pageContext(c);
  const { t } = page;
  const year = currentYear(c);
  const startYear = yearOfDate(state.values.startDate);
  const years = startYear !== null && startYear !== year ? [year, startYear] : [year];
  const [regions, reports, slots] = await Promise.all([
    regionsById(c),
    Promise.all(years.map((y) => unitQuotaReport(c.var.deps, { year: y, unitId: user.unitId }))),
    freeWindows(c, user, state.values),
  ]);
  const errors = state.errors ?? {};
  return c.html(
    <Layout page={page} title={t('预约考察慰问', 'Book a visit')} messages={state.messages}>
      <div class="grid">
        {reports.map((report) => (
          <CapsPanel report={report} t={t} heading={t(`${report.year} 年度剩余额度`, `What is left for ${report.year}`)} />
        ))}
      </div>
      <VisitForm
        page={page}
        action="/unit/visits"
        values={state.values}
        errors={errors}
        regions={regions}
        submitLabel={t('提交预约', 'Submit the booking')}
        idempotencyKey={newId()}
        afterDates={<SlotFinder page={page} values={state.values} errors={errors} slots={slots} />}
      />
    </Layout>,
    state.status ?? 200,
  );
}

async function renderEditForm(c: Context<AppEnv>, visit: VisitRow, state: FormState) {
  const page = pageContext(c);
  const { t } = page;
  const regions = await regionsById(c);
  return c.html(
    <Layout page={page} title={t('修改考察预约', 'Edit the visit')} messages={state.messages}>
      <p class="hint">{t('修改后需重新经前方指挥部衔接。', 'After an edit the visit goes back to the HQ for coordination.')}</p>
      <VisitForm
        page={page}
        action={`/unit/visits/${encodeURIComponent(visit.id)}/edit`}
        values={state.values}
        errors={state.errors ?? {}}
        regions={regions}
        submitLabel={t('保存修改', 'Save the changes')}
      />
    </Layout>,
    state.status ?? 200,
  );
}

/** The problem as the form shows it: the localized message(s) on top, errors on the fields. */
function refusedState(error: AppError, c: Context<AppEnv>, values: FormValues): FormState {
  const { flash, fieldErrors } = refusalFlash(error, pageContext(c), VISIT_STATUS_WORDS);
  return { values, errors: fieldErrors, messages: [flash], status: httpStatusOf(error) === 409 ? 409 : 422 };
}

export const visitBookingPages = new Hono<AppEnv>()
  .get('/visits/new', async (c) => {
    // "Find free dates" submits the form by GET, which carries the CSRF token and form key into
    // the URL; answer with the same search minus those, so they stay out of history and logs.
    const url = new URL(c.req.url);
    if (url.searchParams.has('_csrf') || url.searchParams.has('idempotencyKey')) {
      url.searchParams.delete('_csrf');
      url.searchParams.delete('idempotencyKey');
      return c.redirect(`${url.pathname}?${url.searchParams.toString()}`, 303);
    }
    // 「修改后重新提交」: a rejected or withdrawn visit of this unit fills the form (a new booking).
    const from = c.req.query('from');
    if (from) {
      const earlier = await visibleVisit(c.var.deps, unitUser(c), from);
      const { t } = pageContext(c);
      const note = t(
        '已按原预约填写,请修改后提交;这将是一项新的预约。',
        'Filled in from the earlier booking: change what is needed and submit; this makes a new booking.',
      );
      return renderBookingForm(c, { values: visitValues(visitView(earlier)), messages: [{ kind: 'ok', lines: [note] }] });
    }
    return renderBookingForm(c, { values: c.req.query() });
  })
  .post('/visits', async (c) => {
    const user = unitUser(c);
    const values = await formFields(c);
    try {
      const booked = await bookVisit(c.var.deps, user, { ...visitInputOf(values), idempotencyKey: idempotencyKeyOf(values) });
      return c.redirect(`/unit/visits?year=${booked.row.year}&created=${encodeURIComponent(booked.row.id)}`, 303);
    } catch (error) {
      if (!isFormRefusal(error)) throw error;
      return renderBookingForm(c, refusedState(error, c, values));
    }
  })
  .get('/visits/:id/edit', async (c) => {
    const user = unitUser(c);
    const visit = await visibleVisit(c.var.deps, user, c.req.param('id'));
    if (!EDITABLE_VISIT_STATUSES.includes(visit.status)) {
      const page = pageContext(c);
      const lines = problemMessages({ code: 'INVALID_TRANSITION', from: visitStatusLabel(visit.status, page.t) }, page.lang);
      return c.html(
        <Layout page={page} title={page.t('修改考察预约', 'Edit the visit')} messages={[{ kind: 'error', lines }]}>
          <p>
            {page.t('只有待衔接或已衔接的考察可以修改。', 'Only visits awaiting coordination or approval can be edited.')}{' '}
            <a href={`/unit/visits?year=${visit.year}`}>{page.t('返回我的考察', 'Back to my visits')}</a>
          </p>
        </Layout>,
        409,
      );
    }
    return renderEditForm(c, visit, { values: visitValues(visitView(visit)) });
  })
  .post('/visits/:id/edit', async (c) => {
    const user = unitUser(c);
    const visit = await visibleVisit(c.var.deps, user, c.req.param('id'));
    const values = await formFields(c);
    try {
      const edited = await editVisit(c.var.deps, user, { id: visit.id, patch: visitInputOf(values) });
      return c.redirect(`/unit/visits?year=${edited.row.year}&updated=${encodeURIComponent(edited.row.id)}`, 303);
    } catch (error) {
      if (!isFormRefusal(error)) throw error;
      return renderEditForm(c, visit, refusedState(error, c, values));
    }
  });
