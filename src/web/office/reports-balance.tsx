// One region of the balance report: the chart, its legend, and the numbers as a table (the
// accessible form of the chart, with both metrics and every unit, cadres or not).
import type { RegionBalance, UnitBalance } from '../../services/balance-report.js';
import type { PageContext } from '../../views/layout.js';
import { BalanceChart, ChartLegend } from './reports-balance-chart.js';
import { formatNumber } from './reports-common.js';

type Thresholds = { overRatio: number; underRatio: number };

function FlagText(props: { page: PageContext; unit: UnitBalance }) {
  const { t } = props.page;
  if (props.unit.flags.length === 0)
    return <>{props.unit.cadres > 0 ? t('均衡', 'Balanced') : t('无派驻干部,不比较', 'No cadres; not compared')}</>;
  return (
    <>
      {props.unit.flags
        .map((f) => {
          const metric = f.metric === 'consolationPerCadre' ? t('人均慰问金', 'money per cadre') : t('人均慰问次数', 'visits per cadre');
          return f.level === 'over' ? t(`${metric}偏高`, `${metric} over`) : t(`${metric}偏低`, `${metric} under`);
        })
        .join(t(';', '; '))}
    </>
  );
}

function BalanceTable(props: { page: PageContext; region: RegionBalance; regionName: string; unitName: (id: string) => string }) {
  const { page, region } = props;
  const { t } = page;
  const perCadre = (value: number | null) => (value === null ? '—' : formatNumber(value, page));
  return (
    <div class="table-wrap">
      <table class="report-table cards">
        <caption class="visually-hidden">
          {t(`${props.regionName} 各单位慰问情况`, `Condolence visits by unit, ${props.regionName}`)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('单位', 'Unit')}</th>
            <th scope="col">{t('派驻干部', 'Cadres')}</th>
            <th scope="col">{t('慰问批次', 'Condolence visits')}</th>
            <th scope="col">{t('慰问金(元)', 'Consolation (yuan)')}</th>
            <th scope="col">{t('人均慰问金(元)', 'Per cadre (yuan)')}</th>
            <th scope="col">{t('人均慰问次数', 'Visits per cadre')}</th>
            <th scope="col">{t('评估', 'Assessment')}</th>
          </tr>
        </thead>
        <tbody>
          {region.units.map((u) => (
            <tr data-unit={u.unitId}>
              <th scope="row">{props.unitName(u.unitId)}</th>
              <td class="num" data-label={t('派驻干部', 'Cadres')}>
                {formatNumber(u.cadres, page)}
              </td>
              <td class="num" data-label={t('慰问批次', 'Condolence visits')}>
                {formatNumber(u.condolenceVisits, page)}
              </td>
              <td class="num" data-label={t('慰问金(元)', 'Consolation (yuan)')}>
                {formatNumber(u.consolationYuan, page)}
              </td>
              <td class="num" data-label={t('人均慰问金(元)', 'Per cadre (yuan)')}>
                {perCadre(u.consolationPerCadre)}
              </td>
              <td class="num" data-label={t('人均慰问次数', 'Visits per cadre')}>
                {perCadre(u.visitsPerCadre)}
              </td>
              <td data-label={t('评估', 'Assessment')}>
                <FlagText page={page} unit={u} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('中位数', 'Median')}</th>
            <td data-label={t('派驻干部', 'Cadres')}></td>
            <td data-label={t('慰问批次', 'Condolence visits')}></td>
            <td data-label={t('慰问金(元)', 'Consolation (yuan)')}></td>
            <td class="num" data-label={t('人均慰问金(元)', 'Per cadre (yuan)')}>
              {formatNumber(region.median.consolationPerCadre, page)}
            </td>
            <td class="num" data-label={t('人均慰问次数', 'Visits per cadre')}>
              {formatNumber(region.median.visitsPerCadre, page)}
            </td>
            <td data-label={t('评估', 'Assessment')}></td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

export function BalanceRegionSection(props: {
  page: PageContext;
  region: RegionBalance;
  regionName: string;
  unitName: (id: string) => string;
  thresholds: Thresholds;
}) {
  const { page, region } = props;
  const { t } = page;
  const hasBars = region.units.some((u) => u.consolationPerCadre !== null);
  return (
    <section class="card" aria-labelledby={`balance-${region.regionId}`} data-region={region.regionId}>
      <h2 id={`balance-${region.regionId}`}>{props.regionName}</h2>
      {region.units.length === 0 ? (
        <p class="muted">
          {t('本年度该地区没有派驻干部名册,也没有慰问记录。', 'No cadre roster and no condolence visits for this region this year.')}
        </p>
      ) : (
        <>
          {hasBars ? (
            <>
              <BalanceChart
                page={page}
                region={region}
                regionName={props.regionName}
                unitName={props.unitName}
                thresholds={props.thresholds}
              />
              <ChartLegend page={page} thresholds={props.thresholds} />
            </>
          ) : (
            <p class="muted">
              {t('没有单位在该地区登记派驻干部,无法按人均比较。', 'No unit has cadres registered here, so nothing is compared per cadre.')}
            </p>
          )}
          <BalanceTable page={page} region={region} regionName={props.regionName} unitName={props.unitName} />
        </>
      )}
    </section>
  );
}
