import type { AxiosInstance, AxiosRequestConfig, Method } from 'axios';

export { ApiError, REQUEST_TIMEOUT_MS, toApiError } from './api-error';

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
