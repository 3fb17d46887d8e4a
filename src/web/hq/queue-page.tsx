// GET /hq: the coordination desk of one region's frontline HQ.
import { VisitStatusBadge } from '../../views/components/status-badge.js';
import { kindLabel, rankLabel } from '../../views/labels.js';
import { Layout, type Flash, type PageContext } from '../../views/layout.js';
import { CoordinateCard, type OpinionDraft } from './coordinate-card.js';
import { dateRange } from './labels.js';
import type { CoordinationDesk } from './queue-data.js';

export function QueuePage(props: { page: PageContext; desk: CoordinationDesk; messages?: Flash[]; draft?: OpinionDraft }) {
  const { page, desk } = props;
  const { t } = page;
  const unitName = (id: string) => desk.unitNames.get(id) ?? id;
  return (
    <Layout page={page} title={t(`衔接队列 · ${desk.regionName}`, `Coordination · ${desk.regionName}`)} messages={props.messages}>
      <h2>{t(`待衔接的考察(${desk.queue.length})`, `Visits awaiting coordination (${desk.queue.length})`)}</h2>
      {desk.queue.length === 0 ? (
        <p class="muted">{t('目前没有待衔接的考察。', 'Nothing is waiting for coordination.')}</p>
      ) : (
        desk.queue.map((item) => <CoordinateCard page={page} item={item} unitName={unitName(item.visit.unitId)} draft={props.draft} />)
      )}

      <h2>{t('近期已衔接的考察', 'Recently coordinated visits')}</h2>
      {desk.recent.length === 0 ? (
        <p class="muted">{t('暂无。', 'None.')}</p>
      ) : (
        <div class="table-wrap">
          <table>
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
              {desk.recent.map((v) => (
                <tr>
                  <td>
                    <a href={`/visits/${encodeURIComponent(v.id)}`}>{unitName(v.unitId)}</a>
                  </td>
                  <td class="nowrap">{dateRange(v.startDate, v.endDate, t)}</td>
                  <td>{kindLabel(v.kind, t)}</td>
                  <td>{v.headcount}</td>
                  <td>
                    <VisitStatusBadge status={v.status} t={t} />
                  </td>
                  <td>{v.coordinationOpinion}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t('待省对口支援办审批的公务接待', 'Receptions awaiting the office')}</h2>
      {desk.receptions.length === 0 ? (
        <p class="muted">{t('暂无。', 'None.')}</p>
      ) : (
        <div class="table-wrap">
          <table>
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
              {desk.receptions.map((r) => (
                <tr>
                  <td>
                    <a href={`/receptions/${encodeURIComponent(r.id)}`}>{unitName(r.hostUnitId)}</a>
                  </td>
                  <td class="nowrap">{dateRange(r.startDate, r.endDate, t)}</td>
                  <td>{r.guestCount}</td>
                  <td>{rankLabel(r.leadRank, t)}</td>
                  <td>{r.officialLetterRef}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
