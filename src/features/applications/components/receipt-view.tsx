import { Link } from 'react-router-dom';
import { useApplicationsDictionary } from '../i18n/use-applications-dictionary';
import { isSettled, useApplicationRefresh } from '../state/use-application-refresh';
import type { ApplicationReceipt } from '../types';
import { ReceiptQrCode } from './receipt-qr-code';
import { ShareReceiptButton } from './share-receipt-button';
import './application-form.css';

// Shown in Vietnam time whatever the phone's zone.
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // UTC+7, no daylight saving.
  const local = new Date(date.getTime() + 7 * 60 * 60 * 1000).toISOString();
  const [year, month, day] = local.slice(0, 10).split('-');
  return `${local.slice(11, 16)} ${day}/${month}/${year}`;
}

/** e.g. "Thứ Hai, 23/11/2026". */
function formatDueDate(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', {
    weekday: 'long',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: TIME_ZONE,
  }).format(date);
}

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
  receipt: ApplicationReceipt;
  /** The procedure name known to the form, for an answer that lacks it. */
  procedureName?: string;
}

/**
 * The receipt: the app's reference at once, then (as soon as the one-stop system accepts the dossier) the official
 * receipt code, the due date and a QR code of it; or, if forwarding failed for good, whom to contact.
 */
export function ReceiptView({ receipt, procedureName }: ReceiptViewProps) {
  const { t, i18n } = useApplicationsDictionary();
  const { application, refreshing, stopped, refreshNow } = useApplicationRefresh(receipt);
  const procedure = application.procedure?.name ?? procedureName ?? '';
  const officeName = application.office?.name ?? '';
  const receiptCode = application.receiptCode;
  const failed = application.status === 'forwarding-failed';
  const dueDate = application.dueAt ? formatDueDate(application.dueAt, i18n.language) : null;

  const title = receiptCode
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
              <ReceiptQrCode value={receiptCode} label={t('applications.receipt.qrLabel', { code: receiptCode })} />
              <p className="muted">{t('applications.receipt.qrHint')}</p>
            </section>
            <section aria-labelledby="receipt-next-label">
              <h2 id="receipt-next-label" className="state-title">
                {t('applications.receipt.nextTitle')}
              </h2>
              <p>{t('applications.receipt.next')}</p>
            </section>
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
    </article>
  );
}
