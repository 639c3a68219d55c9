import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ChevronIcon } from '@/components/icons';
import { OnlineLevelBadge } from './online-level-badge';
import type { ProcedureSummary } from '../types';

/** Procedures in the order given (the proxy ranks them); each row opens the procedure page. */
export function ProcedureList({ procedures, label }: { procedures: ProcedureSummary[]; label: string }) {
  const { t } = useTranslation();
  return (
    <ul className="card-list" aria-label={label}>
      {procedures.map((procedure) => (
        <li key={procedure.code}>
          <Link to={`/procedures/${encodeURIComponent(procedure.code)}`} className="card-link">
            <span className="card-body">
              <span className="card-title">{procedure.name}</span>
              <span className="card-meta">
                {procedure.field} · {t(`level.${procedure.level}`)}
              </span>
              <OnlineLevelBadge onlineLevel={procedure.onlineLevel} />
            </span>
            <ChevronIcon />
          </Link>
        </li>
      ))}
    </ul>
  );
}
