import { useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useRecoilState, useResetRecoilState } from 'recoil';
import type { FormRuleContext } from '@lao-cai-so/domain/application-form';
import { ApiError, toApiError } from '@/lib/api-client';
import { removeSetting } from '@/lib/storage';
import { buildSubmission } from '../answers';
import { ApplicationValidationError, submitApplication } from '../api/submit-application';
import { useApplicationsDictionary } from '../i18n/use-applications-dictionary';
import { newId } from '../new-id';
import type { ApplicationProcedure, ReceiptNavigationState } from '../types';
import { draftState, draftStorageKey } from './draft-state';
import { pendingUploadsState } from './use-document-uploads';

interface SubmitOptions {
  context: FormRuleContext;
  /** Answers the app or the proxy refused, by field or document code: the form shows them where they are. */
  onInvalid: (errors: Record<string, string>) => void;
}

/**
 * Sends the draft once (a second tap while sending does nothing); on success the draft is gone and the receipt page
 * opens in place of the form; a failure the citizen can fix goes to `onInvalid`, any other is `submitError`.
 */
export function useSubmitApplication(procedure: ApplicationProcedure, { context, onInvalid }: SubmitOptions) {
  const { t } = useApplicationsDictionary();
  const navigate = useNavigate();
  const [draft, setDraft] = useRecoilState(draftState(procedure.code));
  const resetDraft = useResetRecoilState(draftState(procedure.code));
  const resetPending = useResetRecoilState(pendingUploadsState(procedure.code));
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const submittingRef = useRef(false);

  const submit = async () => {
    if (submittingRef.current) return;
    const check = buildSubmission(procedure, draft, context, t('applications.office.required'));
    if (!check.ok) {
      onInvalid(check.errors);
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
      if (fieldErrors) onInvalid(fieldErrors);
      else setSubmitError(apiError.message);
    } finally {
      submittingRef.current = false;
      setSubmitting(false);
    }
  };

  return { submit, submitting, submitError };
}

/** The proxy's per-field errors (422 VALIDATION_FAILED); null for any other failure. */
function validationErrorsOf(error: ApiError): Record<string, string> | null {
  if (!(error instanceof ApplicationValidationError)) return null;
  return Object.keys(error.fields).length > 0 ? error.fields : { _: error.message };
}
