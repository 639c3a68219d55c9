import type { z } from 'zod';
import type { FieldValues } from '@lao-cai-so/domain/application-form';
import type { applicationDetailSchema, applicationSummarySchema } from '@lao-cai-so/domain/api/applications';
import type { lookupAnswerSchema } from '@lao-cai-so/domain/api/lookup';
import type { uploadSchema } from '@lao-cai-so/domain/api/uploads';
import type { Procedure, ProcedureDocument } from '@/types/procedure';

/** The parts of a procedure (GET /api/v1/procedures/:code, src/state/procedure-state.ts) that the form needs. */
export interface ApplicationProcedure extends Pick<Procedure, 'code' | 'name' | 'level' | 'onlineLevel' | 'fields'> {
  documents: Pick<ProcedureDocument, 'code' | 'name' | 'required' | 'note'>[];
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
export type UploadResult = z.output<typeof uploadSchema>;

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
 * POST /api/v1/applications → 201 (domain/src/api/applications.ts). `status` is `forwarding` until the one-stop system
 * has the dossier, `forwarding-failed` if it refused it, then the national status by name (`submitted`, `accepted`, …).
 */
export type ApplicationReceipt = z.output<typeof applicationSummarySchema>;

/** What the receipt page is given when it opens right after a submission. */
export interface ReceiptNavigationState {
  receipt: ApplicationReceipt;
  procedureName: string;
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

/** One of the citizen's applications in the Hồ sơ tab (GET /api/v1/applications → `{ items }`). */
export type ApplicationSummary = ApplicationReceipt;

type Detail = z.output<typeof applicationDetailSchema>;
/** One step of the dossier's progress (BuocXuLy): when, which unit and officer, and the officer's note. */
export type TimelineStep = Detail['timeline'][number];
/** The office's request for missing documents (status 5, Mẫu 02); the due date resets when they arrive. */
export type SupplementRequest = NonNullable<Detail['supplement']>;
/** A fee or tax to pay (status 6); `amount` in đồng. */
export type FeeRequest = NonNullable<Detail['fee']>;
/** Where and how to collect the result (status 9). */
export type ResultPickup = NonNullable<Detail['result']>;
/** A delay with apology (Mẫu 04): the status stays, the due date moves. */
export type DelayNotice = NonNullable<Detail['delay']>;
/** Documents the citizen supplied after a request: pending while the proxy sends them, then forwarded (or failed). */
export type SuppliedDocuments = Detail['supplements'][number];
/** A document the citizen sent with the application or a supplement (a supplement's documents have no code). */
export type SentDocument = Omit<Detail['documents'][number], 'documentCode'> & { documentCode?: string };

/**
 * GET /api/v1/applications/:id: the application with its progress. The receipt page shows the answer to the
 * submission (POST, a summary) until the detail arrives, so everything beyond the summary is optional here.
 */
export type ApplicationDetail = ApplicationSummary & Partial<Omit<Detail, keyof ApplicationSummary>>;

/** GET /api/v1/lookup: what anyone may see of a dossier, with its receipt code and the applicant's phone. */
export type PublicLookupResult = z.output<typeof lookupAnswerSchema>;
