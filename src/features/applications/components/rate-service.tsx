import { useId, useState, type FormEvent } from 'react';
import { toApiError } from '@/lib/api-client';
import { rateApplication } from '../api/rate-application';
import { useApplicationsDictionary } from '../i18n/use-applications-dictionary';

const STARS = [5, 4, 3, 2, 1] as const;

interface RateServiceProps {
  applicationId: string;
  /** The rating already given, if any: a dossier is rated once. */
  rating: { stars: number } | null;
  /** Called when the proxy says it was rated already, to show the application as it is now. */
  onChanged: () => void;
}

/** 1–5 stars as large labelled radio buttons, an optional comment, once; then a thank-you. */
export function RateService({ applicationId, rating, onChanged }: RateServiceProps) {
  const { t } = useApplicationsDictionary();
  const commentId = useId();
  const errorId = useId();
  const [stars, setStars] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [given, setGiven] = useState<number | null>(rating?.stars ?? null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (given !== null || rating) {
    const shown = given ?? rating?.stars ?? null;
    return (
      <section aria-labelledby="rating-heading" className="state-box">
        <h2 id="rating-heading" className="state-title">
          {t('applications.detail.rating.title')}
        </h2>
        <p role="status">{t('applications.detail.rating.thanks')}</p>
        {shown !== null && <p className="muted">{t('applications.detail.rating.given', { stars: shown })}</p>}
      </section>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (stars === null) {
      setError(t('applications.detail.rating.choose'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await rateApplication(applicationId, comment.trim() ? { stars, comment: comment.trim() } : { stars });
      setGiven(stars);
    } catch (failure) {
      const apiError = toApiError(failure);
      setError(apiError.message);
      if (apiError.code === 'ALREADY_RATED' || apiError.code === 'RATING_NOT_ALLOWED') onChanged();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="rating-heading" className="state-box">
      <h2 id="rating-heading" className="state-title">
        {t('applications.detail.rating.title')}
      </h2>
      <form onSubmit={submit} noValidate className="rating-form">
        <fieldset className="choice-group" aria-describedby={error ? errorId : undefined}>
          <legend>{t('applications.detail.rating.lead')}</legend>
          {STARS.map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="stars"
                value={value}
                checked={stars === value}
                onChange={() => setStars(value)}
              />
              <span>{t(`applications.detail.rating.star${value}`)}</span>
            </label>
          ))}
        </fieldset>
        <label className="field-label" htmlFor={commentId}>
          {t('applications.detail.rating.comment')}
        </label>
        <textarea
          id={commentId}
          className="field-control"
          rows={3}
          maxLength={1000}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
        />
        {error && (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('applications.detail.rating.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
