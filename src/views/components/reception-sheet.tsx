// The reception list (接待清单) the 2013 rules require, as the unit and the office print it. The
// figures come from services/reception-list.ts, the same as the API's list and the CSV; each page
// adds only its own frame (back link, CSV link, print button).
import type { Child } from 'hono/jsx';
import type { ReceptionList } from '../../services/reception-list.js';
import { rankLabel, receptionStatusLabel } from '../labels.js';
import type { PageContext } from '../layout.js';

/** Label and value rows, the label as the row's header. */
function FactsTable(props: { rows: [string, Child][] }) {
  return (
    <table class="facts">
      <tbody>
        {props.rows.map(([label, value]) => (
          <tr>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One titled table of the sheet; `empty` stands in for a table without rows. */
export function Section(props: { title: string; headers: string[]; rows: (string | number)[][]; empty: string }) {
  return (
    <section class="sheet-section">
      <h2>{props.title}</h2>
      {props.rows.length === 0 ? (
        <p class="muted">{props.empty}</p>
      ) : (
        <div class="table-wrap">
          <table class="cards">
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
                  {row.map((cell, i) => (
                    <td data-label={props.headers[i]}>{cell}</td>
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

export function ReceptionSheet(props: { page: PageContext; list: ReceptionList }) {
  const { page, list } = props;
  const { t } = page;
  const none = t('无', 'None');
  const meal = list.workMeal;
  return (
    <>
      <FactsTable
        rows={[
          [t('接待单位', 'Host unit'), list.hostUnit.name],
          [t('来访地区', 'Region'), list.region.name],
          [t('公函', 'Official letter'), list.officialLetterRef],
          [t('日期', 'Dates'), `${list.startDate} – ${list.endDate}`],
          [t('接待地点', 'Venue'), list.venue ?? '—'],
          [t('来宾人数', 'Guest count'), String(list.guestCount)],
          [t('带队级别', 'Lead rank'), rankLabel(list.leadRank, t)],
          [t('状态', 'Status'), receptionStatusLabel(list.status, t)],
        ]}
      />
      <Section
        title={t('来宾', 'Guests')}
        headers={[t('姓名', 'Name'), t('职务', 'Title'), t('级别', 'Rank')]}
        rows={list.guests.map((g) => [g.name, g.title, rankLabel(g.rank, t)])}
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
        headers={[
          t('日期', 'Date'),
          t('来宾', 'Guests'),
          t('陪餐', 'Accompanying'),
          t('用餐人数', 'Diners'),
          t('人均(元)', 'Per person (yuan)'),
          t('金额(元)', 'Cost (yuan)'),
        ]}
        rows={meal ? [[meal.date, meal.guests, meal.accompanying, meal.diners, meal.costPerPersonYuan, meal.costYuan]] : []}
        empty={none}
      />
      <Section
        title={t('住宿', 'Lodging')}
        headers={[
          t('级别', 'Rank'),
          t('房间', 'Rooms'),
          t('晚数', 'Nights'),
          t('房价(元/晚)', 'Rate (yuan a night)'),
          t('金额(元)', 'Cost (yuan)'),
        ]}
        rows={list.lodging.map((l) => [rankLabel(l.rank, t), l.rooms, l.nights, l.ratePerNightYuan, l.costYuan])}
        empty={none}
      />
      <section class="sheet-section sheet-totals" aria-labelledby="totals">
        <h2 id="totals">{t('合计', 'Totals')}</h2>
        <FactsTable
          rows={[
            [t('工作餐用餐人次', 'Meal diners'), list.totals.mealDiners],
            [t('工作餐费用(元)', 'Meal cost (yuan)'), list.totals.mealCostYuan],
            [t('住宿费用(元)', 'Lodging cost (yuan)'), list.totals.lodgingCostYuan],
            [t('合计(元)', 'Total (yuan)'), <strong>{list.totals.totalYuan}</strong>],
          ]}
        />
      </section>
      <SignOff page={props.page} />
    </>
  );
}

/**
 * The lines a paper 接待清单 carries for the people who prepared and checked it and the date, so a
 * printed list can be signed and filed (档案) as it is.
 */
function SignOff(props: { page: PageContext }) {
  const { t } = props.page;
  const lines = [t('经办人', 'Prepared by'), t('审核人', 'Checked by'), t('日期', 'Date')];
  return (
    <section class="sheet-section sign-off" aria-label={t('签字', 'Signatures')}>
      {lines.map((label) => (
        <p class="sign-line">
          <span>{label}:</span>
          <span class="blank" />
        </p>
      ))}
    </section>
  );
}
