import type { onRequestAsyncHookHandler } from 'fastify';
import { FaultList, type StoredFault } from '../fault-list';
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

export type Fault = StoredFault<FaultSpec>;

/** Faults the tests and the demo switch on through the control API, applied to the fake Zalo server APIs. */
export class FaultInjector extends FaultList<FaultSpec> {
  /** An onRequest hook for every fake Zalo server API route. */
  readonly hook: onRequestAsyncHookHandler = async (request, reply) => {
    const path = request.url.split('?')[0] ?? request.url;
    const fault = this.take((candidate) => candidate.path === undefined || candidate.path === path);
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
}
