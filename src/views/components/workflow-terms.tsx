// The workflow's words explained where a newcomer meets them (衔接 and its statuses): a short
// note under a page's title, folded so it costs one line to those who know them.
import { VISIT_STATUS_WORDS } from '../../domain/words.js';
import type { Translate } from '../i18n.js';

export function WorkflowTerms(props: { t: Translate }) {
  const { t } = props;
  const zh = (status: keyof typeof VISIT_STATUS_WORDS) => VISIT_STATUS_WORDS[status].zh;
  return (
    <details class="terms no-print">
      <summary>{t('术语说明:衔接、待衔接、已衔接待审批', 'What the steps mean')}</summary>
      <dl class="facts">
        <dt>{t('衔接', 'Coordination (衔接)')}</dt>
        <dd>
          {t(
            '前方指挥部就考察团的日程、人数与受援地沟通确认,并给出同意或不同意的意见。同意后报省对口支援办审批;不同意则退回,须说明原因。',
            'The frontline HQ checks the visit’s days and size with the aided region and agrees or disagrees. Agreed visits go to the office for approval; a disagreement sends the visit back, with the reason.',
          )}
        </dd>
        <dt>{t(zh('submitted'), VISIT_STATUS_WORDS.submitted.en)}</dt>
        <dd>
          {t(
            '单位已提交预约(即“已提交”),等待前方指挥部衔接。此时已占用年度名额,撤回即释放。',
            'Booked by the unit and waiting for the HQ. It already counts toward the unit’s caps; withdrawing it frees them.',
          )}
        </dd>
        <dt>{t(zh('coordinated'), VISIT_STATUS_WORDS.coordinated.en)}</dt>
        <dd>{t('前方指挥部已同意,等待省对口支援办审批。', 'The HQ agreed; the office has yet to approve it.')}</dd>
        <dt>{t(zh('approved'), VISIT_STATUS_WORDS.approved.en)}</dt>
        <dd>{t('省对口支援办已批准,可按日程出发。', 'Approved by the office: the visit goes ahead as planned.')}</dd>
      </dl>
    </details>
  );
}
