// Pieces the office's account pages share: role and status words, times in Beijing time, the
// name of the unit or region an account belongs to, and the list's filter form.
import { PROGRAMME_TIME_ZONE } from '../../domain/dates.js';
import type { Role } from '../../domain/types.js';
import type { AccountRow } from '../../services/accounts.js';
import type { RegionView, UnitView } from '../../services/reference.js';
import type { Translate } from '../../views/i18n.js';
import { roleName } from '../../views/layout.js';
import type { PageContext } from '../../views/layout.js';

export const ROLES: readonly Role[] = ['office', 'hq', 'unit'];

export const roleLabel = (role: Role, t: Translate) => roleName(role, t);

// sv-SE formats as "YYYY-MM-DD HH:MM"; the programme's clock is Beijing time.
const AT = new Intl.DateTimeFormat('sv-SE', { timeZone: PROGRAMME_TIME_ZONE, dateStyle: 'short', timeStyle: 'short' });

export function instant(value: string | null, t: Translate): string {
  return value ? AT.format(new Date(value)) : t('从未', 'never');
}

export interface Names {
  units: UnitView[];
  regions: RegionView[];
}

/** What the account belongs to: its unit, its region's HQ, or the office itself. */
export function belongsTo(account: Pick<AccountRow, 'role' | 'unitId' | 'regionId'>, names: Names, t: Translate): string {
  if (account.role === 'unit') return names.units.find((u) => u.id === account.unitId)?.name ?? account.unitId ?? '';
  if (account.role === 'hq') {
    const region = names.regions.find((r) => r.id === account.regionId);
    return region ? t(region.hqName, `${region.nameEn} HQ`) : (account.regionId ?? '');
  }
  return t('省对口支援办', 'Provincial office');
}

export function ActiveBadge(props: { active: boolean; t: Translate }) {
  const { active, t } = props;
  return <span class={`status ${active ? 'approved' : 'withdrawn'}`}>{active ? t('启用', 'Active') : t('已停用', 'Deactivated')}</span>;
}

export interface ListFilters {
  q?: string;
  role?: string;
  unitId?: string;
  regionId?: string;
  active?: string;
}

/** A plain GET form: the filters stay in the URL, so a filtered list can be bookmarked. */
export function FilterForm(props: { page: PageContext; filters: ListFilters; names: Names }) {
  const { page, filters, names } = props;
  const { t } = page;
  const option = (value: string, label: string, current: string | undefined) => (
    <option value={value} selected={value === (current ?? '')}>
      {label}
    </option>
  );
  return (
    <form method="get" action="/office/accounts" class="card" aria-label={t('筛选账号', 'Filter accounts')}>
      <div class="row">
        <div>
          <label for="filter-q">{t('搜索邮箱或名称', 'Search e-mail or name')}</label>
          <input id="filter-q" name="q" type="search" value={filters.q ?? ''} maxlength={100} />
        </div>
        <div>
          <label for="filter-role">{t('角色', 'Role')}</label>
          <select id="filter-role" name="role">
            {option('', t('全部', 'All'), filters.role)}
            {ROLES.map((r) => option(r, roleLabel(r, t), filters.role))}
          </select>
        </div>
        <div>
          <label for="filter-unit">{t('结对单位', 'Unit')}</label>
          <select id="filter-unit" name="unitId">
            {option('', t('全部', 'All'), filters.unitId)}
            {names.units.map((u) => option(u.id, u.name, filters.unitId))}
          </select>
        </div>
        <div>
          <label for="filter-region">{t('前方指挥部', 'Frontline HQ')}</label>
          <select id="filter-region" name="regionId">
            {option('', t('全部', 'All'), filters.regionId)}
            {names.regions.map((r) => option(r.id, t(r.name, r.nameEn), filters.regionId))}
          </select>
        </div>
        <div>
          <label for="filter-active">{t('状态', 'Status')}</label>
          <select id="filter-active" name="active">
            {option('', t('全部', 'All'), filters.active)}
            {option('true', t('启用', 'Active'), filters.active)}
            {option('false', t('已停用', 'Deactivated'), filters.active)}
          </select>
        </div>
      </div>
      <div class="actions">
        <button type="submit">{t('筛选', 'Filter')}</button>
        <a href="/office/accounts">{t('清除筛选', 'Clear filters')}</a>
      </div>
    </form>
  );
}

/** The list's URL with these filters (empty ones left out) and, for a later page, its cursor. */
export function listUrl(filters: ListFilters, cursor?: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (cursor) params.set('cursor', cursor);
  const query = params.toString();
  return query ? `/office/accounts?${query}` : '/office/accounts';
}
