import type { AxiosInstance, AxiosRequestConfig, Method } from 'axios';

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

/**
 * Anything thrown by a call to the proxy as an ApiError. The axios instance (lib/http-client.ts) already turns every
 * failure into one, with the proxy's own code and message; this only catches what did not come from it.
 */
export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'UNKNOWN_ERROR', 'Đã có lỗi xảy ra. Hãy thử lại.');
}

let clientPromise: Promise<AxiosInstance> | undefined;

/**
 * The one axios instance of the mini app; tests install an HTTP-level fake on its adapter.
 * axios (~14 KB gzip) and the code around it (error mapping, session token, renewal) are a chunk of their own to
 * keep the initial bundle in budget; main.tsx starts loading it before the first render, so by the time a page asks
 * for data it is normally there.
 */
export function getApiClient(): Promise<AxiosInstance> {
  clientPromise ??= import('./http-client').then((module) => module.createHttpClient());
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
  /** JSON body. */
  data?: unknown;
  /** The endpoint needs the citizen's session: the session token is sent, and renewed once if refused. */
  signedIn?: boolean;
}

export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const client = await getApiClient();
  const response = await client.request<T>({ method, url: path, ...options });
  return response.data;
}

export function apiGet<T>(path: string, options?: RequestOptions): Promise<T> {
  return apiRequest<T>('GET', path, options);
}
