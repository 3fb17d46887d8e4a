// The facts of a visit every page describes it by (people, leader, purpose and, for a condolence
// visit, cadres and money): rows of a <dl class="facts">, shared by the record page and the HQ's
// coordination card so both say the same thing the same way.
import type { VisitRow } from '../../services/visit-reads.js';
import type { Translate } from '../i18n.js';

export function yuanLabel(amount: number | null, t: Translate): string {
  return amount === null ? '—' : t(`${amount} 元`, `${amount} yuan`);
}

type VisitFacts = Pick<VisitRow, 'kind' | 'headcount' | 'leaderName' | 'leaderTitle' | 'purpose' | 'cadresVisited' | 'consolationYuan'>;

export function VisitFactRows(props: { visit: VisitFacts; t: Translate }) {
  const { visit: v, t } = props;
  return (
    <>
      <dt>{t('人数', 'Headcount')}</dt>
      <dd>{t(`${v.headcount} 人`, `${v.headcount}`)}</dd>
      <dt>{t('带队领导', 'Leader')}</dt>
      <dd>{v.leaderTitle ? `${v.leaderName}(${v.leaderTitle})` : v.leaderName}</dd>
      <dt>{t('事由', 'Purpose')}</dt>
      <dd>{v.purpose}</dd>
      {v.kind === 'condolence' && (
        <>
          <dt>{t('慰问干部人数', 'Cadres visited')}</dt>
          <dd>{v.cadresVisited ?? '—'}</dd>
          <dt>{t('慰问金', 'Consolation')}</dt>
          <dd>{yuanLabel(v.consolationYuan, t)}</dd>
        </>
      )}
    </>
  );
}
