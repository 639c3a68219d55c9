// The one-stop system's dossier on the wire (sandbox/README.md, "The dossier" and "Status webhooks"): DVCQG field
// names, dates `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh, read into the proxy's own names. Shared by the client (answers
// to our calls) and the webhook receiver (what it pushes to us), so both read a dossier the same way. Pure.
import { z } from 'zod';
import type { DossierStatus } from '@lao-cai-so/domain/dossier-status';
import { parseDvcqgDate } from '@lao-cai-so/domain/dvcqg-date';

/** One step of QuaTrinhXuLy (or a webhook's BuocXuLy): who did what, when, and the code it left the dossier at. */
export interface ProcessingStep {
  at: Date;
  status: DossierStatus;
  officer: string | null;
  unit: string | null;
  note: string | null;
}

/** A request for more documents (Mẫu 02), DanhSachHoSoBoSung[]. */
export interface SupplementRequest {
  requestId: string;
  note: string | null;
  documents: string[];
  requestedAt: Date | null;
  previousDueAt: Date | null;
  newDueAt: Date | null;
  suppliedAt: Date | null;
}

/** A fee or tax to pay, DanhSachLePhi[]. */
export interface FeeRequest {
  id: string | null;
  description: string | null;
  amount: number;
  currency: string;
  paymentMethod: string | null;
  requestedAt: Date | null;
  paid: boolean;
}

/** Where and how to collect the result, ThongTinTraKetQua. */
export interface ResultPickup {
  place: string | null;
  method: string | null;
  note: string | null;
  readyAt: Date | null;
}

/** A delay with an apology (Mẫu 04), DanhSachXinLoi[]. */
export interface Apology {
  message: string | null;
  previousDueAt: Date | null;
  newDueAt: Date | null;
  at: Date | null;
}

/** What a dossier's status fields say: the same in a dossier and in a webhook (which carries the full state). */
export interface DossierState {
  /** MaHoSo: null until the dossier is accepted. */
  receiptCode: string | null;
  /** TrangThaiHoSo, 1–10. */
  status: DossierStatus;
  acceptedAt: Date | null;
  dueAt: Date | null;
  returnedAt: Date | null;
  /** LyDo: why it was refused (3), stopped (8) or withdrawn (7). */
  reason: string | null;
  supplements: SupplementRequest[];
  fees: FeeRequest[];
  resultPickup: ResultPickup | null;
  apologies: Apology[];
}

export interface OneStopDossier extends DossierState {
  /** Id of the dossier in the one-stop system. */
  id: string;
  /** MaHoSoLienThong: the proxy's application id. */
  applicationId: string | null;
  submittedAt: Date | null;
  /** QuaTrinhXuLy, oldest first. */
  steps: ProcessingStep[];
}

/** A status webhook's body: the event, and the dossier's state after it. */
export interface StatusWebhook {
  eventId: string;
  occurredAt: Date;
  action: string;
  dossierId: string;
  applicationId: string | null;
  state: DossierState;
  /** BuocXuLy: the step that caused the event. */
  step: ProcessingStep | null;
}

const text = z.string().nullable().optional().transform((value) => value ?? null);

const dvcqgDate = z
  .string()
  .nullable()
  .optional()
  .transform((value, context) => {
    if (value === null || value === undefined) return null;
    const date = parseDvcqgDate(value);
    if (!date) context.addIssue({ code: 'custom', message: `not a yyyyMMddHHmmss date: ${value}` });
    return date;
  });

const requiredDate = z.string().transform((value, context) => {
  const date = parseDvcqgDate(value);
  if (!date) {
    context.addIssue({ code: 'custom', message: `not a yyyyMMddHHmmss date: ${value}` });
    return z.NEVER;
  }
  return date;
});

const statusCode = z.int().min(1).max(10).transform((value) => value as DossierStatus);
const list = <Item extends z.ZodType>(item: Item) => z.array(item).nullable().optional().transform((value) => value ?? []);

const stepWire = z
  .object({
    NguoiXuLy: text,
    PhongBanXuLy: text,
    NoiDungXuLy: text,
    ThoiDiemXuLy: requiredDate,
    TrangThai: statusCode,
  })
  .transform(
    (step): ProcessingStep => ({
      at: step.ThoiDiemXuLy,
      status: step.TrangThai,
      officer: step.NguoiXuLy,
      unit: step.PhongBanXuLy,
      note: step.NoiDungXuLy,
    }),
  );

const supplementWire = z
  .object({
    MaYeuCauBoSung: z.string().min(1).max(100),
    NoiDungYeuCau: text,
    DanhSachGiayToCanBoSung: list(z.object({ TenGiayTo: z.string() })),
    NgayYeuCau: dvcqgDate,
    NgayHenTraCu: dvcqgDate,
    NgayHenTraMoi: dvcqgDate,
    NgayBoSung: dvcqgDate,
  })
  .transform(
    (request): SupplementRequest => ({
      requestId: request.MaYeuCauBoSung,
      note: request.NoiDungYeuCau,
      documents: request.DanhSachGiayToCanBoSung.map((document) => document.TenGiayTo),
      requestedAt: request.NgayYeuCau,
      previousDueAt: request.NgayHenTraCu,
      newDueAt: request.NgayHenTraMoi,
      suppliedAt: request.NgayBoSung,
    }),
  );

const feeWire = z
  .object({
    MaLePhi: text,
    MoTa: text,
    SoTien: z.number().min(0),
    DonViTien: text,
    HinhThucThanhToan: text,
    NgayYeuCau: dvcqgDate,
    DaThanhToan: z.boolean().nullable().optional(),
  })
  .transform(
    (fee): FeeRequest => ({
      id: fee.MaLePhi,
      description: fee.MoTa,
      amount: fee.SoTien,
      currency: fee.DonViTien ?? 'VND',
      paymentMethod: fee.HinhThucThanhToan,
      requestedAt: fee.NgayYeuCau,
      paid: fee.DaThanhToan === true,
    }),
  );

const pickupWire = z
  .object({ NoiNhanKetQua: text, HinhThucNhanKetQua: text, GhiChu: text, NgayCoKetQua: dvcqgDate })
  .nullable()
  .optional()
  .transform((pickup): ResultPickup | null =>
    pickup
      ? { place: pickup.NoiNhanKetQua, method: pickup.HinhThucNhanKetQua, note: pickup.GhiChu, readyAt: pickup.NgayCoKetQua }
      : null,
  );

const apologyWire = z
  .object({ NoiDungXinLoi: text, NgayHenTraCu: dvcqgDate, NgayHenTraMoi: dvcqgDate, NgayXinLoi: dvcqgDate })
  .transform(
    (apology): Apology => ({
      message: apology.NoiDungXinLoi,
      previousDueAt: apology.NgayHenTraCu,
      newDueAt: apology.NgayHenTraMoi,
      at: apology.NgayXinLoi,
    }),
  );

const stateFields = {
  MaHoSo: z.string().max(50).nullable().optional().transform((value) => value ?? null),
  TrangThaiHoSo: statusCode,
  NgayTiepNhan: dvcqgDate,
  NgayHenTra: dvcqgDate,
  NgayTra: dvcqgDate,
  LyDo: text,
  DanhSachHoSoBoSung: list(supplementWire),
  DanhSachLePhi: list(feeWire),
  ThongTinTraKetQua: pickupWire,
  DanhSachXinLoi: list(apologyWire),
};

type StateWire = z.output<z.ZodObject<typeof stateFields>>;

function toState(wire: StateWire): DossierState {
  return {
    receiptCode: wire.MaHoSo,
    status: wire.TrangThaiHoSo,
    acceptedAt: wire.NgayTiepNhan,
    dueAt: wire.NgayHenTra,
    returnedAt: wire.NgayTra,
    reason: wire.LyDo,
    supplements: wire.DanhSachHoSoBoSung,
    fees: wire.DanhSachLePhi,
    resultPickup: wire.ThongTinTraKetQua,
    apologies: wire.DanhSachXinLoi,
  };
}

export const dossierWire = z
  .object({
    Id: z.string().min(1).max(100),
    MaHoSoLienThong: z.string().nullable().optional(),
    NgayNopHoSo: dvcqgDate,
    QuaTrinhXuLy: list(stepWire),
    ...stateFields,
  })
  .transform(
    (wire): OneStopDossier => ({
      ...toState(wire),
      id: wire.Id,
      applicationId: wire.MaHoSoLienThong ?? null,
      submittedAt: wire.NgayNopHoSo,
      steps: wire.QuaTrinhXuLy,
    }),
  );

export const dossierListWire = z.object({ TongSo: z.int(), DanhSachHoSo: z.array(dossierWire) });

export const statusWebhookWire = z
  .object({
    eventId: z.string().min(1).max(100),
    occurredAt: requiredDate,
    action: z.string().min(1).max(50),
    Id: z.string().min(1).max(100),
    MaHoSoLienThong: z.string().nullable().optional(),
    BuocXuLy: stepWire.nullable().optional(),
    ...stateFields,
  })
  .transform(
    (wire): StatusWebhook => ({
      eventId: wire.eventId,
      occurredAt: wire.occurredAt,
      action: wire.action,
      dossierId: wire.Id,
      applicationId: wire.MaHoSoLienThong ?? null,
      state: toState(wire),
      step: wire.BuocXuLy ?? null,
    }),
  );
