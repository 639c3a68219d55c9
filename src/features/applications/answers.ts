import {
  applicationFields,
  formatDate,
  validateAttachments,
  validateFields,
  type FieldValues,
  type FormFieldDefinition,
  type FormRuleContext,
} from '@lao-cai-so/domain/application-form';
import type { ApplicationDraft, ApplicationProcedure, RawAnswer, SubmitApplicationInput } from './types';

/** An answer as the citizen reads it back: option labels, dates day first, commune names; '' when unanswered. */
export function displayAnswer(
  field: FormFieldDefinition,
  raw: RawAnswer | undefined,
  communeNames: Record<string, string>,
): string {
  if (raw === undefined) return '';
  const labelOf = (value: string) => field.options?.find((option) => option.value === value)?.label ?? value;
  if (Array.isArray(raw)) return raw.map(labelOf).join(', ');
  const text = raw.trim();
  if (!text) return '';
  switch (field.type) {
    case 'single-choice':
      return labelOf(text);
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(text) ? formatDate(text) : text;
    case 'commune':
      return communeNames[text] ?? text;
    default:
      return text;
  }
}

export type SubmissionCheck =
  | { ok: true; input: SubmitApplicationInput }
  | { ok: false; errors: Record<string, string> };

/**
 * The request body, built with the same rules the proxy applies: normalised answers, the finished uploads. Answers to
 * fields the procedure no longer has (the catalogue changed since the draft began) are left out.
 */
export function buildSubmission(
  procedure: ApplicationProcedure,
  draft: ApplicationDraft,
  context: FormRuleContext,
  officeRequired: string,
): SubmissionCheck {
  const fields = applicationFields(procedure.fields);
  const known = new Set(fields.map((field) => field.code));
  const answers = Object.fromEntries(Object.entries(draft.answers).filter(([code]) => known.has(code)));
  const fieldCheck = validateFields(fields, answers, context);
  const attachments = draft.files.map(({ documentCode, uploadId }) => ({ documentCode, uploadId }));
  const attachmentCheck = validateAttachments(procedure.documents, attachments);
  const errors: Record<string, string> = {
    ...(draft.office ? {} : { officeCode: officeRequired }),
    ...(fieldCheck.ok ? {} : fieldCheck.errors),
    ...(attachmentCheck.ok ? {} : attachmentCheck.errors),
  };
  if (Object.keys(errors).length > 0 || !fieldCheck.ok || !draft.office) return { ok: false, errors };
  return {
    ok: true,
    input: {
      procedureCode: procedure.code,
      officeCode: draft.office.code,
      fields: fieldCheck.value satisfies FieldValues,
      attachments,
    },
  };
}
