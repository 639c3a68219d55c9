import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useRecoilState, useRecoilValue, useResetRecoilState } from 'recoil';
import {
  todayInVietnam,
  validateAttachments,
  validateField,
  type FormRuleContext,
} from '@lao-cai-so/domain/application-form';
import { ApiError, toApiError } from '@/lib/api-client';
import { removeSetting } from '@/lib/storage';
import { buildSubmission } from '../answers';
import { getApplicantProfile } from '../api/get-applicant-profile';
import { getOffice } from '../api/search-offices';
import { ApplicationValidationError, submitApplication } from '../api/submit-application';
import { useApplicationsDictionary } from '../i18n/use-applications-dictionary';
import { newId } from '../new-id';
import { draftFilesState, draftState, draftStorageKey, hasProgress } from '../state/draft-state';
import { pendingUploadsState } from '../state/use-document-uploads';
import { applicationProcedureState } from '../state/procedure-state';
import { buildSteps, firstStepWith, stepFields, type FormStep } from '../steps';
import type { ApplicationDraft, ApplicationReceipt, OfficeChoice, RawAnswer } from '../types';
import { CommunePicker } from './commune-picker';
import { DocumentUploads, documentSectionId } from './document-uploads';
import { FieldInput, fieldId } from './field-input';
import { ReviewAnswers } from './review-answers';
import './application-form.css';

/** The code of the provincial public-administration service centre, which handles province-level procedures. */
const PROVINCIAL_CENTRE_CODE = 'H38';
const OFFICE_KEY = 'officeCode';

/** What the receipt page is given when it opens right after a submission. */
export interface ReceiptNavigationState {
  receipt: ApplicationReceipt;
  procedureName: string;
}

interface ApplicationFormProps {
  procedureCode: string;
  /** Office to pre-select (from `?office=`, e.g. a QR poster at a commune office). */
  preselectedOffice: string | null;
}

function now(): string {
  return new Date().toISOString();
}

/** The application form, one short step at a time; every change is saved to the draft on the phone. */
export function ApplicationForm({ procedureCode, preselectedOffice }: ApplicationFormProps) {
  const { t } = useApplicationsDictionary();
  const navigate = useNavigate();
  const procedure = useRecoilValue(applicationProcedureState(procedureCode));
  const [draft, setDraft] = useRecoilState(draftState(procedureCode));
  const resetDraft = useResetRecoilState(draftState(procedureCode));
  const pending = useRecoilValue(pendingUploadsState(procedureCode));
  const resetPending = useResetRecoilState(pendingUploadsState(procedureCode));

  const steps = useMemo(() => buildSteps(procedure), [procedure]);
  const context = useMemo<FormRuleContext>(() => ({ today: todayInVietnam(new Date()) }), []);
  const stepIndex = Math.min(Math.max(draft.step, 0), steps.length - 1);
  const step = steps[stepIndex];
  const reviewIndex = steps.length - 1;

  const [showDraftNotice, setShowDraftNotice] = useState(() => hasProgress(draft));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [stepMessage, setStepMessage] = useState<string | null>(null);
  const [returnToReview, setReturnToReview] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [restarts, setRestarts] = useState(0);
  const submittingRef = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [focusRequest, setFocusRequest] = useState<{ kind: 'heading' | 'error'; n: number } | null>(null);

  // Pre-fill what the app already knows, without counting it as the citizen's progress (updatedAt stays).
  useEffect(() => {
    if (hasProgress(draft)) return;
    if (procedure.level === 'province') {
      const centre: OfficeChoice = {
        code: PROVINCIAL_CENTRE_CODE,
        name: t('applications.office.provinceName'),
        unitName: t('applications.office.provinceName'),
        type: 'province',
      };
      setDraft((current) => ({ ...current, office: current.office ?? centre }));
    } else if (preselectedOffice && !draft.office) {
      getOffice(preselectedOffice).then(
        (office) => {
          if (office.type !== 'province') setDraft((current) => ({ ...current, office: current.office ?? office }));
        },
        () => undefined,
      );
    }
    getApplicantProfile().then(
      (profile) => {
        const phone = profile.phone?.number;
        if (!profile.name && !phone) return;
        setDraft((current) => {
          const answers = { ...current.answers };
          if (profile.name && !answers.applicant_full_name) answers.applicant_full_name = profile.name;
          // The proxy keeps 84…; citizens know their number as 0….
          if (phone && !answers.applicant_phone) answers.applicant_phone = phone.replace(/^84/, '0');
          return { ...current, answers };
        });
      },
      () => undefined, // not signed in, or no consent: the citizen types their details
    );
    // Once per page visit, and again after "Làm lại từ đầu".
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [restarts]);

  useEffect(() => {
    if (!focusRequest) return;
    if (focusRequest.kind === 'heading') {
      headingRef.current?.focus();
      return;
    }
    // The first control with an error, in the order the citizen reads them.
    const invalid = Object.keys(errors)
      .map((key) => document.getElementById(fieldId(key)) ?? document.getElementById(documentSectionId(key)))
      .filter((element): element is HTMLElement => element !== null)
      .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    invalid[0]?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);

  const update = (change: (current: ApplicationDraft) => ApplicationDraft) =>
    setDraft((current) => ({ ...change(current), updatedAt: now() }));

  const recheck = (code: string, value: RawAnswer) => {
    if (!errors[code]) return;
    const field = stepFields(step).find((entry) => entry.code === code);
    if (!field) return;
    const result = validateField(field, value, context);
    setErrors((current) => {
      const next = { ...current };
      if (result.ok) delete next[code];
      else next[code] = result.message;
      return next;
    });
  };

  const setAnswer = (code: string, value: RawAnswer) => {
    update((current) => ({ ...current, answers: { ...current.answers, [code]: value } }));
    recheck(code, value);
  };

  const chooseCommune = (code: string, office: OfficeChoice) => {
    update((current) => ({
      ...current,
      answers: { ...current.answers, [code]: office.code },
      communeNames: { ...current.communeNames, [office.code]: office.unitName },
    }));
    recheck(code, office.code);
  };

  const chooseOffice = (office: OfficeChoice) => {
    update((current) => ({ ...current, office }));
    setErrors((current) => {
      const { [OFFICE_KEY]: _removed, ...rest } = current;
      return rest;
    });
  };

  const goTo = (index: number) => {
    setDraft((current) => ({ ...current, step: index }));
    setFocusRequest({ kind: 'heading', n: Date.now() });
  };

  const showErrors = (found: Record<string, string>, message: string | null = null) => {
    setErrors(found);
    setStepMessage(message);
    setFocusRequest({ kind: 'error', n: Date.now() });
  };

  const checkStep = (): { errors: Record<string, string>; message: string | null } => {
    if (step.kind === 'office') {
      return { errors: draft.office ? {} : { [OFFICE_KEY]: t('applications.office.required') }, message: null };
    }
    if (step.kind === 'documents') {
      if (pending.length > 0) return { errors: {}, message: t('applications.documents.waitForUploads') };
      const result = validateAttachments(
        procedure.documents,
        draft.files.map(({ documentCode, uploadId }) => ({ documentCode, uploadId })),
      );
      return { errors: result.ok ? {} : result.errors, message: null };
    }
    const found: Record<string, string> = {};
    for (const field of stepFields(step)) {
      const result = validateField(field, draft.answers[field.code], context);
      if (!result.ok) found[field.code] = result.message;
    }
    return { errors: found, message: null };
  };

  const next = () => {
    const check = checkStep();
    if (Object.keys(check.errors).length > 0 || check.message) {
      showErrors(check.errors, check.message);
      return;
    }
    setErrors({});
    setStepMessage(null);
    goTo(returnToReview ? reviewIndex : stepIndex + 1);
    setReturnToReview(false);
  };

  const back = () => {
    setErrors({});
    setStepMessage(null);
    goTo(stepIndex - 1);
  };

  const edit = (index: number) => {
    setReturnToReview(true);
    setErrors({});
    goTo(index);
  };

  const jumpToErrors = (found: Record<string, string>) => {
    const index = firstStepWith(
      steps,
      Object.keys(found),
      procedure.documents.map((document) => document.code),
    );
    if (index >= 0 && index !== reviewIndex) {
      setReturnToReview(true);
      setDraft((current) => ({ ...current, step: index }));
    }
    showErrors(found, t('applications.review.fixErrors'));
  };

  const submit = async () => {
    if (submittingRef.current) return;
    const check = buildSubmission(procedure, draft, context, t('applications.office.required'));
    if (!check.ok) {
      jumpToErrors(check.errors);
      return;
    }
    // The same body keeps its key across retries (even after closing the app), so the proxy can de-duplicate it;
    // a changed body is a new submission with a new key.
    const body = JSON.stringify(check.input);
    const idempotencyKey =
      draft.submission && draft.submission.body === body ? draft.submission.idempotencyKey : newId();
    setDraft((current) => ({ ...current, submission: { idempotencyKey, body } }));

    submittingRef.current = true;
    setSubmitting(true);
    setSubmitError(null);
    try {
      const receipt = await submitApplication(check.input, idempotencyKey);
      await removeSetting(draftStorageKey(procedure.code));
      resetDraft();
      resetPending();
      const state: ReceiptNavigationState = { receipt, procedureName: procedure.name };
      navigate(`/applications/${encodeURIComponent(receipt.id)}`, { replace: true, state });
    } catch (error) {
      const apiError = toApiError(error);
      const fieldErrors = validationErrorsOf(apiError);
      // The proxy remembers the key with another body: the next tap must be a new submission.
      if (apiError.code === 'IDEMPOTENCY_KEY_REUSED') setDraft((current) => ({ ...current, submission: null }));
      if (fieldErrors) jumpToErrors(fieldErrors);
      else setSubmitError(apiError.message);
    } finally {
      submittingRef.current = false;
      setSubmitting(false);
    }
  };

  const restart = () => {
    resetDraft();
    resetPending();
    setErrors({});
    setStepMessage(null);
    setShowDraftNotice(false);
    setReturnToReview(false);
    setRestarts((n) => n + 1);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (step.kind === 'review') void submit();
    else next();
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
        <h2 ref={headingRef} tabIndex={-1} className="step-title">
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
                onChange={chooseOffice}
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
              onChange={(value) => setAnswer(field.code, value)}
              onCommuneChange={(office) => chooseCommune(field.code, office)}
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
          <ReviewAnswers procedure={procedure} steps={steps} stepTitle={stepTitle} onEdit={edit} />
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
            <button type="button" className="button button--secondary" onClick={back}>
              {t('applications.back')}
            </button>
          )}
        </div>
        <p className="muted autosave-note">{t('applications.autosave')}</p>
      </form>
    </div>
  );
}

/** The proxy's per-field errors (422 VALIDATION_FAILED); null for any other failure. */
function validationErrorsOf(error: ApiError): Record<string, string> | null {
  if (!(error instanceof ApplicationValidationError)) return null;
  return Object.keys(error.fields).length > 0 ? error.fields : { _: error.message };
}
