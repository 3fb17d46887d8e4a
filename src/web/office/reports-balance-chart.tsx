// The balance chart of one region: each unit with cadres there as a horizontal bar of its
// consolation per cadre, the median as a line and the accepted band [under × median,
// over × median] as a shaded rectangle. Pure SVG with attributes and classes (the CSP forbids
// inline styles); the numbers are also in <title> tooltips and in the table under the chart.
import type { RegionBalance, UnitBalance } from '../../services/balance-report.js';
import type { PageContext } from '../../views/layout.js';
import { formatNumber } from './reports-common.js';

export const CHART = { width: 660, labelWidth: 150, plotWidth: 400, top: 28, rowHeight: 30, barHeight: 18, bottom: 10 } as const;

export type BarLevel = 'over' | 'under' | 'normal';

export interface ChartBar {
  unitId: string;
  value: number;
  level: BarLevel;
  x: number;
  y: number;
  width: number;
}

export interface ChartGeometry {
  height: number;
  /** The value at the right edge of the plot: the largest bar or the band's top, whichever is more. */
  scaleMax: number;
  bars: ChartBar[];
  medianX: number;
  band: { x: number; width: number };
  plotTop: number;
  plotBottom: number;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Only units with cadres in the region have a per-cadre value, so only they get a bar. */
export function chartGeometry(region: RegionBalance, thresholds: { overRatio: number; underRatio: number }): ChartGeometry {
  const withCadres = region.units.filter((u): u is UnitBalance & { consolationPerCadre: number } => u.consolationPerCadre !== null);
  const median = region.median.consolationPerCadre;
  const scaleMax = Math.max(1, thresholds.overRatio * median, ...withCadres.map((u) => u.consolationPerCadre));
  const xOf = (value: number) => round2(CHART.labelWidth + (value / scaleMax) * CHART.plotWidth);
  const bars = withCadres.map((u, i): ChartBar => {
    const flag = u.flags.find((f) => f.metric === 'consolationPerCadre');
    return {
      unitId: u.unitId,
      value: u.consolationPerCadre,
      level: flag?.level ?? 'normal',
      x: CHART.labelWidth,
      y: CHART.top + i * CHART.rowHeight + (CHART.rowHeight - CHART.barHeight) / 2,
      width: round2((u.consolationPerCadre / scaleMax) * CHART.plotWidth),
    };
  });
  const plotBottom = CHART.top + withCadres.length * CHART.rowHeight;
  const bandLeft = xOf(thresholds.underRatio * median);
  return {
    height: plotBottom + CHART.bottom,
    scaleMax,
    bars,
    medianX: xOf(median),
    band: { x: bandLeft, width: round2(xOf(thresholds.overRatio * median) - bandLeft) },
    plotTop: CHART.top - 6,
    plotBottom,
  };
}

const LEVEL_MARK: Record<BarLevel, [string, string]> = { over: [' ▲偏高', ' ▲ over'], under: [' ▼偏低', ' ▼ under'], normal: ['', ''] };

export function BalanceChart(props: {
  page: PageContext;
  region: RegionBalance;
  regionName: string;
  unitName: (id: string) => string;
  thresholds: { overRatio: number; underRatio: number };
}) {
  const { page, region, thresholds } = props;
  const { t } = page;
  const g = chartGeometry(region, thresholds);
  const median = formatNumber(region.median.consolationPerCadre, page);
  const label = t(
    `${props.regionName}:各单位人均慰问金(元/人),中位数 ${median},合理区间 ${formatNumber(thresholds.underRatio * region.median.consolationPerCadre, page)}–${formatNumber(thresholds.overRatio * region.median.consolationPerCadre, page)}`,
    `${props.regionName}: consolation per cadre by unit (yuan), median ${median}, band ${formatNumber(thresholds.underRatio * region.median.consolationPerCadre, page)}–${formatNumber(thresholds.overRatio * region.median.consolationPerCadre, page)}`,
  );
  return (
    <svg class="balance-chart" viewBox={`0 0 ${CHART.width} ${g.height}`} role="img" aria-label={label} data-region={region.regionId}>
      <title>{label}</title>
      <rect class="band" x={g.band.x} y={g.plotTop} width={g.band.width} height={g.plotBottom - g.plotTop}>
        <title>{t('合理区间', 'Balanced band')}</title>
      </rect>
      {g.bars.map((bar) => {
        const name = props.unitName(bar.unitId);
        const amount = formatNumber(bar.value, page);
        const mark = t(...LEVEL_MARK[bar.level]);
        return (
          <g class={`bar-row ${bar.level}`} data-unit={bar.unitId}>
            <text class="bar-label" x={CHART.labelWidth - 8} y={bar.y + CHART.barHeight - 4} text-anchor="end">
              {name}
            </text>
            <rect class={`bar ${bar.level}`} x={bar.x} y={bar.y} width={bar.width} height={CHART.barHeight}>
              <title>{t(`${name}:人均慰问金 ${amount} 元${mark}`, `${name}: ${amount} yuan per cadre${mark}`)}</title>
            </rect>
            <text class="bar-value" x={bar.x + bar.width + 6} y={bar.y + CHART.barHeight - 4}>
              {amount}
              {mark}
            </text>
          </g>
        );
      })}
      <line class="median" x1={g.medianX} x2={g.medianX} y1={g.plotTop} y2={g.plotBottom}>
        <title>{t(`中位数 ${median}`, `Median ${median}`)}</title>
      </line>
      <text class="median-label" x={g.medianX} y={CHART.top - 10} text-anchor="middle">
        {t(`中位数 ${median}`, `median ${median}`)}
      </text>
    </svg>
  );
}

export function ChartLegend(props: { page: PageContext; thresholds: { overRatio: number; underRatio: number } }) {
  const { t } = props.page;
  const { overRatio, underRatio } = props.thresholds;
  return (
    <ul class="chart-legend">
      <li>
        <span class="swatch normal" aria-hidden="true"></span>
        {t('在合理区间内', 'Within the band')}
      </li>
      <li>
        <span class="swatch over" aria-hidden="true"></span>
        {t(`▲偏高:高于中位数 × ${overRatio}`, `▲ over: above ${overRatio} × median`)}
      </li>
      <li>
        <span class="swatch under" aria-hidden="true"></span>
        {t(`▼偏低:低于中位数 × ${underRatio}`, `▼ under: below ${underRatio} × median`)}
      </li>
      <li>
        <span class="swatch band" aria-hidden="true"></span>
        {t('阴影:合理区间', 'Shaded: the balanced band')}
      </li>
      <li>
        <span class="swatch median" aria-hidden="true"></span>
        {t('竖线:中位数', 'Line: the median')}
      </li>
    </ul>
  );
}
