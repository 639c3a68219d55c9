import './profile.css';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ChevronIcon, UserIcon } from '@/components/icons';
import { ACCOUNT_NS } from '../i18n';
import type { Me } from '../types';

/** The citizen's Zalo name and avatar when they allowed it; otherwise the way to the explanation screen. */
export function AccountCard({ me }: { me: Me }) {
  const { t } = useTranslation(ACCOUNT_NS);
  if (me.name) {
    return (
      <div className="account-card">
        {me.avatar ? (
          <img className="account-avatar" src={me.avatar} alt="" width={56} height={56} />
        ) : (
          <span className="account-avatar account-avatar--empty">
            <UserIcon />
          </span>
        )}
        <span className="card-body">
          <span className="account-name">{me.name}</span>
          <span className="card-meta">{t('account.fromZalo')}</span>
        </span>
      </div>
    );
  }
  return (
    <Link to="/profile/consent/profile" className="card-link">
      <UserIcon />
      <span className="card-body">
        <span className="card-title">{t('account.showProfile')}</span>
        <span className="card-meta">{t('account.showProfileHint')}</span>
      </span>
      <ChevronIcon />
    </Link>
  );
}
