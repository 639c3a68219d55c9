import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';

export type StoredFault<Spec> = Spec & {
  id: string;
  /** Requests still to affect, when `times` was given. */
  remaining?: number;
};

/**
 * Faults that tests and demos switch on through a control API, shared by every simulated system: each fault
 * applies to the requests it matches, `times` times or forever, in the order the faults were added.
 */
export class FaultList<Spec extends { times?: number }> {
  private faults: Array<StoredFault<Spec>> = [];
  private readonly closing = new AbortController();

  add(spec: Spec): StoredFault<Spec> {
    const fault: StoredFault<Spec> = {
      ...spec,
      id: randomUUID(),
      ...(spec.times !== undefined ? { remaining: spec.times } : {}),
    };
    this.faults.push(fault);
    return fault;
  }

  list(): Array<StoredFault<Spec>> {
    return this.faults.map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.faults = [];
  }

  /** Cancels pending `slow` delays so the server can close at once. */
  shutdown(): void {
    this.closing.abort();
  }

  /** The first fault that applies to a request, counted as used. */
  protected take(applies: (fault: StoredFault<Spec>) => boolean): StoredFault<Spec> | undefined {
    const fault = this.faults.find(applies);
    if (!fault) return undefined;
    if (fault.remaining !== undefined) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
    }
    return { ...fault };
  }

  /** Holds a request for a `slow` fault; if the caller gives up or the sandbox stops, drops the connection. */
  protected async hold(ms: number, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const gone = new AbortController();
    const onClose = () => gone.abort();
    reply.raw.once('close', onClose);
    try {
      await delay(ms, undefined, { signal: AbortSignal.any([gone.signal, this.closing.signal]) });
    } catch {
      // Nobody is waiting for an answer any more, and nothing is recorded.
      request.log.debug('slow fault interrupted');
      reply.hijack();
      if (!reply.raw.destroyed) reply.raw.destroy();
    } finally {
      reply.raw.off('close', onClose);
    }
  }
}
