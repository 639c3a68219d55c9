// One Zalo notification's state machine, pure: from the row's facts, the recipient, the channel's precheck or Zalo's
// answer, the time and the settings, what happens to the row next. The proxy's store reads and locks the rows and
// writes these decisions (server/src/jobs/send-notification.ts); why each rule is so: server/README.md, "Notifications".
//
//   created | temporary-failure ─claim→ sending ─accepted→ delivered (mini app) | sending + msg_id (ZBS, until its
//   receipt) ─refused→ temporary-failure (retried) | permanent-failure | technical-failure
import {
  classifyZaloError,
  endOfQuietHours,
  isQuietTime,
  MINI_APP_NOT_ALLOWED,
  nextSendingDay,
  type NotificationState,
  type QuietHours,
  retryDelaySeconds,
  sameVietnamDay,
  type ZaloChannel,
} from './notifications';

/** The send was made (or may have been) but its answer was lost. */
export const OUTCOME_UNKNOWN = 'OUTCOME_UNKNOWN';
/** A mini app repeat refused as the citizen's second message of the day: the first went through. */
export const CONFIRMED_BY_DAILY_LIMIT = 'CONFIRMED_BY_DAILY_LIMIT';

/** What one send of the handler came to. */
export type NotifyOutcome =
  | 'missing'
  | 'nothing-to-do'
  | 'waiting'
  | 'sent'
  | 'delivered'
  | 'retry'
  | 'failed'
  | 'outcome-unknown'
  | 'superseded';

export interface SendSettings {
  quietHours: QuietHours | null;
  /** `next`: a message stopped by a daily limit gives way when the event reaches the citizen on another channel. */
  fallback: 'next' | 'wait';
  retry: { limit: number; delaySeconds: number; maxDelaySeconds: number };
  receiptWaitSeconds: number;
  /** How long a claim holds the row before another worker may take it as interrupted. */
  leaseMs: number;
}

/** A Zalo notification row as the claim reads it (locked). */
export interface NotificationRowFacts {
  channel: ZaloChannel;
  state: NotificationState;
  attempts: number;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  providerMsgId: string | null;
  errorCode: string | null;
  /** A newer notifying status event of the same application already reached the citizen's inbox. */
  superseded: boolean;
}

/** The channel's own check before a claim (notify-mini-app.ts, notify-zbs.ts): go, wait (the row keeps its state), a limit, or stop. */
export type Precheck =
  | { kind: 'go' }
  | { kind: 'wait'; until: Date; code: string }
  | { kind: 'limit'; until: Date; code: string }
  | { kind: 'fail'; state: 'permanent-failure' | 'technical-failure'; code: string };

/** Zalo's answer to a send, or why there is none. */
export type ZaloAnswer =
  | { kind: 'accepted'; msgId: string | null }
  /** Zalo's error code; a string is ours (the OA token could not be refreshed). */
  | { kind: 'refused'; code: number | string }
  /** Zalo could not be reached or kept failing transiently, and did not act (`code`: -32, HTTP_503, NETWORK…). */
  | { kind: 'unavailable'; code: string; problem: string }
  | { kind: 'outcome-unknown'; problem: string };

/** What to write on the row. */
export type NotificationChange =
  /** → sending: attempts + 1, a lease until `leaseUntil` (next_attempt_at), no error. */
  | { kind: 'claim'; state: 'sending'; attempt: number; leaseUntil: Date }
  /** Zalo accepted: the mini app → delivered (Zalo sends no receipt); ZBS stays sending with its msg_id until the receipt. */
  | { kind: 'accept'; state: 'delivered' | 'sending'; providerMsgId: string | null }
  /** → delivered, sent at the last attempt: Zalo's -144 to a mini app repeat proves the first went through. */
  | { kind: 'confirm'; state: 'delivered'; code: typeof CONFIRMED_BY_DAILY_LIMIT }
  /** → a failure state with its code; `next`: when to look again (null: never). */
  | { kind: 'move'; state: 'temporary-failure' | 'permanent-failure' | 'technical-failure'; code: string; next: Date | null }
  /** The state stays; looked at again at `until` (quiet hours, a limit, a receipt wait). */
  | { kind: 'wait'; until: Date; code: string | null };

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  /** Besides the notification id and channel. */
  facts?: Record<string, unknown>;
}

/** The end of a step: write `change` (null: leave the row), log, and answer `outcome`. */
export interface Decision {
  kind: 'decision';
  outcome: NotifyOutcome;
  change: NotificationChange | null;
  logs: LogEntry[];
  /** -141: the citizen took the permission back inside Zalo, so the mini app channel is off until they allow it again. */
  turnOffMiniApp?: boolean;
}

/** The claim goes on: read (and lock) the citizen. */
export interface ReadRecipient {
  kind: 'read-recipient';
  /** A repeat after an unknown outcome. */
  resend: boolean;
  logs: LogEntry[];
}

/** A daily limit or quota: give way or wait. `askAnotherChannel`: the store must say whether another channel carries the event. */
export interface LimitReached {
  kind: 'limit';
  until: Date;
  code: string;
  /** Recorded while waiting (a repeat after an unknown outcome stays marked as one). */
  waitCode: string;
  /** Zalo refused an attempt (→ temporary-failure); otherwise the proxy held it back (the row keeps its state). */
  failed: boolean;
  askAnotherChannel: boolean;
}

/** Claimed: commit, then send. */
export interface Claimed {
  kind: 'claimed';
  change: Extract<NotificationChange, { kind: 'claim' }>;
  /** A mini app repeat after an unknown outcome: Zalo's -144 means the first went through. */
  confirmByDailyLimit: boolean;
}

/** The attempt sent, as the recording transaction checks it. */
export interface SentAttempt {
  channel: ZaloChannel;
  attempt: number;
  confirmByDailyLimit: boolean;
}

const decision = (outcome: NotifyOutcome, change: NotificationChange | null, logs: LogEntry[] = []): Decision => ({
  kind: 'decision',
  outcome,
  change,
  logs,
});

const fail = (state: 'permanent-failure' | 'technical-failure', code: string): NotificationChange => ({
  kind: 'move',
  state,
  code,
  next: null,
});

const SENDABLE: ReadonlySet<NotificationState> = new Set(['created', 'temporary-failure', 'sending']);

/** Claim, step 1: whether the row is due; a row left `sending` is resolved as an unknown outcome. */
export function claim(row: NotificationRowFacts, at: Date, settings: SendSettings): Decision | ReadRecipient {
  if (!SENDABLE.has(row.state)) return decision('nothing-to-do', null);
  // Accepted by Zalo, waiting for its receipt; or not due (another worker's lease, or a wait).
  if (row.providerMsgId !== null) return decision('nothing-to-do', null);
  if (row.nextAttemptAt === null || row.nextAttemptAt.getTime() > at.getTime()) return decision('nothing-to-do', null);
  if (row.state === 'sending') return resolveUnknown(row, at, settings);
  return { kind: 'read-recipient', resend: false, logs: [] };
}

/** A row whose lease ran out while `sending` without Zalo's answer: a worker died, or the answer was lost. */
export function resolveUnknown(row: NotificationRowFacts, at: Date, settings: SendSettings): Decision | ReadRecipient {
  const logs: LogEntry[] = [];
  if (row.errorCode !== OUTCOME_UNKNOWN) {
    logs.push({ level: 'warn', message: 'a send was interrupted: outcome unknown', facts: { attempt: row.attempts } });
    if (row.channel === 'zbs') {
      // A receipt (tracking_id = the row) would mark it delivered meanwhile.
      const until = new Date(at.getTime() + settings.receiptWaitSeconds * 1000);
      return decision('outcome-unknown', { kind: 'wait', until, code: OUTCOME_UNKNOWN }, logs);
    }
  }
  // Only the same day does Zalo's one-a-day rule tell whether the first mini app message went through.
  if (row.channel === 'mini-app' && !(row.lastAttemptAt && sameVietnamDay(row.lastAttemptAt, at))) {
    return decision('outcome-unknown', fail('technical-failure', OUTCOME_UNKNOWN), logs);
  }
  // ZBS: no receipt came within the wait. Mini app: the same day.
  return { kind: 'read-recipient', resend: true, logs };
}

/** Claim, step 2, with the citizen read (null: gone): still chosen, not out of date, not quiet hours — then the channel's precheck. */
export function prepare<R extends { chosen: boolean }>(
  row: NotificationRowFacts,
  recipient: R | null,
  at: Date,
  settings: SendSettings,
  resend: boolean,
): Decision | { kind: 'precheck'; recipient: R } {
  if (!recipient || !recipient.chosen) {
    // Consent withdrawn, channel turned off or phone gone since the event.
    return decision('failed', fail('permanent-failure', 'CHANNEL_OFF'));
  }
  if (!resend && row.superseded) return decision('superseded', fail('permanent-failure', 'SUPERSEDED'));
  if (isQuietTime(at, settings.quietHours)) {
    const until = endOfQuietHours(at, settings.quietHours);
    return decision('waiting', { kind: 'wait', until, code: resend ? OUTCOME_UNKNOWN : row.errorCode });
  }
  return { kind: 'precheck', recipient };
}

/** Claim, step 3, with the channel's precheck: claimed, or why not. */
export function afterPrecheck(
  row: NotificationRowFacts,
  check: Precheck,
  at: Date,
  settings: SendSettings,
  resend: boolean,
): Decision | LimitReached | Claimed {
  switch (check.kind) {
    case 'fail':
      return decision('failed', fail(check.state, check.code));
    case 'wait':
      return decision('waiting', { kind: 'wait', until: check.until, code: resend ? OUTCOME_UNKNOWN : check.code });
    case 'limit':
      if (resend && row.channel === 'mini-app') {
        // Another message went to the citizen today: Zalo's -144 could no longer tell whether the first went through.
        return decision('outcome-unknown', fail('technical-failure', OUTCOME_UNKNOWN));
      }
      return limitReached(check.until, check.code, settings, false, resend ? OUTCOME_UNKNOWN : check.code);
    case 'go':
      return {
        kind: 'claimed',
        change: { kind: 'claim', state: 'sending', attempt: row.attempts + 1, leaseUntil: new Date(at.getTime() + settings.leaseMs) },
        confirmByDailyLimit: resend && row.channel === 'mini-app',
      };
  }
}

function limitReached(until: Date, code: string, settings: SendSettings, failed: boolean, waitCode = code): LimitReached {
  return { kind: 'limit', until, code, waitCode, failed, askAnotherChannel: settings.fallback === 'next' };
}

/** A daily limit: give way when the event reaches the citizen on another channel (NOTIFY_FALLBACK=next), else wait. */
export function giveWayOrWait(limit: LimitReached, anotherChannelCarries: boolean): Decision {
  const { code, until } = limit;
  if (limit.askAnotherChannel && anotherChannelCarries) {
    return decision('failed', fail('permanent-failure', code), [
      { level: 'info', message: 'notification gives way to another channel', facts: { code } },
    ]);
  }
  const change: NotificationChange = limit.failed
    ? { kind: 'move', state: 'temporary-failure', code, next: until }
    : { kind: 'wait', until, code: limit.waitCode };
  return decision('waiting', change, [
    { level: 'info', message: 'notification waits for the next day', facts: { code, until: until.toISOString() } },
  ]);
}

function retryLater(attempt: number, code: string, at: Date, settings: SendSettings, random: () => number): Decision {
  const facts = { attempt, code };
  if (attempt > settings.retry.limit) {
    return decision('failed', fail('technical-failure', code), [{ level: 'error', message: 'notification gave up after its last retry', facts }]);
  }
  const delay = retryDelaySeconds(attempt, settings.retry.delaySeconds, settings.retry.maxDelaySeconds, random());
  return decision('retry', { kind: 'move', state: 'temporary-failure', code, next: new Date(at.getTime() + delay * 1000) }, [
    { level: 'warn', message: 'notification send failed, will retry', facts },
  ]);
}

/**
 * Record, with Zalo's answer and the row as it is now (null: deleted with the citizen): nothing if it moved on
 * meanwhile (a receipt came first, or another attempt), else its next state.
 */
export function record(
  sent: SentAttempt,
  current: { state: string; attempts: number } | null,
  answer: ZaloAnswer,
  at: Date,
  settings: SendSettings,
  random: () => number,
): Decision | LimitReached {
  const { attempt, channel } = sent;
  if (!current || current.state !== 'sending' || current.attempts !== attempt) return decision('nothing-to-do', null);
  switch (answer.kind) {
    case 'outcome-unknown': {
      const facts = { attempt, problem: answer.problem };
      if (attempt > settings.retry.limit) {
        return decision('failed', fail('technical-failure', OUTCOME_UNKNOWN), [
          { level: 'error', message: 'notification send: outcome unknown on the last attempt, given up', facts },
        ]);
      }
      // Zalo may be down (connections dropped): back off as for any failure; ZBS waits for a receipt at least.
      const backoffMs = retryDelaySeconds(attempt, settings.retry.delaySeconds, settings.retry.maxDelaySeconds, random()) * 1000;
      const waitMs = channel === 'zbs' ? Math.max(settings.receiptWaitSeconds * 1000, backoffMs) : backoffMs;
      return decision('outcome-unknown', { kind: 'wait', until: new Date(at.getTime() + waitMs), code: OUTCOME_UNKNOWN }, [
        { level: 'warn', message: 'notification send: outcome unknown', facts },
      ]);
    }
    case 'unavailable':
      return retryLater(attempt, answer.code, at, settings, random);
    case 'accepted': {
      const delivered = channel === 'mini-app';
      return decision('sent', { kind: 'accept', state: delivered ? 'delivered' : 'sending', providerMsgId: answer.msgId }, [
        {
          level: 'info',
          message: delivered ? 'mini app notification sent' : 'template message accepted, waiting for its receipt',
          facts: { attempt },
        },
      ]);
    }
    case 'refused':
      return refused(sent, answer.code, at, settings, random);
  }
}

function refused(sent: SentAttempt, zaloCode: number | string, at: Date, settings: SendSettings, random: () => number): Decision | LimitReached {
  const { attempt, channel } = sent;
  const code = String(zaloCode);
  // The OA token could not be refreshed: an operator must act; retried meanwhile.
  if (typeof zaloCode === 'string') return retryLater(attempt, code, at, settings, random);
  if (sent.confirmByDailyLimit && zaloCode === -144) {
    return decision('delivered', { kind: 'confirm', state: 'delivered', code: CONFIRMED_BY_DAILY_LIMIT }, [
      {
        level: 'info',
        message: 'mini app notification: the repeat was refused as the second of the day, so the first went through',
        facts: { attempt },
      },
    ]);
  }
  const failure = classifyZaloError(channel, zaloCode);
  const facts = { attempt, zaloCode, class: failure };
  switch (failure) {
    case 'token':
    case 'transient':
      return retryLater(attempt, code, at, settings, random);
    case 'tomorrow':
      return limitReached(nextSendingDay(at, settings.quietHours), code, settings, true);
    case 'after-quiet-hours': {
      // Zalo's clock says quiet hours: try again in ten minutes, or after they end.
      const soon = new Date(at.getTime() + 10 * 60_000);
      const next = isQuietTime(soon, settings.quietHours) ? endOfQuietHours(soon, settings.quietHours) : soon;
      return decision('waiting', { kind: 'move', state: 'temporary-failure', code, next }, [
        { level: 'info', message: 'notification refused in quiet hours, waiting', facts },
      ]);
    }
    case 'permanent':
      return {
        ...decision('failed', fail('permanent-failure', code), [
          { level: 'info', message: 'notification cannot reach this citizen: not retried', facts },
        ]),
        ...(channel === 'mini-app' && zaloCode === MINI_APP_NOT_ALLOWED ? { turnOffMiniApp: true } : {}),
      };
    case 'technical':
      return decision('failed', fail('technical-failure', code), [
        { level: 'error', message: 'notification refused as malformed or misconfigured: check the Zalo settings and templates', facts },
      ]);
  }
}
