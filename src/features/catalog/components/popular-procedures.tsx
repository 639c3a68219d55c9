import { useRecoilValue } from 'recoil';
import { useTranslation } from 'react-i18next';
import { popularProceduresState } from '../state/catalog-state';
import { ProcedureList } from './procedure-list';

/** Suspends while loading: render inside an AsyncSection. */
export function PopularProcedures() {
  const { t } = useTranslation();
  const procedures = useRecoilValue(popularProceduresState);
  return <ProcedureList procedures={procedures} label={t('home.popularTitle')} />;
}
