// The HTTP plumbing every call to Zalo's servers goes through (sign-in, phone, notifications, the OA token): one
// timeout per attempt, retries with exponential backoff and jitter for what Zalo did not process, and Zalo's rule that
// failures arrive as HTTP 200 `{ error: <non-zero>, message }` (shared/reference/zalo-platform.md). It returns Zalo's
// envelope whatever its `error`; what a code means is the caller's business.
//
// A call that is not safe to repeat (sending a message: Zalo does not de-duplicate) is retried only when Zalo
// certainly did not act on it: the connection was never made, or Zalo answered HTTP 429/5xx or -32/-100. A timeout
// or a connection dropped after the request went out may have been acted on: that is `outcome-unknown`, never retried
// here.

export interface ZaloEnvelope {
  error?: number;
  message?: string;
  [key: string]: unknown;
}

/** Quotes bare integers too large for a double so that ids survive JSON.parse as strings. */
export function parseZaloJson(text: string): ZaloEnvelope {
  const safe = text.replace(/([:[,]\s*)(-?\d{16,})(?=\s*[,}\]])/g, '$1"$2"');
  return JSON.parse(safe) as ZaloEnvelope;
}

/**
 * `unavailable`: Zalo could not be reached or kept failing transiently through every attempt, and did not act;
 * `outcome-unknown`: a call that is not safe to repeat may or may not have been acted on.
 */
export type ZaloCallFailureKind = 'unavailable' | 'outcome-unknown';

export class ZaloCallError extends Error {
  constructor(
    readonly kind: ZaloCallFailureKind,
    message: string,
    /** Zalo's code of the last transient answer (-32, -100), if it gave one. */
    readonly zaloCode?: number,
    readonly httpStatus?: number,
  ) {
    super(message);
    this.name = 'ZaloCallError';
  }
}

export interface ZaloCall {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string | URLSearchParams;
  /** Safe to send again whatever became of an earlier attempt (reading a profile); false for sending a message. */
  idempotent: boolean;
  /** Awaited before every attempt, retries included (the notification worker's pacing to Zalo's request rate). */
  beforeAttempt?: () => Promise<void>;
}

export interface ZaloHttpOptions {
  timeoutMs: number;
  /** Extra attempts after a transient failure Zalo did not act on. */
  retries: number;
  /** Base delay of the exponential backoff between attempts; 200 ms by default. */
  retryDelayMs?: number;
}

/** Zalo's codes for "try again later": rate limited, internal error. */
export const TRANSIENT_ZALO_CODES: ReadonlySet<number> = new Set([-32, -100]);

/** Errors meaning no connection was made, so nothing reached Zalo. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

class Transient extends Error {
  constructor(
    message: string,
    readonly zaloCode?: number,
    readonly httpStatus?: number,
  ) {
    super(message);
  }
}

function causeCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

async function attempt(call: ZaloCall, timeoutMs: number): Promise<ZaloEnvelope> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(call.url, {
      method: call.method ?? 'GET',
      headers: call.headers,
      body: call.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    const code = causeCode(error);
    const what = `Zalo request failed: ${(error as Error).name}${code ? ` ${code}` : ''}`;
    if (call.idempotent || (code !== undefined && NOT_CONNECTED.has(code))) throw new Transient(what);
    throw new ZaloCallError('outcome-unknown', what);
  }
  if (response.status === 429 || response.status >= 500) {
    throw new Transient(`Zalo answered HTTP ${response.status}`, undefined, response.status);
  }
  let body: ZaloEnvelope;
  try {
    body = parseZaloJson(text);
  } catch {
    const what = `Zalo answered HTTP ${response.status} with a body that is not JSON`;
    // A success status with an unreadable answer: for a message, Zalo may have sent it.
    if (!call.idempotent && response.ok) throw new ZaloCallError('outcome-unknown', what, undefined, response.status);
    throw new Transient(what, undefined, response.status);
  }
  const code = Number(body.error ?? 0);
  if (TRANSIENT_ZALO_CODES.has(code)) throw new Transient(`Zalo error ${code}`, code, response.status);
  return body;
}

/** One call to Zalo with its retries; resolves with Zalo's envelope (check `error`), throws ZaloCallError. */
export async function callZalo(call: ZaloCall, options: ZaloHttpOptions): Promise<ZaloEnvelope> {
  const retryDelayMs = options.retryDelayMs ?? 200;
  let last: Transient | undefined;
  for (let i = 0; i <= options.retries; i += 1) {
    if (i > 0) {
      const backoff = retryDelayMs * 2 ** (i - 1);
      await new Promise((resolve) => setTimeout(resolve, backoff / 2 + Math.random() * (backoff / 2)));
    }
    if (call.beforeAttempt) await call.beforeAttempt();
    try {
      return await attempt(call, options.timeoutMs);
    } catch (error) {
      if (!(error instanceof Transient)) throw error;
      last = error;
    }
  }
  throw new ZaloCallError('unavailable', last?.message ?? 'Zalo is unavailable', last?.zaloCode, last?.httpStatus);
}
