// What a notification says, in Chinese (the people told read Chinese; the web inbox shows the
// same text): a subject naming the record (unit, region, dates), a body with its facts and the
// reason or opinion given, and a link to its page. Built from the event's snapshot, so the inbox,
// the e-mail and the robot message of one event say the same, whenever they are sent.
import type { EventType } from '../domain/notifications.js';

export interface StoredEvent {
  id: string;
  type: string;
  recordType: string;
  recordId: string;
  regionId: string | null;
  occurredAt: string;
  dataJson: string;
}

export interface EventMessage {
  subject: string;
  /** Plain text, one fact a line (the e-mail body, the inbox). */
  body: string;
  /** The page it is about, relative to PUBLIC_URL. */
  path: string;
  /** The snapshot the text was made from (a generic webhook's `data`). */
  data: Record<string, unknown>;
}

const HEADLINES: Record<EventType | 'webhook.test', string> = {
  'visit.submitted': '新的考察预约待衔接',
  'visit.coordinated': '考察已衔接,待审批',
  'visit.approved': '考察已批准',
  'visit.rejected': '考察未通过',
  'visit.cancelled': '考察已取消',
  'visit.withdrawn': '考察已撤回',
  'reception.submitted': '公务接待待审批',
  'reception.approved': '公务接待已批准',
  'reception.rejected': '公务接待未通过',
  'reception.cancelled': '公务接待已取消',
  'monthly.outlook': '月询',
  'webhook.test': '测试消息',
};

const KIND: Record<string, string> = { inspection: '考察', condolence: '慰问' };
const ROLE: Record<string, string> = { office: '省对口支援办', hq: '前方指挥部', unit: '结对单位' };

const str = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

function headline(event: StoredEvent, data: Record<string, unknown>): string {
  if (event.type === 'visit.submitted' && data.action === 'edit') return '考察预约已修改,待重新衔接';
  if (event.type === 'visit.rejected' && data.action === 'coordinate') return '考察未通过(前方指挥部不同意)';
  return HEADLINES[event.type as EventType] ?? event.type;
}

function actorLine(data: Record<string, unknown>): string[] {
  const name = str(data.actorName);
  return name ? [`办理:${name}(${ROLE[str(data.actorRole)] ?? str(data.actorRole)})`] : [];
}

function visitMessage(event: StoredEvent, data: Record<string, unknown>): Omit<EventMessage, 'data'> {
  const what = `${str(data.unitName)} 赴 ${str(data.regionName)} ${KIND[str(data.kind)] ?? ''} ${str(data.headcount)} 人`;
  const lines = [
    what,
    `日期:${str(data.startDate)} 至 ${str(data.endDate)}`,
    `带队:${str(data.leaderName)}${data.leaderTitle ? `(${str(data.leaderTitle)})` : ''}`,
    `事由:${str(data.purpose)}`,
  ];
  if (data.hqOpinion) lines.push(`前方指挥部意见:${str(data.hqOpinion)}`);
  if (data.decisionReason) lines.push(`理由:${str(data.decisionReason)}`);
  lines.push(...actorLine(data));
  return {
    subject: `【${headline(event, data)}】${str(data.unitName)}赴${str(data.regionName)} ${str(data.startDate)}至${str(data.endDate)}`,
    body: lines.join('\n'),
    path: `/visits/${encodeURIComponent(event.recordId)}`,
  };
}

function receptionMessage(event: StoredEvent, data: Record<string, unknown>): Omit<EventMessage, 'data'> {
  const lines = [
    `${str(data.unitName)} 接待 ${str(data.regionName)} 来宾 ${str(data.guestCount)} 人`,
    `日期:${str(data.startDate)} 至 ${str(data.endDate)}`,
    `公函:${str(data.officialLetterRef)}`,
  ];
  if (data.decisionReason) lines.push(`理由:${str(data.decisionReason)}`);
  lines.push(...actorLine(data));
  return {
    subject: `【${headline(event, data)}】${str(data.unitName)}接待${str(data.regionName)}来宾 ${str(data.startDate)}至${str(data.endDate)}`,
    body: lines.join('\n'),
    path: `/receptions/${encodeURIComponent(event.recordId)}`,
  };
}

interface OutlookRegion {
  regionName: string;
  visits: { unitName: string; kind: string; startDate: string; endDate: string; headcount: number }[];
  receptions: { hostUnitName: string; startDate: string; endDate: string; guestCount: number }[];
}

/** How many records of a region the outlook lists by name before it says "and N more". */
const OUTLOOK_LIST_LIMIT = 20;

function outlookMessage(event: StoredEvent, data: Record<string, unknown>): Omit<EventMessage, 'data'> {
  const month = str(data.month);
  const regions = (Array.isArray(data.regions) ? data.regions : []) as OutlookRegion[];
  const scope = event.regionId ? (regions[0]?.regionName ?? event.regionId) : '全部受援地';
  const lines = [`${month} 月询(${scope}):本月考察和公务接待安排如下,请做好衔接。`];
  for (const region of regions) {
    lines.push('', `${region.regionName}:考察 ${region.visits.length} 批,公务接待 ${region.receptions.length} 批`);
    for (const v of region.visits.slice(0, OUTLOOK_LIST_LIMIT))
      lines.push(`· ${v.startDate} 至 ${v.endDate} ${v.unitName} ${KIND[v.kind] ?? ''} ${v.headcount} 人`);
    if (region.visits.length > OUTLOOK_LIST_LIMIT) lines.push(`· 另有 ${region.visits.length - OUTLOOK_LIST_LIMIT} 批考察`);
    for (const r of region.receptions.slice(0, OUTLOOK_LIST_LIMIT))
      lines.push(`· ${r.startDate} 至 ${r.endDate} ${r.hostUnitName} 接待来宾 ${r.guestCount} 人`);
    if (region.receptions.length > OUTLOOK_LIST_LIMIT) lines.push(`· 另有 ${region.receptions.length - OUTLOOK_LIST_LIMIT} 批接待`);
  }
  return {
    subject: `【月询】${month} 考察和接待安排(${scope})`,
    body: lines.join('\n'),
    path: event.regionId ? `/hq/calendar?month=${month}` : `/office/reports/monthly?month=${month}`,
  };
}

function parseData(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function eventMessage(event: StoredEvent): EventMessage {
  const data = parseData(event.dataJson);
  const message =
    event.recordType === 'visit'
      ? visitMessage(event, data)
      : event.recordType === 'reception'
        ? receptionMessage(event, data)
        : event.recordType === 'month'
          ? outlookMessage(event, data)
          : { subject: `【${headline(event, data)}】对口支援考察接待计划`, body: str(data.text), path: '/' };
  return { ...message, data };
}

/** The absolute link for messages that leave the site (PUBLIC_URL + the page). */
export function absoluteLink(publicUrl: string, path: string): string {
  return `${publicUrl}${path}`;
}
