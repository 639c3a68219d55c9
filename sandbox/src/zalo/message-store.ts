export const NOTIFICATION_CHANNELS = ['mini-app', 'zbs'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** A message a citizen's Zalo received, as the control API lists it. */
export interface ReceivedMessage {
  channel: NotificationChannel;
  msgId: string;
  /** The sender's id for the message (ZBS `tracking_id`); null for mini app notifications. */
  trackingId: string | null;
  /** The per-app user id: given for mini app notifications, looked up from the demo citizens for ZBS. */
  userId: string | null;
  /** `84…`: given for ZBS, looked up from the demo citizens for mini app notifications. */
  phone: string | null;
  templateId: string;
  /** `templateData` (mini app) or `template_data` (ZBS), as sent. */
  data: Record<string, unknown>;
  /** ISO instant, sandbox clock. */
  receivedAt: string;
  /** True when an earlier message already carried this tracking id: Zalo sends it again, a sender must not. */
  duplicateOfTrackingId: boolean;
}

export interface MessageFilter {
  userId?: string;
  phone?: string;
  trackingId?: string;
  channel?: NotificationChannel;
  /** Only messages received after the first `after` ever recorded (a bench follows the stream with it). */
  after?: number;
}

/** Most messages kept (a bench sends many); tracking ids are remembered beyond that for duplicate checks. */
const KEPT_MESSAGES = 20_000;

/** Every message the simulated phones received, oldest first. In memory. */
export class MessageStore {
  private messages: ReceivedMessage[] = [];
  private readonly trackingIds = new Set<string>();
  /** How many messages were ever recorded (kept or not). */
  private recorded = 0;

  record(message: Omit<ReceivedMessage, 'duplicateOfTrackingId'>): ReceivedMessage {
    const duplicate = message.trackingId !== null && this.trackingIds.has(message.trackingId);
    if (message.trackingId !== null) this.trackingIds.add(message.trackingId);
    const stored: ReceivedMessage = { ...message, duplicateOfTrackingId: duplicate };
    this.messages.push(stored);
    this.recorded += 1;
    if (this.messages.length > KEPT_MESSAGES) this.messages = this.messages.slice(-KEPT_MESSAGES);
    return stored;
  }

  /** How many messages were ever recorded: the `after` that lists only what comes next. */
  get total(): number {
    return this.recorded;
  }

  list(filter: MessageFilter = {}): ReceivedMessage[] {
    const first = this.recorded - this.messages.length;
    const from = filter.after === undefined ? 0 : Math.max(0, filter.after - first);
    return this.messages
      .slice(from)
      .filter(
        (message) =>
          (filter.userId === undefined || message.userId === filter.userId) &&
          (filter.phone === undefined || message.phone === filter.phone) &&
          (filter.trackingId === undefined || message.trackingId === filter.trackingId) &&
          (filter.channel === undefined || message.channel === filter.channel),
      )
      .map((message) => ({ ...message }));
  }

  clear(): void {
    this.messages = [];
    this.trackingIds.clear();
    this.recorded = 0;
  }
}
