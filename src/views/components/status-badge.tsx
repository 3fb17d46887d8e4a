// A record's status as a badge: the class carries the code for the stylesheet, the text carries the
// shared words, so the colour is never the only sign.
import type { ReceptionStatus, VisitStatus } from '../../domain/types.js';
import type { Translate } from '../i18n.js';
import { receptionStatusLabel, visitStatusLabel } from '../labels.js';

export function VisitStatusBadge(props: { status: VisitStatus; t: Translate }) {
  return <span class={`status ${props.status}`}>{visitStatusLabel(props.status, props.t)}</span>;
}

export function ReceptionStatusBadge(props: { status: ReceptionStatus; t: Translate }) {
  return <span class={`status ${props.status}`}>{receptionStatusLabel(props.status, props.t)}</span>;
}
