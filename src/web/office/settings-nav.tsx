// Pieces every settings page shows: the list of settings pages and a year picker.
import type { PageContext } from '../../views/layout.js';

export { YearPicker } from '../../views/components/year-picker.js';

export const SETTINGS_PAGES = [
  {
    href: '/office/settings/caps',
    zh: '年度上限',
    en: 'Annual caps',
    zhHint: '各单位每年的考察批次、每批人数和人次上限',
    enHint: "Each unit's batches, people per batch and person-trips a year",
  },
  {
    href: '/office/settings/regions',
    zh: '受援地接待规则',
    en: 'Region rules',
    zhHint: '每天最多接待批次、抵达间隔和暂停接待期',
    enHint: 'Delegations a day, days between arrivals, blackout periods',
  },
  {
    href: '/office/settings/reception',
    zh: '公务接待标准',
    en: 'Reception standards',
    zhHint: '工作餐和住宿标准',
    enHint: 'Work meal and lodging rates',
  },
  {
    href: '/office/settings/balance',
    zh: '慰问平衡阈值',
    en: 'Balance thresholds',
    zhHint: '高于或低于中位数多少倍时提示',
    enHint: 'How far above or below the median is flagged',
  },
  {
    href: '/office/settings/units',
    zh: '结对单位',
    en: 'Units',
    zhHint: '全省设区市和省级部门;在此添加省级部门',
    enHint: 'The cities and the provincial departments; add a department here',
  },
  {
    href: '/office/settings/cadres',
    zh: '援派干部名册',
    en: 'Cadre roster',
    zhHint: '各单位在各受援地的援派干部人数',
    enHint: 'Seconded cadres per unit and region',
  },
  {
    href: '/office/settings/webhooks',
    zh: '通知机器人与 Webhook',
    en: 'Robots and webhooks',
    zhHint: '向钉钉、企业微信群或其他系统推送考察和接待的变化',
    enHint: 'Push changes to DingTalk or WeCom groups and other systems',
  },
] as const;

export function SettingsNav(props: { page: PageContext }) {
  const { t, path } = props.page;
  return (
    <nav aria-label={t('设置', 'Settings')} class="actions no-print">
      <a href="/office/settings">{t('全部设置', 'All settings')}</a>
      {SETTINGS_PAGES.map((p) => (
        <a href={p.href} aria-current={path === p.href ? 'page' : undefined}>
          {t(p.zh, p.en)}
        </a>
      ))}
    </nav>
  );
}
