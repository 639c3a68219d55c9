import { useRecoilValue } from 'recoil';
import { displayAnswer } from '../answers';
import { useApplicationsDictionary } from '../i18n/use-applications-dictionary';
import { draftState } from '../state/draft-state';
import { stepFields, type FormStep } from '../steps';
import type { ApplicationProcedure } from '../types';

interface ReviewAnswersProps {
  procedure: ApplicationProcedure;
  steps: readonly FormStep[];
  stepTitle: (step: FormStep) => string;
  onEdit: (stepIndex: number) => void;
}

/** "Kiểm tra lại thông tin": every answer, grouped by step, each group with a "Sửa" that returns to its step. */
export function ReviewAnswers({ procedure, steps, stepTitle, onEdit }: ReviewAnswersProps) {
  const { t } = useApplicationsDictionary();
  const draft = useRecoilValue(draftState(procedure.code));
  const empty = <span className="muted">{t('applications.review.empty')}</span>;

  return (
    <div className="review">
      <p className="muted">{t('applications.review.lead')}</p>
      {steps.map((step, index) => {
        if (step.kind === 'review') return null;
        const title = stepTitle(step);
        let rows: { label: string; value: string }[];
        if (step.kind === 'office') {
          rows = [{ label: t('applications.office.label'), value: draft.office?.unitName ?? '' }];
        } else if (step.kind === 'documents') {
          rows = procedure.documents.map((document) => ({
            label: document.name,
            value: draft.files
              .filter((file) => file.documentCode === document.code)
              .map((file) => file.name)
              .join(', '),
          }));
        } else {
          rows = stepFields(step).map((field) => ({
            label: field.label,
            value: displayAnswer(field, draft.answers[field.code], draft.communeNames),
          }));
        }
        return (
          <section key={index} className="review-section" aria-labelledby={`review-${index}`}>
            <div className="review-heading">
              <h3 id={`review-${index}`}>{title}</h3>
              <button
                type="button"
                className="button button--secondary"
                aria-label={t('applications.review.editLabel', { section: title })}
                onClick={() => onEdit(index)}
              >
                {t('applications.review.edit')}
              </button>
            </div>
            <dl className="review-list">
              {rows.map((row) => (
                <div key={row.label} className="review-row">
                  <dt>{row.label}</dt>
                  <dd>
                    {row.value ||
                      (step.kind === 'documents' ? <span className="muted">{t('applications.review.noFiles')}</span> : empty)}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </div>
  );
}
