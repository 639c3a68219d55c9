import { AxiosError, AxiosHeaders, CanceledError, type AxiosAdapter, type AxiosResponse } from 'axios';
import { getApiClient } from '@/lib/api-client';

/** What the fake proxy saw: one entry per request, in order. */
export interface RecordedRequest {
  method: string;
  path: string;
  params: Record<string, unknown>;
  pathParams: Record<string, string>;
  /** True once the app aborted the request (AbortController). */
  aborted: boolean;
  /** Request headers, names in lower case. */
  headers: Record<string, string>;
  /** The body as sent: parsed JSON, a FormData for multipart, or undefined. */
  body: unknown;
  /** Reports upload progress to the app (axios onUploadProgress), as a browser would while sending the body. */
  reportUploadProgress: (loaded: number, total: number) => void;
}

export type FakeReply =
  | { status: number; body?: unknown }
  | { networkError: true }
  | { timeout: true };

type Handler = (request: RecordedRequest) => FakeReply | Promise<FakeReply>;

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

/** A reply the test releases when it wants, to control the order in which responses arrive. */
export function deferred() {
  let release!: (reply: FakeReply) => void;
  const promise = new Promise<FakeReply>((resolve) => {
    release = resolve;
  });
  return { promise, release };
}

function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
}

/**
 * An HTTP-level fake of the proxy: installed as the adapter of the app's real axios instance, so everything above
 * the wire (interceptors, ApiError mapping, abort signals, timeouts) is the production code.
 */
export class FakeApi {
  readonly requests: RecordedRequest[] = [];
  private routes: Route[] = [];

  /** Registers a handler for e.g. `get('/api/v1/procedures/:code', …)`; a later registration wins. */
  get(path: string, handler: Handler | FakeReply): this {
    return this.on('GET', path, handler);
  }

  post(path: string, handler: Handler | FakeReply): this {
    return this.on('POST', path, handler);
  }

  put(path: string, handler: Handler | FakeReply): this {
    return this.on('PUT', path, handler);
  }

  delete(path: string, handler: Handler | FakeReply): this {
    return this.on('DELETE', path, handler);
  }

  on(method: string, path: string, handler: Handler | FakeReply): this {
    const names: string[] = [];
    const source = path.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    const reply = typeof handler === 'function' ? handler : () => handler;
    this.routes.unshift({ method: method.toUpperCase(), pattern: new RegExp(`^${source}$`), names, handler: reply });
    return this;
  }

  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  readonly adapter: AxiosAdapter = (config) =>
    new Promise<AxiosResponse>((resolve, reject) => {
      const method = (config.method ?? 'get').toUpperCase();
      const path = new URL(config.url ?? '', config.baseURL).pathname;
      const route = this.routes.find((candidate) => candidate.method === method && candidate.pattern.test(path));
      const match = route ? route.pattern.exec(path)! : null;
      const record: RecordedRequest = {
        method,
        path: decodeURIComponent(path),
        params: { ...(config.params as Record<string, unknown>) },
        pathParams: Object.fromEntries(
          route?.names.map((name, index) => [name, decodeURIComponent(match![index + 1])]) ?? [],
        ),
        aborted: false,
        headers: Object.fromEntries(
          Object.entries(AxiosHeaders.from(config.headers).toJSON()).map(([name, value]) => [
            name.toLowerCase(),
            String(value),
          ]),
        ),
        body: parseBody(config.data),
        reportUploadProgress: (loaded, total) =>
          config.onUploadProgress?.({ loaded, total, progress: loaded / total, bytes: loaded, upload: true, lengthComputable: true }),
      };
      this.requests.push(record);

      const signal = config.signal as AbortSignal | undefined;
      signal?.addEventListener('abort', () => {
        record.aborted = true;
        reject(new CanceledError(undefined, undefined, config));
      });

      const replyPromise = Promise.resolve<FakeReply>(
        route
          ? route.handler(record)
          : { status: 404, body: { statusCode: 404, code: 'ROUTE_NOT_FOUND', message: 'Không có đường dẫn này.' } },
      );
      void replyPromise.then((reply) => {
        if (record.aborted) return;
        if ('networkError' in reply) {
          reject(new AxiosError('Network Error', AxiosError.ERR_NETWORK, config, {}));
          return;
        }
        if ('timeout' in reply) {
          reject(new AxiosError(`timeout of ${config.timeout}ms exceeded`, AxiosError.ECONNABORTED, config, {}));
          return;
        }
        const response: AxiosResponse = {
          data: reply.body,
          status: reply.status,
          statusText: '',
          headers: { 'content-type': 'application/json' },
          config,
          request: {},
        };
        // As axios's own adapters do (settle): the request's validateStatus decides, 2xx by default.
        const valid = config.validateStatus ?? ((status: number) => status >= 200 && status < 300);
        if (valid(reply.status)) resolve(response);
        else
          reject(
            new AxiosError(
              `Request failed with status code ${reply.status}`,
              reply.status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST,
              config,
              {},
              response,
            ),
          );
      });
    });
}

export async function installFakeApi(): Promise<FakeApi> {
  const fake = new FakeApi();
  const client = await getApiClient();
  client.defaults.adapter = fake.adapter;
  return fake;
}
