import type { Clock } from '../clock';

/**
 * Who allowed the mini app to send them notifications (zmp-sdk requestSendNotification), and when. In memory.
 */
export class NotificationOptIns {
  private readonly allowed = new Map<string, number>();

  constructor(private readonly now: Clock) {}

  allow(userId: string): void {
    this.allowed.set(userId, this.now());
  }

  deny(userId: string): void {
    this.allowed.delete(userId);
  }

  /** Epoch ms of the user's consent, or undefined when they have not allowed notifications. */
  allowedAt(userId: string): number | undefined {
    return this.allowed.get(userId);
  }
}
