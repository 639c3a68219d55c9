import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

export function ComingSoon() {
  const { t } = useTranslation();
  return (
    <div className="state-box">
      <p className="state-title">{t('comingSoon.title')}</p>
      <p>{t('comingSoon.body')}</p>
      <Link to="/" className="button button--secondary">
        {t('nav.goHome')}
      </Link>
    </div>
  );
}
