// Simplified Chinese by default, English on request (a `lang` cookie set by the switch, else
// Accept-Language). Pages write both texts side by side: t('预约考察', 'Book a visit').
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';

export type Lang = 'zh' | 'en';
export const LANG_COOKIE = 'planner_lang';

export type Translate = (zh: string, en: string) => string;

export function detectLang(c: Context): Lang {
  const chosen = getCookie(c, LANG_COOKIE);
  if (chosen === 'zh' || chosen === 'en') return chosen;
  const accept = (c.req.header('accept-language') ?? '').toLowerCase();
  // The first language the browser names wins; Chinese unless English comes first.
  const first = accept.split(',')[0]?.trim() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}

export function translator(lang: Lang): Translate {
  return (zh, en) => (lang === 'en' ? en : zh);
}
