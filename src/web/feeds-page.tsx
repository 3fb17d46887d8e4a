// Calendar feed management for every role, mounted at /feeds: list, create (the URL is shown once,
// on the answer to the form post, because only its hash is stored), revoke. Who may subscribe to
// what is decided by the same service as the API (services/feeds.ts), from the session user.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { Actor } from '../domain/actor.js';
import { calendarDayIn, PROGRAMME_TIME_ZONE } from '../domain/dates.js';
import { AppError } from '../services/errors.js';
import {
  createFeed,
  type CreatedFeed,
  type FeedRequest,
  type FeedScope,
  type FeedView,
  ownActiveFeeds,
  revokeOwnFeed,
} from '../services/feeds.js';
import { referenceNames } from '../services/reference.js';
import { errorAttributes, FieldError } from '../views/components/field-error.js';
import { CsrfField, Layout, type Flash, type PageContext } from '../views/layout.js';
import { keepForNextPage, takeFromLastPost } from './flash.js';
import { formFields, pageContext, problemFlash } from './page.js';
import { webUser } from './session.js';
import { httpStatusOf } from '../http/problem.js';
import { NewFeedBody } from '../schemas/feeds.js';

const LABEL_MAX_LENGTH = 100;
const SCOPES: readonly FeedScope[] = ['region', 'unit', 'all'];

interface Names {
  regions: { id: string; name: string }[];
  units: { id: string; name: string }[];
}

interface FeedForm {
  values: Record<string, string>;
  errors: Record<string, string>;
}

/** Calendar apps subscribe (and keep refreshing) through webcal://; the address is the same. */
export function webcalUrl(url: string): string {
  return url.replace(/^https?:\/\//, 'webcal://');
}

async function loadNames(c: Context<AppEnv>): Promise<Names> {
  return referenceNames(c.var.deps);
}

function scopeText(feed: FeedView, names: Names, t: PageContext['t']): string {
  const nameOf = (list: { id: string; name: string }[], id: string | null) => list.find((x) => x.id === id)?.name ?? id ?? '';
  if (feed.scope === 'region') return t(`地区:${nameOf(names.regions, feed.regionId)}`, `Region: ${nameOf(names.regions, feed.regionId)}`);
  if (feed.scope === 'unit') return t(`单位:${nameOf(names.units, feed.unitId)}`, `Unit: ${nameOf(names.units, feed.unitId)}`);
  return t('全部考察与接待', 'Everything');
}

const errorId = (name: string) => `feed-${name}-error`;
const invalidProps = (name: string, form: FeedForm) => errorAttributes(errorId(name), form.errors[name]);

function FeedFieldError(props: { name: string; form: FeedForm }) {
  return <FieldError id={errorId(props.name)} error={props.form.errors[props.name]} />;
}

function ScopeFields(props: { page: PageContext; user: Actor; names: Names; form: FeedForm }) {
  const { page, user, names, form } = props;
  const { t } = page;
  if (user.role === 'hq') {
    const region = names.regions.find((r) => r.id === user.regionId)?.name ?? user.regionId;
    return (
      <p class="hint">
        {t(`订阅本指挥部所在地区(${region})的全部考察与接待。`, `Subscribes to every visit and reception of your region (${region}).`)}
      </p>
    );
  }
  if (user.role === 'unit') {
    const unit = names.units.find((u) => u.id === user.unitId)?.name ?? user.unitId;
    return <p class="hint">{t(`订阅本单位(${unit})的考察和接待。`, `Subscribes to the visits and receptions of your unit (${unit}).`)}</p>;
  }
  const v = form.values;
  return (
    <div class="row">
      <div>
        <label for="feed-scope">{t('订阅范围', 'Scope')}</label>
        <select id="feed-scope" name="scope" {...invalidProps('scope', form)}>
          <option value="region" selected={v.scope === 'region'}>
            {t('一个地区', 'One region')}
          </option>
          <option value="unit" selected={v.scope === 'unit'}>
            {t('一个单位', 'One unit')}
          </option>
          <option value="all" selected={v.scope === 'all'}>
            {t('全部', 'Everything')}
          </option>
        </select>
        <FeedFieldError name="scope" form={form} />
      </div>
      <div>
        <label for="feed-regionId">
          {t('地区', 'Region')} <span class="hint">{t('(范围为“一个地区”时)', '(for “one region”)')}</span>
        </label>
        <select id="feed-regionId" name="regionId" {...invalidProps('regionId', form)}>
          <option value="">—</option>
          {names.regions.map((r) => (
            <option value={r.id} selected={v.regionId === r.id}>
              {r.name}
            </option>
          ))}
        </select>
        <FeedFieldError name="regionId" form={form} />
      </div>
      <div>
        <label for="feed-unitId">
          {t('单位', 'Unit')} <span class="hint">{t('(范围为“一个单位”时)', '(for “one unit”)')}</span>
        </label>
        <select id="feed-unitId" name="unitId" {...invalidProps('unitId', form)}>
          <option value="">—</option>
          {names.units.map((u) => (
            <option value={u.id} selected={v.unitId === u.id}>
              {u.name}
            </option>
          ))}
        </select>
        <FeedFieldError name="unitId" form={form} />
      </div>
    </div>
  );
}

function FeedsPage(props: { page: PageContext; user: Actor; feeds: FeedView[]; names: Names; form: FeedForm; messages: Flash[] }) {
  const { page, feeds, names, form } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t('日历订阅', 'Calendar feeds')} messages={props.messages}>
      <p class="hint">
        {t(
          '订阅地址只在创建时显示一次;遗失时请撤销后重新创建。',
          'A feed’s address is shown once, when it is created; if it is lost, revoke the feed and create a new one.',
        )}
      </p>
      {feeds.length === 0 ? (
        <p class="muted">{t('还没有日历订阅。', 'No calendar feeds yet.')}</p>
      ) : (
        <div class="table-wrap">
          <table class="cards">
            <thead>
              <tr>
                <th scope="col">{t('名称', 'Label')}</th>
                <th scope="col">{t('范围', 'Scope')}</th>
                <th scope="col">{t('创建日期', 'Created')}</th>
                <th scope="col">{t('操作', 'Action')}</th>
              </tr>
            </thead>
            <tbody>
              {feeds.map((feed) => (
                <tr>
                  <td data-label={t('名称', 'Label')}>{feed.label ?? '—'}</td>
                  <td data-label={t('范围', 'Scope')}>{scopeText(feed, names, t)}</td>
                  <td class="nowrap" data-label={t('创建日期', 'Created')}>
                    {calendarDayIn(PROGRAMME_TIME_ZONE, new Date(feed.createdAt))}
                  </td>
                  <td data-label={t('操作', 'Action')}>
                    <form method="post" action={`/feeds/${feed.id}/revoke`}>
                      <CsrfField page={page} />
                      <button type="submit" class="danger">
                        {t('撤销', 'Revoke')}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('新建日历订阅', 'New calendar feed')}</h2>
      <form method="post" action="/feeds" class="card">
        <CsrfField page={page} />
        <ScopeFields page={page} user={props.user} names={names} form={form} />
        <label for="feed-label">
          {t('名称', 'Label')} <span class="hint">{t('(可选,仅用于区分订阅)', '(optional, to tell feeds apart)')}</span>
        </label>
        <input id="feed-label" name="label" maxlength={LABEL_MAX_LENGTH} value={form.values.label ?? ''} {...invalidProps('label', form)} />
        <FeedFieldError name="label" form={form} />
        <div class="actions">
          <button type="submit">{t('创建订阅', 'Create feed')}</button>
        </div>
      </form>
    </Layout>
  );
}

function CreatedFeedPage(props: { page: PageContext; created: CreatedFeed; scope: string }) {
  const { page, created } = props;
  const { t } = page;
  const webcal = webcalUrl(created.url);
  return (
    <Layout
      page={page}
      title={t('日历订阅已创建', 'Calendar feed created')}
      messages={[
        {
          kind: 'warn',
          lines: [
            t(
              '订阅地址只显示这一次,请现在复制或订阅;它相当于密码,请勿外传。',
              'This address is shown only now: copy or subscribe now. Treat it like a password.',
            ),
          ],
        },
      ]}
    >
      <section class="card">
        <p>
          {props.scope}
          {created.feed.label ? ` · ${created.feed.label}` : ''}
        </p>
        <div class="actions">
          <a class="button" href={webcal}>
            {t('用日历应用订阅', 'Subscribe in a calendar app')}
          </a>
          <button type="button" class="secondary" data-copy={created.url} data-copied={t('已复制', 'Copied')}>
            {t('复制链接', 'Copy link')}
          </button>
        </div>
        <p>
          {t('webcal 地址:', 'webcal address: ')}
          <code class="url">{webcal}</code>
        </p>
        <label for="feed-url">{t('订阅地址(可选中复制)', 'Feed address (select to copy)')}</label>
        <input id="feed-url" type="text" readonly value={created.url} />
      </section>
      <p>
        <a href="/feeds">{t('返回日历订阅', 'Back to calendar feeds')}</a>
      </p>
    </Layout>
  );
}

type FormReading = { ok: true; request: FeedRequest } | { ok: false; errors: FeedForm['errors'] };

/** The form as the service's request: ids only for the scope that uses them; role-bound scopes fixed. */
function readFeedForm(user: Actor, values: Record<string, string>, t: PageContext['t']): FormReading {
  const parsed = NewFeedBody.shape.label.safeParse(values.label ?? '');
  if (!parsed.success) {
    const tooLong = (values.label ?? '').trim().length > LABEL_MAX_LENGTH;
    return {
      ok: false,
      errors: {
        label: tooLong
          ? t(`名称最多 ${LABEL_MAX_LENGTH} 字`, `At most ${LABEL_MAX_LENGTH} characters`)
          : t('名称不能包含控制字符', 'The name must not contain control characters'),
      },
    };
  }
  const label = parsed.data ?? null;
  if (user.role === 'hq') return { ok: true, request: { scope: 'region', label } };
  if (user.role === 'unit') return { ok: true, request: { scope: 'unit', label } };
  const scope = SCOPES.find((s) => s === values.scope);
  if (!scope) return { ok: false, errors: { scope: t('请选择订阅范围', 'Choose a scope') } };
  const regionId = scope === 'region' ? values.regionId || undefined : undefined;
  const unitId = scope === 'unit' ? values.unitId || undefined : undefined;
  return { ok: true, request: { scope, label, regionId, unitId } };
}

const FIELD_MESSAGES: Record<string, [string, string]> = {
  regionId: ['请选择地区', 'Choose a region'],
  unitId: ['请选择单位', 'Choose a unit'],
};

const FEED_CREATED = 'feed-created';

const isCreatedFeedNote = (value: unknown): value is { feedId: string; url: string } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { feedId?: unknown }).feedId === 'string' &&
  typeof (value as { url?: unknown }).url === 'string';

async function renderList(c: Context<AppEnv>, user: Actor, status: 200 | 422, form: FeedForm, messages: Flash[]) {
  const [feeds, names] = await Promise.all([ownActiveFeeds(c.var.deps, user), loadNames(c)]);
  return c.html(<FeedsPage page={pageContext(c)} user={user} feeds={feeds} names={names} form={form} messages={messages} />, status);
}

export const feedPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const user = webUser(c);
    const { t } = pageContext(c);
    const messages: Flash[] =
      c.req.query('done') === 'revoked'
        ? [{ kind: 'ok', lines: [t('订阅已撤销,原地址已失效。', 'The feed is revoked; its address no longer works.')] }]
        : [];
    return renderList(c, user, 200, { values: { scope: 'region' }, errors: {} }, messages);
  })
  .post('/', async (c) => {
    const user = webUser(c);
    const page = pageContext(c);
    const values = await formFields(c);
    const reading = readFeedForm(user, values, page.t);
    if (!reading.ok)
      return renderList(c, user, 422, { values, errors: reading.errors }, [
        { kind: 'error', lines: [page.t('请检查填写的内容', 'Please check the form')] },
      ]);
    try {
      const created = await createFeed(c.var.deps, user, reading.request);
      // The address is shown once, on the page this post redirects to (a reload creates nothing).
      keepForNextPage(c, FEED_CREATED, { feedId: created.feed.id, url: created.url });
      return c.redirect('/feeds/created', 303);
    } catch (error) {
      // A missing or unknown region/unit comes back to the form; 403 and the unexpected go to onError.
      if (!(error instanceof AppError) || httpStatusOf(error) !== 422) throw error;
      const { flash, fieldErrors } = problemFlash(error, page);
      const errors = Object.fromEntries(
        Object.keys(fieldErrors).map((path) => [path, page.t(...(FIELD_MESSAGES[path] ?? ['请检查此项', 'Check this field']))]),
      );
      return renderList(c, user, 422, { values, errors }, [flash]);
    }
  })
  .get('/created', async (c) => {
    const user = webUser(c);
    const page = pageContext(c);
    const shown = takeFromLastPost(c, FEED_CREATED, isCreatedFeedNote);
    const feed = shown ? (await ownActiveFeeds(c.var.deps, user)).find((f) => f.id === shown.feedId) : undefined;
    if (!shown || !feed) {
      // Shown already (a reload, a second tab): the address cannot be shown again, only replaced.
      const lines = [
        page.t(
          '订阅地址只在创建后显示一次。若未保存,请撤销该订阅并新建一个。',
          'A feed address is shown only once, right after it is created. If you did not keep it, revoke the feed and create a new one.',
        ),
      ];
      return renderList(c, user, 200, { values: { scope: 'region' }, errors: {} }, [{ kind: 'warn', lines }]);
    }
    const names = await loadNames(c);
    return c.html(<CreatedFeedPage page={page} created={{ feed, url: shown.url }} scope={scopeText(feed, names, page.t)} />);
  })
  .post('/:id/revoke', async (c) => {
    const user = webUser(c);
    await revokeOwnFeed(c.var.deps, user, c.req.param('id'));
    return c.redirect('/feeds?done=revoked', 303);
  });
