// The documents section of a record page (/visits/{id}, /receptions/{id}). The documents issue
// fills it: its component is passed in as `documents` and rendered here as it comes; until then
// the section says there is nothing yet.
import type { Child } from 'hono/jsx';
import type { Translate } from '../i18n.js';

export function RecordDocuments(props: { t: Translate; documents?: Child }) {
  const { t } = props;
  return (
    <section aria-labelledby="documents-heading" class="card">
      <h2 id="documents-heading">{t('文件', 'Documents')}</h2>
      {props.documents ?? <p class="muted">{t('暂无文件。', 'No documents yet.')}</p>}
    </section>
  );
}
