// The office's reports, mounted at /office/reports: cap usage (with CSV download), the monthly
// outlook (月询) and the condolence balance with a chart per region. The numbers come from the
// same services as GET /api/v1/reports/*, and the CSV downloads are the API's CSV byte for byte
// (a link cannot send `Accept: text/csv`, hence the .csv page routes).
import { Hono, type Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../../app-env.js';
import { balanceReport } from '../../services/balance-report.js';
import { validationFailed } from '../../services/errors.js';
import { referenceNames } from '../../services/reference.js';
import { type CsvFile, csvFile, monthlyCsvRows, usageCsvRows } from '../../services/report-csv.js';
import { monthlyReport, shiftMonth, usageReport } from '../../services/reports.js';
import { errorAttributes, FieldError } from '../../views/components/field-error.js';
import { Layout, type PageContext } from '../../views/layout.js';
import { pageContext } from '../page.js';
import { webUser } from '../session.js';
import { archiveReportPages } from './reports-archive.js';
import { BalanceRegionSection } from './reports-balance.js';
import { FilterField, monthQuery, ReportTabs, yearQuery, type QueryValue } from './reports-common.js';
import { MonthlyRegionSection } from './reports-monthly.js';
import { UsageTable, usageSortOf } from './reports-usage.js';

export const officeReportPages = new Hono<AppEnv>();

/** The page frame of every report: tabs, the period form, then the report (unless the period is bad). */
function ReportPage(props: { page: PageContext; title: string; filters: Child; children?: Child; invalid: boolean }) {
  const { page } = props;
  return (
    <Layout
      page={page}
      title={props.title}
      messages={props.invalid ? [{ kind: 'error', lines: [page.t('请检查填写的内容', 'Please check the form')] }] : []}
    >
      <ReportTabs page={page} />
      {props.filters}
      {!props.invalid && props.children}
    </Layout>
  );
}

/** The same bytes as the API's `Accept: text/csv` answer, as a download. */
const csvDownload = (c: Context<AppEnv>, file: CsvFile) => c.body(file.body, 200, file.headers);

function refuseBadQuery(value: QueryValue<unknown>, path: string): void {
  if (value.error) throw validationFailed([{ path, message: value.error }]);
}

officeReportPages.get('/', (c) => c.redirect('/office/reports/usage', 303));
officeReportPages.route('/', archiveReportPages);

officeReportPages.get('/usage', async (c) => {
  const user = webUser(c, 'office');
  const page = pageContext(c);
  const { t } = page;
  const year = yearQuery(c, page);
  const sort = usageSortOf(c.req.query('sort'));
  const report = year.error ? null : await usageReport(c.var.deps, user, year.value);
  const filters = (
    <form method="get" action="/office/reports/usage" class="card filters">
      <div class="row">
        <FilterField id="year" label={t('年度', 'Year')} type="number" value={year.raw} error={year.error} />
      </div>
      <input type="hidden" name="sort" value={sort} />
      <div class="actions">
        <button type="submit">{t('查看', 'Show')}</button>
        {!year.error && (
          <a class="button secondary" href={`/office/reports/usage.csv?year=${year.value}`} download>
            {t('下载 CSV', 'Download CSV')}
          </a>
        )}
      </div>
    </form>
  );
  return c.html(
    <ReportPage page={page} title={t(`${year.value} 年度额度使用`, `Cap usage ${year.value}`)} filters={filters} invalid={!report}>
      <p class="hint">
        {t(
          '计入待衔接、已衔接待审批和已批准的考察;点击列标题排序(已用从多到少,剩余从少到多)。',
          'Counts submitted, coordinated and approved visits. Click a column heading to sort (most used, least left first).',
        )}
      </p>
      {report && <UsageTable page={page} year={report.year} sort={sort} rows={report.items} />}
    </ReportPage>,
    report ? 200 : 422,
  );
});

officeReportPages.get('/usage.csv', async (c) => {
  const user = webUser(c, 'office');
  const year = yearQuery(c, pageContext(c));
  refuseBadQuery(year, 'year');
  const report = await usageReport(c.var.deps, user, year.value);
  return csvDownload(c, csvFile(usageCsvRows(report), `usage-${year.value}.csv`));
});

officeReportPages.get('/monthly', async (c) => {
  const user = webUser(c, 'office');
  const page = pageContext(c);
  const { t } = page;
  const month = monthQuery(c, page);
  const report = month.error ? null : await monthlyReport(c.var.deps, user, month.value);
  const filters = (
    <form method="get" action="/office/reports/monthly" class="card filters">
      <div class="row">
        <FilterField id="month" label={t('月份', 'Month')} hint="YYYY-MM" type="month" value={month.raw} error={month.error} />
      </div>
      <div class="actions">
        <button type="submit">{t('查看', 'Show')}</button>
        <a href={`/office/reports/monthly?month=${shiftMonth(month.value, -1)}`} rel="prev">
          {t('← 上月', '← Previous month')}
        </a>
        <a href={`/office/reports/monthly?month=${shiftMonth(month.value, 1)}`} rel="next">
          {t('下月 →', 'Next month →')}
        </a>
        {!month.error && (
          <a class="button secondary" href={`/office/reports/monthly.csv?month=${month.value}`} download>
            {t('下载 CSV', 'Download CSV')}
          </a>
        )}
      </div>
    </form>
  );
  return c.html(
    <ReportPage page={page} title={t(`${month.value} 月询`, `Monthly outlook ${month.value}`)} filters={filters} invalid={!report}>
      <p class="hint">
        {t(
          '月询:每月初,省对口支援办向各前方指挥部通报并主动询问当月的考察慰问和来访接待安排,以便提前衔接。本页列出与本月有交集的考察慰问团(待衔接、已衔接待审批、已批准)和来访接待(待审批、已批准)。',
          'The monthly outlook (月询): at the start of each month the office tells each frontline HQ what is planned that month and asks ahead, so it can prepare. This page lists the delegations (awaiting coordination, awaiting approval, approved) and receptions (awaiting approval, approved) that touch the month.',
        )}
      </p>
      {report?.regions.map((region) => (
        <MonthlyRegionSection page={page} region={region} month={report.month} />
      ))}
    </ReportPage>,
    report ? 200 : 422,
  );
});

officeReportPages.get('/monthly.csv', async (c) => {
  const user = webUser(c, 'office');
  const month = monthQuery(c, pageContext(c));
  refuseBadQuery(month, 'month');
  const report = await monthlyReport(c.var.deps, user, month.value);
  return csvDownload(c, csvFile(monthlyCsvRows(report), `monthly-${month.value}.csv`));
});

officeReportPages.get('/balance', async (c: Context<AppEnv>) => {
  const user = webUser(c, 'office');
  const page = pageContext(c);
  const { t } = page;
  const year = yearQuery(c, page);
  const { regions, units } = await referenceNames(c.var.deps);
  const regionId = c.req.query('regionId') ?? '';
  const regionError =
    regionId !== '' && !regions.some((r) => r.id === regionId) ? t('请选择列表中的地区', 'Choose a region from the list') : undefined;
  const invalid = Boolean(year.error || regionError);
  const report = invalid ? null : await balanceReport(c.var.deps, user, { year: year.value, regionId: regionId || undefined });
  const regionName = new Map(regions.map((r) => [r.id, r.name]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const filters = (
    <form method="get" action="/office/reports/balance" class="card filters">
      <div class="row">
        <FilterField id="year" label={t('年度', 'Year')} type="number" value={year.raw} error={year.error} />
        <div>
          <label for="regionId">{t('地区', 'Region')}</label>
          <select id="regionId" name="regionId" {...errorAttributes('regionId-error', regionError)}>
            <option value="">{t('全部地区', 'All regions')}</option>
            {regions.map((r) => (
              <option value={r.id} selected={r.id === regionId}>
                {r.name}
              </option>
            ))}
          </select>
          <FieldError id="regionId-error" error={regionError} />
        </div>
      </div>
      <div class="actions">
        <button type="submit">{t('查看', 'Show')}</button>
      </div>
    </form>
  );
  return c.html(
    <ReportPage page={page} title={t(`${year.value} 年度慰问平衡`, `Condolence balance ${year.value}`)} filters={filters} invalid={!report}>
      {report && (
        <p class="hint">
          {t(
            `按派驻干部人均比较各单位的慰问(待衔接、已衔接待审批和已批准的慰问团);高于中位数 × ${report.overRatio} 为偏高,低于中位数 × ${report.underRatio} 为偏低。`,
            `Compares units' condolence visits (submitted, coordinated, approved) per seconded cadre; above ${report.overRatio} × median is over, below ${report.underRatio} × median is under.`,
          )}
        </p>
      )}
      {report?.regions.map((region) => (
        <BalanceRegionSection
          page={page}
          region={region}
          regionName={regionName.get(region.regionId) ?? region.regionId}
          unitName={(id) => unitName.get(id) ?? id}
          thresholds={report}
        />
      ))}
    </ReportPage>,
    report ? 200 : 422,
  );
});
