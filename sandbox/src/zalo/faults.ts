import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { FaultList, type StoredFault } from '../fault-list';
import type { NotificationChannel } from './message-store';
import { defaultZaloMessage } from './zalo-errors';

export const FAULT_MODES = ['slow', 'http-500', 'http-503', 'http-429', 'http-error', 'error', 'down'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export interface FaultSpec {
  /**
   * slow: hold, then answer normally; http-500 / http-503 / http-429 / http-error (with `status`): that HTTP status
   * with an HTML body; error: HTTP 200 `{ error, message }`; down: the connection is closed without an answer.
   */
  mode: FaultMode;
  /** `slow`: how long to hold the request before answering normally. */
  delayMs?: number;
  /** `http-error`: the HTTP status to answer with (e.g. 429, 502, 503). */
  status?: number;
  /** `error`: the Zalo error code to answer with, HTTP 200 like Zalo. */
  error?: number;
  message?: string;
  /** Only requests to this exact path (no query string), e.g. "/v2.0/me/info". */
  path?: string;
  /** Only notification sends of this channel (`mini-app`: /notification/template, `zbs`: /message/template). */
  channel?: NotificationChannel;
  /** Only mini app notifications to this per-app user id (`X-User-Id`). */
  userId?: string;
  /** Only template messages to this phone (`84…`). */
  phone?: string;
  /** Affects each matching request with this probability (0..1); every matching request if absent. */
  rate?: number;
  /** Makes `rate` repeatable: the same seed draws the same sequence. Math.random if absent. */
  seed?: number;
  /** How many affected requests before the fault clears itself; forever if absent. */
  times?: number;
}

export type Fault = StoredFault<FaultSpec>;

/** Each notification send route names its channel in `config.zaloChannel`, so that a fault can target it. */
declare module 'fastify' {
  interface FastifyContextConfig {
    zaloChannel?: NotificationChannel;
  }
}

/** mulberry32: a small seeded generator, enough for repeatable fault rates. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface RequestFacts {
  path: string;
  channel: NotificationChannel | undefined;
  userId: string | undefined;
  phone: string | undefined;
}

function factsOf(request: FastifyRequest): RequestFacts {
  const userId = request.headers['x-user-id'];
  const body = request.body as { phone?: unknown } | undefined | null;
  return {
    path: request.url.split('?')[0] ?? request.url,
    channel: request.routeOptions.config?.zaloChannel,
    userId: typeof userId === 'string' ? userId : undefined,
    phone: body !== null && typeof body === 'object' && typeof body.phone === 'string' ? body.phone : undefined,
  };
}

/**
 * Faults the tests and the demo switch on through the control API, applied to every fake Zalo server API (Graph
 * API, notification sends, OA token). A fault with `channel`, `userId` or `phone` affects notification sends only.
 */
export class FaultInjector extends FaultList<FaultSpec> {
  private readonly generators = new Map<string, () => number>();

  override clear(): void {
    super.clear();
    this.generators.clear();
  }

  private draw(fault: Fault): number {
    if (fault.seed === undefined) return Math.random();
    let generator = this.generators.get(fault.id);
    if (!generator) {
      generator = seededRandom(fault.seed);
      this.generators.set(fault.id, generator);
    }
    return generator();
  }

  private applies(fault: Fault, facts: RequestFacts): boolean {
    if (fault.path !== undefined && fault.path !== facts.path) return false;
    if (fault.channel !== undefined && fault.channel !== facts.channel) return false;
    if (fault.userId !== undefined && fault.userId !== facts.userId) return false;
    if (fault.phone !== undefined && fault.phone !== facts.phone) return false;
    // Drawn last, and only for requests the fault otherwise matches, so a seed gives a repeatable sequence.
    return fault.rate === undefined || this.draw(fault) < fault.rate;
  }

  /** A preHandler hook (after the body is parsed, so faults can match a phone) for every fake Zalo server API. */
  readonly hook: preHandlerAsyncHookHandler = async (request, reply) => {
    const facts = factsOf(request);
    const fault = this.take((candidate) => this.applies(candidate, facts));
    if (!fault) return;
    switch (fault.mode) {
      case 'slow':
        await this.hold(fault.delayMs ?? 0, request, reply);
        return;
      case 'http-500':
      case 'http-503':
      case 'http-429':
      case 'http-error': {
        const status = fault.mode === 'http-error' ? (fault.status ?? 500) : Number(fault.mode.slice('http-'.length));
        // A gateway failure: HTML, not Zalo's JSON, so clients must not trust the body either.
        return reply.code(status).type('text/html; charset=utf-8').send('<html><body><h1>Service unavailable</h1></body></html>');
      }
      case 'error': {
        const error = fault.error ?? -100;
        return reply.code(200).send({ error, message: fault.message ?? defaultZaloMessage(error) });
      }
      case 'down':
        request.log.debug('down fault: closing the connection without an answer');
        reply.hijack();
        request.raw.socket.destroy();
        return;
    }
  };
}
