// Delivering one notification through Zalo (the send-notification queue's work), and the sweep that re-enqueues what
// falls due. Claim, send, record: the claim is committed before Zalo is called and the answer recorded only if the row
// is still this attempt's, so no retry, duplicate job or second worker sends a row twice (server/README.md,
// "Notifications"). The rules are the pure state machine's (@lao-cai-so/domain/notification-state); the SQL is the
// store's (notification-store.ts).
import type { Logger } from 'pino';
import { ZaloCallError } from '../../clients/zalo-http';
import type { ZaloNotificationClient } from '../../clients/zalo-notification-client';
import type { Config } from '../../config';
import type { Db, Queryable } from '../../db/db';
import { buildDeepLink } from '@lao-cai-so/domain/deep-link';
import {
  afterPrecheck,
  claim as claimStep,
  type Decision,
  giveWayOrWait,
  type LimitReached,
  type LogEntry,
  type NotifyOutcome,
  prepare,
  record as recordStep,
  type SendSettings,
  type ZaloAnswer,
} from '@lao-cai-so/domain/notification-state';
import type { ZaloChannel } from '@lao-cai-so/domain/notifications';
import type { JobQueue } from '../../queue/job-queue';
import { notificationLeaseMs } from '../../queue/job-queue';
import {
  anotherChannelCarries,
  applyChange,
  type ClaimedRow,
  dueNotificationIds,
  lockAttempt,
  lockNotification,
  readRecipient,
  rowFacts,
  turnOffMiniApp,
} from './notification-store';
import { createMiniAppChannel } from './notify-mini-app';
import type { DeliveryAnswer, NotificationRow, NotifyChannel, Recipient } from './notify-channels';
import { createZbsChannel } from './notify-zbs';
import { createSendPacer } from './send-pacer';

export type { NotifyOutcome };

export interface NotificationDeliveryDependencies {
  db: Db;
  /** Where the sweep enqueues what fell due. */
  jobs: Pick<JobQueue, 'sendNotification'>;
  client: ZaloNotificationClient;
  config: Pick<Config, 'notifications' | 'zalo'>;
  now: () => Date;
  log: Logger;
  random?: () => number;
}

interface Claim {
  row: NotificationRow;
  recipient: Recipient;
  attempt: number;
  confirmByDailyLimit: boolean;
}

/** What Zalo's client gave, as the state machine reads it. */
function zaloAnswerOf(answer: DeliveryAnswer | ZaloCallError): ZaloAnswer {
  if (answer instanceof ZaloCallError) {
    if (answer.kind === 'outcome-unknown') return { kind: 'outcome-unknown', problem: answer.message };
    const code = answer.zaloCode !== undefined ? String(answer.zaloCode) : answer.httpStatus ? `HTTP_${answer.httpStatus}` : 'NETWORK';
    return { kind: 'unavailable', code, problem: answer.message };
  }
  return answer.ok ? { kind: 'accepted', msgId: answer.msgId } : { kind: 'refused', code: answer.code };
}

export function createNotificationDelivery(deps: NotificationDeliveryDependencies) {
  const { db, config, log } = deps;
  const settings: SendSettings & Pick<Config['notifications'], 'channels'> = {
    ...config.notifications,
    leaseMs: notificationLeaseMs(config),
  };
  const random = deps.random ?? Math.random;
  // One per handler, and a worker process has one handler: its send loops share the rate.
  const pacer = createSendPacer(config.notifications.sendRatePerSecond);
  const context = { db, client: deps.client, config, now: deps.now, log, pacer };
  const channels: Record<ZaloChannel, NotifyChannel> = { 'mini-app': createMiniAppChannel(context), zbs: createZbsChannel(context) };

  function write(row: NotificationRow, logs: LogEntry[]): void {
    for (const entry of logs) log[entry.level]({ notificationId: row.id, channel: row.channel, ...entry.facts }, entry.message);
  }

  async function apply(tx: Queryable, row: NotificationRow, decision: Decision, at: Date): Promise<NotifyOutcome> {
    if (decision.change) await applyChange(tx, row.id, decision.change, at);
    if (decision.turnOffMiniApp) await turnOffMiniApp(tx, row.citizen_id, at);
    write(row, decision.logs);
    return decision.outcome;
  }

  /** A daily limit: whether another channel carries the event, when the state machine asks. */
  async function atLimit(tx: Queryable, row: NotificationRow, reached: LimitReached): Promise<Decision> {
    return giveWayOrWait(reached, reached.askAnotherChannel && (await anotherChannelCarries(tx, row)));
  }

  async function claim(notificationId: string): Promise<Claim | NotifyOutcome> {
    return db.transaction(async (tx) => {
      const row: ClaimedRow | null = await lockNotification(tx, notificationId);
      if (!row) return 'missing';
      const at = deps.now();
      const facts = rowFacts(row);
      const due = claimStep(facts, at, settings);
      if (due.kind === 'decision') return apply(tx, row, due, at);
      write(row, due.logs);
      const prepared = prepare(facts, await readRecipient(tx, row, at, settings.channels), at, settings, due.resend);
      if (prepared.kind === 'decision') return apply(tx, row, prepared, at);
      const { recipient } = prepared;
      const check = await channels[row.channel].precheck(tx, row, recipient, at, due.resend);
      const next = afterPrecheck(facts, check, at, settings, due.resend);
      if (next.kind === 'limit') return apply(tx, row, await atLimit(tx, row, next), at);
      if (next.kind === 'decision') return apply(tx, row, next, at);
      await applyChange(tx, row.id, next.change, at);
      return { row, recipient, attempt: next.change.attempt, confirmByDailyLimit: next.confirmByDailyLimit };
    });
  }

  async function record(claimed: Claim, answer: DeliveryAnswer | ZaloCallError): Promise<NotifyOutcome> {
    const { row, attempt, confirmByDailyLimit } = claimed;
    return db.transaction(async (tx) => {
      const at = deps.now();
      if (!(answer instanceof ZaloCallError)) await channels[row.channel].afterAnswer?.(tx, answer, at);
      const current = await lockAttempt(tx, row.id);
      const next = recordStep({ channel: row.channel, attempt, confirmByDailyLimit }, current, zaloAnswerOf(answer), at, settings, random);
      return apply(tx, row, next.kind === 'limit' ? await atLimit(tx, row, next) : next, at);
    });
  }

  /** Sends one notification if it is due; safe to run any number of times, by any number of workers. */
  async function send(notificationId: string): Promise<NotifyOutcome> {
    const claimed = await claim(notificationId);
    if (typeof claimed === 'string') return claimed;
    const link = buildDeepLink(config.zalo.appId, { application: claimed.row.application_id });
    let answer: DeliveryAnswer | ZaloCallError;
    try {
      answer = await channels[claimed.row.channel].deliver({ row: claimed.row, recipient: claimed.recipient, link });
    } catch (error) {
      if (!(error instanceof ZaloCallError)) throw error;
      answer = error;
    }
    return record(claimed, answer);
  }

  /** Enqueues every row that is due by this worker's clock; returns how many. */
  async function sweep(limit = 500): Promise<number> {
    const due = await dueNotificationIds(db, deps.now(), limit);
    for (const notificationId of due) await deps.jobs.sendNotification(null, { notificationId });
    return due.length;
  }

  return { send, sweep };
}

export type NotificationDelivery = ReturnType<typeof createNotificationDelivery>;
