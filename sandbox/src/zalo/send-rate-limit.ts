import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../clock';
import { zaloError } from './zalo-errors';

export type SendChannel = 'mini-app' | 'zbs';

/** Zalo's "exceeded the request rate" answer (reference: zalo-platform.md, error classes: back off and retry). */
export const RATE_LIMITED = -32;

export interface SendRateView {
  /** Requests a second per channel; null: no limit. */
  limitPerSecond: number | null;
  /** Per channel: requests let through (a fault may still answer them), and requests answered -32 by the limit. */
  channels: Record<SendChannel, { allowed: number; refused: number }>;
}

/**
 * A per-app request-rate limit on the two send endpoints, one token bucket per channel on the sandbox clock:
 * `limitPerSecond` tokens a second, at most one second's worth saved up (so a burst after a quiet spell is at most
 * `limitPerSecond` requests). Over it: HTTP 200 `{ error: -32 }`, the request is not processed. Zalo does not publish
 * its figure; this models that a limit exists, the number is configuration.
 */
export class SendRateLimit {
  private limit: number | null;
  private readonly buckets = new Map<SendChannel, { tokens: number; at: number }>();
  private readonly counts: SendRateView['channels'] = {
    'mini-app': { allowed: 0, refused: 0 },
    zbs: { allowed: 0, refused: 0 },
  };

  constructor(
    private readonly now: Clock,
    private readonly initialLimit: number | null,
  ) {
    this.limit = initialLimit;
  }

  /** True when a request on this channel may go ahead now (and takes its token). */
  take(channel: SendChannel): boolean {
    if (this.limit === null) {
      this.counts[channel].allowed += 1;
      return true;
    }
    const at = this.now();
    const bucket = this.buckets.get(channel) ?? { tokens: this.limit, at };
    bucket.tokens = Math.min(this.limit, bucket.tokens + (Math.max(0, at - bucket.at) * this.limit) / 1000);
    bucket.at = at;
    this.buckets.set(channel, bucket);
    if (bucket.tokens < 1) {
      this.counts[channel].refused += 1;
      return false;
    }
    bucket.tokens -= 1;
    this.counts[channel].allowed += 1;
    return true;
  }

  /** A route-level onRequest hook (before faults and the body): answers -32 when the channel is over its rate. */
  hook(channel: SendChannel) {
    return async (_request: FastifyRequest, reply: FastifyReply) => {
      if (this.take(channel)) return;
      return reply.send(zaloError(RATE_LIMITED, 'You have exceeded the request rate limit. Please try again later'));
    };
  }

  view(): SendRateView {
    return {
      limitPerSecond: this.limit,
      channels: { 'mini-app': { ...this.counts['mini-app'] }, zbs: { ...this.counts.zbs } },
    };
  }

  /** Control: a new limit (null: none), full buckets, counters kept unless `resetCounts`. */
  set(limitPerSecond: number | null, resetCounts = false): SendRateView {
    this.limit = limitPerSecond;
    this.buckets.clear();
    if (resetCounts) {
      for (const counts of Object.values(this.counts)) {
        counts.allowed = 0;
        counts.refused = 0;
      }
    }
    return this.view();
  }

  /** Back to the configured limit, full buckets, counters at zero. */
  reset(): void {
    this.set(this.initialLimit, true);
  }
}
