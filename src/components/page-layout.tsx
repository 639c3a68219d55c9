import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Page } from 'zmp-ui';
import { BackIcon } from './icons';

interface PageLayoutProps {
  /** Shows a "back" button above the content, for pages below a tab. */
  showBack?: boolean;
  /** Content of the coloured band at the top (e.g. the home page's title and search box). */
  hero?: ReactNode;
  children: ReactNode;
}

export function PageLayout({ showBack = false, hero, children }: PageLayoutProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  // A page opened directly (deep link) has no history to go back to: go home instead.
  const goBack = () => (location.key === 'default' ? navigate('/') : navigate(-1));

  return (
    <Page className="page-layout">
      {showBack && (
        <div className="top-bar">
          <button type="button" className="back-button" onClick={goBack}>
            <BackIcon />
            <span>{t('nav.back')}</span>
          </button>
        </div>
      )}
      {hero && <header className="hero">{hero}</header>}
      <main className="page-content">{children}</main>
    </Page>
  );
}
