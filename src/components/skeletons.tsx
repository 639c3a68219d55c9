import { useTranslation } from 'react-i18next';

/** Placeholder rows while a list loads; announced once to screen readers. */
export function ListSkeleton({ rows = 4 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <div className="skeleton-list" role="status" aria-busy="true">
      <span className="visually-hidden">{t('loading')}</span>
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} className="skeleton-row">
          <div className="skeleton-line skeleton-line--wide" />
          <div className="skeleton-line" />
        </div>
      ))}
    </div>
  );
}

export function DetailSkeleton() {
  const { t } = useTranslation();
  return (
    <div className="skeleton-detail" role="status" aria-busy="true">
      <span className="visually-hidden">{t('loading')}</span>
      <div className="skeleton-line skeleton-line--title" />
      {Array.from({ length: 6 }, (_, index) => (
        <div key={index} className="skeleton-line skeleton-line--wide" />
      ))}
    </div>
  );
}
