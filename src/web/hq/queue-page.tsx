// GET /hq: the coordination desk of one region's frontline HQ, each list a page at a time.
import { ListFilters } from '../../views/components/list-filters.js';
import { Pager, pagerLinks } from '../../views/components/pager.js';
import { VisitStatusBadge } from '../../views/components/status-badge.js';
import { kindLabel, rankLabel } from '../../views/labels.js';
import { Layout, type Flash, type PageContext } from '../../views/layout.js';
import { listHref } from '../lists/list-query.js';
import { filterFields } from '../lists/visit-filters.js';
import { CoordinateCard, type OpinionDraft } from './coordinate-card.js';
import { dateRange } from './labels.js';
import { type CoordinationDesk, DESK_FILTERS, DESK_PAGES } from './queue-data.js';
import { WorkflowTerms } from '../../views/components/workflow-terms.js';

export function QueuePage(props: { page: PageContext; desk: CoordinationDesk; messages?: Flash[]; draft?: OpinionDraft }) {
  const { page, desk } = props;
  const { t } = page;
  const unitName = (id: string) => desk.unitNames.get(id) ?? id;
  const { values, errors } = desk.query;
  const href = (change: Record<string, string | undefined>) => listHref('/hq', values, change);
  const lists = desk.lists;
  const messages = lists ? props.messages : [{ kind: 'error' as const, lines: [t('请检查筛选条件', 'Please check the filters')] }];
  return (
    <Layout page={page} title={t(`衔接队列 · ${desk.regionName}`, `Coordination · ${desk.regionName}`)} messages={messages}>
      <WorkflowTerms t={t} />
      <ListFilters
        t={t}
        action="/hq"
        fields={filterFields(DESK_FILTERS, {
          t,
          regions: desk.regions,
          units: desk.units,
          searchHint: t('带队领导、事由或单位', 'Leader, purpose or unit'),
        })}
        values={values}
        errors={errors}
      />
      {lists && (
        <>
          <h2>{t('待衔接的考察', 'Visits awaiting coordination')}</h2>
          {lists.queue.items.length === 0 ? (
            <p class="muted">{t('目前没有待衔接的考察。', 'Nothing is waiting for coordination.')}</p>
          ) : (
            lists.queue.items.map((item) => (
              <CoordinateCard page={page} item={item} unitName={unitName(item.visit.unitId)} draft={props.draft} />
            ))
          )}
          <Pager t={t} {...pagerLinks(href, lists.queue, DESK_PAGES.queue)} label={t('待衔接考察的翻页', 'Pages of the queue')} />

          <h2>{t('近期已衔接的考察', 'Coordinated visits coming up')}</h2>
          {lists.upcoming.items.length === 0 ? (
            <p class="muted">{t('暂无。', 'None.')}</p>
          ) : (
            <div class="table-wrap">
              <table class="cards">
                <thead>
                  <tr>
                    <th scope="col">{t('单位', 'Unit')}</th>
                    <th scope="col">{t('日期', 'Dates')}</th>
                    <th scope="col">{t('类型', 'Kind')}</th>
                    <th scope="col">{t('人数', 'Headcount')}</th>
                    <th scope="col">{t('状态', 'Status')}</th>
                    <th scope="col">{t('衔接意见', 'Opinion')}</th>
                  </tr>
                </thead>
                <tbody>
                  {lists.upcoming.items.map((v) => (
                    <tr>
                      <td data-label={t('单位', 'Unit')}>{unitName(v.unitId)}</td>
                      <td class="nowrap" data-label={t('日期', 'Dates')}>
                        <a href={`/visits/${encodeURIComponent(v.id)}`}>{dateRange(v.startDate, v.endDate, t)}</a>
                      </td>
                      <td data-label={t('类型', 'Kind')}>{kindLabel(v.kind, t)}</td>
                      <td data-label={t('人数', 'Headcount')}>{v.headcount}</td>
                      <td data-label={t('状态', 'Status')}>
                        <VisitStatusBadge status={v.status} t={t} />
                      </td>
                      <td data-label={t('衔接意见', 'Opinion')}>{v.coordinationOpinion}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager
            t={t}
            {...pagerLinks(href, lists.upcoming, DESK_PAGES.upcoming)}
            label={t('已衔接考察的翻页', 'Pages of coordinated visits')}
          />

          <h2>{t('待省对口支援办审批的公务接待', 'Receptions awaiting the office')}</h2>
          {lists.receptions.items.length === 0 ? (
            <p class="muted">{t('暂无。', 'None.')}</p>
          ) : (
            <div class="table-wrap">
              <table class="cards">
                <thead>
                  <tr>
                    <th scope="col">{t('接待单位', 'Host unit')}</th>
                    <th scope="col">{t('日期', 'Dates')}</th>
                    <th scope="col">{t('来访人数', 'Guests')}</th>
                    <th scope="col">{t('带队级别', 'Lead rank')}</th>
                    <th scope="col">{t('公函文号', 'Official letter')}</th>
                  </tr>
                </thead>
                <tbody>
                  {lists.receptions.items.map((r) => (
                    <tr>
                      <td data-label={t('接待单位', 'Host unit')}>{unitName(r.hostUnitId)}</td>
                      <td class="nowrap" data-label={t('日期', 'Dates')}>
                        <a href={`/receptions/${encodeURIComponent(r.id)}`}>{dateRange(r.startDate, r.endDate, t)}</a>
                      </td>
                      <td data-label={t('来访人数', 'Guests')}>{r.guestCount}</td>
                      <td data-label={t('带队级别', 'Lead rank')}>{rankLabel(r.leadRank, t)}</td>
                      <td data-label={t('公函文号', 'Official letter')}>{r.officialLetterRef}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager t={t} {...pagerLinks(href, lists.receptions, DESK_PAGES.receptions)} label={t('公务接待的翻页', 'Pages of receptions')} />
        </>
      )}
    </Layout>
  );
}
