import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

export function NotFound({ title, body }: { title: string; body: string }) {
  const { t } = useTranslation();
  return (
    <div className="state-box">
      <h1 className="state-title">{title}</h1>
      <p>{body}</p>
      <Link to="/" className="button button--primary">
        {t('nav.goHome')}
      </Link>
    </div>
  );
}
