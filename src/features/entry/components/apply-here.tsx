import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { ChevronIcon } from '@/components/icons';
import type { ProcedureSummary } from '@/types/procedure';
import { applyPath } from '../entry-path';
import { useEntryDictionary } from '../i18n/use-entry-dictionary';
import './entry.css';

interface ApplyHereProps {
  office: { code: string; name: string };
  /** The procedures the office handles, most used first (as the proxy lists them). */
  procedures: ProcedureSummary[];
}

/**
 * "Nộp hồ sơ tại đây" on an office's page (where its QR poster leads): the citizen picks one of the office's
 * procedures and its form opens with the office chosen.
 */
export function ApplyHere({ office, procedures }: ApplyHereProps) {
  const { t } = useEntryDictionary();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const headingId = useId();
  if (procedures.length === 0) return null;
  return (
    <section className="apply-here">
      <button
        type="button"
        className="button button--primary button--large button--block"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        {t('entry.applyHere.button')}
      </button>
      <div id={panelId} hidden={!open}>
        <h2 id={headingId}>{t('entry.applyHere.choose')}</h2>
        <p className="muted">{t('entry.applyHere.lead', { office: office.name })}</p>
        <ul className="card-list" aria-labelledby={headingId}>
          {procedures.map((procedure) => (
            <li key={procedure.code}>
              <Link to={applyPath(procedure.code, office.code)} className="card-link">
                <span className="card-body">
                  <span className="card-title">{procedure.name}</span>
                  <span className="card-meta">{procedure.field}</span>
                </span>
                <ChevronIcon />
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
