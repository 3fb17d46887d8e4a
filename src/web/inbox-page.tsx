// The inbox page for every role (/inbox): notifications newest first, paged, all or unread only;
// opening one marks it read and goes to its record; mark all read; turn e-mail on or off.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { type InboxItem, listInbox, openNotification, readAllNotifications } from '../services/inbox.js';
import { myAccount, updateMyAccount } from '../services/me.js';
import { formatInstant } from '../views/components/record-history.js';
import { CsrfField, type Flash, Layout, type PageContext } from '../views/layout.js';
import { formFields, pageContext } from './page.js';
import { webUser } from './session.js';

const DONE: Record<string, { zh: string; en: string }> = {
  'all-read': { zh: '已全部标为已读。', en: 'All marked as read.' },
  'email-on': { zh: '已开启邮件提醒。', en: 'E-mail notifications are on.' },
  'email-off': { zh: '已关闭邮件提醒;通知仍会出现在这里。', en: 'E-mail notifications are off; notifications still appear here.' },
};

async function renderInbox(c: Context<AppEnv>) {
  const user = webUser(c);
  const page = pageContext(c);
  const { t } = page;
  const unreadOnly = c.req.query('unread') === 'true';
  const [inbox, me] = await Promise.all([
    listInbox(c.var.deps, user, { unread: unreadOnly ? 'true' : undefined, cursor: c.req.query('cursor'), limit: 50 }),
    myAccount(c.var.deps, user),
  ]);
  const done = DONE[c.req.query('done') ?? ''];
  const messages: Flash[] = done ? [{ kind: 'ok', lines: [t(done.zh, done.en)] }] : [];
  const filter = unreadOnly ? '&unread=true' : '';
  // The page's own count (the navigation's is capped at 100).
  const pageWithCount: PageContext = { ...page, unreadCount: inbox.unreadCount };
  return c.html(
    <Layout page={pageWithCount} title={t('通知', 'Notifications')} messages={messages}>
      <div class="actions no-print">
        <a href="/inbox" aria-current={unreadOnly ? undefined : 'page'}>
          {t('全部', 'All')}
        </a>
        <a href="/inbox?unread=true" aria-current={unreadOnly ? 'page' : undefined}>
          {t(`未读(${inbox.unreadCount})`, `Unread (${inbox.unreadCount})`)}
        </a>
        {inbox.unreadCount > 0 && (
          <form method="post" action="/inbox/read-all">
            <CsrfField page={page} />
            <button type="submit" class="secondary">
              {t('全部标为已读', 'Mark all as read')}
            </button>
          </form>
        )}
      </div>
      {inbox.items.length === 0 ? (
        <p>{unreadOnly ? t('没有未读通知。', 'No unread notifications.') : t('暂无通知。', 'No notifications yet.')}</p>
      ) : (
        <ul class="inbox">
          {inbox.items.map((item) => (
            <InboxEntry page={page} item={item} />
          ))}
        </ul>
      )}
      {inbox.nextCursor && (
        <p>
          <a href={`/inbox?cursor=${encodeURIComponent(inbox.nextCursor)}${filter}`}>{t('更早的通知', 'Older notifications')}</a>
        </p>
      )}
      <section class="card" aria-labelledby="email-heading">
        <h2 id="email-heading">{t('邮件提醒', 'E-mail')}</h2>
        <p>
          {me.emailNotifications
            ? t(`通知同时发送到 ${me.email}。`, `Notifications are also sent to ${me.email}.`)
            : t('邮件提醒已关闭,通知只在本页显示。', 'E-mail is off: notifications show on this page only.')}
        </p>
        <form method="post" action="/inbox/email">
          <CsrfField page={page} />
          <input type="hidden" name="on" value={me.emailNotifications ? '0' : '1'} />
          <button type="submit" class="secondary">
            {me.emailNotifications ? t('关闭邮件提醒', 'Turn e-mail off') : t('开启邮件提醒', 'Turn e-mail on')}
          </button>
        </form>
      </section>
    </Layout>,
  );
}

function InboxEntry(props: { page: PageContext; item: InboxItem }) {
  const { page, item } = props;
  const { t } = page;
  const unread = item.readAt === null;
  return (
    <li class={unread ? 'card unread' : 'card'}>
      <p>
        {unread && <span class="badge">{t('未读', 'Unread')}</span>} <time datetime={item.createdAt}>{formatInstant(item.createdAt)}</time>
      </p>
      <h2 class="inbox-subject">
        <a href={`/inbox/${encodeURIComponent(item.id)}/open`}>{item.subject}</a>
      </h2>
      <p class="inbox-body">{item.body}</p>
    </li>
  );
}

export const inboxPages = new Hono<AppEnv>()
  .get('/', renderInbox)
  .get('/:id/open', async (c) => {
    const path = await openNotification(c.var.deps, webUser(c), c.req.param('id'));
    // A path the app made itself (the record's page), so the redirect stays on this site.
    return c.redirect(path.startsWith('/') && !path.startsWith('//') ? path : '/inbox', 303);
  })
  .post('/read-all', async (c) => {
    await readAllNotifications(c.var.deps, webUser(c));
    return c.redirect('/inbox?done=all-read', 303);
  })
  .post('/email', async (c) => {
    const user = webUser(c);
    const on = (await formFields(c)).on === '1';
    await updateMyAccount(c.var.deps, user, { emailNotifications: on });
    return c.redirect(`/inbox?done=${on ? 'email-on' : 'email-off'}`, 303);
  });
