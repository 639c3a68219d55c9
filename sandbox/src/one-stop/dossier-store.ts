import { randomUUID } from 'node:crypto';
import type { WorkingCalendar } from '../../../server/src/domain/working-days';
import { SandboxError } from '../errors';
import type { OneStopCatalogue, OneStopProcedure, OneStopUnit } from './catalogue';
import { TRANG_THAI_HO_SO, type TrangThaiHoSo } from './dossier-status';
import { formatVietnameseDate } from './dvcqg-date';
import { ReceiptCodes } from './receipt-codes';

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
  status: TrangThaiHoSo;
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
  status: TrangThaiHoSo;
  documents: StoredDocument[];
  progress: ProgressStep[];
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

const ONE_STOP_DESK = 'Bộ phận tiếp nhận và trả kết quả';

/** The simulated one-stop system's records, in memory: dossiers, their documents, receipt codes, due dates. */
export class DossierStore {
  private readonly dossiers = new Map<string, Dossier>();
  private readonly byKey = new Map<string, { dossierId: string; fingerprint: string }>();
  private readonly receiptCodes = new ReceiptCodes();
  private readonly procedures: ReadonlyMap<string, OneStopProcedure>;
  private readonly units: ReadonlyMap<string, OneStopUnit>;
  private pushCount = 0;

  constructor(private readonly options: DossierStoreOptions) {
    this.procedures = new Map(options.catalogue.procedures.map((procedure) => [procedure.code, procedure]));
    this.units = new Map(options.catalogue.units.map((unit) => [unit.code, unit]));
  }

  /**
   * Records a pushed dossier once per idempotency key. Synchronous on purpose: concurrent pushes with one key
   * cannot interleave between the look-up and the insert.
   */
  push(input: NewDossier, now: Date, autoAccept: boolean): { dossier: Dossier; created: boolean } {
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
    const unit = this.units.get(input.unitCode);
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
      status: TRANG_THAI_HO_SO.MOI_DANG_KY,
      documents: input.documents.map((document) => ({ ...document, id: randomUUID() })),
      progress: [
        {
          actor: 'Hệ thống',
          department: ONE_STOP_DESK,
          note: 'Nhận hồ sơ trực tuyến qua kết nối liên thông.',
          at: now,
          status: TRANG_THAI_HO_SO.MOI_DANG_KY,
        },
      ],
    };
    this.dossiers.set(dossier.id, dossier);
    this.byKey.set(input.idempotencyKey, { dossierId: dossier.id, fingerprint: input.fingerprint });
    if (autoAccept) this.acceptDossier(dossier, now, 'Cán bộ một cửa (tự động)');
    return { dossier, created: true };
  }

  /** An officer accepts a waiting dossier: receipt code, receipt time and due date (Mẫu 01). */
  accept(id: string, now: Date, officer = 'Cán bộ một cửa'): Dossier {
    const dossier = this.get(id);
    if (!dossier) throw notFound();
    if (dossier.status !== TRANG_THAI_HO_SO.MOI_DANG_KY) {
      throw new SandboxError(409, 'DOSSIER_NOT_WAITING', 'Hồ sơ không ở trạng thái chờ tiếp nhận.');
    }
    this.acceptDossier(dossier, now, officer);
    return dossier;
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
    this.receiptCodes.clear();
    this.pushCount = 0;
  }

  private acceptDossier(dossier: Dossier, now: Date, officer: string): void {
    const workingDays = dossier.procedure.workingDays ?? this.options.defaultWorkingDays;
    dossier.status = TRANG_THAI_HO_SO.DUOC_TIEP_NHAN;
    dossier.receiptCode = this.receiptCodes.next(dossier.unit.code, now);
    dossier.receivedAt = now;
    dossier.dueAt = this.options.calendar.addWorkingDays(now, workingDays);
    dossier.progress.push({
      actor: officer,
      department: ONE_STOP_DESK,
      note: `Tiếp nhận hồ sơ, cấp mã hồ sơ ${dossier.receiptCode}; hẹn trả kết quả ngày ${formatVietnameseDate(dossier.dueAt)}.`,
      at: now,
      status: TRANG_THAI_HO_SO.DUOC_TIEP_NHAN,
    });
  }
}

export function notFound(): SandboxError {
  return new SandboxError(404, 'DOSSIER_NOT_FOUND', 'Không tìm thấy hồ sơ.');
}
