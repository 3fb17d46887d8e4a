// What every record page ends with: the history (办理记录, who did what, when and why) and the
// documents, with the upload form for those who may add one.
import type { Words } from '../../domain/words.js';
import type { RecordRef } from '../../services/documents.js';
import type { HistoryEntry, RecordDocumentsView } from '../../services/record-pages.js';
import { DocumentsSection } from '../../views/components/documents-section.js';
import { RecordHistory } from '../../views/components/record-history.js';
import type { PageContext } from '../../views/layout.js';

export function RecordTrail(props: {
  page: PageContext;
  record: RecordRef;
  history: HistoryEntry[];
  documents: RecordDocumentsView;
  statusWords: Record<string, Words>;
  /** A refused upload's message, shown by the documents form. */
  uploadError?: string;
}) {
  const { page, documents } = props;
  return (
    <>
      <section class="card" aria-labelledby="history-heading">
        <h2 id="history-heading">{page.t('办理记录', 'History')}</h2>
        <RecordHistory entries={props.history} t={page.t} statusWords={props.statusWords} />
      </section>
      <DocumentsSection
        page={page}
        record={props.record}
        documents={documents.items}
        more={documents.more}
        mayManage={documents.mayManage}
        uploadError={props.uploadError}
      />
    </>
  );
}
