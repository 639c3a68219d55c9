/** The id of a field's control, so an error can move focus to it. */
export function fieldId(code: string): string {
  return `field-${code}`;
}

/** The id of a document's section in the uploads step. */
export function documentSectionId(code: string): string {
  return `document-${code}`;
}

/** The error key of the office step (the proxy's name for the chosen office). */
export const OFFICE_KEY = 'officeCode';
