import type { Apology, Dossier, FeeRequest, ProgressStep, ResultPickup, StoredDocument, SupplementRequest } from './dossier-store';
import { STATUS_NAMES } from './dossier-statuses';
import { formatDvcqgDate } from './dvcqg-date';

const dvcqgDate = (instant: Date | null) => (instant === null ? null : formatDvcqgDate(instant));

/** Where a document's bytes are served (the API prefix included). */
export function documentPath(dossierId: string, documentId: string): string {
  return `/one-stop/api/dossiers/${dossierId}/documents/${documentId}`;
}

function documentView(dossierId: string, document: StoredDocument) {
  return {
    TepDinhKemId: document.id,
    MaGiayTo: document.documentCode,
    TenTepDinhKem: document.fileName,
    LoaiTep: document.contentType,
    KichThuoc: document.size,
    MaBamSHA256: document.sha256,
    DuongDanTaiTepTin: documentPath(dossierId, document.id),
  };
}

export function stepView(step: ProgressStep) {
  return {
    NguoiXuLy: step.actor,
    PhongBanXuLy: step.department,
    NoiDungXuLy: step.note,
    ThoiDiemXuLy: formatDvcqgDate(step.at),
    TrangThai: step.status,
  };
}

function supplementView(request: SupplementRequest) {
  return {
    MaYeuCauBoSung: request.id,
    NoiDungYeuCau: request.note,
    DanhSachGiayToCanBoSung: request.documents.map((name) => ({ TenGiayTo: name })),
    NgayYeuCau: formatDvcqgDate(request.requestedAt),
    NgayHenTraCu: dvcqgDate(request.previousDueAt),
    NgayHenTraMoi: dvcqgDate(request.newDueAt),
    NgayBoSung: dvcqgDate(request.suppliedAt),
    TaiLieuBoSung: request.documentIds,
  };
}

function feeView(fee: FeeRequest) {
  return {
    MaLePhi: fee.id,
    MoTa: fee.description,
    SoTien: fee.amount,
    DonViTien: 'VND',
    HinhThucThanhToan: fee.paymentMethod,
    NgayYeuCau: formatDvcqgDate(fee.requestedAt),
    DaThanhToan: fee.paid,
  };
}

function apologyView(apology: Apology) {
  return {
    NoiDungXinLoi: apology.message,
    NgayHenTraCu: dvcqgDate(apology.previousDueAt),
    NgayHenTraMoi: formatDvcqgDate(apology.newDueAt),
    NgayXinLoi: formatDvcqgDate(apology.at),
  };
}

function pickupView(pickup: ResultPickup | null) {
  if (pickup === null) return null;
  return {
    NoiNhanKetQua: pickup.place,
    HinhThucNhanKetQua: pickup.method,
    GhiChu: pickup.note,
    NgayCoKetQua: formatDvcqgDate(pickup.readyAt),
  };
}

/** What follows from the status: what to supply, to pay, where to collect, why it ended, apologies for delays. */
function statusDetails(dossier: Dossier) {
  return {
    LyDo: dossier.reason,
    DanhSachHoSoBoSung: dossier.supplements.map(supplementView),
    DanhSachLePhi: dossier.fees.map(feeView),
    ThongTinTraKetQua: pickupView(dossier.resultPickup),
    DanhSachXinLoi: dossier.apologies.map(apologyView),
    DanhSachGiayToKetQua: [] as unknown[],
  };
}

/** A dossier on the wire: DVCQG field names, dates `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh, null when not yet set. */
export function dossierView(dossier: Dossier) {
  return {
    Id: dossier.id,
    MaHoSoLienThong: dossier.idempotencyKey,
    MaHoSo: dossier.receiptCode,
    MaTTHC: dossier.procedure.code,
    TenTTHC: dossier.procedure.name,
    MaDonVi: dossier.unit.code,
    DonViXuLy: dossier.unit.name,
    ChuHoSo: dossier.applicant.name,
    SoDienThoai: dossier.applicant.phone,
    SoGiayToChuHoSo: dossier.applicant.idNumber ?? null,
    DiaChiChuHoSo: dossier.applicant.address ?? null,
    Email: dossier.applicant.email ?? null,
    TrichYeuHoSo: dossier.summary,
    // 2 = online (trực tuyến), as DVCQG counts channels: 1 in person, 2 online, 3 by post.
    KenhThucHien: 2,
    DuLieuBieuMau: dossier.formData,
    NgayNopHoSo: formatDvcqgDate(dossier.submittedAt),
    NgayTiepNhan: dvcqgDate(dossier.receivedAt),
    NgayHenTra: dvcqgDate(dossier.dueAt),
    NgayTra: dvcqgDate(dossier.returnedAt),
    TrangThaiHoSo: dossier.status,
    TenTrangThaiHoSo: STATUS_NAMES[dossier.status],
    TaiLieuNop: dossier.documents.map((document) => documentView(dossier.id, document)),
    ...statusDetails(dossier),
    QuaTrinhXuLy: dossier.progress.map(stepView),
  };
}

/**
 * The body of a status webhook (sandbox/README.md, "Status webhooks"): the event, the dossier's status fields and
 * the step that caused it. No applicant data or documents: the proxy already has them, and can look the dossier up.
 */
export function webhookPayload(dossier: Dossier, event: { eventId: string; action: string; step: ProgressStep }) {
  return {
    eventId: event.eventId,
    occurredAt: formatDvcqgDate(event.step.at),
    action: event.action,
    Id: dossier.id,
    MaHoSoLienThong: dossier.idempotencyKey,
    MaHoSo: dossier.receiptCode,
    MaTTHC: dossier.procedure.code,
    MaDonVi: dossier.unit.code,
    TrangThaiHoSo: dossier.status,
    TenTrangThaiHoSo: STATUS_NAMES[dossier.status],
    NgayTiepNhan: dvcqgDate(dossier.receivedAt),
    NgayHenTra: dvcqgDate(dossier.dueAt),
    NgayTra: dvcqgDate(dossier.returnedAt),
    BuocXuLy: stepView(event.step),
    ...statusDetails(dossier),
  };
}

export type DossierView = ReturnType<typeof dossierView>;
