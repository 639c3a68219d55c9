import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { formatDateTime, formatDueDate } from '../format-dates';
import { useApplicationsDictionary } from '../i18n/use-applications-dictionary';
import { statusLabel } from '../status-label';
import { isSettled, useApplicationRefresh } from '../state/use-application-refresh';
import type { ApplicationDetail } from '../types';
import { ApplicationTimeline, SentDocuments } from './application-timeline';
import { NextSteps } from './next-steps';
import { RateService } from './rate-service';
import { WithdrawApplication } from './withdraw-application';
import { ReceiptQrCode } from './receipt-qr-code';
import { ShareReceiptButton } from './share-receipt-button';
import './application-form.css';
import './follow-up.css';

/** Two groups of four, so the reference is easy to read out over the phone; copying it still gives 8 characters. */
function SpacedReference({ reference }: { reference: string }) {
  const groups = reference.match(/.{1,4}/g) ?? [reference];
  return (
    <p className="receipt-reference">
      {groups.map((group, index) => (
        <span key={index} className="receipt-reference-group">
          {group}
        </span>
      ))}
    </p>
  );
}

interface ReceiptViewProps {
  /** The application as last known (the proxy's answer to the submission, or a GET); refreshed from here on. */
  receipt: ApplicationDetail;
  /** The procedure name known to the form, for an answer that lacks it. */
  procedureName?: string;
  /** The offer to be notified about the dossier (features/notifications), placed by the page under the status. */
  notificationsOffer?: ReactNode;
}

/** "Còn N ngày làm việc", "Hôm nay là ngày hẹn trả kết quả" or a "Quá hạn" badge, under the due date. */
function DueCountdown({ application }: { application: ApplicationDetail }) {
  const { t } = useApplicationsDictionary();
  if (application.overdue) {
    return (
      <p className="due-countdown">
        <span className="badge badge--overdue">{t('applications.detail.overdue')}</span>{' '}
        {t('applications.detail.overdueBody', { office: application.office?.name ?? '' })}
      </p>
    );
  }
  const days = application.workingDaysLeft;
  if (days === undefined || days === null || days < 0) return null;
  return (
    <p className="due-countdown">
      {days === 0 ? t('applications.detail.dueToday') : t('applications.detail.daysLeft', { days })}
    </p>
  );
}

/** Statuses where the receipt is the news: the office has it and is working on it. */
function isWithOffice(statusCode: number | null): boolean {
  return statusCode === null || [1, 2, 4].includes(statusCode);
}

/**
 * The application page. The receipt: the app's reference at once, then (as soon as the one-stop system accepts the dossier) the official
 * receipt code, the due date and a QR code of it; or, if forwarding failed for good, whom to contact. Then, as the
 * office acts: the status, what the citizen needs to do, every step so far, the documents sent, withdrawal and rating.
 */
export function ReceiptView({ receipt, procedureName, notificationsOffer }: ReceiptViewProps) {
  const { t, i18n } = useApplicationsDictionary();
  const { application, refreshing, stopped, refreshNow } = useApplicationRefresh(receipt);
  const procedure = application.procedure?.name ?? procedureName ?? '';
  const officeName = application.office?.name ?? '';
  const receiptCode = application.receiptCode;
  const failed = application.status === 'forwarding-failed';
  const dueDate = application.dueAt ? formatDueDate(application.dueAt, i18n.language) : null;

  const statusCode = application.statusCode;
  // Until the office starts work the receipt is the news; from then on, the status in plain words.
  const title =
    statusCode !== null && statusCode >= 3
      ? statusLabel(t, application)
      : receiptCode
        ? t('applications.receipt.titleReceived')
        : failed
          ? t('applications.receipt.titleFailed')
          : t('applications.receipt.title');
  const shareText = receiptCode
    ? t('applications.receipt.shareText', {
        procedure,
        reference: application.reference,
        receiptCode,
        dueDate: dueDate ?? '—',
        interpolation: { escapeValue: false },
      })
    : t('applications.receipt.shareTextPending', {
        procedure,
        reference: application.reference,
        interpolation: { escapeValue: false },
      });

  return (
    <article className="receipt">
      <h1 className="page-title">{title}</h1>
      {procedure && <p className="details-lead">{procedure}</p>}
      <NextSteps application={application} onChanged={refreshNow} refreshing={refreshing} />
      <section className="state-box" aria-labelledby="receipt-reference-label">
        <h2 id="receipt-reference-label" className="state-title">
          {t('applications.receipt.reference')}
        </h2>
        <SpacedReference reference={application.reference} />
        <p className="muted">{t('applications.receipt.keepReference')}</p>
      </section>

      <div aria-live="polite" className="receipt-progress">
        {receiptCode ? (
          <>
            <section className="state-box receipt-official" aria-labelledby="receipt-code-label">
              <h2 id="receipt-code-label" className="state-title">
                {t('applications.receipt.receiptCode')}
              </h2>
              <p className="receipt-code">{receiptCode}</p>
              {dueDate && (
                <dl className="facts">
                  <div className="fact">
                    <dt>{t('applications.receipt.dueDate')}</dt>
                    <dd className="receipt-due-date">{dueDate}</dd>
                  </div>
                </dl>
              )}
              {dueDate && <DueCountdown application={application} />}
              <ReceiptQrCode value={receiptCode} label={t('applications.receipt.qrLabel', { code: receiptCode })} />
              <p className="muted">{t('applications.receipt.qrHint')}</p>
            </section>
            {isWithOffice(statusCode) && (
              <section aria-labelledby="receipt-next-label">
                <h2 id="receipt-next-label" className="state-title">
                  {t('applications.receipt.nextTitle')}
                </h2>
                <p>{t('applications.receipt.next')}</p>
              </section>
            )}
          </>
        ) : failed ? (
          <p className="error-summary">
            {t('applications.receipt.failedBody', { office: officeName, interpolation: { escapeValue: false } })}
          </p>
        ) : (
          <>
            <p>{t('applications.receipt.lead')}</p>
            {stopped && <p className="muted">{t('applications.receipt.stopped')}</p>}
          </>
        )}
      </div>
      {!isSettled(application) && (
        <p>
          <button type="button" className="button button--secondary" onClick={refreshNow} disabled={refreshing}>
            {t('applications.receipt.refresh')}
          </button>
        </p>
      )}
      {!failed && notificationsOffer}

      <dl className="facts">
        {officeName && (
          <div className="fact">
            <dt>{t('applications.receipt.office')}</dt>
            <dd>{officeName}</dd>
          </div>
        )}
        <div className="fact">
          <dt>{t('applications.receipt.submittedAt')}</dt>
          <dd>{formatDateTime(application.createdAt)}</dd>
        </div>
        {application.statusCode !== null && application.statusName && (
          <div className="fact">
            <dt>{t('applications.receipt.status')}</dt>
            <dd>{application.statusName}</dd>
          </div>
        )}
      </dl>
      <div className="form-actions">
        <ShareReceiptButton text={shareText} />
        <Link className="button button--secondary" to="/">
          {t('applications.receipt.home')}
        </Link>
      </div>
      <ApplicationTimeline steps={application.timeline ?? []} />
      <SentDocuments
        documents={[
          ...(application.documents ?? []),
          ...(application.supplements ?? [])
            .filter((supplied) => supplied.state !== 'failed')
            .flatMap((supplied) => supplied.documents),
        ]}
      />
      {(application.canRate || application.rating) && (
        <RateService applicationId={application.id} rating={application.rating ?? null} onChanged={refreshNow} />
      )}
      {application.canWithdraw && <WithdrawApplication applicationId={application.id} onWithdrawn={refreshNow} />}
    </article>
  );
}
