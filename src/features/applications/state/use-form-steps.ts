import { useEffect, useMemo, useRef, useState } from 'react';
import { useRecoilState, useRecoilValue } from 'recoil';
import {
  todayInVietnam,
  validateAttachments,
  validateField,
  type FormRuleContext,
} from '@lao-cai-so/domain/application-form';
import { documentSectionId, fieldId, OFFICE_KEY } from '../control-ids';
import { useApplicationsDictionary } from '../i18n/use-applications-dictionary';
import { buildSteps, firstStepWith, stepFields } from '../steps';
import type { ApplicationDraft, ApplicationProcedure, OfficeChoice, RawAnswer } from '../types';
import { draftState } from './draft-state';
import { pendingUploadsState } from './use-document-uploads';

export type FieldErrors = Record<string, string>;

function now(): string {
  return new Date().toISOString();
}

/**
 * The form's steps over the draft: answers and choices (saved to the draft), each step checked before the next,
 * "Sửa" from the review and back to it, and focus moved to the new step's heading or to the first error.
 */
export function useFormSteps(procedure: ApplicationProcedure) {
  const { t } = useApplicationsDictionary();
  const [draft, setDraft] = useRecoilState(draftState(procedure.code));
  const pending = useRecoilValue(pendingUploadsState(procedure.code));

  const steps = useMemo(() => buildSteps(procedure), [procedure]);
  const context = useMemo<FormRuleContext>(() => ({ today: todayInVietnam(new Date()) }), []);
  const stepIndex = Math.min(Math.max(draft.step, 0), steps.length - 1);
  const step = steps[stepIndex];
  const reviewIndex = steps.length - 1;

  const [errors, setErrors] = useState<FieldErrors>({});
  const [stepMessage, setStepMessage] = useState<string | null>(null);
  const [returnToReview, setReturnToReview] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [focusRequest, setFocusRequest] = useState<{ kind: 'heading' | 'error'; n: number } | null>(null);

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

  const showErrors = (found: FieldErrors, message: string | null = null) => {
    setErrors(found);
    setStepMessage(message);
    setFocusRequest({ kind: 'error', n: Date.now() });
  };

  const checkStep = (): { errors: FieldErrors; message: string | null } => {
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
    const found: FieldErrors = {};
    for (const field of stepFields(step)) {
      const result = validateField(field, draft.answers[field.code], context);
      if (!result.ok) found[field.code] = result.message;
    }
    return { errors: found, message: null };
  };

  /** "Tiếp tục": the next step (or back to the review after "Sửa") when this one is right, else its errors. */
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

  /** "Sửa" on the review: that step, then straight back to the review. */
  const edit = (index: number) => {
    setReturnToReview(true);
    setErrors({});
    goTo(index);
  };

  /** Errors found at submission (by the app or the proxy): the first step that has one, with the errors shown. */
  const jumpToErrors = (found: FieldErrors) => {
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

  /** Forgets the errors and the way back to the review (after "Làm lại từ đầu"). */
  const clear = () => {
    setErrors({});
    setStepMessage(null);
    setReturnToReview(false);
  };

  return {
    steps,
    step,
    stepIndex,
    context,
    draft,
    errors,
    stepMessage,
    returnToReview,
    headingRef,
    setAnswer,
    chooseCommune,
    chooseOffice,
    next,
    back,
    edit,
    jumpToErrors,
    clear,
  };
}
