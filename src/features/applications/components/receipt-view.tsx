import { Link } from 'react-router-dom';
import { useApplicationsDictionary } from '../i18n/use-applications-dictionary';
import type { ApplicationReceipt } from '../types';
import './application-form.css';

function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // Shown in Vietnam time whatever the phone's zone (UTC+7, no daylight saving).
  const local = new Date(date.getTime() + 7 * 60 * 60 * 1000).toISOString();
  const [year, month, day] = local.slice(0, 10).split('-');
  return `${local.slice(11, 16)} ${day}/${month}/${year}`;
}

/** The app's own receipt, at once after submission; the official receipt code follows when the desk accepts it. */
export function ReceiptView({ receipt, procedureName }: { receipt: ApplicationReceipt; procedureName?: string }) {
  const { t } = useApplicationsDictionary();
  return (
    <article className="receipt">
      <h1 className="page-title">{t('applications.receipt.title')}</h1>
      {procedureName && <p className="details-lead">{procedureName}</p>}
      <section className="state-box" aria-labelledby="receipt-reference-label">
        <h2 id="receipt-reference-label" className="state-title">
          {t('applications.receipt.reference')}
        </h2>
        <p className="receipt-reference">{receipt.reference}</p>
        <p className="muted">{t('applications.receipt.keepReference')}</p>
      </section>
      <p>{t('applications.receipt.lead')}</p>
      <dl className="facts">
        <div className="fact">
          <dt>{t('applications.receipt.submittedAt')}</dt>
          <dd>{formatDateTime(receipt.createdAt)}</dd>
        </div>
      </dl>
      <p>
        <Link className="button button--secondary" to="/">
          {t('applications.receipt.home')}
        </Link>
      </p>
    </article>
  );
}
