// A refused request told in the user's language, with the numbers that explain it.
import { bookingRuleMessage } from './booking-rule-messages.js';
import type { Lang } from './i18n.js';
import { RANK_WORDS, RANKS, type Words } from './labels.js';

export interface ProblemLike {
  code: string;
  detail?: string;
  [key: string]: unknown;
}

type Formatter = (p: Record<string, unknown>) => Words;

function twoDecimals(value: unknown): string {
  return typeof value === 'number' ? String(Math.round(value * 100) / 100) : String(value);
}

/** A rank code in words; anything else (a caller's own wording) is shown as it came. */
function rankWords(value: unknown): Words {
  const rank = RANKS.find((r) => r === value);
  return rank ? RANK_WORDS[rank] : { zh: String(value), en: String(value) };
}

// Booking refusals have their own table, keyed by refusal code: booking-rule-messages.ts.
const RULE_MESSAGES: Record<string, Formatter> = {
  INVALID_TRANSITION: (p) => ({
    zh: `当前状态(${p.from})下不能执行此操作`,
    en: `Not possible while the record is ${p.from}`,
  }),
  OFFICIAL_LETTER_REQUIRED: () => ({
    zh: '无公函不予接待:请填写公函文号',
    en: 'No official letter, no reception: enter the letter reference',
  }),
  ACCOMPANY_LIMIT_EXCEEDED: (p) => ({
    zh: `陪餐人数超标:最多 ${p.limit} 人,填报 ${p.requested} 人`,
    en: `Too many accompanying diners: at most ${p.limit}, ${p.requested} requested`,
  }),
  MEAL_STANDARD_EXCEEDED: (p) => ({
    zh: `工作餐标准超标:每人最多 ${p.limit} 元,填报 ${p.requested} 元`,
    en: `Work meal over standard: at most ${p.limit} yuan per person, ${p.requested} requested`,
  }),
  LODGING_STANDARD_EXCEEDED: (p) => {
    const rank = rankWords(p.rank);
    return {
      zh: `住宿标准超标(${rank.zh}):每晚最多 ${p.limit} 元,填报 ${p.requested} 元`,
      en: `Lodging over standard (${rank.en}): at most ${p.limit} yuan a night, ${p.requested} requested`,
    };
  },
  LODGING_RANK_NOT_IN_GUESTS: (p) => {
    const rank = rankWords(p.rank);
    return {
      zh: `住宿级别(${rank.zh})与来宾名单不符:名单上没有这一级别的来宾,或房间多于该级别来宾人数`,
      en: `Lodging at ${rank.en} rank does not match the guest list: no listed guest holds it, or more rooms than such guests`,
    };
  },
  WORK_MEAL_LIMIT_EXCEEDED: (p) => ({ zh: `每次接待最多安排 ${p.limit} 次工作餐`, en: `At most ${p.limit} work meal per reception` }),
  OFFICIAL_LETTER_SCAN_REQUIRED: () => ({
    zh: '按接待标准,批准前须上传公函扫描件(文件类别“公函”)',
    en: "The standards require the official letter's scan before approval: upload it as an official letter document",
  }),
  GIFTS_FORBIDDEN: () => ({ zh: '不得赠送礼金、礼品和纪念品', en: 'No gifts, cash or souvenirs' }),
  WINDOW_TOO_NARROW: (p) =>
    p.days === undefined
      ? { zh: '可选时段太短(或已过去),容不下这次考察', en: 'The window is too short (or already past) for the visit' }
      : {
          zh: `${p.earliest} 至 ${p.latest} 之间(除去已过去的日子)容不下 ${p.days} 天的考察`,
          en: `A ${p.days}-day visit does not fit between ${p.earliest} and ${p.latest} (days already past excluded)`,
        },
  PLAN_STALE: (p) => {
    const count = Array.isArray(p.requestIds) ? p.requestIds.length : 0;
    return {
      zh: `方案已过期:${count} 项安排已不再可行,未提交任何考察。请重新求解。`,
      en: `The proposal is out of date: ${count} placement(s) no longer fit, so nothing was committed. Solve again.`,
    };
  },
  // The API gives these unrounded; people read two decimals.
  CONDOLENCE_IMBALANCE: (p) => ({
    zh: `慰问力度明显高于其他单位:${p.metric === 'visitsPerCadre' ? '人均慰问次数' : '人均慰问金'} ${twoDecimals(p.value)},中位数 ${twoDecimals(p.median)}`,
    en: `Condolence well above other units: ${p.metric} ${twoDecimals(p.value)} against a median of ${twoDecimals(p.median)}`,
  }),
  NO_CADRES_ON_ROSTER: () => ({
    zh: '援派干部名册上没有本单位在该地区的干部,请核实慰问对象',
    en: 'The cadre roster shows no cadres of this unit in this region; check whom the visit consoles',
  }),
};

const GENERIC: Record<string, Words> = {
  UNAUTHENTICATED: { zh: '请先登录', en: 'Please log in' },
  INVALID_CREDENTIALS: { zh: '邮箱或密码错误', en: 'Wrong e-mail or password' },
  ACCOUNT_DISABLED: { zh: '该账号已停用,请联系省对口支援办', en: 'This account is deactivated; contact the provincial office' },
  LAST_OFFICE_ACCOUNT: {
    zh: '这是最后一个启用的省对口支援办账号,不能停用',
    en: 'This is the last active office account; it cannot be deactivated',
  },
  RATE_LIMITED: { zh: '尝试次数过多,请稍后再试', en: 'Too many attempts; try again later' },
  EMAIL_TAKEN: { zh: '该邮箱已有账号', en: 'An account with this e-mail exists' },
  FORBIDDEN: { zh: '当前账号无权执行此操作', en: 'This account may not do that' },
  NOT_FOUND: { zh: '记录不存在', en: 'No such record' },
  VALIDATION_FAILED: { zh: '请检查填写的内容', en: 'Please check the form' },
  CONFLICT: { zh: '记录已被他人修改,请刷新后重试', en: 'The record changed meanwhile; reload and retry' },
  PAYLOAD_TOO_LARGE: { zh: '文件过大:每个文件最大 10 MB', en: 'Too large: each file may be at most 10 MB' },
  UNSUPPORTED_MEDIA_TYPE: {
    zh: '只接受 PDF、PNG、JPEG 或 OFD 文件(按文件内容判断,不看文件名)',
    en: 'Only PDF, PNG, JPEG or OFD files are accepted (judged by their content, not their name)',
  },
};

/** The user-facing sentences for a problem: one per violated rule for reception checks. */
export function problemMessages(problem: ProblemLike, lang: Lang): string[] {
  if (problem.code === 'RECEPTION_STANDARD_VIOLATED' && Array.isArray(problem.violations)) {
    return (problem.violations as ProblemLike[]).flatMap((v) => problemMessages(v, lang));
  }
  const booking = bookingRuleMessage(problem);
  if (booking) return [booking[lang]];
  const rule = RULE_MESSAGES[problem.code];
  if (rule) return [rule(problem)[lang]];
  const generic = GENERIC[problem.code];
  if (generic) return [generic[lang]];
  return [problem.detail ?? problem.code];
}
