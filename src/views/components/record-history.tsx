// A record's history as a timeline: when (Shanghai time), who (name and role), what (the action
// and the status it led to), why (the reason or opinion given). Oldest first, as it happened.
import { PROGRAMME_TIME_ZONE } from '../../domain/dates.js';
import type { Role } from '../../domain/types.js';
import type { Translate } from '../i18n.js';
import { DOCUMENT_KIND_WORDS, say, type Words } from '../labels.js';
import { roleName } from '../layout.js';

export interface TimelineEntry {
  at: string;
  actorName: string | null;
  actorRole: Role | null;
  action: string;
  toStatus: string | null;
  note: string | null;
}

const ACTION_WORDS: Record<string, Words> = {
  create: { zh: '提交', en: 'Submitted' },
  edit: { zh: '修改', en: 'Edited' },
  coordinate: { zh: '衔接', en: 'Coordinated' },
  approve: { zh: '批准', en: 'Approved' },
  reject: { zh: '驳回', en: 'Rejected' },
  withdraw: { zh: '撤回', en: 'Withdrew' },
  cancel: { zh: '取消', en: 'Cancelled' },
  document_upload: { zh: '上传文件', en: 'Uploaded a document' },
  document_withdraw: { zh: '撤回文件', en: 'Withdrew a document' },
};

/** A document entry's note ("official_letter: 公函.pdf [id]") as the kind in words and the file name. */
function documentNote(note: string, t: Translate): string {
  const match = /^(official_letter|other): (.*) \[[^\]]+\]$/s.exec(note);
  if (!match) return note;
  return `${say(DOCUMENT_KIND_WORDS[match[1] as keyof typeof DOCUMENT_KIND_WORDS], t)}:${match[2]}`;
}

const AT = new Intl.DateTimeFormat('sv-SE', { timeZone: PROGRAMME_TIME_ZONE, dateStyle: 'short', timeStyle: 'short' });

export function formatInstant(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : AT.format(date);
}

export function RecordHistory(props: { entries: TimelineEntry[]; t: Translate; statusWords: Record<string, Words> }) {
  const { t, statusWords } = props;
  if (props.entries.length === 0) return <p class="muted">{t('暂无记录。', 'No history yet.')}</p>;
  return (
    <ol class="timeline">
      {props.entries.map((e) => {
        const action = ACTION_WORDS[e.action];
        const status = e.toStatus ? statusWords[e.toStatus] : undefined;
        return (
          <li>
            <time datetime={e.at}>{formatInstant(e.at)}</time> <strong>{e.actorName ?? t('系统', 'System')}</strong>
            {e.actorRole && <span class="muted">({roleName(e.actorRole, t)})</span>} {action ? say(action, t) : e.action}
            {status && (
              <>
                {' → '}
                <span class={`status ${e.toStatus ?? ''}`}>{say(status, t)}</span>
              </>
            )}
            {e.note && <blockquote class="why">{e.action.startsWith('document_') ? documentNote(e.note, t) : e.note}</blockquote>}
          </li>
        );
      })}
    </ol>
  );
}
