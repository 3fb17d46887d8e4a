// A unit's annual caps as bars: batches and person-trips used against the limit, and the largest
// delegation allowed. <meter> draws the bar, so no inline style is needed (the CSP forbids them).
import type { QuotaReport } from '../../services/quotas.js';
import type { Translate } from '../../views/i18n.js';

export type { QuotaReport };

/** Meter bands: the bar turns amber past 60 % and red past 85 % (a full cap is always red). */
const fraction = (limit: number, share: number) => Math.round(limit * share * 100) / 100;

function CapMeter(props: { id: string; label: string; used: number; limit: number; remaining: number; unit: string; t: Translate }) {
  const { t } = props;
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      <meter
        id={props.id}
        min={0}
        max={Math.max(props.limit, 1)}
        value={props.used}
        low={fraction(props.limit, 0.6)}
        high={fraction(props.limit, 0.85)}
        optimum={0}
      >
        {`${props.used} / ${props.limit}`}
      </meter>
      <p class="cap-figures">
        {t(
          `已用 ${props.used} ${props.unit} / 上限 ${props.limit} ${props.unit},剩余 ${props.remaining} ${props.unit}`,
          `${props.used} of ${props.limit} ${props.unit} used, ${props.remaining} left`,
        )}
      </p>
    </div>
  );
}

export function CapsPanel(props: { report: QuotaReport; t: Translate; heading?: string }) {
  const { report, t } = props;
  const { limits, used, remaining } = report;
  const headingId = `caps-${report.year}`;
  return (
    <section class="card caps" aria-labelledby={headingId}>
      <h2 id={headingId}>{props.heading ?? t(`${report.year} 年度额度`, `Caps for ${report.year}`)}</h2>
      <div class="grid">
        <CapMeter
          id={`cap-batches-${report.year}`}
          label={t('考察批次', 'Batches')}
          used={used.batches}
          limit={limits.maxBatches}
          remaining={remaining.batches}
          unit={t('批', 'batches')}
          t={t}
        />
        <CapMeter
          id={`cap-trips-${report.year}`}
          label={t('人次', 'Person-trips')}
          used={used.personTrips}
          limit={limits.maxPersonTrips}
          remaining={remaining.personTrips}
          unit={t('人次', 'person-trips')}
          t={t}
        />
        <div>
          <p class="cap-label">{t('每批人数上限', 'Largest delegation')}</p>
          <p class="cap-big">
            {t(`每批最多 ${limits.maxHeadcountPerBatch} 人`, `At most ${limits.maxHeadcountPerBatch} people per batch`)}
          </p>
        </div>
      </div>
      <p class="hint">{t('待衔接、已衔接和已批准的考察都计入额度。', 'Submitted, coordinated and approved visits all count.')}</p>
    </section>
  );
}
