import { AppError, NotFoundError } from '../../errors';

export const consentRequired = () =>
  new AppError(403, 'CONSENT_REQUIRED', 'Bạn cần đồng ý chia sẻ số điện thoại trước khi gửi số điện thoại.');

export const consentPurposeNotFound = () =>
  new NotFoundError('CONSENT_PURPOSE_NOT_FOUND', 'Không có mục đồng ý này. Hãy chọn lại trong trang Cá nhân.');

export const consentTextOutdated = () =>
  new AppError(409, 'CONSENT_TEXT_OUTDATED', 'Nội dung đồng ý đã được cập nhật. Hãy đọc lại nội dung mới rồi đồng ý.');

export const consentTextVersionMissing = () =>
  new AppError(400, 'VALIDATION_FAILED', 'Thiếu trường "textVersion": hãy gửi phiên bản nội dung mà bạn đã đọc.');

export const zaloAccountMismatch = () =>
  new AppError(403, 'ZALO_ACCOUNT_MISMATCH', 'Tài khoản Zalo không khớp với phiên đăng nhập. Hãy mở lại ứng dụng để đăng nhập lại.');
