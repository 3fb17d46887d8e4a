// The office's robot and webhook settings (/office/settings/webhooks): the registered receivers
// with a form to add one (DingTalk, WeCom or generic), and per receiver its page with a test
// message, its deliveries (paged) and removal. The API's services do the checking.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { EVENT_TYPES } from '../../domain/notifications.js';
import { NewWebhookBody } from '../../schemas/notifications.js';
import { zodIssues } from '../../schemas/common.js';
import { AppError, validationFailed } from '../../services/errors.js';
import { allRegions } from '../../services/reference.js';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listWebhooks,
  testWebhook,
  webhookDeliveries,
  type WebhookView,
} from '../../services/webhooks.js';
import { formatInstant } from '../../views/components/record-history.js';
import { CsrfField, type Flash, Layout, type PageContext } from '../../views/layout.js';
import { formFields, formList, pageContext, problemFlash } from '../page.js';
import { webUser } from '../session.js';
import { SettingsNav } from './settings-nav.js';
import { isFlashList, isStringArray, keepForNextPage, takeFromLastPost } from '../flash.js';

const KIND_WORDS: Record<WebhookView['kind'], [string, string]> = {
  dingtalk: ['钉钉(浙政钉)群机器人', 'DingTalk group robot'],
  wecom: ['企业微信群机器人', 'WeCom group robot'],
  generic: ['通用 Webhook(Standard Webhooks 签名)', 'Generic webhook (Standard Webhooks signature)'],
};

const EVENT_WORDS: Record<string, [string, string]> = {
  'visit.submitted': ['考察预约待衔接(新提交或修改)', 'Visit submitted or edited'],
  'visit.coordinated': ['考察已衔接', 'Visit coordinated'],
  'visit.approved': ['考察已批准', 'Visit approved'],
  'visit.rejected': ['考察未通过', 'Visit rejected'],
  'visit.cancelled': ['考察已取消', 'Visit cancelled'],
  'visit.withdrawn': ['考察已撤回', 'Visit withdrawn'],
  'reception.submitted': ['公务接待待审批', 'Reception submitted'],
  'reception.approved': ['公务接待已批准', 'Reception approved'],
  'reception.rejected': ['公务接待未通过', 'Reception rejected'],
  'reception.cancelled': ['公务接待已取消', 'Reception cancelled'],
  'monthly.outlook': ['月询(每月初)', 'Monthly outlook'],
  'webhook.test': ['测试消息', 'Test message'],
};

const word = (table: Record<string, [string, string]>, key: string, page: PageContext) => {
  const w = table[key];
  return w ? page.t(w[0], w[1]) : key;
};

const WEBHOOK_NOTE = 'webhook-created';
const WEBHOOK_TEST = 'webhook-test';

async function renderList(c: Context<AppEnv>, extra: { messages?: Flash[]; values?: Record<string, string>; status?: 200 | 422 } = {}) {
  const user = webUser(c, 'office');
  const page = pageContext(c);
  const { t } = page;
  const [hooks, regions] = await Promise.all([listWebhooks(c.var.deps, user, { limit: 200 }), allRegions(c.var.deps)]);
  const regionName = (id: string | null) => {
    const r = regions.find((x) => x.id === id);
    return r ? t(r.name, r.nameEn) : t('全部受援地', 'Every region');
  };
  const values = extra.values ?? {};
  return c.html(
    <Layout page={page} title={t('通知机器人与 Webhook', 'Robots and webhooks')} messages={extra.messages}>
      <SettingsNav page={page} />
      <p class="hint">
        {t(
          '考察和接待的每次状态变化会推送到这里登记的钉钉、企业微信群机器人或通用 Webhook;发送失败会自动重试至少 24 小时。',
          'Every change of a visit or reception is pushed to the DingTalk or WeCom group robots and webhooks registered here; failures are retried for at least 24 hours.',
        )}
      </p>
      {hooks.items.length === 0 ? (
        <p>{t('尚未登记。', 'None registered yet.')}</p>
      ) : (
        <div class="table-wrap">
          <table class="cards">
            <thead>
              <tr>
                <th scope="col">{t('名称', 'Label')}</th>
                <th scope="col">{t('类型', 'Kind')}</th>
                <th scope="col">{t('地址', 'URL')}</th>
                <th scope="col">{t('范围', 'Scope')}</th>
                <th scope="col">{t('事件', 'Events')}</th>
              </tr>
            </thead>
            <tbody>
              {hooks.items.map((h) => (
                <tr>
                  <td data-label={t('名称', 'Label')}>
                    <a href={`/office/settings/webhooks/${encodeURIComponent(h.id)}`}>{h.label ?? t('(未命名)', '(no label)')}</a>
                  </td>
                  <td data-label={t('类型', 'Kind')}>{word(KIND_WORDS, h.kind, page)}</td>
                  <td data-label={t('地址', 'URL')}>
                    <code class="url">{h.url}</code>
                  </td>
                  <td data-label={t('范围', 'Scope')}>{regionName(h.regionId)}</td>
                  <td data-label={t('事件', 'Events')}>
                    {h.events ? h.events.map((e) => word(EVENT_WORDS, e, page)).join(t('、', ', ')) : t('全部', 'All')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section class="card" aria-labelledby="add-heading">
        <h2 id="add-heading">{t('登记新的机器人或 Webhook', 'Register a robot or webhook')}</h2>
        <form method="post" action="/office/settings/webhooks">
          <CsrfField page={page} />
          <label for="hook-kind">{t('类型', 'Kind')}</label>
          <select id="hook-kind" name="kind">
            {(['dingtalk', 'wecom', 'generic'] as const).map((k) => (
              <option value={k} selected={values.kind === k}>
                {word(KIND_WORDS, k, page)}
              </option>
            ))}
          </select>
          <label for="hook-url">{t('Webhook 地址', 'Webhook URL')}</label>
          <input
            id="hook-url"
            name="url"
            required
            maxlength={2000}
            value={values.url ?? ''}
            placeholder="https://oapi.dingtalk.com/robot/send?access_token=…"
          />
          <label for="hook-secret">
            {t(
              '加签密钥(钉钉以 SEC 开头;通用 Webhook 可留空自动生成;企业微信不填)',
              'Secret (DingTalk: SEC…; generic: leave empty to get one; WeCom: none)',
            )}
          </label>
          <input id="hook-secret" name="secret" maxlength={200} autocomplete="off" />
          <label for="hook-label">{t('名称', 'Label')}</label>
          <input id="hook-label" name="label" maxlength={100} value={values.label ?? ''} />
          <label for="hook-region">{t('范围', 'Scope')}</label>
          <select id="hook-region" name="regionId">
            <option value="">{t('全部受援地', 'Every region')}</option>
            {regions.map((r) => (
              <option value={r.id} selected={values.regionId === r.id}>
                {t(r.name, r.nameEn)}
              </option>
            ))}
          </select>
          <fieldset>
            <legend>{t('推送哪些事件(不选即全部)', 'Which events (none ticked: all)')}</legend>
            {EVENT_TYPES.map((e) => (
              <label class="hint">
                <input type="checkbox" name="events" value={e} /> {word(EVENT_WORDS, e, page)}
              </label>
            ))}
          </fieldset>
          <div class="actions">
            <button type="submit">{t('登记', 'Register')}</button>
          </div>
        </form>
      </section>
    </Layout>,
    extra.status ?? 200,
  );
}

async function renderHook(c: Context<AppEnv>, messages: Flash[] = []) {
  const user = webUser(c, 'office');
  const page = pageContext(c);
  const { t } = page;
  const id = c.req.param('id') ?? '';
  const hook = await getWebhook(c.var.deps, user, id);
  const log = await webhookDeliveries(c.var.deps, user, { id, cursor: c.req.query('cursor'), limit: 50 });
  const path = `/office/settings/webhooks/${encodeURIComponent(id)}`;
  return c.html(
    <Layout page={page} title={hook.label ?? t('机器人与 Webhook', 'Robot or webhook')} messages={messages}>
      <SettingsNav page={page} />
      <dl class="facts">
        <dt>{t('类型', 'Kind')}</dt>
        <dd>{word(KIND_WORDS, hook.kind, page)}</dd>
        <dt>{t('地址', 'URL')}</dt>
        <dd>
          <code class="url">{hook.url}</code>
        </dd>
        <dt>{t('加签', 'Signed')}</dt>
        <dd>{hook.hasSecret ? t('是', 'Yes') : t('否', 'No')}</dd>
      </dl>
      <div class="actions">
        <form method="post" action={`${path}/test`}>
          <CsrfField page={page} />
          <button type="submit">{t('发送测试消息', 'Send a test message')}</button>
        </form>
        <form method="post" action={`${path}/remove`}>
          <CsrfField page={page} />
          <button type="submit" class="danger">
            {t('删除', 'Remove')}
          </button>
        </form>
        <a href="/office/settings/webhooks">{t('返回列表', 'Back to the list')}</a>
      </div>
      <h2>{t('发送记录', 'Deliveries')}</h2>
      {log.items.length === 0 ? (
        <p>{t('尚无发送记录。', 'Nothing sent yet.')}</p>
      ) : (
        <div class="table-wrap">
          <table class="cards">
            <thead>
              <tr>
                <th scope="col">{t('时间', 'When')}</th>
                <th scope="col">{t('事件', 'Event')}</th>
                <th scope="col">{t('第几次', 'Attempt')}</th>
                <th scope="col">{t('结果', 'Outcome')}</th>
                <th scope="col">{t('应答', 'Response')}</th>
              </tr>
            </thead>
            <tbody>
              {log.items.map((a) => (
                <tr>
                  <td class="nowrap" data-label={t('时间', 'When')}>
                    {formatInstant(a.at)}
                  </td>
                  <td data-label={t('事件', 'Event')}>{word(EVENT_WORDS, a.event, page)}</td>
                  <td data-label={t('第几次', 'Attempt')}>{a.attempt}</td>
                  <td data-label={t('结果', 'Outcome')}>
                    <span class={`status ${a.status === 'sent' ? 'approved' : 'rejected'}`}>
                      {a.status === 'sent' ? t('成功', 'Sent') : t('失败', 'Failed')}
                    </span>
                  </td>
                  <td data-label={t('应答', 'Response')}>
                    {a.responseStatus ?? '—'} {a.error && <span class="muted">{a.error}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {log.nextCursor && (
        <p>
          <a href={`${path}?cursor=${encodeURIComponent(log.nextCursor)}`}>{t('更早的记录', 'Older deliveries')}</a>
        </p>
      )}
    </Layout>,
  );
}

export const webhookSettingsPages = new Hono<AppEnv>()
  .get('/', (c) => {
    const created = c.req.query('created');
    const lines = created ? takeFromLastPost(c, WEBHOOK_NOTE, isStringArray) : null;
    return renderList(c, lines ? { messages: [{ kind: 'ok', lines }], values: { created: created ?? '' } } : {});
  })
  .post('/', async (c) => {
    const user = webUser(c, 'office');
    const page = pageContext(c);
    const values = await formFields(c);
    const events = await formList(c, 'events');
    const candidate = {
      url: values.url ?? '',
      kind: values.kind ?? '',
      secret: values.secret?.trim() || undefined,
      regionId: values.regionId || undefined,
      events: events.length ? events : undefined,
      label: values.label ?? '',
    };
    try {
      const parsed = NewWebhookBody.safeParse(candidate);
      if (!parsed.success) throw validationFailed(zodIssues(parsed.error));
      const { webhook, secret } = await createWebhook(c.var.deps, user, parsed.data);
      const lines = [page.t('已登记。', 'Registered.')];
      if (secret)
        lines.push(page.t(`签名密钥(只显示这一次,请妥善保存):${secret}`, `Signing secret (shown only now; keep it safe): ${secret}`));
      // The generated secret is shown once, on the list this post redirects to (a reload registers nothing).
      keepForNextPage(c, WEBHOOK_NOTE, lines);
      return c.redirect(`/office/settings/webhooks?created=${encodeURIComponent(webhook.id)}`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
      return renderList(c, { messages: [problemFlash(error, page).flash], values, status: 422 });
    }
  })
  .get('/:id', (c) => renderHook(c, (c.req.query('tested') && takeFromLastPost(c, WEBHOOK_TEST, isFlashList)) || []))
  .post('/:id/test', async (c) => {
    const user = webUser(c, 'office');
    const { t } = pageContext(c);
    const result = await testWebhook(c.var.deps, user, c.req.param('id'));
    const flash: Flash =
      result.status === 'sent'
        ? { kind: 'ok', lines: [t('测试消息已送达。', 'The test message was delivered.')] }
        : { kind: 'error', lines: [t('测试消息未送达:', 'The test message was not delivered: ') + (result.error ?? '')] };
    keepForNextPage(c, WEBHOOK_TEST, [flash]);
    return c.redirect(`/office/settings/webhooks/${encodeURIComponent(c.req.param('id'))}?tested=1`, 303);
  })
  .post('/:id/remove', async (c) => {
    await deleteWebhook(c.var.deps, webUser(c, 'office'), c.req.param('id'));
    return c.redirect('/office/settings/webhooks', 303);
  });
