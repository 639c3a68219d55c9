import { useRecoilValue } from 'recoil';
import { useTranslation } from 'react-i18next';
import { Fact } from '@/components/fact';
import { UnconfirmedNote } from '@/components/unconfirmed-note';
import { procedureState } from '@/state/procedure-state';
import { OnlineLevelBadge } from './online-level-badge';
import { formatFeeAmount } from './format-fee';

/** Everything a citizen needs to prepare before going to the desk. Suspends while loading. */
export function ProcedureDetails({ code }: { code: string }) {
  const { t } = useTranslation();
  const procedure = useRecoilValue(procedureState(code));
  const { unconfirmed } = procedure;
  const note = (field: string) => <UnconfirmedNote unconfirmed={unconfirmed} field={field} />;

  return (
    <article className="details">
      <h1 className="details-title">{procedure.name}</h1>
      <OnlineLevelBadge onlineLevel={procedure.onlineLevel} />
      {procedure.description && <p className="details-lead">{procedure.description}</p>}

      <dl className="facts">
        <Fact label={t('procedure.code')}>{procedure.code}</Fact>
        {procedure.localCode && <Fact label={t('procedure.localCode')}>{procedure.localCode}</Fact>}
        <Fact label={t('procedure.field')}>{procedure.field}</Fact>
        <Fact label={t('procedure.level')}>{t(`level.${procedure.level}`)}</Fact>
        <Fact label={t('procedure.agency')}>
          {procedure.agency}
          {note('agency')}
        </Fact>
        <Fact label={t('procedure.onlineLevel')}>
          {t(`online.${procedure.onlineLevel}`)}
          {note('onlineLevel')}
        </Fact>
        <Fact label={t('procedure.processingTime')}>
          {procedure.processingTime.text}
          {note('processingTime')}
        </Fact>
        <Fact label={t('procedure.fees')}>
          {procedure.fees.length === 0 ? (
            t('procedure.free')
          ) : (
            <ul className="plain-list">
              {procedure.fees.map((fee, index) => (
                <li key={index}>
                  <strong>{formatFeeAmount(fee, t)}</strong>
                  {fee.description && ` — ${fee.description}`}
                </li>
              ))}
            </ul>
          )}
          {note('fees')}
        </Fact>
      </dl>

      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">
          {t('procedure.documents')}
          {note('documents')}
        </h2>
        <ul className="document-list" aria-label={t('procedure.documents')}>
          {procedure.documents.map((document) => (
            <li key={document.code}>
              <span className="document-name">{document.name}</span>
              <span className="document-meta">
                {t('procedure.copies', { count: document.copies })} · {t(`documentForm.${document.form}`)}
                {!document.required && ` · ${t('procedure.optional')}`}
              </span>
              {document.note && <span className="document-note">{document.note}</span>}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="requirements-heading">
        <h2 id="requirements-heading">
          {t('procedure.requirements')}
          {note('requirements')}
        </h2>
        {procedure.requirements.length === 0 ? (
          <p>{t('procedure.noRequirements')}</p>
        ) : (
          <ul className="plain-list">
            {procedure.requirements.map((requirement, index) => (
              <li key={index}>{requirement}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="result-heading">
        <h2 id="result-heading">{t('procedure.result')}</h2>
        <p>
          {procedure.result}
          {note('result')}
        </p>
      </section>

      <section aria-labelledby="legal-heading">
        <h2 id="legal-heading">
          {t('procedure.legalBasis')}
          {note('legalBasis')}
        </h2>
        <ul className="plain-list">
          {procedure.legalBasis.map((basis, index) => (
            <li key={index}>{basis}</li>
          ))}
        </ul>
      </section>
    </article>
  );
}
