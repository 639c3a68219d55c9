import { APPLICANT_FIELDS, type FormFieldDefinition } from '@lao-cai-so/domain/application-form';
import type { ApplicationProcedure } from './types';

// A few questions per screen: short enough for a 360×640 phone without long scrolling.
export const FIELDS_PER_STEP = 3;

export type FormStep =
  | { kind: 'office' }
  | { kind: 'applicant'; fields: readonly FormFieldDefinition[] }
  | { kind: 'fields'; fields: readonly FormFieldDefinition[]; part: number; parts: number }
  | { kind: 'documents' }
  | { kind: 'review' };

/** The form's steps: where to submit, who applies, the procedure's own fields a few at a time, documents, review. */
export function buildSteps(procedure: ApplicationProcedure): FormStep[] {
  const ordered = [...procedure.fields].sort((a, b) => a.order - b.order);
  const parts = Math.ceil(ordered.length / FIELDS_PER_STEP);
  const fieldSteps: FormStep[] = Array.from({ length: parts }, (_, index) => ({
    kind: 'fields',
    fields: ordered.slice(index * FIELDS_PER_STEP, (index + 1) * FIELDS_PER_STEP),
    part: index + 1,
    parts,
  }));
  return [
    { kind: 'office' },
    { kind: 'applicant', fields: APPLICANT_FIELDS },
    ...fieldSteps,
    ...(procedure.documents.length > 0 ? [{ kind: 'documents' } as const] : []),
    { kind: 'review' },
  ];
}

export function stepFields(step: FormStep): readonly FormFieldDefinition[] {
  return step.kind === 'applicant' || step.kind === 'fields' ? step.fields : [];
}

/** The first step that has one of `keys` (field codes, document codes, or "officeCode"); -1 when none. */
export function firstStepWith(steps: readonly FormStep[], keys: readonly string[], documentCodes: readonly string[]) {
  const wanted = new Set(keys);
  return steps.findIndex((step) => {
    if (step.kind === 'office') return wanted.has('officeCode');
    if (step.kind === 'documents') return documentCodes.some((code) => wanted.has(code) || wanted.has(`attachments.${code}`));
    return stepFields(step).some((field) => wanted.has(field.code));
  });
}
