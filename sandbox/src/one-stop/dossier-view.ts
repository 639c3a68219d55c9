import type { Dossier, ProgressStep, StoredDocument } from './dossier-store';
import { TEN_TRANG_THAI_HO_SO } from './dossier-status';
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

function stepView(step: ProgressStep) {
  return {
    NguoiXuLy: step.actor,
    PhongBanXuLy: step.department,
    NoiDungXuLy: step.note,
    ThoiDiemXuLy: formatDvcqgDate(step.at),
    TrangThai: step.status,
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
    TenTrangThaiHoSo: TEN_TRANG_THAI_HO_SO[dossier.status],
    TaiLieuNop: dossier.documents.map((document) => documentView(dossier.id, document)),
    DanhSachLePhi: [],
    DanhSachHoSoBoSung: [],
    DanhSachGiayToKetQua: [],
    QuaTrinhXuLy: dossier.progress.map(stepView),
  };
}

export type DossierView = ReturnType<typeof dossierView>;
