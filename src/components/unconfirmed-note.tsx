import { useTranslation } from 'react-i18next';

/** Marks a value the seed data lists in `unconfirmed` (data/README.md). */
export function UnconfirmedNote({ unconfirmed, field }: { unconfirmed: readonly string[]; field: string }) {
  const { t } = useTranslation();
  if (!unconfirmed.includes(field)) return null;
  return <span className="unconfirmed-note"> {t('unconfirmed')}</span>;
}
