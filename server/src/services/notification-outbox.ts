// The notifications outbox: for a status change that notifies (domain/notifications.ts), inside the transaction that
// applied it, one `inbox` row (delivered as written: it is the citizen's in-app list) and one row per Zalo channel the
// citizen chose, each with its send job enqueued through the same transaction. The unique key (application, status
// event, channel) with `on conflict do nothing` means no path — a repeated webhook, a re-poll, a retried job — can
// ever write a second row, and so a second message.
import type { Config } from '../config';
import { CHANNEL_CHOICE_COLUMNS, channelChoiceFacts, type ChannelChoiceRow } from './channel-choice';
import type { Queryable } from '../db/db';
import {
  chosenChannels,
  composeNotification,
  type NotificationFacts,
  notificationKindFor,
  type ZaloChannel,
} from '@lao-cai-so/domain/notifications';
import type { JobQueue } from '../queue/job-queue';
import type { AppliedStatusChange, StatusDetails } from '@lao-cai-so/domain/status-change';

export interface OutboxDependencies {
  jobs: JobQueue;
  config: Pick<Config, 'notifications'>;
  now: () => Date;
}

interface FactsRow extends ChannelChoiceRow {
  procedure_name: string;
  receipt_code: string | null;
  due_at: Date | null;
  status_details: Partial<StatusDetails> | null;
}

function factsOf(row: FactsRow): NotificationFacts {
  const details = row.status_details ?? {};
  const delayedTo = details.delay?.newDueAt ? new Date(details.delay.newDueAt) : null;
  return {
    procedureName: row.procedure_name,
    receiptCode: row.receipt_code,
    dueAt: row.due_at ? new Date(row.due_at) : null,
    reason: details.reason ?? null,
    supplementDocuments: details.supplement?.documents.map((document) => document.name) ?? [],
    fee: details.fee ? { amount: details.fee.amount, description: details.fee.description } : null,
    pickupPlace: details.result?.pickupPlace ?? null,
    delayedTo,
  };
}

/** Writes the notifications of one applied status change; nothing for a change that does not notify. */
export async function writeNotifications(tx: Queryable, change: AppliedStatusChange, deps: OutboxDependencies): Promise<void> {
  const kind = notificationKindFor(change);
  if (!kind) return;
  const { rows } = await tx.query<FactsRow>(
    `select p.name as procedure_name, a.receipt_code, a.due_at, a.status_details, ${CHANNEL_CHOICE_COLUMNS}
     from applications a
       join procedures p on p.code = a.procedure_code
       join citizens c on c.id = a.citizen_id
       left join notification_settings s on s.citizen_id = c.id
     where a.id = $1`,
    [change.applicationId],
  );
  const row = rows[0];
  if (!row) return;
  const content = composeNotification(kind, factsOf(row));
  const now = deps.now();
  // The inbox row (delivered as it is written) and one row per chosen Zalo channel, in one statement.
  const channels: Array<'inbox' | ZaloChannel> = [
    'inbox',
    ...chosenChannels(channelChoiceFacts(row), deps.config.notifications.channels),
  ];
  const values = channels.map((channel, index) => {
    const [state, nextAttemptAt, deliveredAt] = channel === 'inbox' ? [`'delivered'`, 'null', '$9'] : [`'created'`, '$9', 'null'];
    return `($1, $2, $3, $${10 + index}, $4, $5, $6, $7, $8::jsonb, ${state}, ${nextAttemptAt}::timestamptz, ${deliveredAt}::timestamptz, $9, $9)`;
  });
  const inserted = await tx.query<{ id: string; channel: 'inbox' | ZaloChannel }>(
    `insert into notifications
       (application_id, citizen_id, event_id, channel, kind, status, title, body, params, state,
        next_attempt_at, delivered_at, created_at, updated_at)
     values ${values.join(', ')}
     on conflict (application_id, event_id, channel) do nothing
     returning id, channel`,
    [
      change.applicationId,
      change.citizenId,
      change.eventId,
      kind,
      change.status,
      content.title,
      content.body,
      JSON.stringify(content.params),
      now,
      ...channels,
    ],
  );
  for (const { id, channel } of inserted.rows) {
    if (channel !== 'inbox') await deps.jobs.sendNotification(tx, { notificationId: id });
  }
}

export interface NotificationOutbox {
  write(tx: Queryable, change: AppliedStatusChange): Promise<void>;
}

/** The outbox every status change writes to (services/status-sync.ts); built once (composition.ts). */
export function createNotificationOutbox(deps: OutboxDependencies): NotificationOutbox {
  return { write: (tx, change) => writeNotifications(tx, change, deps) };
}
