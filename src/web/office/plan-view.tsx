// The annual plan page (/office/plan?year=): the requests grid, the solve button, and the latest
// proposal as a year calendar per region with its numbers, the unplaced requests and their
// reasons, and the commit button.
import type { ShownProposal } from '../../services/plan-overview.js';
import type { PlanRequestRow, PlanYearData } from '../../services/plans.js';
import { daysBetween, PROGRAMME_TIME_ZONE } from '../../domain/dates.js';
import { CsrfField, Layout, type Flash, type PageContext } from '../../views/layout.js';
import { YearPicker } from './settings-nav.js';
import { CalendarLegend, YearCalendar, type CalendarRegion } from './plan-calendar.js';
import { unplacedReason } from './plan-reasons.js';
import { kindWord, RequestGrid } from './plan-requests.js';

export interface PlanPageProps {
  page: PageContext;
  year: number;
  messages: Flash[];
  regions: { id: string; name: string }[];
  unitName: (id: string) => string;
  unitIndex: (id: string) => number;
  data: PlanYearData;
  proposal?: ShownProposal;
}

export function describeRequest(r: PlanRequestRow, props: Pick<PlanPageProps, 'page' | 'unitName' | 'regions'>): string {
  const { t } = props.page;
  const region = props.regions.find((g) => g.id === r.regionId)?.name ?? r.regionId;
  return `${props.unitName(r.unitId)} · ${region} · ${r.earliest} ${t('至', 'to')} ${r.latest} · ${kindWord(r.kind, t)} ${r.days}${t(' 天', ' days')} · ${r.headcount}${t(' 人', ' people')}`;
}

// sv-SE formats as "YYYY-MM-DD HH:MM"; the programme's clock is Beijing time.
const SOLVED_AT = new Intl.DateTimeFormat('sv-SE', { timeZone: PROGRAMME_TIME_ZONE, dateStyle: 'short', timeStyle: 'short' });
const solvedAt = (instant: string) => SOLVED_AT.format(new Date(instant));

export function PlanPage(props: PlanPageProps) {
  const { page, year, data } = props;
  const { t } = page;
  const open = data.requests.filter((r) => r.status === 'open').length;
  return (
    <Layout page={page} title={t(`${year} 年度考察计划`, `Annual plan ${year}`)} messages={props.messages}>
      <YearPicker page={page} action="/office/plan" year={year} />
      <RequestGrid page={page} year={year} regions={props.regions} requests={data.requests} unitName={props.unitName} />
      <form method="post" action="/office/plan/solve" class="card" id="plan-solve">
        <h2>{t('统筹求解', 'Solve the plan')}</h2>
        <p class="hint">
          {t(
            '为全部待安排的需求统筹安排日期:同时满足年度额度、接待能力、抵达间隔和暂停接待期,并与已预约的考察相容;先安排尽可能多的高优先级需求,再尽量贴近希望日期。',
            'Dates for every open request at once, within caps, region capacity, spacing and blackouts, around the visits already booked: as many high-priority requests as possible first, then as close to the wished-for days as possible.',
          )}
        </p>
        <CsrfField page={page} />
        <input type="hidden" name="year" value={String(year)} />
        <button type="submit" disabled={open === 0}>
          {t(`求解(${open} 项待安排)`, `Solve (${open} open)`)}
        </button>
      </form>
      {props.proposal ? (
        <ProposalSection {...props} proposal={props.proposal} />
      ) : (
        <p class="muted">{t('本年度尚未求解。', 'Not solved yet for this year.')}</p>
      )}
    </Layout>
  );
}

function ProposalSection(props: PlanPageProps & { proposal: ShownProposal }) {
  const { page, year, data } = props;
  const { t } = page;
  const { record, upToDate } = props.proposal;
  const { placements, unplaced, objective } = record.result;
  const requests = new Map(data.requests.map((r) => [r.id, r]));
  // Once committed, the proposal's visits are booked visits too: show them once, in colour.
  const fromProposal = new Set(placements.map((p) => requests.get(p.requestId)?.visitId).filter((id): id is string => !!id));
  const calendarRegions: CalendarRegion[] = props.regions.map((region) => ({
    id: region.id,
    name: region.name,
    blackouts: data.regions[region.id]?.blackouts ?? [],
    bars: [
      ...data.existingVisits
        .filter((v) => v.regionId === region.id && !fromProposal.has(v.id))
        .map((v) => ({
          kind: 'existing' as const,
          id: v.id,
          unitId: v.unitId,
          startDate: v.startDate,
          endDate: v.endDate,
          title: `${props.unitName(v.unitId)} · ${v.startDate} – ${v.endDate}`,
        })),
      ...placements
        .filter((p) => p.regionId === region.id)
        .map((p) => ({
          kind: 'placement' as const,
          id: p.requestId,
          unitId: p.unitId,
          startDate: p.startDate,
          endDate: p.endDate,
          title: `${props.unitName(p.unitId)} · ${p.startDate} – ${p.endDate}`,
        })),
    ],
  }));
  const legendUnits = [...new Set(placements.map((p) => p.unitId))]
    .sort((a, b) => props.unitIndex(a) - props.unitIndex(b))
    .map((id) => ({ id, name: props.unitName(id), index: props.unitIndex(id) }));
  const committed = record.status === 'committed';
  return (
    <section class="card" id="plan-proposal" aria-labelledby="plan-proposal-heading" data-proposal-id={record.id}>
      <h2 id="plan-proposal-heading">
        {committed ? t('方案(已提交)', 'Proposal (committed)') : t('方案', 'Proposal')}
        <span class="hint"> {t(`求解于 ${solvedAt(record.createdAt)}`, `solved ${solvedAt(record.createdAt)} (Beijing time)`)}</span>
      </h2>
      {!committed && !upToDate && (
        <div class="alert warn" role="status">
          {t(
            '求解后需求、规则、已预约考察或额度有变化;提交时会逐项重新校验,建议重新求解。',
            'Requests, rules, booked visits or caps changed since this was solved; committing re-checks every placement, but solving again is advised.',
          )}
        </div>
      )}
      <dl class="plan-objective" id="plan-objective">
        <dt>{t('已安排', 'Placed')}</dt>
        <dd>
          {t(
            `${placements.length} / ${placements.length + unplaced.length} 项`,
            `${placements.length} of ${placements.length + unplaced.length}`,
          )}
        </dd>
        <dt>{t('优先级加权数', 'Priority-weighted placed')}</dt>
        <dd>{objective.placedWeight}</dd>
        <dt>{t('偏离希望日期合计', 'Total days from wished-for starts')}</dt>
        <dd>{t(`${objective.totalDeviationDays} 天`, `${objective.totalDeviationDays} days`)}</dd>
        <dt>{t('抵达分布不均度(越小越均匀)', 'Arrival unevenness (lower is more even)')}</dt>
        <dd>
          {Math.round(objective.spreadPenalty)}
          <p class="hint">
            {t(
              '把各受援地一年的抵达按批数均匀排开得到理想间隔;相邻两批抵达每比理想间隔近 d 天,计 d²,各受援地相加。0 表示完全均匀,数字只用于比较同一年的不同方案。',
              "Each region's year divided evenly among its arrivals gives the ideal gap; two arrivals d days closer than that add d², summed over the regions. 0 is perfectly even; the number only compares proposals for the same year.",
            )}
          </p>
        </dd>
      </dl>
      <div class="table-wrap plan-calendar-wrap">
        <YearCalendar page={page} year={year} regions={calendarRegions} unitIndex={props.unitIndex} />
      </div>
      <CalendarLegend page={page} units={legendUnits} />
      <h3>{t('安排明细', 'Placements')}</h3>
      <div class="table-wrap">
        <table id="plan-placements" class="cards">
          <thead>
            <tr>
              <th scope="col">{t('需求', 'Request')}</th>
              <th scope="col">{t('安排日期', 'Dates')}</th>
              <th scope="col">{t('偏离希望日期', 'Days from wish')}</th>
            </tr>
          </thead>
          <tbody>
            {placements.map((p) => {
              const r = requests.get(p.requestId);
              return (
                <tr data-request-id={p.requestId}>
                  <td data-label={t('需求', 'Request')}>{r ? describeRequest(r, props) : p.requestId}</td>
                  <td class="nowrap" data-label={t('安排日期', 'Dates')}>{`${p.startDate} ${t('至', 'to')} ${p.endDate}`}</td>
                  <td class="num" data-label={t('偏离希望日期', 'Days from wish')}>
                    {r ? Math.abs(daysBetween(r.preferredStart ?? r.earliest, p.startDate)) : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h3>{t(`未能安排(${unplaced.length} 项)`, `Not placed (${unplaced.length})`)}</h3>
      {unplaced.length === 0 ? (
        <p class="muted">{t('全部需求均已安排。', 'Every request is placed.')}</p>
      ) : (
        <ul id="plan-unplaced">
          {unplaced.map((u) => {
            const r = requests.get(u.requestId);
            return (
              <li data-request-id={u.requestId} data-code={u.code}>
                {r ? describeRequest(r, props) : u.requestId}
                {t(':', ': ')}
                {unplacedReason(u.code, r, data, placements, page.lang)}
              </li>
            );
          })}
        </ul>
      )}
      {!committed && placements.length > 0 && (
        <form method="post" action={`/office/plan/proposals/${record.id}/commit`} class="actions" id="plan-commit">
          <CsrfField page={page} />
          <button type="submit">
            {t(
              `提交方案:生成 ${placements.length} 项考察(待前方指挥部衔接)`,
              `Commit: create ${placements.length} visits (to be coordinated by the HQs)`,
            )}
          </button>
        </form>
      )}
    </section>
  );
}
