// The page frame: header with the role's navigation, language switch and logout; flash messages.
import type { Child } from 'hono/jsx';
import type { Actor } from '../domain/actor.js';
import type { Lang, Translate } from './i18n.js';

export interface PageContext {
  user: Actor | null;
  lang: Lang;
  t: Translate;
  csrf: string;
  path: string;
  /** Unread notifications for the navigation's badge (null: not counted on this page). */
  unreadCount?: number | null;
  /** `?year=` as typed when it was no year: the year field shows it with its error. */
  badYear?: string | null;
}

interface NavItem {
  href: string;
  zh: string;
  en: string;
}

const INBOX: NavItem = { href: '/inbox', zh: '通知', en: 'Notifications' };

/** The unread count beside 通知: "99+" past the counted cap, nothing at zero. */
function UnreadBadge(props: { count: number | null | undefined; t: Translate }) {
  const n = props.count ?? 0;
  if (n <= 0) return null;
  const shown = n > 99 ? '99+' : String(n);
  return (
    <span class="badge">
      {shown}
      <span class="visually-hidden">{props.t(' 条未读', ' unread')}</span>
    </span>
  );
}

const NAV: Record<Actor['role'], NavItem[]> = {
  unit: [
    { href: '/unit', zh: '概览', en: 'Overview' },
    { href: '/unit/visits/new', zh: '预约考察', en: 'Book a visit' },
    { href: '/unit/visits', zh: '我的考察', en: 'My visits' },
    { href: '/unit/receptions', zh: '公务接待', en: 'Receptions' },
    { href: '/unit/plan', zh: '年度计划', en: 'Annual plan' },
    { href: '/feeds', zh: '日历订阅', en: 'Calendar feeds' },
    INBOX,
    { href: '/account/password', zh: '修改密码', en: 'Password' },
  ],
  hq: [
    { href: '/hq', zh: '衔接队列', en: 'Coordination' },
    { href: '/hq/calendar', zh: '月历', en: 'Calendar' },
    { href: '/feeds', zh: '日历订阅', en: 'Calendar feeds' },
    INBOX,
    { href: '/account/password', zh: '修改密码', en: 'Password' },
  ],
  office: [
    { href: '/office', zh: '审批队列', en: 'Approvals' },
    { href: '/office/visits', zh: '全部考察', en: 'All visits' },
    { href: '/office/calendar', zh: '月历', en: 'Calendar' },
    { href: '/office/receptions', zh: '公务接待', en: 'Receptions' },
    { href: '/office/settings', zh: '设置', en: 'Settings' },
    { href: '/office/reports', zh: '报表', en: 'Reports' },
    { href: '/office/plan', zh: '年度计划', en: 'Annual plan' },
    { href: '/office/accounts', zh: '账号管理', en: 'Accounts' },
    { href: '/feeds', zh: '日历订阅', en: 'Calendar feeds' },
    INBOX,
    { href: '/account/password', zh: '修改密码', en: 'Password' },
  ],
};

export function Layout(props: { page: PageContext; title: string; children?: Child; messages?: Flash[] }) {
  const { page, title } = props;
  const { t, user } = page;
  const otherLang = page.lang === 'zh' ? 'en' : 'zh';
  const nav = user ? NAV[user.role] : [];
  const current = currentHref(page.path, nav);
  return (
    <html lang={page.lang === 'zh' ? 'zh-CN' : 'en'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t('对口支援考察接待计划', 'Visit and reception planner')}`}</title>
        <link rel="icon" href="/static/icon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/static/app.css" />
        <script src="/static/app.js" defer></script>
      </head>
      <body>
        <header class="top">
          <div class="bar">
            <a class="brand" href="/">
              {t('对口支援考察接待计划', 'Visit and reception planner')}
            </a>
            {nav.length > 0 && (
              <nav aria-label={t('主导航', 'Main')}>
                {nav.map((item) => (
                  <a href={item.href} aria-current={item.href === current ? 'page' : undefined}>
                    {t(item.zh, item.en)}
                    {item === INBOX && <UnreadBadge count={page.unreadCount} t={t} />}
                  </a>
                ))}
              </nav>
            )}
            <a href={`/lang/${otherLang}?next=${encodeURIComponent(page.path)}`} lang={otherLang}>
              {otherLang === 'en' ? 'English' : '中文'}
            </a>
            {user && (
              <form method="post" action="/logout">
                <input type="hidden" name="_csrf" value={page.csrf} />
                <span class="visually-hidden">{user.email}</span>
                <button type="submit">{t('退出', 'Log out')}</button>
              </form>
            )}
          </div>
        </header>
        <main id="main">
          <h1>{title}</h1>
          {(props.messages ?? []).map((m) => (
            <div class={`alert ${m.kind}`} role={m.kind === 'error' ? 'alert' : 'status'}>
              {m.lines.length === 1 ? (
                m.lines[0]
              ) : (
                <ul>
                  {m.lines.map((line) => (
                    <li>{line}</li>
                  ))}
                </ul>
              )}
            </div>
          ))}
          {props.children}
        </main>
        <footer>{user ? `${user.email} · ${user.displayName ?? roleName(user.role, t)}` : ''}</footer>
      </body>
    </html>
  );
}

export interface Flash {
  kind: 'error' | 'ok' | 'warn';
  lines: string[];
}

/** The one nav entry for this page: the longest href that is the path or a folder of it. */
function currentHref(path: string, nav: NavItem[]): string | undefined {
  return nav
    .map((item) => item.href)
    .filter((href) => path === href || path.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
}

export function roleName(role: Actor['role'], t: Translate): string {
  return role === 'office'
    ? t('省对口支援办', 'Provincial office')
    : role === 'hq'
      ? t('前方指挥部', 'Frontline HQ')
      : t('结对单位', 'Unit');
}

/** A hidden CSRF field for every form. */
export function CsrfField(props: { page: PageContext }) {
  return <input type="hidden" name="_csrf" value={props.page.csrf} />;
}
