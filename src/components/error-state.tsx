import { useTranslation } from 'react-i18next';

interface ErrorStateProps {
  /** Vietnamese message from the ApiError. */
  message: string;
  onRetry: () => void;
}

export function ErrorState({ message, onRetry }: ErrorStateProps) {
  const { t } = useTranslation();
  return (
    <div className="state-box" role="alert">
      <p className="state-title">{t('error.title')}</p>
      <p>{message}</p>
      <button type="button" className="button button--primary" onClick={onRetry}>
        {t('error.retry')}
      </button>
    </div>
  );
}
