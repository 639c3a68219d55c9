import { useId, useRef, useState, type FormEvent } from 'react';
import { toApiError } from '@/lib/api-client';
import { lookUpApplication } from '../api/look-up-application';
import { formatDueDate } from '../format-dates';
import { useApplicationsDictionary } from '../i18n/use-applications-dictionary';
import { statusLabel } from '../status-label';
import type { PublicLookupResult } from '../types';
import './application-form.css';
import './follow-up.css';

type Outcome = { kind: 'found'; result: PublicLookupResult } | { kind: 'failed'; message: string } | null;

/**
 * The public lookup: receipt code plus the last four digits of the applicant's phone. It shows only the status, the
 * procedure and the due date; a wrong code and a wrong phone get the same message (the proxy answers both alike).
 */
export function LookupForm({ initialReceiptCode = '' }: { initialReceiptCode?: string }) {
  const { t, i18n } = useApplicationsDictionary();
  const codeId = useId();
  const phoneId = useId();
  const [receiptCode, setReceiptCode] = useState(initialReceiptCode);
  const [phoneLast4, setPhoneLast4] = useState('');
  const [errors, setErrors] = useState<{ code?: string; phone?: string }>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef<AbortController | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const code = receiptCode.trim();
    const phone = phoneLast4.trim();
    const nextErrors = {
      code: code ? undefined : t('applications.lookup.receiptCodeRequired'),
      phone: /^\d{4}$/.test(phone) ? undefined : t('applications.lookup.phoneInvalid'),
    };
    setErrors(nextErrors);
    if (nextErrors.code || nextErrors.phone) {
      document.getElementById(nextErrors.code ? codeId : phoneId)?.focus();
      return;
    }
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setBusy(true);
    setOutcome(null);
    try {
      const result = await lookUpApplication(code, phone, controller.signal);
      setOutcome({ kind: 'found', result });
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.isCancelled) return;
      const message =
        apiError.status === 404
          ? t('applications.lookup.notFound')
          : apiError.status === 429
            ? t('applications.lookup.rateLimited')
            : apiError.message;
      setOutcome({ kind: 'failed', message });
    } finally {
      if (inFlight.current === controller) {
        inFlight.current = null;
        setBusy(false);
      }
    }
  };

  return (
    <>
      <form onSubmit={submit} noValidate className="lookup-form">
        <div className={`field${errors.code ? ' field--invalid' : ''}`}>
          <label className="field-label" htmlFor={codeId}>
            {t('applications.lookup.receiptCode')}
          </label>
          <p className="field-help" id={`${codeId}-hint`}>
            {t('applications.lookup.receiptCodeHint')}
          </p>
          <input
            id={codeId}
            className="field-control"
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            maxLength={50}
            value={receiptCode}
            aria-invalid={errors.code ? true : undefined}
            aria-describedby={`${codeId}-hint${errors.code ? ` ${codeId}-error` : ''}`}
            onChange={(event) => setReceiptCode(event.target.value)}
          />
          {errors.code && (
            <p id={`${codeId}-error`} className="field-error">
              {errors.code}
            </p>
          )}
        </div>
        <div className={`field${errors.phone ? ' field--invalid' : ''}`}>
          <label className="field-label" htmlFor={phoneId}>
            {t('applications.lookup.phoneLast4')}
          </label>
          <p className="field-help" id={`${phoneId}-hint`}>
            {t('applications.lookup.phoneHint')}
          </p>
          <input
            id={phoneId}
            className="field-control field-control--short"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            value={phoneLast4}
            aria-invalid={errors.phone ? true : undefined}
            aria-describedby={`${phoneId}-hint${errors.phone ? ` ${phoneId}-error` : ''}`}
            onChange={(event) => setPhoneLast4(event.target.value.replace(/\D/g, ''))}
          />
          {errors.phone && (
            <p id={`${phoneId}-error`} className="field-error">
              {errors.phone}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('applications.lookup.searching') : t('applications.lookup.submit')}
          </button>
        </div>
      </form>

      <div aria-live="polite">
        {outcome?.kind === 'failed' && (
          <p className="error-summary" role="alert">
            {outcome.message}
          </p>
        )}
        {outcome?.kind === 'found' && (
          <section className="state-box" aria-labelledby="lookup-result-heading">
            <h2 id="lookup-result-heading" className="state-title">
              {t('applications.lookup.resultTitle')}
            </h2>
            <dl className="facts">
              <div className="fact">
                <dt>{t('applications.lookup.receiptCode')}</dt>
                <dd>{outcome.result.receiptCode}</dd>
              </div>
              <div className="fact">
                <dt>{t('applications.lookup.procedure')}</dt>
                <dd>{outcome.result.procedureName}</dd>
              </div>
              <div className="fact">
                <dt>{t('applications.lookup.status')}</dt>
                <dd>{statusLabel(t, outcome.result)}</dd>
              </div>
              {outcome.result.dueAt && (
                <div className="fact">
                  <dt>{t('applications.lookup.dueDate')}</dt>
                  <dd>
                    {formatDueDate(outcome.result.dueAt, i18n.language)}
                    {outcome.result.overdue && (
                      <>
                        {' '}
                        <span className="badge badge--overdue">{t('applications.list.overdue')}</span>
                      </>
                    )}
                  </dd>
                </div>
              )}
            </dl>
          </section>
        )}
      </div>
    </>
  );
}
