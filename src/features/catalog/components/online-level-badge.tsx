import { useTranslation } from 'react-i18next';
import type { OnlineLevel } from '../types';

export function OnlineLevelBadge({ onlineLevel }: { onlineLevel: OnlineLevel }) {
  const { t } = useTranslation();
  return <span className={`badge badge--${onlineLevel}`}>{t(`online.${onlineLevel}`)}</span>;
}
