import { Fact } from '@/components/fact';
import { formatDateTime, formatDueDate, formatMoney } from '../format-dates';
import { useApplicationsDictionary } from '../i18n/use-applications-dictionary';
import type { ApplicationDetail } from '../types';
import { SupplementForm } from './supplement-form';

interface NextStepsProps {
  application: ApplicationDetail;
  /** Asks the proxy for the application again (after the citizen acted). */
  onChanged: () => void;
  refreshing: boolean;
}

/**
 * What the citizen needs to know or do now, by status (shared/reference/public-service-domain.md): the documents the
 * office asked for (5), the fee (6), where to collect the result (9), why it was refused (3) or stopped (8), and a
 * delay with the office's apology (Mẫu 04).
 */
export function NextSteps({ application, onChanged, refreshing }: NextStepsProps) {
  const { t, i18n } = useApplicationsDictionary();
  const { statusCode, supplement, fee, result, delay } = application;
  const office = application.office?.name ?? '';
  const dueDate = (iso: string) => formatDueDate(iso, i18n.language);
  // Documents sent since the office asked (and not refused): nothing more to send until the office answers.
  const alreadySupplied = (application.supplements ?? []).some(
    (supplied) =>
      supplied.state !== 'failed' && (!supplement?.requestedAt || supplied.createdAt >= supplement.requestedAt),
  );

  const todo = (children: React.ReactNode) => (
    <section className="todo-box" aria-labelledby="todo-heading">
      <h2 id="todo-heading" className="state-title">
        {t('applications.detail.todoTitle')}
      </h2>
      {children}
    </section>
  );

  return (
    <>
      {statusCode === 5 &&
        todo(
          <>
            <p>{t('applications.detail.supplement.lead')}</p>
            {supplement?.note && (
              <dl className="facts">
                <Fact label={t('applications.detail.supplement.officerNote')}>{supplement.note}</Fact>
              </dl>
            )}
            {supplement?.requestedAt && (
              <p className="muted">
                {t('applications.detail.supplement.requestedAt', { time: formatDateTime(supplement.requestedAt) })}
              </p>
            )}
            {supplement && supplement.documents.length > 0 && (
              <SupplementForm
                applicationId={application.id}
                request={supplement}
                alreadySent={alreadySupplied}
                onSent={onChanged}
                refreshing={refreshing}
              />
            )}
          </>,
        )}

      {statusCode === 6 &&
        todo(
          <>
            <p>{t('applications.detail.fee.lead')}</p>
            {fee && (
              <dl className="facts">
                <Fact label={t('applications.detail.fee.amount')}>
                  <strong className="fee-amount">{formatMoney(fee.amount, i18n.language)}</strong>
                </Fact>
                {fee.description && <Fact label={t('applications.detail.fee.description')}>{fee.description}</Fact>}
                <Fact label={t('applications.detail.fee.method')}>
                  {fee.paymentMethod || t('applications.detail.fee.methodUnknown')}
                </Fact>
              </dl>
            )}
          </>,
        )}

      {statusCode === 9 &&
        todo(
          <>
            <p>{t('applications.detail.result.lead')}</p>
            {result && (
              <dl className="facts">
                {result.pickupPlace && <Fact label={t('applications.detail.result.place')}>{result.pickupPlace}</Fact>}
                {result.pickupMethod && (
                  <Fact label={t('applications.detail.result.method')}>{result.pickupMethod}</Fact>
                )}
                {result.note && <Fact label={t('applications.detail.result.note')}>{result.note}</Fact>}
              </dl>
            )}
          </>,
        )}

      {(statusCode === 3 || statusCode === 8) && (
        <section className="todo-box" aria-labelledby="reason-heading">
          <h2 id="reason-heading" className="state-title">
            {statusCode === 3 ? t('applications.detail.refusedTitle') : t('applications.detail.stoppedTitle')}
          </h2>
          <p className="reason">{application.reason || t('applications.detail.reasonUnknown', { office })}</p>
          {statusCode === 3 && <p>{t('applications.detail.refusedNext')}</p>}
        </section>
      )}

      {delay && statusCode !== null && [1, 2, 4].includes(statusCode) && (
        <section className="todo-box" aria-labelledby="delay-heading">
          <h2 id="delay-heading" className="state-title">
            {t('applications.detail.delay.title')}
          </h2>
          {delay.apology && <p>{delay.apology}</p>}
          <dl className="facts">
            {delay.newDueAt && <Fact label={t('applications.detail.delay.newDue')}>{dueDate(delay.newDueAt)}</Fact>}
            {delay.previousDueAt && (
              <Fact label={t('applications.detail.delay.previousDue')}>{dueDate(delay.previousDueAt)}</Fact>
            )}
          </dl>
        </section>
      )}

      {statusCode !== 5 && supplement?.newDueAt && statusCode !== null && [2, 4].includes(statusCode) && (
        <p className="notice" role="note">
          {t('applications.detail.supplement.newDue', { date: dueDate(supplement.newDueAt) })}
          {supplement.previousDueAt &&
            ` ${t('applications.detail.supplement.previousDue', { date: dueDate(supplement.previousDueAt) })}`}
        </p>
      )}
    </>
  );
}
