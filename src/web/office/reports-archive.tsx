// The year's archive (档案) for the office: a page that says what the ZIP holds, with the button
// that downloads it (/office/reports/archive.zip, the same stream as GET /api/v1/archive/{year}.zip).
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { withKnownLength } from '../../lib/known-length.js';
import { yearArchive } from '../../services/archive.js';
import { validationFailed } from '../../services/errors.js';
import { Layout } from '../../views/layout.js';
import { pageContext } from '../page.js';
import { webUser } from '../session.js';
import { FilterField, ReportTabs, yearQuery } from './reports-common.js';

export const archiveReportPages = new Hono<AppEnv>()
  .get('/archive', (c) => {
    webUser(c, 'office');
    const page = pageContext(c);
    const { t } = page;
    const year = yearQuery(c, page);
    return c.html(
      <Layout page={page} title={t('年度档案', 'Yearly archive')}>
        <ReportTabs page={page} />
        <form method="get" action="/office/reports/archive.zip" class="card filters">
          <div class="row">
            <FilterField id="year" label={t('年度', 'Year')} type="number" value={year.raw} error={year.error} />
          </div>
          <div class="actions">
            <button type="submit">{t('下载年度档案(ZIP)', 'Download the year’s archive (ZIP)')}</button>
          </div>
        </form>
        <section class="card">
          <h2>{t('档案包含', 'What it holds')}</h2>
          <ul>
            <li>{t('visits.csv:本年度的全部考察慰问团(任何状态)', 'visits.csv: every visit counting in the year, in any status')}</li>
            <li>{t('receptions.csv:本年度开始的全部公务接待', 'receptions.csv: every reception starting in the year')}</li>
            <li>
              {t(
                'history.csv:上述记录的全部变更历史,以及本年度的其他操作记录(设置等)',
                'history.csv: every change to those records, and every other history entry of the year (settings…)',
              )}
            </li>
            <li>{t('reception-lists/:每次接待的接待清单', 'reception-lists/: each reception’s list (接待清单)')}</li>
            <li>
              {t(
                'documents/<记录编号>/:这些记录的全部文件,包括已撤回的',
                'documents/<record id>/: every document of those records, withdrawn ones included',
              )}
            </li>
            <li>
              {t(
                'manifest.json:每个文件的 SHA-256 校验值,用于核对档案完整无误',
                'manifest.json: every file’s SHA-256, to verify the archive is complete and unaltered',
              )}
            </li>
          </ul>
          <p class="hint">
            {t(
              '文件较多时下载需要一些时间;档案边生成边下载,不占用服务器大量内存。',
              'With many documents the download takes a while; the archive is written as it downloads.',
            )}
          </p>
        </section>
      </Layout>,
      year.error ? 422 : 200,
    );
  })
  .get('/archive.zip', async (c) => {
    const user = webUser(c, 'office');
    const year = yearQuery(c, pageContext(c));
    if (year.error) throw validationFailed([{ path: 'year', message: year.error }]);
    const archive = await yearArchive(c.var.deps, user, year.value);
    return c.body(withKnownLength(archive.body, archive.size), 200, {
      'content-type': 'application/zip',
      'content-length': String(archive.size),
      'content-disposition': `attachment; filename="${archive.filename}"`,
      'cache-control': 'private, no-store',
    });
  });
