import { useState, type FormEvent } from 'react';
import { useRecoilValue, useResetRecoilState } from 'recoil';
import { procedureState } from '@/state/procedure-state';
import { fieldId, OFFICE_KEY } from '../control-ids';
import { useApplicationsDictionary } from '../i18n/use-applications-dictionary';
import { draftFilesState, draftState, hasProgress } from '../state/draft-state';
import { useApplicantPrefill } from '../state/use-applicant-prefill';
import { pendingUploadsState } from '../state/use-document-uploads';
import { useFormSteps } from '../state/use-form-steps';
import { useSubmitApplication } from '../state/use-submit-application';
import { stepFields, type FormStep } from '../steps';
import { CommunePicker } from './commune-picker';
import { DocumentUploads } from './document-uploads';
import { FieldInput } from './field-input';
import { ReviewAnswers } from './review-answers';
import './application-form.css';

interface ApplicationFormProps {
  procedureCode: string;
  /** Office to pre-select (from `?office=`, e.g. a QR poster at a commune office). */
  preselectedOffice: string | null;
}

/** The application form, one short step at a time; every change is saved to the draft on the phone. */
export function ApplicationForm({ procedureCode, preselectedOffice }: ApplicationFormProps) {
  const { t } = useApplicationsDictionary();
  const procedure = useRecoilValue(procedureState(procedureCode));
  const resetDraft = useResetRecoilState(draftState(procedureCode));
  const resetPending = useResetRecoilState(pendingUploadsState(procedureCode));
  const form = useFormSteps(procedure);
  const { steps, step, stepIndex, context, draft, errors, stepMessage, returnToReview } = form;
  const { prefillAgain } = useApplicantPrefill(procedure, preselectedOffice);
  const { submit, submitting, submitError } = useSubmitApplication(procedure, {
    context,
    onInvalid: form.jumpToErrors,
  });
  const [showDraftNotice, setShowDraftNotice] = useState(() => hasProgress(draft));

  const restart = () => {
    resetDraft();
    resetPending();
    form.clear();
    setShowDraftNotice(false);
    prefillAgain();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (step.kind === 'review') void submit();
    else form.next();
  };

  const stepTitle = (entry: FormStep) =>
    entry.kind === 'fields'
      ? t('applications.steps.fields', { part: entry.part, parts: entry.parts })
      : t(`applications.steps.${entry.kind}`);
  const errorCount = Object.keys(errors).length;

  return (
    <div className="application-form">
      <p className="muted application-form-kicker">{t('applications.pageTitle')}</p>
      <h1 className="page-title">{procedure.name}</h1>

      {showDraftNotice && (
        <section className="state-box draft-notice" aria-labelledby="draft-notice-title">
          <h2 id="draft-notice-title" className="state-title">
            {t('applications.draft.title')}
          </h2>
          <p>{t('applications.draft.body')}</p>
          <div className="form-actions">
            <button type="button" className="button button--primary" onClick={() => setShowDraftNotice(false)}>
              {t('applications.draft.continue')}
            </button>
            <button type="button" className="button button--secondary" onClick={restart}>
              {t('applications.draft.restart')}
            </button>
          </div>
        </section>
      )}

      <form noValidate onSubmit={onSubmit}>
        <p className="step-count">{t('applications.stepOf', { current: stepIndex + 1, total: steps.length })}</p>
        <h2 ref={form.headingRef} tabIndex={-1} className="step-title">
          {stepTitle(step)}
        </h2>

        {(errorCount > 0 || stepMessage) && (
          <div className="error-summary" role="alert">
            {stepMessage ?? t('applications.errorSummary', { number: errorCount })}
          </div>
        )}

        {step.kind === 'office' &&
          (procedure.level === 'province' ? (
            <p>{t('applications.office.province')}</p>
          ) : (
            <>
              <p className="muted">{t('applications.office.lead')}</p>
              <CommunePicker
                id={fieldId(OFFICE_KEY)}
                label={t('applications.office.label')}
                error={errors[OFFICE_KEY]}
                value={draft.office?.code ?? ''}
                valueName={draft.office?.unitName}
                types={['xa', 'phuong']}
                onChange={form.chooseOffice}
              />
            </>
          ))}

        {(step.kind === 'applicant' || step.kind === 'fields') &&
          stepFields(step).map((field) => (
            <FieldInput
              key={field.code}
              field={field}
              value={draft.answers[field.code]}
              error={errors[field.code]}
              today={context.today}
              communeName={draft.communeNames[String(draft.answers[field.code] ?? '')]}
              onChange={(value) => form.setAnswer(field.code, value)}
              onCommuneChange={(office) => form.chooseCommune(field.code, office)}
            />
          ))}

        {step.kind === 'documents' && (
          <DocumentUploads
            documents={procedure.documents}
            uploadsKey={procedure.code}
            filesState={draftFilesState(procedure.code)}
            errors={errors}
          />
        )}

        {step.kind === 'review' && (
          <ReviewAnswers procedure={procedure} steps={steps} stepTitle={stepTitle} onEdit={form.edit} />
        )}

        {submitError && step.kind === 'review' && (
          <p className="error-summary" role="alert">
            {submitError}
          </p>
        )}

        <div className="form-actions">
          {step.kind === 'review' ? (
            <button type="submit" className="button button--primary" disabled={submitting} aria-busy={submitting}>
              {submitting ? t('applications.review.submitting') : t('applications.review.submit')}
            </button>
          ) : (
            <button type="submit" className="button button--primary">
              {returnToReview ? t('applications.saveAndReview') : t('applications.next')}
            </button>
          )}
          {stepIndex > 0 && (
            <button type="button" className="button button--secondary" onClick={form.back}>
              {t('applications.back')}
            </button>
          )}
        </div>
        <p className="muted autosave-note">{t('applications.autosave')}</p>
      </form>
    </div>
  );
}

