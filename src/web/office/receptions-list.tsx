// One reception's list (接待清单) as the office sees it: the shared printable sheet, framed with the
// way back to the queue and a CSV download.
import type { ReceptionList } from '../../services/reception-list.js';
import { ReceptionSheet } from '../../views/components/reception-sheet.js';
import { Layout, type PageContext } from '../../views/layout.js';

export function ReceptionListPage(props: { page: PageContext; list: ReceptionList }) {
  const { page, list } = props;
  const { t } = page;
  const id = encodeURIComponent(list.receptionId);
  return (
    <Layout page={page} title={t('接待清单', 'Reception list')}>
      <p class="actions no-print">
        <a href="/office/receptions">{t('返回公务接待审批', 'Back to the reception queue')}</a>
        <a class="button secondary" href={`/office/receptions/${id}/list.csv`} download>
          {t('下载 CSV', 'Download CSV')}
        </a>
      </p>
      <ReceptionSheet page={page} list={list} />
    </Layout>
  );
}
