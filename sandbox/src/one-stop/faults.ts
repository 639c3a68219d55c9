import type { FastifyRequest, onRequestAsyncHookHandler, onSendAsyncHookHandler } from 'fastify';
import { FaultList, type StoredFault } from '../fault-list';

export const ONE_STOP_OPERATIONS = ['push', 'lookup', 'list', 'document', 'supplement', 'withdrawal'] as const;
export type OneStopOperation = (typeof ONE_STOP_OPERATIONS)[number];

export const ONE_STOP_FAULT_MODES = ['down', 'connection-reset', 'slow', 'http-error', 'drop-response'] as const;
export type OneStopFaultMode = (typeof ONE_STOP_FAULT_MODES)[number];

export interface OneStopFaultSpec {
  /**
   * down: HTTP 503 with a gateway's HTML page, nothing recorded.
   * connection-reset: the connection is closed without an answer, nothing recorded (like a refused connection).
   * slow: held for delayMs, then handled normally (a caller that gives up first leaves nothing recorded).
   * http-error: answers `status` with HTML, nothing recorded.
   * drop-response: handled and recorded normally, then the connection is closed before the answer: the caller
   *   cannot tell whether the dossier arrived, the case idempotency keys exist for.
   */
  mode: OneStopFaultMode;
  delayMs?: number;
  status?: number;
  /** Only this API operation; every operation of `/one-stop/api` if absent. */
  operation?: OneStopOperation;
  /** How many matching requests the fault affects before it clears itself; forever if absent. */
  times?: number;
}

export type OneStopFault = StoredFault<OneStopFaultSpec>;

/** Each API route names its operation in `config.operation`, so that a fault can target one. */
export interface OperationConfig {
  operation?: OneStopOperation;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    operation?: OneStopOperation;
  }
}

/** Faults switched on through `/sandbox/control/one-stop/faults`, applied to `/one-stop/api/*`. */
export class OneStopFaults extends FaultList<OneStopFaultSpec> {
  private readonly dropping = new WeakSet<FastifyRequest>();

  /** onRequest hook of the API: runs before authentication, as a failing gateway would. */
  readonly onRequest: onRequestAsyncHookHandler = async (request, reply) => {
    const operation = request.routeOptions.config?.operation;
    const fault = this.take((candidate) => candidate.operation === undefined || candidate.operation === operation);
    if (!fault) return;
    switch (fault.mode) {
      case 'slow':
        await this.hold(fault.delayMs ?? 0, request, reply);
        return;
      case 'down':
      case 'http-error':
        return reply
          .code(fault.mode === 'down' ? 503 : (fault.status ?? 503))
          .type('text/html; charset=utf-8')
          .send('<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>');
      case 'connection-reset':
        reply.hijack();
        request.raw.socket.destroy();
        return;
      case 'drop-response':
        this.dropping.add(request);
        return;
    }
  };

  /** onSend hook of the API: the work is done, the answer is lost. */
  readonly onSend: onSendAsyncHookHandler<unknown> = async (request, reply, payload) => {
    if (this.dropping.has(request)) {
      request.log.debug('drop-response fault: closing the connection instead of answering');
      request.raw.socket.destroy();
    }
    return payload;
  };
}
