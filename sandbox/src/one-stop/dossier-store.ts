import { randomUUID } from 'node:crypto';
import { SandboxError } from '../errors';
import type { OneStopCatalogue, OneStopProcedure, OneStopUnit } from './catalogue';
import { type DossierStatus, STATUS } from './dossier-statuses';
import { ReceiptCodes } from './receipt-codes';
import type { WorkingCalendar } from './working-calendar';

export interface Applicant {
  name: string;
  phone: string;
  idNumber?: string;
  address?: string;
  email?: string;
}

export interface StoredDocument {
  id: string;
  documentCode: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  content: Buffer;
}

export interface ProgressStep {
  actor: string;
  department: string;
  note: string;
  at: Date;
  status: DossierStatus;
}

/** A request for missing documents (Mẫu 02), listing everything at once; the due date resets when they arrive. */
export interface SupplementRequest {
  id: string;
  requestedAt: Date;
  /** The documents the citizen must add, by name. */
  documents: string[];
  note: string | null;
  /** Due date when the request was made. */
  previousDueAt: Date | null;
  /** Due date set when the supplement arrived; null until then. */
  newDueAt: Date | null;
  suppliedAt: Date | null;
  /** Ids of the documents that came with the supplement (they are also in the dossier's documents). */
  documentIds: string[];
}

/** A fee or tax the citizen must pay before the office goes on. */
export interface FeeRequest {
  id: string;
  requestedAt: Date;
  /** In đồng. */
  amount: number;
  description: string;
  paymentMethod: string;
  paid: boolean;
}

/** An apology with a new date for a dossier that will be late (Mẫu 04). */
export interface Apology {
  at: Date;
  message: string;
  previousDueAt: Date | null;
  newDueAt: Date;
}

/** Where and how the citizen collects the result. */
export interface ResultPickup {
  readyAt: Date;
  place: string;
  method: string;
  note: string | null;
}

export interface Dossier {
  id: string;
  /** The sender's id for this dossier (MaHoSoLienThong), its idempotency key. */
  idempotencyKey: string;
  receiptCode: string | null;
  procedure: OneStopProcedure;
  unit: OneStopUnit;
  applicant: Applicant;
  summary: string;
  formData: Record<string, unknown>;
  submittedAt: Date;
  receivedAt: Date | null;
  dueAt: Date | null;
  returnedAt: Date | null;
  status: DossierStatus;
  documents: StoredDocument[];
  progress: ProgressStep[];
  supplements: SupplementRequest[];
  fees: FeeRequest[];
  apologies: Apology[];
  resultPickup: ResultPickup | null;
  /** Why it was refused (3), stopped (8) or withdrawn (7). */
  reason: string | null;
}

export interface NewDossier {
  idempotencyKey: string;
  /** Hash of everything sent: the same key with other content is a client bug, not a retry. */
  fingerprint: string;
  procedureCode: string;
  unitCode: string;
  applicant: Applicant;
  summary: string | undefined;
  formData: Record<string, unknown>;
  documents: Omit<StoredDocument, 'id'>[];
}

export interface DossierFilter {
  receiptCode?: string;
  idempotencyKey?: string;
  unitCode?: string;
  status?: number;
}

export interface DossierStoreOptions {
  catalogue: OneStopCatalogue;
  calendar: WorkingCalendar;
  defaultWorkingDays: number;
}

export const ONE_STOP_DESK = 'Bộ phận tiếp nhận và trả kết quả';

/** The simulated one-stop system's records, in memory: dossiers, their documents, receipt codes, due dates. */
export class DossierStore {
  private readonly dossiers = new Map<string, Dossier>();
  private readonly byKey = new Map<string, { dossierId: string; fingerprint: string }>();
  private readonly supplementKeys = new Map<string, { dossierId: string; fingerprint: string }>();
  private readonly receiptCodes = new ReceiptCodes();
  private readonly procedures: ReadonlyMap<string, OneStopProcedure>;
  private readonly unitsByCode: ReadonlyMap<string, OneStopUnit>;
  private pushCount = 0;

  constructor(private readonly options: DossierStoreOptions) {
    this.procedures = new Map(options.catalogue.procedures.map((procedure) => [procedure.code, procedure]));
    this.unitsByCode = new Map(options.catalogue.units.map((unit) => [unit.code, unit]));
  }

  /**
   * Records a pushed dossier once per idempotency key. Synchronous on purpose: concurrent pushes with one key
   * cannot interleave between the look-up and the insert.
   */
  push(input: NewDossier, now: Date): { dossier: Dossier; created: boolean } {
    this.pushCount += 1;
    const known = this.byKey.get(input.idempotencyKey);
    if (known) {
      if (known.fingerprint !== input.fingerprint) {
        throw new SandboxError(
          422,
          'IDEMPOTENCY_KEY_REUSED',
          'Mã hồ sơ liên thông này đã được dùng cho một hồ sơ có nội dung khác.',
        );
      }
      return { dossier: this.dossiers.get(known.dossierId)!, created: false };
    }

    const procedure = this.procedures.get(input.procedureCode);
    if (!procedure) {
      throw new SandboxError(422, 'UNKNOWN_PROCEDURE', `Hệ thống một cửa không có thủ tục mã ${input.procedureCode}.`);
    }
    const unit = this.unitsByCode.get(input.unitCode);
    if (!unit) throw new SandboxError(422, 'UNKNOWN_UNIT', `Không có đơn vị tiếp nhận mã ${input.unitCode}.`);

    const dossier: Dossier = {
      id: randomUUID(),
      idempotencyKey: input.idempotencyKey,
      receiptCode: null,
      procedure,
      unit,
      applicant: input.applicant,
      summary: input.summary ?? `${procedure.name} — ${input.applicant.name}`,
      formData: input.formData,
      submittedAt: now,
      receivedAt: null,
      dueAt: null,
      returnedAt: null,
      status: STATUS.SUBMITTED,
      documents: input.documents.map((document) => ({ ...document, id: randomUUID() })),
      progress: [
        {
          actor: 'Hệ thống',
          department: ONE_STOP_DESK,
          note: 'Nhận hồ sơ trực tuyến qua kết nối liên thông.',
          at: now,
          status: STATUS.SUBMITTED,
        },
      ],
      supplements: [],
      fees: [],
      apologies: [],
      resultPickup: null,
      reason: null,
    };
    this.dossiers.set(dossier.id, dossier);
    this.byKey.set(input.idempotencyKey, { dossierId: dossier.id, fingerprint: input.fingerprint });
    return { dossier, created: true };
  }

  /**
   * The dossier an earlier supplement with this idempotency key went to, if any; 422 when the key was used with other
   * content. Recording happens in `rememberSupplement`, in the same synchronous turn as the change.
   */
  supplementFor(key: string, fingerprint: string): Dossier | undefined {
    const known = this.supplementKeys.get(key);
    if (!known) return undefined;
    if (known.fingerprint !== fingerprint) {
      throw new SandboxError(422, 'IDEMPOTENCY_KEY_REUSED', 'Mã yêu cầu này đã được dùng cho một lần bổ sung có nội dung khác.');
    }
    return this.dossiers.get(known.dossierId);
  }

  rememberSupplement(key: string, fingerprint: string, dossierId: string): void {
    this.supplementKeys.set(key, { dossierId, fingerprint });
  }

  /** The next receipt code of a unit for the local day of `acceptedAt`. */
  nextReceiptCode(unitCode: string, acceptedAt: Date): string {
    return this.receiptCodes.next(unitCode, acceptedAt);
  }

  /** The procedure's time limit in working days. */
  workingDaysOf(dossier: Dossier): number {
    return dossier.procedure.workingDays ?? this.options.defaultWorkingDays;
  }

  get calendar(): WorkingCalendar {
    return this.options.calendar;
  }

  get units(): readonly OneStopUnit[] {
    return this.options.catalogue.units;
  }

  get(id: string): Dossier | undefined {
    return this.dossiers.get(id);
  }

  document(dossierId: string, documentId: string): StoredDocument | undefined {
    return this.dossiers.get(dossierId)?.documents.find((document) => document.id === documentId);
  }

  /** Newest first. */
  list(filter: DossierFilter = {}): Dossier[] {
    return [...this.dossiers.values()]
      .filter(
        (dossier) =>
          (filter.receiptCode === undefined || dossier.receiptCode === filter.receiptCode) &&
          (filter.idempotencyKey === undefined || dossier.idempotencyKey === filter.idempotencyKey) &&
          (filter.unitCode === undefined || dossier.unit.code === filter.unitCode) &&
          (filter.status === undefined || dossier.status === filter.status),
      )
      .reverse();
  }

  /** Push requests answered (first ones and repeats), for exactly-once checks. */
  get pushes(): number {
    return this.pushCount;
  }

  clear(): void {
    this.dossiers.clear();
    this.byKey.clear();
    this.supplementKeys.clear();
    this.receiptCodes.clear();
    this.pushCount = 0;
  }
}

export function notFound(): SandboxError {
  return new SandboxError(404, 'DOSSIER_NOT_FOUND', 'Không tìm thấy hồ sơ.');
}
