// The year's requests as a grid: one row per region, one column per month, each request in the
// month it would like to start (its preferred start, else its earliest day), so crowded months
// and regions show before anything is solved.
import type { PlanRequestRow } from '../../services/plans.js';
import type { PageContext } from '../../views/layout.js';
import { requestStatusLabel } from './plan-reasons.js';

export function kindWord(kind: string, t: PageContext['t']): string {
  return kind === 'condolence' ? t('慰问', 'condolence') : t('考察', 'inspection');
}

/** 1..12 for a start in the plan year (a request always starts there: validation says so). */
function wishedMonth(r: PlanRequestRow): number {
  return Number((r.preferredStart ?? r.earliest).slice(5, 7));
}

/** Requests named in one region-month cell; the rest are counted and linked to the paged list. */
const CHIPS_SHOWN = 6;

export function RequestGrid(props: {
  page: PageContext;
  year: number;
  regions: { id: string; name: string }[];
  requests: PlanRequestRow[];
  unitName: (id: string) => string;
}) {
  const { page, requests } = props;
  const { t } = page;
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  const open = requests.filter((r) => r.status === 'open').length;
  return (
    <section class="card" aria-labelledby="plan-requests-heading" id="plan-requests">
      <h2 id="plan-requests-heading">{t('需求(按受援地和希望开始的月份)', 'Requests by region and wished-for month')}</h2>
      <p class="hint">
        {t(
          `共 ${requests.length} 项,其中待安排 ${open} 项。需求在转为考察前不占用任何额度。`,
          `${requests.length} in all, ${open} open. A request uses no cap until it becomes a visit.`,
        )}{' '}
        <a href={`/office/plan/requests?year=${props.year}`}>{t('需求列表', 'List of requests')}</a>
      </p>
      <div class="table-wrap">
        {/* On a phone each region becomes a card listing the months that hold wishes. */}
        <table class="plan-grid cards">
          <thead>
            <tr>
              <th scope="col">{t('受援地', 'Region')}</th>
              {months.map((m) => (
                <th scope="col">{t(`${m}月`, MONTHS_EN[m - 1]!)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.regions.map((region) => (
              <tr data-region={region.id}>
                <th scope="row">{region.name}</th>
                {months.map((m) => {
                  const here = requests.filter((r) => r.regionId === region.id && wishedMonth(r) === m);
                  return (
                    <td data-month={m} data-label={t(`${m}月`, MONTHS_EN[m - 1]!)}>
                      {here.length > 0 && (
                        <ul class="plan-chips">
                          {here.slice(0, CHIPS_SHOWN).map((r) => (
                            <li class={`plan-chip ${r.status}`} data-request-id={r.id}>
                              <span>{props.unitName(r.unitId)}</span>{' '}
                              <span class="muted">
                                {t(
                                  `${r.days}天 · ${r.headcount}人 · 优先级${r.priority}`,
                                  `${r.days} d · ${r.headcount} ppl · P${r.priority}`,
                                )}
                              </span>
                              {r.status !== 'open' && <span class="muted"> ({requestStatusLabel(r.status, t)})</span>}
                              <span class="visually-hidden">{` ${kindWord(r.kind, t)} ${r.earliest} – ${r.latest}`}</span>
                            </li>
                          ))}
                        </ul>
                      )}
                      {here.length > CHIPS_SHOWN && (
                        <a href={`/office/plan/requests?year=${props.year}&regionId=${encodeURIComponent(region.id)}`}>
                          {t(`另有 ${here.length - CHIPS_SHOWN} 项`, `${here.length - CHIPS_SHOWN} more`)}
                        </a>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
