// The printable reception list (接待清单) the 2013 rules require, GET /unit/receptions/:id/list,
// and its CSV download, GET /unit/receptions/:id/list.csv. Both come from the same service as
// GET /api/v1/receptions/{id}/list, so the page, the sheet and the API show the same figures.
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { receptionListCsv, receptionListCsvHeaders, receptionListFor, type ReceptionList } from '../../services/reception-list.js';
import { RANK_WORDS, RECEPTION_STATUS_WORDS, say } from '../../views/labels.js';
import { Layout, type PageContext } from '../../views/layout.js';
import { pageContext } from '../page.js';
import { unitUser } from './context.js';

function Facts(props: { page: PageContext; list: ReceptionList }) {
  const { t } = props.page;
  const { list } = props;
  const rows: [string, string][] = [
    [t('接待单位', 'Host unit'), list.hostUnit.name],
    [t('来访地区', 'Region'), list.region.name],
    [t('公函', 'Official letter'), list.officialLetterRef],
    [t('日期', 'Dates'), `${list.startDate} – ${list.endDate}`],
    [t('接待地点', 'Venue'), list.venue ?? '—'],
    [t('来宾人数', 'Guest count'), String(list.guestCount)],
    [t('带队级别', 'Lead rank'), say(RANK_WORDS[list.leadRank], t)],
    [t('状态', 'Status'), say(RECEPTION_STATUS_WORDS[list.status], t)],
  ];
  return (
    <table class="facts">
      <tbody>
        {rows.map(([label, value]) => (
          <tr>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Section(props: { title: string; headers: string[]; rows: (string | number)[][]; empty: string }) {
  return (
    <section class="sheet-section">
      <h2>{props.title}</h2>
      {props.rows.length === 0 ? (
        <p class="muted">{props.empty}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                {props.headers.map((h) => (
                  <th scope="col">{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
                <tr>
                  {row.map((cell) => (
                    <td>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Sheet(props: { page: PageContext; list: ReceptionList }) {
  const { page, list } = props;
  const { t } = page;
  const none = t('无', 'None');
  const meal = list.workMeal;
  return (
    <>
      <Facts page={page} list={list} />
      <Section
        title={t('来宾', 'Guests')}
        headers={[t('姓名', 'Name'), t('职务', 'Title'), t('级别', 'Rank')]}
        rows={list.guests.map((g) => [g.name, g.title, say(RANK_WORDS[g.rank], t)])}
        empty={none}
      />
      <Section
        title={t('活动', 'Activities')}
        headers={[t('日期', 'Date'), t('内容', 'Description'), t('地点', 'Place')]}
        rows={list.activities.map((a) => [a.date, a.description, a.place])}
        empty={none}
      />
      <Section
        title={t('工作餐', 'Work meal')}
        headers={[t('日期', 'Date'), t('来宾', 'Guests'), t('陪餐', 'Accompanying'), t('用餐人数', 'Diners'), t('人均(元)', 'Per person (yuan)'), t('金额(元)', 'Cost (yuan)')]}
        rows={meal ? [[meal.date, meal.guests, meal.accompanying, meal.diners, meal.costPerPersonYuan, meal.costYuan]] : []}
        empty={none}
      />
      <Section
        title={t('住宿', 'Lodging')}
        headers={[t('级别', 'Rank'), t('房间', 'Rooms'), t('晚数', 'Nights'), t('房价(元/晚)', 'Rate (yuan a night)'), t('金额(元)', 'Cost (yuan)')]}
        rows={list.lodging.map((l) => [say(RANK_WORDS[l.rank], t), l.rooms, l.nights, l.ratePerNightYuan, l.costYuan])}
        empty={none}
      />
      <section class="sheet-section sheet-totals" aria-labelledby="totals">
        <h2 id="totals">{t('合计', 'Totals')}</h2>
        <table class="facts">
          <tbody>
            <tr>
              <th scope="row">{t('工作餐用餐人次', 'Meal diners')}</th>
              <td>{list.totals.mealDiners}</td>
            </tr>
            <tr>
              <th scope="row">{t('工作餐费用(元)', 'Meal cost (yuan)')}</th>
              <td>{list.totals.mealCostYuan}</td>
            </tr>
            <tr>
              <th scope="row">{t('住宿费用(元)', 'Lodging cost (yuan)')}</th>
              <td>{list.totals.lodgingCostYuan}</td>
            </tr>
            <tr>
              <th scope="row">{t('合计(元)', 'Total (yuan)')}</th>
              <td>
                <strong>{list.totals.totalYuan}</strong>
              </td>
            </tr>
          </tbody>
        </table>
      </section>
    </>
  );
}

export const receptionSheetPages = new Hono<AppEnv>()
  .get('/receptions/:id/list', async (c) => {
    unitUser(c);
    const page = pageContext(c);
    const { t } = page;
    const list = await receptionListFor(c, c.req.param('id'));
    const csvHref = `/unit/receptions/${encodeURIComponent(list.receptionId)}/list.csv`;
    return c.html(
      <Layout page={page} title={t('接待清单', 'Reception list')}>
        <p class="actions no-print">
          <a class="button secondary" href={csvHref} download>
            {t('下载 CSV(Excel 可打开)', 'Download CSV (opens in Excel)')}
          </a>
          <button type="button" class="secondary" data-print hidden>
            {t('打印', 'Print')}
          </button>
          <a href="/unit/receptions">{t('返回公务接待', 'Back to receptions')}</a>
        </p>
        <Sheet page={page} list={list} />
      </Layout>,
    );
  })
  .get('/receptions/:id/list.csv', async (c) => {
    unitUser(c);
    const list = await receptionListFor(c, c.req.param('id'));
    return c.body(receptionListCsv(list), 200, receptionListCsvHeaders(list));
  });
