// What a failed Zalo call means for the citizen, as API errors. Never logs tokens: only Zalo's error code.
import type { FastifyBaseLogger } from 'fastify';
import { ZaloError } from '../clients/zalo-client';
import { AppError, ServiceUnavailableError } from '../errors';

export const zaloTokenInvalid = () =>
  new AppError(401, 'ZALO_TOKEN_INVALID', 'Zalo không xác nhận được tài khoản của bạn. Hãy mở lại ứng dụng để đăng nhập lại.');

export const zaloUnavailable = () =>
  new ServiceUnavailableError('ZALO_UNAVAILABLE', 'Chưa kết nối được với Zalo. Hãy thử lại sau ít phút.');

export const phoneTokenInvalid = () =>
  new AppError(400, 'PHONE_TOKEN_INVALID', 'Mã xác nhận số điện thoại đã hết hạn hoặc đã được dùng. Hãy chia sẻ lại số điện thoại.');

/**
 * Maps a Zalo failure: a rejected user token is the citizen's to fix (sign in again); a refused app secret is our
 * misconfiguration, so the citizen sees the same "try later" as an outage while the log tells operators to check
 * ZALO_APP_SECRET. `rejected` is left to the caller, which knows what the request carried.
 */
export function toAppError(error: unknown, log: FastifyBaseLogger, onRejected: () => AppError): unknown {
  if (!(error instanceof ZaloError)) return error;
  switch (error.kind) {
    case 'invalid-token':
      return zaloTokenInvalid();
    case 'misconfigured':
      log.error({ zaloCode: error.zaloCode }, 'Zalo refused the app credentials: check ZALO_APP_SECRET');
      return zaloUnavailable();
    case 'unavailable':
      log.warn({ zaloCode: error.zaloCode }, 'Zalo is unavailable');
      return zaloUnavailable();
    case 'rejected':
      log.warn({ zaloCode: error.zaloCode }, 'Zalo refused the request');
      return onRejected();
  }
}
