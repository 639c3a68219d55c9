// The rules an application form's answers must follow, built from a procedure's field and document definitions
// (data/README.md). Pure: no I/O and no clock (the caller passes `today`). The mini app and the proxy both use this
// module, so the citizen sees on the phone exactly the errors the proxy would give. Messages are Vietnamese and say
// what to do. zod/mini keeps the mini app's form chunk small on weak 3G (the classic API adds ~20 KB gzip).
import * as z from 'zod/mini';

export type FormFieldType =
  | 'text'
  | 'textarea'
  | 'number'
  | 'date'
  | 'single-choice'
  | 'multi-choice'
  | 'citizen-id'
  | 'phone'
  | 'commune';

/** A field as the catalogue defines it (structurally the catalogue's ProcedureField, plus `integer`). */
export interface FormFieldDefinition {
  code: string;
  type: FormFieldType;
  label: string;
  required: boolean;
  order: number;
  help?: string;
  maxLength?: number;
  min?: number;
  max?: number;
  /** Whole numbers only; the catalogue says so per field (absent: decimals allowed). */
  integer?: boolean;
  /** "today" or an ISO date (yyyy-mm-dd). */
  minDate?: string;
  maxDate?: string;
  options?: { value: string; label: string }[];
}

export interface FormDocumentDefinition {
  code: string;
  name: string;
  required: boolean;
}

export interface FormRuleContext {
  /** The current date in Vietnam, yyyy-mm-dd (see todayInVietnam); "today" in a field's date bounds means this. */
  today: string;
  /** The unit codes a `commune` field may take; when absent only the 5-digit shape is checked. */
  communeCodes?: ReadonlySet<string>;
}

/** What a valid answer becomes: trimmed text, numbers, ISO dates, option values, 12 digits, `84…` phones. */
export type FieldValue = string | number | string[];
export type FieldValues = Record<string, FieldValue>;

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

// Without a maxLength in the catalogue, a generous cap still keeps a submission bounded.
const DEFAULT_MAX_LENGTH = { text: 500, textarea: 5000 } as const;
const MAX_FILES_PER_DOCUMENT = 10;

/**
 * Province-of-registration codes that open a 12-digit citizen-identification (CCCD) number: digits 1–3 are the
 * code of the province or city where the holder's birth was registered (Thông tư 07/2016/TT-BCA, Điều 7, as
 * amended by Thông tư 59/2021/TT-BCA). They are the 63 pre-2025 provinces' codes between 001 and 096; numbers
 * already issued keep them after the 2025 mergers.
 */
export const CITIZEN_ID_PROVINCE_CODES: ReadonlySet<string> = new Set(
  [
    1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37, 38, 40, 42, 44,
    45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84, 86, 87, 89,
    91, 92, 93, 94, 95, 96,
  ].map((code) => String(code).padStart(3, '0')),
);

/**
 * Vietnamese mobile numbers: 10 digits starting 03, 05, 07, 08 or 09 since the 2018 switch from 11-digit numbers
 * (Quyết định 798/QĐ-BTTTT), or the same in international form with 84 instead of the leading 0.
 */
const MOBILE_NATIONAL = /^0([35789]\d{8})$/;
const MOBILE_INTERNATIONAL = /^84([35789]\d{8})$/;

export const MESSAGES = {
  markup: 'Không nhập mã HTML hoặc ký tự < >',
  tooLong: (max: number, actual: number) => `Nhập tối đa ${max} ký tự (hiện có ${actual} ký tự)`,
  notText: 'Hãy nhập chữ',
  notNumber: 'Chỉ nhập chữ số, ví dụ 2 hoặc 12,5',
  notInteger: 'Hãy nhập số nguyên, không có phần lẻ',
  tooSmall: (min: number) => `Hãy nhập số từ ${formatNumber(min)} trở lên`,
  tooLarge: (max: number) => `Hãy nhập số không quá ${formatNumber(max)}`,
  notDate: 'Hãy chọn ngày theo lịch (ngày/tháng/năm)',
  notBeforeToday: 'Hãy chọn ngày từ hôm nay trở đi',
  notAfterToday: 'Ngày này chưa tới, hãy chọn hôm nay hoặc một ngày trước đó',
  notBefore: (date: string) => `Hãy chọn ngày từ ${formatDate(date)} trở đi`,
  notAfter: (date: string) => `Hãy chọn ngày không sau ${formatDate(date)}`,
  notOption: 'Hãy chọn một trong các lựa chọn có sẵn',
  citizenIdDigits: 'Số CCCD gồm 12 chữ số',
  citizenIdProvince: 'Kiểm tra lại số CCCD: 3 chữ số đầu là mã tỉnh nơi đăng ký khai sinh (từ 001 đến 096)',
  phone: 'Số điện thoại di động gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09',
  commune: 'Hãy chọn xã, phường trong danh sách',
  answerQuestion: 'Hãy trả lời câu hỏi này',
  unknownField: (code: string) => `Trường “${code}” không có trong thủ tục này`,
  notFields: 'Thông tin kê khai không đúng định dạng',
  attachmentMissing: 'Hãy đính kèm ảnh hoặc tệp PDF của giấy tờ này',
  unknownDocument: (code: string) => `Giấy tờ “${code}” không có trong thủ tục này`,
  duplicateUpload: 'Một tệp chỉ đính kèm một lần',
  tooManyFiles: (max: number) => `Mỗi giấy tờ đính kèm tối đa ${max} tệp`,
  notAttachments: 'Danh sách giấy tờ đính kèm không đúng định dạng',
} as const;

function formatNumber(value: number): string {
  // Vietnamese grouping (1.000.000; 12,5) without Intl, whose locale data differs between phones and servers.
  const [whole, fraction] = String(Math.abs(value)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/** yyyy-mm-dd → dd/mm/yyyy, the way dates are written in Vietnam. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/** The date in Vietnam (UTC+7, no daylight saving) at the instant `now`, as yyyy-mm-dd. */
export function todayInVietnam(now: Date): string {
  return new Date(now.getTime() + 7 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

function requiredMessage(field: FormFieldDefinition): string {
  // Some labels are questions ("Cha, mẹ của trẻ đã đăng ký kết hôn chưa?"): "Hãy chọn <question>" reads badly.
  if (field.label.trim().endsWith('?')) return MESSAGES.answerQuestion;
  const choose = ['single-choice', 'multi-choice', 'commune'].includes(field.type);
  return `${choose ? 'Hãy chọn' : 'Hãy nhập'} ${lowerFirst(field.label)}`;
}

/** '', whitespace, null and [] all mean "not answered". */
function blankToUndefined(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' && value.trim() === '') return undefined;
  if (Array.isArray(value) && value.length === 0) return undefined;
  return value;
}

/** Accepts 12, "12", "12,5", "1.000.000" (Vietnamese grouping) and " 7 "; anything else is not a number. */
function parseNumber(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  let text = value.replace(/\s/g, '');
  if (/^-?\d{1,3}(\.\d{3})+$/.test(text)) text = text.replace(/\./g, '');
  text = text.replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : value;
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [year, month, day] = text.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function stripSeparators(text: string): string {
  return text.replace(/[\s.\-()]/g, '');
}

type Schema<T> = z.ZodMiniType<T, unknown>;

function baseSchema(field: FormFieldDefinition, context: FormRuleContext): Schema<FieldValue> {
  const required = requiredMessage(field);
  // The input is undefined only when the answer is blank (see blankToUndefined), so that is the "required" case.
  const typed = (otherwise: string) => ({
    error: (issue: { input?: unknown }) => (issue.input === undefined ? required : otherwise),
  });
  const options = new Set((field.options ?? []).map((option) => option.value));

  switch (field.type) {
    case 'text':
    case 'textarea': {
      const max = field.maxLength ?? DEFAULT_MAX_LENGTH[field.type];
      return z.string(typed(MESSAGES.notText)).check(
        z.trim(),
        z.normalize('NFC'),
        z.refine((text) => !/[<>]/.test(text), MESSAGES.markup),
        z.refine((text) => text.length <= max, {
          error: (issue) => MESSAGES.tooLong(max, String(issue.input).length),
        }),
      );
    }
    case 'number': {
      const { min, max } = field;
      const number = z.number(typed(MESSAGES.notNumber)).check(
        z.refine((value) => !field.integer || Number.isInteger(value), MESSAGES.notInteger),
        z.refine((value) => min === undefined || value >= min, MESSAGES.tooSmall(min ?? 0)),
        z.refine((value) => max === undefined || value <= max, MESSAGES.tooLarge(max ?? 0)),
      );
      return z.pipe(z.transform(parseNumber), number);
    }
    case 'date': {
      const resolve = (bound: string) => (bound === 'today' ? context.today : bound);
      const min = field.minDate ? resolve(field.minDate) : null;
      const max = field.maxDate ? resolve(field.maxDate) : null;
      const minMessage = field.minDate === 'today' ? MESSAGES.notBeforeToday : MESSAGES.notBefore(min ?? '');
      const maxMessage = field.maxDate === 'today' ? MESSAGES.notAfterToday : MESSAGES.notAfter(max ?? '');
      return z.string(typed(MESSAGES.notDate)).check(
        z.trim(),
        z.refine(isCalendarDate, { error: MESSAGES.notDate, abort: true }),
        z.refine((date) => min === null || date >= min, minMessage),
        z.refine((date) => max === null || date <= max, maxMessage),
      );
    }
    case 'single-choice':
      return z.string(typed(MESSAGES.notOption)).check(z.refine((value) => options.has(value), MESSAGES.notOption));
    case 'multi-choice':
      return z.pipe(
        z
          .array(z.string({ error: MESSAGES.notOption }), typed(MESSAGES.notOption))
          .check(z.refine((values) => values.every((value) => options.has(value)), MESSAGES.notOption)),
        // Keep the catalogue's order and drop repeats, so equal answers compare equal.
        z.transform((values: string[]) =>
          (field.options ?? []).map((option) => option.value).filter((value) => values.includes(value)),
        ),
      );
    case 'citizen-id':
      return z.string(typed(MESSAGES.citizenIdDigits)).check(
        z.overwrite(stripSeparators),
        z.refine((digits) => /^\d{12}$/.test(digits), { error: MESSAGES.citizenIdDigits, abort: true }),
        z.refine((digits) => CITIZEN_ID_PROVINCE_CODES.has(digits.slice(0, 3)), MESSAGES.citizenIdProvince),
      );
    case 'phone':
      return z.string(typed(MESSAGES.phone)).check(
        z.overwrite((text) => stripSeparators(text).replace(/^\+/, '')),
        z.refine((digits) => MOBILE_NATIONAL.test(digits) || MOBILE_INTERNATIONAL.test(digits), {
          error: MESSAGES.phone,
          abort: true,
        }),
        z.overwrite((digits) => (digits.startsWith('0') ? `84${digits.slice(1)}` : digits)),
      );
    case 'commune':
      return z.string(typed(MESSAGES.commune)).check(
        z.trim(),
        z.refine(
          (code) => /^\d{5}$/.test(code) && (!context.communeCodes || context.communeCodes.has(code)),
          MESSAGES.commune,
        ),
      );
  }
}

/** The schema of one field's answer: blank is "not answered" (an error when required); output is normalised. */
export function fieldSchema(field: FormFieldDefinition, context: FormRuleContext): Schema<FieldValue | undefined> {
  const base = baseSchema(field, context);
  return z.pipe(z.transform(blankToUndefined), field.required ? base : z.optional(base));
}

/** One answer, as the form checks it when the citizen leaves a field or a step. */
export function validateField(
  field: FormFieldDefinition,
  raw: unknown,
  context: FormRuleContext,
): { ok: true; value: FieldValue | undefined } | { ok: false; message: string } {
  const result = fieldSchema(field, context).safeParse(raw);
  return result.success ? { ok: true, value: result.data } : { ok: false, message: result.error.issues[0].message };
}

/**
 * Fields every application carries before the procedure's own: who is applying and how to reach them. Their codes
 * never clash with a catalogue field (checked by the tests against data/procedures.json).
 */
export const APPLICANT_FIELDS: readonly FormFieldDefinition[] = [
  { code: 'applicant_full_name', type: 'text', label: 'Họ, chữ đệm và tên của bạn', required: true, order: -3, maxLength: 100 },
  {
    code: 'applicant_phone',
    type: 'phone',
    label: 'Số điện thoại di động của bạn',
    required: true,
    order: -2,
    help: 'Cơ quan gọi số này khi cần trao đổi về hồ sơ',
  },
  {
    code: 'applicant_citizen_id',
    type: 'citizen-id',
    label: 'Số CCCD của bạn',
    required: true,
    order: -1,
    help: '12 chữ số trên thẻ căn cước',
  },
];

/** Every field of a procedure's application form, in the order the citizen answers them. */
export function applicationFields(procedureFields: readonly FormFieldDefinition[]): FormFieldDefinition[] {
  return [...APPLICANT_FIELDS, ...[...procedureFields].sort((a, b) => a.order - b.order)];
}

/** The answers object: every defined field checked, every field the procedure does not define refused. */
export function fieldsSchema(fields: readonly FormFieldDefinition[], context: FormRuleContext): Schema<FieldValues> {
  const shape = Object.fromEntries(fields.map((field) => [field.code, fieldSchema(field, context)]));
  return z.pipe(
    z.strictObject(shape, { error: MESSAGES.notFields }),
    z.transform(
      (values: Record<string, FieldValue | undefined>) =>
        Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as FieldValues,
    ),
  );
}

/** Issues keyed by field code (the first message per field); issues about the whole object under "_". */
function errorsByKey(issues: readonly z.core.$ZodIssue[], unknownMessage: (key: string) => string) {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors[key] ??= unknownMessage(key);
      continue;
    }
    const key = issue.path.length > 0 ? String(issue.path[0]) : '_';
    errors[key] ??= issue.message;
  }
  return errors;
}

export function validateFields(
  fields: readonly FormFieldDefinition[],
  values: unknown,
  context: FormRuleContext,
): ValidationResult<FieldValues> {
  const result = fieldsSchema(fields, context).safeParse(values);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, errors: errorsByKey(result.error.issues, MESSAGES.unknownField) };
}

export interface AttachmentReference {
  documentCode: string;
  uploadId: string;
}

/**
 * Attachments: every required document has at least one upload, no document outside the procedure, no upload
 * twice, at most a few files per document. Errors are keyed by document code.
 */
export function validateAttachments(
  documents: readonly FormDocumentDefinition[],
  attachments: unknown,
  maxFilesPerDocument = MAX_FILES_PER_DOCUMENT,
): ValidationResult<AttachmentReference[]> {
  const parsed = z
    .array(z.strictObject({ documentCode: z.string().check(z.minLength(1)), uploadId: z.string().check(z.minLength(1)) }))
    .safeParse(attachments);
  if (!parsed.success) return { ok: false, errors: { _: MESSAGES.notAttachments } };

  const errors: Record<string, string> = {};
  const known = new Set(documents.map((document) => document.code));
  const counts = new Map<string, number>();
  const seenUploads = new Set<string>();
  for (const { documentCode, uploadId } of parsed.data) {
    if (!known.has(documentCode)) {
      errors[documentCode] ??= MESSAGES.unknownDocument(documentCode);
      continue;
    }
    if (seenUploads.has(uploadId)) errors[documentCode] ??= MESSAGES.duplicateUpload;
    seenUploads.add(uploadId);
    counts.set(documentCode, (counts.get(documentCode) ?? 0) + 1);
  }
  for (const document of documents) {
    const count = counts.get(document.code) ?? 0;
    if (document.required && count === 0) errors[document.code] ??= MESSAGES.attachmentMissing;
    if (count > maxFilesPerDocument) errors[document.code] ??= MESSAGES.tooManyFiles(maxFilesPerDocument);
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: parsed.data };
}
