// The office's settings (/office/settings): an index page and one sub-router per setting.
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { Layout } from '../../views/layout.js';
import { pageContext } from '../page.js';
import { webUser } from '../session.js';
import { balanceSettingsPages } from './settings-balance.js';
import { cadreSettingsPages } from './settings-cadres.js';
import { capsSettingsPages } from './settings-caps.js';
import { SETTINGS_PAGES } from './settings-nav.js';
import { receptionSettingsPages } from './settings-reception.js';
import { regionSettingsPages } from './settings-regions.js';
import { unitSettingsPages } from './settings-units.js';
import { webhookSettingsPages } from './settings-webhooks.js';

export const settingsPages = new Hono<AppEnv>()
  .get('/', (c) => {
    webUser(c, 'office');
    const page = pageContext(c);
    const { t } = page;
    return c.html(
      <Layout page={page} title={t('设置', 'Settings')}>
        <div class="grid">
          {SETTINGS_PAGES.map((p) => (
            <section class="card">
              <h2>
                <a href={p.href}>{t(p.zh, p.en)}</a>
              </h2>
              <p class="hint">{t(p.zhHint, p.enHint)}</p>
            </section>
          ))}
        </div>
      </Layout>,
    );
  })
  .route('/caps', capsSettingsPages)
  .route('/regions', regionSettingsPages)
  .route('/reception', receptionSettingsPages)
  .route('/balance', balanceSettingsPages)
  .route('/cadres', cadreSettingsPages)
  .route('/units', unitSettingsPages)
  .route('/webhooks', webhookSettingsPages);
