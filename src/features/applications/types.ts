import type { FieldValues, FormFieldDefinition } from '@domain/application-form';

/** The parts of GET /api/v1/procedures/:code that the application form needs. */
export interface ApplicationProcedure {
  code: string;
  name: string;
  level: 'commune' | 'province';
  onlineLevel: 'full' | 'partial';
  documents: { code: string; name: string; required: boolean; note: string | null }[];
  fields: FormFieldDefinition[];
}

/** One office the citizen can choose (GET /api/v1/offices). */
export interface OfficeChoice {
  code: string;
  name: string;
  unitName: string;
  type: 'xa' | 'phuong' | 'province';
}

/** What the citizen typed or picked, before validation: text for most fields, a list for multi-choice. */
export type RawAnswer = string | string[];
export type RawAnswers = Record<string, RawAnswer>;

/** POST /api/v1/uploads → 201 */
export interface UploadResult {
  id: string;
  size: number;
  contentType: string;
}

/** A document file that finished uploading; kept in the draft. */
export interface UploadedFile {
  localId: string;
  documentCode: string;
  uploadId: string;
  name: string;
  size: number;
  contentType: string;
}

/** A file still being prepared or sent, or that failed; lives only while the page is open. */
export interface PendingUpload {
  localId: string;
  documentCode: string;
  name: string;
  size: number;
  status: 'preparing' | 'uploading' | 'failed';
  /** 0–1 while uploading. */
  progress: number;
  error: string | null;
  /** False when trying again cannot help (a file of the wrong type or too large). */
  retryable: boolean;
  /** The (compressed) file, kept for "Thử lại". */
  file: File;
}

/** POST /api/v1/applications body. */
export interface SubmitApplicationInput {
  procedureCode: string;
  officeCode: string;
  fields: FieldValues;
  attachments: { documentCode: string; uploadId: string }[];
}

/**
 * POST /api/v1/applications → 201, and GET /api/v1/applications/:id (server/src/routes/applications/schemas.ts).
 * `status` is `forwarding` until the one-stop system has the dossier, `forwarding-failed` if it refused it, then the
 * national status by name (`submitted`, `accepted`, …).
 */
export interface ApplicationReceipt {
  id: string;
  reference: string;
  procedure: { code: string; name: string };
  office: { code: string; name: string };
  status: string;
  /** TrangThaiHoSo 1–10; null while forwarding. */
  statusCode: number | null;
  /** Vietnamese. */
  statusName: string;
  /** MaHoSo, the official receipt code; null until the one-stop system accepts the dossier. */
  receiptCode: string | null;
  /** NgayHenTra (ISO date-time); null until accepted. */
  dueAt: string | null;
  createdAt: string;
  forwardedAt: string | null;
}

/** One application being filled in, kept on the phone (one per procedure) until it is submitted. */
export interface ApplicationDraft {
  version: 1;
  procedureCode: string;
  office: OfficeChoice | null;
  answers: RawAnswers;
  /** Display names of the communes picked in commune fields, by unit code. */
  communeNames: Record<string, string>;
  files: UploadedFile[];
  /** The step the citizen was on. */
  step: number;
  /** The last submission attempt: the same body is re-sent with the same key, so the proxy can de-duplicate it. */
  submission: { idempotencyKey: string; body: string } | null;
  /** ISO date-time of the last change; null for a draft nothing has been typed into yet. */
  updatedAt: string | null;
}
