import type { ReactNode } from 'react';
import { useRecoilValue } from 'recoil';
import { useTranslation } from 'react-i18next';
import { Fact } from '@/components/fact';
import { PhoneIcon } from '@/components/phone-icon';
import { UnconfirmedNote } from '@/components/unconfirmed-note';
import { officeState } from '../state/offices-state';
import type { Office } from '../types';

interface OfficeDetailsProps {
  code: string;
  /** Renders the procedures the office handles (the page composes the catalogue's list). */
  renderProcedures: (procedures: Office['procedures']) => ReactNode;
  /** Renders what the citizen can do at this office, below its facts (the page composes "Nộp hồ sơ tại đây"). */
  renderActions?: (office: Office) => ReactNode;
}

/** Suspends while loading: render inside an AsyncSection. */
export function OfficeDetails({ code, renderProcedures, renderActions }: OfficeDetailsProps) {
  const { t } = useTranslation();
  const office = useRecoilValue(officeState(code));
  const note = (field: string) => <UnconfirmedNote unconfirmed={office.unconfirmed} field={field} />;
  const unknown = <span className="muted">{t('offices.unknown')}</span>;

  return (
    <article className="details">
      <h1 className="details-title">{office.name}</h1>
      <dl className="facts">
        <Fact label={t('offices.address')}>
          {office.address ?? unknown}
          {office.address && note('address')}
        </Fact>
        <Fact label={t('offices.openingHours')}>
          {office.openingHours ?? unknown}
          {office.openingHours && note('openingHours')}
        </Fact>
        <Fact label={t('offices.phone')}>
          {office.phone ? (
            <>
              <a className="button button--secondary" href={`tel:${office.phone.replace(/[^\d+]/g, '')}`}>
                <PhoneIcon />
                {t('offices.call', { phone: office.phone })}
              </a>
              {note('phone')}
            </>
          ) : (
            unknown
          )}
        </Fact>
        {office.formerUnits.length > 0 && (
          <Fact label={t('offices.formerUnits')}>{office.formerUnits.join(', ')}</Fact>
        )}
      </dl>
      {renderActions?.(office)}
      <section aria-labelledby="office-procedures-heading">
        <h2 id="office-procedures-heading">{t('offices.procedures')}</h2>
        {office.procedures.length === 0 ? <p>{t('offices.noProcedures')}</p> : renderProcedures(office.procedures)}
      </section>
    </article>
  );
}
