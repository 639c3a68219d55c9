import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';

/**
 * pending: being sent or waiting for a retry; delivered: a 2xx answer; failed: every attempt failed;
 * dropped: not sent because the drop switch was on; not-configured: no webhook URL.
 */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'dropped' | 'not-configured';

export interface DeliveryAttempt {
  /** ISO instant (real time) the attempt ended. */
  at: string;
  /** The receiver's HTTP status; null when there was no answer. */
  statusCode: number | null;
  /** Why the attempt failed (network error, timeout, non-2xx); null when delivered. */
  error: string | null;
  /** How long the receiver took: from sending the request until its answer was read or the attempt failed. */
  durationMs: number;
}

/** One webhook and what became of it: what the caller said about it (`Meta`), then the delivery facts. */
export type Delivery<Meta> = Meta & {
  url: string | null;
  status: DeliveryStatus;
  attempts: DeliveryAttempt[];
  /** The JSON body, exactly as sent (a signature covers these bytes). */
  body: string;
};

export interface WebhookOutboxOptions<Meta> {
  /** Where to POST; null: nothing is sent, deliveries are recorded as not-configured. */
  url: string | null;
  /** Wait before each retry; its length is the number of retries after the first attempt. */
  retryDelaysMs: readonly number[];
  /** Wait before the first attempt (a receipt that arrives a little after the send); 0 by default. */
  firstDelayMs?: number;
  /** Per attempt. */
  timeoutMs: number;
  /** The signature headers of one attempt, computed afresh for each (a signature may cover the time of sending). */
  headers: (body: string, meta: Meta) => Record<string, string>;
  /** Deliveries with the same key are sent one after another, in the order they were queued. */
  orderKey?: (meta: Meta) => string;
  /** What the log line of a failed attempt says about the delivery (ids only: never personal data or secrets). */
  logFields: (meta: Meta) => Record<string, unknown>;
  logMessage: string;
  logger: FastifyBaseLogger;
}

/** Most deliveries kept for the control listing. */
const KEPT_DELIVERIES = 500;

/**
 * Signed webhooks from a simulated system to the proxy: sent in the background, retried on failure (in memory),
 * optionally kept in order per key, with a switch that drops them (recorded, not sent) and a delivery log.
 * Shared by the one-stop status webhooks and Zalo's delivery receipts.
 */
export class WebhookOutbox<Meta extends object> {
  private deliveries: Array<Delivery<Meta>> = [];
  private readonly inFlight = new Set<Promise<void>>();
  /** The last delivery of each order key: the next one waits for it. */
  private readonly lastOfKey = new Map<string, Promise<void>>();
  private readonly closing = new AbortController();
  dropping = false;

  constructor(private readonly outbox: WebhookOutboxOptions<Meta>) {}

  get url(): string | null {
    return this.outbox.url;
  }

  send(meta: Meta, payload: unknown): Delivery<Meta> {
    const delivery: Delivery<Meta> = {
      ...meta,
      url: this.outbox.url,
      status: this.outbox.url === null ? 'not-configured' : this.dropping ? 'dropped' : 'pending',
      attempts: [],
      body: JSON.stringify(payload),
    };
    this.deliveries.push(delivery);
    if (this.deliveries.length > KEPT_DELIVERIES) this.deliveries = this.deliveries.slice(-KEPT_DELIVERIES);
    if (delivery.status === 'pending') {
      const key = this.outbox.orderKey?.(meta);
      const previous = (key === undefined ? undefined : this.lastOfKey.get(key)) ?? Promise.resolve();
      const running: Promise<void> = previous
        .then(() => this.deliver(delivery, meta))
        .finally(() => {
          this.inFlight.delete(running);
          if (key !== undefined && this.lastOfKey.get(key) === running) this.lastOfKey.delete(key);
        });
      this.inFlight.add(running);
      if (key !== undefined) this.lastOfKey.set(key, running);
    }
    return delivery;
  }

  list(): Array<Delivery<Meta>> {
    return this.deliveries.map((delivery) => ({ ...delivery, attempts: [...delivery.attempts] }));
  }

  clear(): void {
    this.deliveries = [];
  }

  /** Resolves once no delivery is pending (every retry done), for tests and demos that must not guess. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  shutdown(): void {
    this.closing.abort();
  }

  private async deliver(delivery: Delivery<Meta>, meta: Meta): Promise<void> {
    const url = delivery.url!;
    const waits = [this.outbox.firstDelayMs ?? 0, ...this.outbox.retryDelaysMs];
    for (const [index, wait] of waits.entries()) {
      if (wait > 0) {
        try {
          await delay(wait, undefined, { signal: this.closing.signal });
        } catch {
          break; // the sandbox is stopping
        }
      }
      const attempt = await this.attempt(url, delivery.body, meta);
      delivery.attempts.push(attempt);
      if (attempt.error === null) {
        delivery.status = 'delivered';
        return;
      }
      this.outbox.logger.warn(
        { ...this.outbox.logFields(meta), attempt: index + 1, statusCode: attempt.statusCode, error: attempt.error },
        this.outbox.logMessage,
      );
      if (this.closing.signal.aborted) break;
    }
    delivery.status = 'failed';
  }

  private async attempt(url: string, body: string, meta: Meta): Promise<DeliveryAttempt> {
    const started = performance.now();
    const ended = (statusCode: number | null, error: string | null): DeliveryAttempt => ({
      at: new Date().toISOString(),
      statusCode,
      error,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    });
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', ...this.outbox.headers(body, meta) },
        body,
        signal: AbortSignal.any([AbortSignal.timeout(this.outbox.timeoutMs), this.closing.signal]),
      });
      await response.arrayBuffer().catch(() => undefined);
      return ended(response.status, response.ok ? null : `HTTP ${response.status}`);
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      const name = (error as Error).name;
      return ended(null, name === 'TimeoutError' ? 'timeout' : (cause ?? (error as Error).message));
    }
  }
}

/**
 * The control routes of an outbox's delivery log: `GET /webhooks` lists what was sent to the proxy, oldest first, with
 * every attempt (`?settle=true` waits until none is pending, retries included, so a test reads final results without
 * guessing a delay); `DELETE /webhooks` forgets them.
 */
export function webhookLogRoutes<Meta extends object>(app: FastifyInstance, outbox: WebhookOutbox<Meta>): void {
  app.get<{ Querystring: { settle?: 'true' | 'false' } }>(
    '/webhooks',
    {
      schema: {
        querystring: {
          type: 'object',
          propertyNames: { enum: ['settle'] },
          properties: { settle: { type: 'string', enum: ['true', 'false'] } },
        },
      },
    },
    async (request) => {
      if (request.query.settle === 'true') await outbox.settled();
      const deliveries = outbox.list();
      return { url: outbox.url, dropping: outbox.dropping, count: deliveries.length, deliveries };
    },
  );

  app.delete('/webhooks', async (_request, reply) => {
    outbox.clear();
    return reply.code(204).send();
  });
}
