// The printable reception list (接待清单) the 2013 rules require, GET /unit/receptions/:id/list,
// and its CSV download, GET /unit/receptions/:id/list.csv. Both come from the same service as
// GET /api/v1/receptions/{id}/list, so the page, the sheet and the API show the same figures.
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { receptionListCsv, receptionListCsvHeaders, receptionListFor } from '../../services/reception-list.js';
import { ReceptionSheet } from '../../views/components/reception-sheet.js';
import { Layout } from '../../views/layout.js';
import { pageContext } from '../page.js';
import { unitUser } from './context.js';

export const receptionSheetPages = new Hono<AppEnv>()
  .get('/receptions/:id/list', async (c) => {
    const actor = unitUser(c);
    const page = pageContext(c);
    const { t } = page;
    const list = await receptionListFor(c.var.deps, actor, c.req.param('id'));
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
        <ReceptionSheet page={page} list={list} />
      </Layout>,
    );
  })
  .get('/receptions/:id/list.csv', async (c) => {
    const actor = unitUser(c);
    const list = await receptionListFor(c.var.deps, actor, c.req.param('id'));
    return c.body(receptionListCsv(list), 200, receptionListCsvHeaders(list));
  });
