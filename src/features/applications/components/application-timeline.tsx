import { formatDateTime } from '../format-dates';
import { useApplicationsDictionary } from '../i18n/use-applications-dictionary';
import type { SentDocument, TimelineStep } from '../types';

/** Every step the office recorded, newest first: when, the status, the unit and officer, and the officer's note. */
export function ApplicationTimeline({ steps }: { steps: TimelineStep[] }) {
  const { t } = useApplicationsDictionary();
  if (steps.length === 0) return null;
  const newestFirst = [...steps].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return (
    <section aria-labelledby="timeline-heading" className="timeline-section">
      <h2 id="timeline-heading">{t('applications.detail.timeline.title')}</h2>
      <p className="muted">{t('applications.detail.timeline.lead')}</p>
      <ol className="timeline">
        {newestFirst.map((step, index) => (
          <li key={`${step.at}-${index}`} className="timeline-step">
            <p className="timeline-time">
              <time dateTime={step.at}>{formatDateTime(step.at)}</time>
            </p>
            <p className="timeline-status">{step.statusName}</p>
            {(step.unit || step.officer) && (
              <p className="muted">{[step.unit, step.officer].filter(Boolean).join(' · ')}</p>
            )}
            {step.note && <p className="timeline-note">{step.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The documents the citizen sent, by the name the procedure gives them. */
export function SentDocuments({ documents }: { documents: SentDocument[] }) {
  const { t } = useApplicationsDictionary();
  if (documents.length === 0) return null;
  return (
    <section aria-labelledby="sent-documents-heading">
      <h2 id="sent-documents-heading">{t('applications.detail.documents.title')}</h2>
      <ul className="sent-documents">
        {documents.map((document, index) => (
          <li key={index}>
            <span className="card-title">{document.documentName}</span>
            {document.fileName && <span className="muted"> — {document.fileName}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
