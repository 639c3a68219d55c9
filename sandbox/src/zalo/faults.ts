import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { defaultZaloMessage } from './zalo-errors';

export type FaultMode = 'slow' | 'http-500' | 'http-error' | 'error';

export interface FaultSpec {
  mode: FaultMode;
  /** `slow`: how long to hold the request before answering normally. */
  delayMs?: number;
  /** `http-error`: the HTTP status to answer with (e.g. 429, 502, 503). */
  status?: number;
  /** `error`: the Zalo error code to answer with, HTTP 200 like Zalo. */
  error?: number;
  message?: string;
  /** Only requests to this exact path (no query string), e.g. "/v2.0/me/info"; every Zalo server API if absent. */
  path?: string;
  /** How many matching requests the fault affects before it clears itself; forever if absent. */
  times?: number;
}

export interface Fault extends FaultSpec {
  id: string;
  /** Requests still to affect, when `times` was given. */
  remaining?: number;
}

/** Faults the tests and the demo switch on through the control API, applied to the fake Zalo server APIs. */
export class FaultInjector {
  private faults: Fault[] = [];
  private readonly closing = new AbortController();

  add(spec: FaultSpec): Fault {
    const fault: Fault = { ...spec, id: randomUUID(), ...(spec.times !== undefined ? { remaining: spec.times } : {}) };
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.faults = [];
  }

  /** Cancels pending `slow` delays so the server can close at once. */
  shutdown(): void {
    this.closing.abort();
  }

  /** The first fault that matches the path, counted as used. */
  private take(path: string): Fault | undefined {
    const fault = this.faults.find((candidate) => candidate.path === undefined || candidate.path === path);
    if (!fault) return undefined;
    if (fault.remaining !== undefined) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
    }
    return { ...fault };
  }

  /** An onRequest hook for every fake Zalo server API route. */
  readonly hook: onRequestAsyncHookHandler = async (request, reply) => {
    const fault = this.take(request.url.split('?')[0] ?? request.url);
    if (!fault) return;
    switch (fault.mode) {
      case 'slow':
        await this.hold(fault.delayMs ?? 0, request, reply);
        return;
      case 'http-500':
      case 'http-error':
        // A gateway failure: HTML, not Zalo's JSON, so clients must not trust the body either.
        return reply
          .code(fault.mode === 'http-500' ? 500 : (fault.status ?? 500))
          .type('text/html; charset=utf-8')
          .send('<html><body><h1>Service unavailable</h1></body></html>');
      case 'error': {
        const error = fault.error ?? -100;
        return reply.code(200).send({ error, message: fault.message ?? defaultZaloMessage(error) });
      }
    }
  };

  private async hold(ms: number, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const gone = new AbortController();
    const onClose = () => gone.abort();
    reply.raw.once('close', onClose);
    try {
      await delay(ms, undefined, { signal: AbortSignal.any([gone.signal, this.closing.signal]) });
    } catch {
      // The caller gave up or the sandbox is stopping: nobody is waiting for an answer.
      request.log.debug('slow fault interrupted');
      reply.hijack();
      if (!reply.raw.destroyed) reply.raw.destroy();
    } finally {
      reply.raw.off('close', onClose);
    }
  }
}
