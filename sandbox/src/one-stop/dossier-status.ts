/**
 * TrangThaiHoSo, the national 1–10 codes a one-stop system synchronises with the National Public Service Portal
 * (shared/reference/public-service-domain.md, "Dossier statuses").
 */
export const TRANG_THAI_HO_SO = {
  MOI_DANG_KY: 1,
  DUOC_TIEP_NHAN: 2,
  KHONG_DUOC_TIEP_NHAN: 3,
  DANG_XU_LY: 4,
  YEU_CAU_BO_SUNG: 5,
  YEU_CAU_NGHIA_VU_TAI_CHINH: 6,
  CONG_DAN_RUT_HO_SO: 7,
  DUNG_XU_LY: 8,
  DA_XU_LY_XONG: 9,
  DA_TRA_KET_QUA: 10,
} as const;

export type TrangThaiHoSo = (typeof TRANG_THAI_HO_SO)[keyof typeof TRANG_THAI_HO_SO];

export const TEN_TRANG_THAI_HO_SO: Record<TrangThaiHoSo, string> = {
  1: 'Mới đăng ký',
  2: 'Được tiếp nhận',
  3: 'Không được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung giấy tờ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
};
