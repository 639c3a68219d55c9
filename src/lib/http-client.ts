// The axios instance behind lib/api-client.ts, a lazy chunk with axios (src/README.md, "Talking to the proxy").
import axios, { type AxiosInstance, type InternalAxiosRequestConfig } from 'axios';
import { appConfig } from '@/config/app-config';
import { ApiError, REQUEST_TIMEOUT_MS } from './api-error';

declare module 'axios' {
  interface AxiosRequestConfig {
    /** Needs the citizen's session (see RequestOptions in api-client.ts). */
    signedIn?: boolean;
    /** Set on the one retry after a renewal, so a second 401 ends the session instead of looping. */
    retriedWithNewSession?: boolean;
  }
}

/** What the HTTP client needs from whoever keeps the session (state/session.ts). */
export interface SessionKeeper {
  /** The token to send; waits for a sign-in in progress; null when the citizen is signed out. */
  currentToken(): Promise<string | null>;
  /** The proxy refused `refusedToken`: a new token, or null when the session could not be renewed. */
  renew(refusedToken: string | null): Promise<string | null>;
  /** The proxy refused the renewed token too. */
  endRefusedSession(): void;
}

let resolveKeeper: (keeper: SessionKeeper) => void;
let keeperPromise = new Promise<SessionKeeper>((resolve) => {
  resolveKeeper = resolve;
});

/** Called once by the session module when it loads; signed-in requests made before that wait for it. */
export function setSessionKeeper(keeper: SessionKeeper): void {
  resolveKeeper(keeper);
  keeperPromise = Promise.resolve(keeper);
}

const MESSAGES = {
  REQUEST_CANCELLED: 'Yêu cầu đã bị huỷ.',
  NETWORK_ERROR: 'Không kết nối được tới máy chủ. Hãy kiểm tra kết nối mạng rồi thử lại.',
  TIMEOUT: 'Máy chủ phản hồi quá lâu. Hãy thử lại sau ít phút.',
  SERVER_ERROR: 'Hệ thống đang gặp sự cố. Hãy thử lại sau ít phút.',
  NOT_FOUND: 'Không tìm thấy thông tin bạn cần.',
  BAD_REQUEST: 'Yêu cầu chưa hợp lệ. Hãy kiểm tra lại thông tin.',
  UNKNOWN_ERROR: 'Đã có lỗi xảy ra. Hãy thử lại.',
  SIGNED_OUT: 'Bạn chưa đăng nhập hoặc phiên đăng nhập đã hết hạn. Hãy mở trang Cá nhân để đăng nhập lại.',
} as const;

function fallback(status: number, code: keyof typeof MESSAGES): ApiError {
  return new ApiError(status, code, MESSAGES[code]);
}

function codeForStatus(status: number): keyof typeof MESSAGES {
  if (status >= 500) return 'SERVER_ERROR';
  if (status === 404) return 'NOT_FOUND';
  if (status >= 400) return 'BAD_REQUEST';
  return 'UNKNOWN_ERROR';
}

/** Maps anything axios can throw to an ApiError, keeping the proxy's own `{ code, message }` when it sent one. */
export function fromAxiosError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (axios.isCancel(error)) return fallback(0, 'REQUEST_CANCELLED');
  if (!axios.isAxiosError(error)) return fallback(0, 'UNKNOWN_ERROR');
  if (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT') return fallback(0, 'TIMEOUT');
  const response = error.response;
  if (!response) return fallback(0, 'NETWORK_ERROR');
  const body = (response.data ?? {}) as { code?: unknown; message?: unknown };
  const generic = fallback(response.status, codeForStatus(response.status));
  return new ApiError(
    response.status,
    typeof body.code === 'string' && body.code ? body.code : generic.code,
    typeof body.message === 'string' && body.message ? body.message : generic.message,
  );
}

function bearerOf(config: InternalAxiosRequestConfig): string | null {
  const header = config.headers.get('Authorization');
  return typeof header === 'string' && header.startsWith('Bearer ') ? header.slice('Bearer '.length) : null;
}

export function createHttpClient(): AxiosInstance {
  const client = axios.create({
    baseURL: appConfig.apiBaseUrl,
    timeout: REQUEST_TIMEOUT_MS,
    headers: { Accept: 'application/json' },
  });

  client.interceptors.request.use(async (config) => {
    if (!config.signedIn) return config;
    const token = await (await keeperPromise).currentToken();
    if (!token) throw fallback(401, 'SIGNED_OUT');
    config.headers.set('Authorization', `Bearer ${token}`);
    return config;
  });

  client.interceptors.response.use(undefined, async (error: unknown) => {
    const config = axios.isAxiosError(error) ? error.config : undefined;
    if (!config?.signedIn || !axios.isAxiosError(error) || error.response?.status !== 401) {
      throw fromAxiosError(error);
    }
    const keeper = await keeperPromise;
    if (!config.retriedWithNewSession) {
      const renewed = await keeper.renew(bearerOf(config));
      if (renewed) return client.request({ ...config, retriedWithNewSession: true });
    } else {
      keeper.endRefusedSession();
    }
    throw fallback(401, 'SIGNED_OUT');
  });

  return client;
}
