// Paces the calls to Zalo's send endpoints to NOTIFY_SEND_RATE_PER_SECOND per channel (mini app notifications per app,
// template messages per OA), so that the worker does not spend attempts on Zalo's -32 "exceeded the request rate".
// One pacer per worker process, shared by its NOTIFY_CONCURRENCY send loops: each call takes the next free slot of
// its channel, slots 1/rate apart, and waits for it. Node runs the slot arithmetic without interleaving, so concurrent
// loops never share a slot. Several worker processes each pace to the whole rate: give each its share.
import { setTimeout as sleep } from 'node:timers/promises';
import type { ZaloChannel } from '@lao-cai-so/domain/notifications';

export interface SendPacer {
  /** Resolves when a call on this channel may be made. */
  take(channel: ZaloChannel): Promise<void>;
}

/** `ratePerSecond` null: no pacing. `clock` is monotonic milliseconds (performance.now). */
export function createSendPacer(ratePerSecond: number | null, clock: () => number = () => performance.now()): SendPacer {
  const nextSlot = new Map<ZaloChannel, number>();
  return {
    async take(channel) {
      if (ratePerSecond === null) return;
      const now = clock();
      const slot = Math.max(now, nextSlot.get(channel) ?? now);
      nextSlot.set(channel, slot + 1000 / ratePerSecond);
      if (slot > now) await sleep(slot - now);
    },
  };
}
