import type { AxiosInstance, AxiosRequestConfig } from 'axios';
import { appConfig } from '@/config/app-config';

/** Every failed call to the proxy becomes one of these; `code` is for programs, `message` for people. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }

  get isCancelled(): boolean {
    return this.code === 'REQUEST_CANCELLED';
  }
}

export const REQUEST_TIMEOUT_MS = 15_000;

const FALLBACK_MESSAGES = {
  REQUEST_CANCELLED: 'Yêu cầu đã bị huỷ.',
  NETWORK_ERROR: 'Không kết nối được tới máy chủ. Hãy kiểm tra kết nối mạng rồi thử lại.',
  TIMEOUT: 'Máy chủ phản hồi quá lâu. Hãy thử lại sau ít phút.',
  SERVER_ERROR: 'Hệ thống đang gặp sự cố. Hãy thử lại sau ít phút.',
  NOT_FOUND: 'Không tìm thấy thông tin bạn cần.',
  BAD_REQUEST: 'Yêu cầu chưa hợp lệ. Hãy kiểm tra lại thông tin.',
  UNKNOWN_ERROR: 'Đã có lỗi xảy ra. Hãy thử lại.',
} as const;

function fallback(status: number, code: keyof typeof FALLBACK_MESSAGES): ApiError {
  return new ApiError(status, code, FALLBACK_MESSAGES[code]);
}

function codeForStatus(status: number): keyof typeof FALLBACK_MESSAGES {
  if (status >= 500) return 'SERVER_ERROR';
  if (status === 404) return 'NOT_FOUND';
  if (status >= 400) return 'BAD_REQUEST';
  return 'UNKNOWN_ERROR';
}

interface ErrorBody {
  code?: unknown;
  message?: unknown;
}

/** The parts of axios's AxiosError / CanceledError read here (checked by shape: axios itself loads lazily). */
interface AxiosLikeError {
  isAxiosError?: boolean;
  __CANCEL__?: boolean;
  code?: string;
  response?: { status: number; data?: unknown };
}

/** Maps anything axios can throw to an ApiError, keeping the proxy's own `{ code, message }` when it sent one. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const axiosError = (typeof error === 'object' && error !== null ? error : {}) as AxiosLikeError;
  if (axiosError.__CANCEL__ || axiosError.code === 'ERR_CANCELED') return fallback(0, 'REQUEST_CANCELLED');
  if (!axiosError.isAxiosError) return fallback(0, 'UNKNOWN_ERROR');
  if (axiosError.code === 'ECONNABORTED' || axiosError.code === 'ETIMEDOUT') return fallback(0, 'TIMEOUT');
  const response = axiosError.response;
  if (!response) return fallback(0, 'NETWORK_ERROR');
  const body = (response.data ?? {}) as ErrorBody;
  const generic = fallback(response.status, codeForStatus(response.status));
  return new ApiError(
    response.status,
    typeof body.code === 'string' && body.code ? body.code : generic.code,
    typeof body.message === 'string' && body.message ? body.message : generic.message,
  );
}

let clientPromise: Promise<AxiosInstance> | undefined;

/**
 * The one axios instance of the mini app; tests install an HTTP-level fake on its adapter.
 * axios (~14 KB gzip) is a chunk of its own to keep the initial bundle in budget; main.tsx starts loading it
 * before the first render, so by the time a page asks for data it is normally there.
 */
export function getApiClient(): Promise<AxiosInstance> {
  clientPromise ??= import('axios').then(({ default: axios }) => {
    const client = axios.create({
      baseURL: appConfig.apiBaseUrl,
      timeout: REQUEST_TIMEOUT_MS,
      headers: { Accept: 'application/json' },
    });
    client.interceptors.response.use(undefined, (error: unknown) => Promise.reject(toApiError(error)));
    return client;
  });
  return clientPromise;
}

/** The proxy's shape for every list endpoint. */
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface RequestOptions {
  params?: AxiosRequestConfig['params'];
  signal?: AbortSignal;
}

export async function apiGet<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const client = await getApiClient();
  const response = await client.get<T>(path, options);
  return response.data;
}
