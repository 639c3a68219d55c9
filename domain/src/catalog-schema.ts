// The seed catalogue contract: data/README.md. The same schemas describe the API's procedure detail.
import { z } from 'zod';

const text = z.string().trim().min(1);
const nullableText = z.string().trim().min(1).nullable();
const isoDate = z.iso.date();

export const OFFICE_TYPES = ['xa', 'phuong', 'province'] as const;
export const PROCEDURE_LEVELS = ['commune', 'province'] as const;
export const ONLINE_LEVELS = ['full', 'partial'] as const;
export const DOCUMENT_FORMS = ['original', 'copy', 'certified-copy', 'original-or-copy'] as const;
export const FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'date',
  'single-choice',
  'multi-choice',
  'citizen-id',
  'phone',
  'commune',
] as const;

export const officeSchema = z.object({
  code: z.string().regex(/^(\d{5}|H\d{2})$/, 'a 5-digit unit code, or "H" and 2 digits for the provincial centre'),
  name: text,
  unitName: text,
  type: z.enum(OFFICE_TYPES),
  address: nullableText,
  phone: nullableText,
  openingHours: nullableText,
  formerUnits: z.array(text),
  unconfirmed: z.array(text),
});

export const processingTimeSchema = z.object({
  text,
  workingDays: z.number().int().min(0).nullable(),
});

export const feeSchema = z.object({
  description: text,
  amount: z.number().int().min(0).nullable(),
});

export const procedureDocumentSchema = z.object({
  code: text,
  name: text,
  copies: z.number().int().min(1),
  form: z.enum(DOCUMENT_FORMS),
  required: z.boolean(),
  note: nullableText,
});

export const fieldOptionSchema = z.object({ value: text, label: text });

const dateBound = z.union([z.literal('today'), isoDate]);

/** A field without the cross-property checks, for describing API responses. */
export const procedureFieldShape = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/, 'snake_case'),
  type: z.enum(FIELD_TYPES),
  label: text,
  required: z.boolean(),
  order: z.number().int(),
  help: text.optional(),
  maxLength: z.number().int().min(1).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  minDate: dateBound.optional(),
  maxDate: dateBound.optional(),
  options: z.array(fieldOptionSchema).min(1).optional(),
});

export const procedureFieldSchema = procedureFieldShape.superRefine((field, ctx) => {
  const isChoice = field.type === 'single-choice' || field.type === 'multi-choice';
  if (isChoice && !field.options) {
    ctx.addIssue({ code: 'custom', path: ['options'], message: `a ${field.type} field needs options` });
  }
  if (!isChoice && field.options) {
    ctx.addIssue({ code: 'custom', path: ['options'], message: `a ${field.type} field takes no options` });
  }
});

/** A procedure without the cross-property checks, for describing API responses. */
export const procedureShape = z.object({
  code: z.string().regex(/^\d+\.\d+$/, 'a national procedure code such as 1.001193'),
  localCode: nullableText,
  name: text,
  field: text,
  level: z.enum(PROCEDURE_LEVELS),
  agency: text,
  onlineLevel: z.enum(ONLINE_LEVELS),
  description: text,
  processingTime: processingTimeSchema,
  fees: z.array(feeSchema),
  documents: z.array(procedureDocumentSchema),
  requirements: z.array(text),
  result: text,
  legalBasis: z.array(text),
  fields: z.array(procedureFieldSchema),
  popularRank: z.number().int().min(1).nullable(),
  offices: z.array(text).nullable(),
  unconfirmed: z.array(text),
  source: text,
});

export const procedureSchema = procedureShape.superRefine((procedure, ctx) => {
  const fieldCodes = new Set<string>();
  procedure.fields.forEach((field, index) => {
    if (fieldCodes.has(field.code)) {
      ctx.addIssue({ code: 'custom', path: ['fields', index, 'code'], message: `duplicate field code ${field.code}` });
    }
    fieldCodes.add(field.code);
  });
  const documentCodes = new Set<string>();
  procedure.documents.forEach((document, index) => {
    if (documentCodes.has(document.code)) {
      ctx.addIssue({
        code: 'custom',
        path: ['documents', index, 'code'],
        message: `duplicate document code ${document.code}`,
      });
    }
    documentCodes.add(document.code);
  });
});

export const officesFileSchema = z.object({ source: text, offices: z.array(officeSchema) });
export const proceduresFileSchema = z.object({ source: text, procedures: z.array(procedureSchema) });

export type OfficeType = (typeof OFFICE_TYPES)[number];
export type ProcedureLevel = (typeof PROCEDURE_LEVELS)[number];
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];
export type CatalogOffice = z.infer<typeof officeSchema>;
export type CatalogProcedure = z.infer<typeof procedureSchema>;
export type ProcedureDocument = z.infer<typeof procedureDocumentSchema>;
export type ProcedureField = z.infer<typeof procedureFieldSchema>;
export type Fee = z.infer<typeof feeSchema>;
export type ProcessingTime = z.infer<typeof processingTimeSchema>;
export type OfficesFile = z.infer<typeof officesFileSchema>;
export type ProceduresFile = z.infer<typeof proceduresFileSchema>;

export interface Catalog {
  offices: CatalogOffice[];
  procedures: CatalogProcedure[];
}

/** Checks that span both files: unique codes, and procedure office lists that name known offices. */
export function findCatalogProblems(catalog: Catalog): string[] {
  const problems: string[] = [];
  const officeCodes = new Set<string>();
  for (const office of catalog.offices) {
    if (officeCodes.has(office.code)) problems.push(`offices.json: duplicate office code ${office.code}`);
    officeCodes.add(office.code);
  }
  const procedureCodes = new Set<string>();
  for (const procedure of catalog.procedures) {
    if (procedureCodes.has(procedure.code)) problems.push(`procedures.json: duplicate procedure code ${procedure.code}`);
    procedureCodes.add(procedure.code);
    for (const officeCode of procedure.offices ?? []) {
      if (!officeCodes.has(officeCode)) {
        problems.push(`procedures.json: procedure ${procedure.code} names unknown office ${officeCode}`);
      }
    }
  }
  return problems;
}
