import type { FieldValues } from '@lao-cai-so/domain/application-form';
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
export interface ApplicationSummary extends ApplicationReceipt {
  /** The due date has passed while the office still holds the dossier undecided. */
  overdue?: boolean;
  /** The citizen must act: supply documents (5), pay (6) or collect the result (9). */
  needsAction?: boolean;
}

/** One step of the dossier's progress (BuocXuLy): when, which unit and officer, and the officer's note. */
export interface TimelineStep {
  at: string;
  statusCode: number | null;
  statusName: string;
  unit: string | null;
  officer: string | null;
  note: string | null;
}

/** The office's request for missing documents (status 5, Mẫu 02); the due date resets when they arrive. */
export interface SupplementRequest {
  requestId: string;
  note: string | null;
  documents: { name: string }[];
  requestedAt: string | null;
  previousDueAt: string | null;
  newDueAt: string | null;
}

/** A fee or tax to pay (status 6); `amount` in đồng. */
export interface FeeRequest {
  amount: number;
  description: string | null;
  paymentMethod: string | null;
}

/** Where and how to collect the result (status 9). */
export interface ResultPickup {
  pickupPlace: string | null;
  pickupMethod: string | null;
  note: string | null;
}

/** A delay with apology (Mẫu 04): the status stays, the due date moves. */
export interface DelayNotice {
  apology: string | null;
  previousDueAt: string | null;
  newDueAt: string | null;
}

/** Documents the citizen supplied after a request: pending while the proxy sends them, then forwarded (or failed). */
export interface SuppliedDocuments {
  id: string;
  state: 'pending' | 'forwarded' | 'failed';
  note: string | null;
  documents: { documentName: string; fileName: string; size: number; contentType: string }[];
  createdAt: string;
  forwardedAt: string | null;
}

/** A document the citizen sent with the application or a supplement. */
export interface SentDocument {
  documentCode?: string;
  documentName: string;
  fileName?: string;
  size?: number;
  contentType?: string;
}

/**
 * GET /api/v1/applications/:id: the application with its progress. Everything beyond the receipt is optional: the
 * answer to a submission (POST) has none of it, and the office only fills in what its status calls for.
 */
export interface ApplicationDetail extends ApplicationSummary {
  timeline?: TimelineStep[];
  /** Working days left before the due date; null when the clock does not run (e.g. waiting on the citizen). */
  workingDaysLeft?: number | null;
  documents?: SentDocument[];
  supplement?: SupplementRequest | null;
  fee?: FeeRequest | null;
  result?: ResultPickup | null;
  /** Why it was refused (3) or stopped (8). */
  reason?: string | null;
  delay?: DelayNotice | null;
  canWithdraw?: boolean;
  canRate?: boolean;
  rating?: { stars: number; comment?: string | null } | null;
  /** Supplements sent, oldest first. */
  supplements?: SuppliedDocuments[];
}

/** GET /api/v1/lookup: what anyone may see of a dossier, with its receipt code and the applicant's phone. */
export interface PublicLookupResult {
  receiptCode: string;
  procedureName: string;
  statusCode: number;
  statusName: string;
  dueAt: string | null;
  overdue: boolean;
}
