// The filter fields the visit and reception lists offer, built from the reference names read once
// for the page.
import type { ReceptionStatus, VisitKind, VisitStatus } from '../../domain/types.js';
import type { RegionView, UnitView } from '../../services/reference.js';
import type { FilterField } from '../../views/components/list-filters.js';
import type { Translate } from '../../views/i18n.js';
import { kindLabel, receptionStatusLabel, visitStatusLabel } from '../../views/labels.js';

export type FilterName = 'year' | 'regionId' | 'unitId' | 'hostUnitId' | 'kind' | 'status' | 'from' | 'to' | 'q';

export interface FilterChoices {
  t: Translate;
  regions: RegionView[];
  units: UnitView[];
  /** The statuses the status filter offers (visits' or receptions'). */
  visitStatuses?: readonly VisitStatus[];
  receptionStatuses?: readonly ReceptionStatus[];
  /** What the search box searches, for its placeholder. */
  searchHint?: string;
}

const KINDS: readonly VisitKind[] = ['inspection', 'condolence'];

/** Statuses people look for together: what is still open, and what counts toward the caps. */
const VISIT_STATUS_GROUPS = [
  { value: 'submitted,coordinated', zh: '待处理(待衔接、待审批)', en: 'Pending (HQ or office)' },
  { value: 'submitted,coordinated,approved', zh: '计入额度(待处理、已批准)', en: 'Counted (pending, approved)' },
];

/** The fields named, in the order given. */
export function filterFields(names: readonly FilterName[], choices: FilterChoices): FilterField[] {
  const { t } = choices;
  const units = choices.units.map((u) => ({ value: u.id, label: u.name }));
  const field: Record<FilterName, FilterField> = {
    year: { kind: 'number', name: 'year', label: t('年度', 'Year') },
    regionId: {
      kind: 'select',
      name: 'regionId',
      label: t('受援地', 'Region'),
      all: t('全部受援地', 'All regions'),
      options: choices.regions.map((r) => ({ value: r.id, label: t(r.name, r.nameEn) })),
    },
    unitId: { kind: 'select', name: 'unitId', label: t('单位', 'Unit'), all: t('全部单位', 'All units'), options: units },
    hostUnitId: { kind: 'select', name: 'hostUnitId', label: t('接待单位', 'Host unit'), all: t('全部单位', 'All units'), options: units },
    kind: {
      kind: 'select',
      name: 'kind',
      label: t('类型', 'Kind'),
      all: t('全部类型', 'All kinds'),
      options: KINDS.map((k) => ({ value: k, label: kindLabel(k, t) })),
    },
    status: {
      kind: 'select',
      name: 'status',
      label: t('状态', 'Status'),
      all: t('全部状态', 'All statuses'),
      options: [
        ...(choices.visitStatuses ?? []).map((s) => ({ value: s, label: visitStatusLabel(s, t) })),
        ...(choices.visitStatuses?.length ? VISIT_STATUS_GROUPS.map((g) => ({ value: g.value, label: t(g.zh, g.en) })) : []),
        ...(choices.receptionStatuses ?? []).map((s) => ({ value: s, label: receptionStatusLabel(s, t) })),
        ...(choices.receptionStatuses?.length
          ? [{ value: 'submitted,approved', label: t('有效(待审批、已批准)', 'Active (awaiting approval, approved)') }]
          : []),
      ],
    },
    from: { kind: 'date', name: 'from', label: t('日期自', 'From') },
    to: { kind: 'date', name: 'to', label: t('日期至', 'To') },
    q: { kind: 'search', name: 'q', label: t('搜索', 'Search'), placeholder: choices.searchHint },
  };
  return names.map((name) => field[name]);
}
