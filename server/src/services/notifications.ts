// The citizen's inbox (the `inbox` rows of the outbox, services/notification-outbox.ts) and the operators' counts.
import type { Queryable } from '../db/db';
import { isUuid } from './applications';
import { NOTIFICATION_CHANNELS, NOTIFICATION_STATES, type NotificationChannel, type NotificationState } from '@lao-cai-so/domain/notifications';

export interface InboxItem {
  id: string;
  applicationId: string;
  receiptCode: string | null;
  procedureName: string;
  status: number;
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

export interface InboxPage {
  items: InboxItem[];
  total: number;
  page: number;
  pageSize: number;
  unreadCount: number;
}

interface InboxRow {
  id: string;
  application_id: string;
  receipt_code: string | null;
  procedure_name: string;
  status: number;
  kind: string;
  title: string;
  body: string;
  created_at: Date;
  read_at: Date | null;
}

const INBOX_SELECT = `select n.id, n.application_id, a.receipt_code, p.name as procedure_name, n.status, n.kind, n.title,
    n.body, n.created_at, n.read_at
  from notifications n
    join applications a on a.id = n.application_id
    join procedures p on p.code = a.procedure_code`;

function toItem(row: InboxRow): InboxItem {
  return {
    id: row.id,
    applicationId: row.application_id,
    receiptCode: row.receipt_code,
    procedureName: row.procedure_name,
    status: row.status,
    kind: row.kind,
    title: row.title,
    body: row.body,
    createdAt: new Date(row.created_at).toISOString(),
    readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
  };
}

export async function unreadCount(db: Queryable, citizenId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from notifications where citizen_id = $1 and channel = 'inbox' and read_at is null`,
    [citizenId],
  );
  return rows[0].n;
}

/** The citizen's notifications, newest first; `unread` true: only unread ones, false: only read ones. */
export async function listInbox(
  db: Queryable,
  citizenId: string,
  query: { unread?: boolean; page: number; pageSize: number },
): Promise<InboxPage> {
  const filter = query.unread === undefined ? '' : query.unread ? 'and n.read_at is null' : 'and n.read_at is not null';
  const where = `where n.citizen_id = $1 and n.channel = 'inbox' ${filter}`;
  const [items, total, unread] = await Promise.all([
    db.query<InboxRow>(`${INBOX_SELECT} ${where} order by n.created_at desc, n.id desc limit $2 offset $3`, [
      citizenId,
      query.pageSize,
      (query.page - 1) * query.pageSize,
    ]),
    db.query<{ n: number }>(`select count(*)::int as n from notifications n ${where}`, [citizenId]),
    unreadCount(db, citizenId),
  ]);
  return { items: items.rows.map(toItem), total: total.rows[0].n, page: query.page, pageSize: query.pageSize, unreadCount: unread };
}

/** Marks one of the citizen's notifications read (once: a repeat keeps the first time); null when not theirs. */
export async function markRead(db: Queryable, citizenId: string, id: string, now: Date): Promise<InboxItem | null> {
  if (!isUuid(id)) return null;
  const updated = await db.query(
    `update notifications set read_at = coalesce(read_at, $3), updated_at = $3
     where id = $1 and citizen_id = $2 and channel = 'inbox'`,
    [id, citizenId, now],
  );
  if (updated.rowCount === 0) return null;
  const { rows } = await db.query<InboxRow>(`${INBOX_SELECT} where n.id = $1`, [id]);
  return rows[0] ? toItem(rows[0]) : null;
}

export async function markAllRead(db: Queryable, citizenId: string, now: Date): Promise<void> {
  await db.query(
    `update notifications set read_at = $2, updated_at = $2 where citizen_id = $1 and channel = 'inbox' and read_at is null`,
    [citizenId, now],
  );
}

export interface NotificationStats {
  byChannel: Record<NotificationChannel, Record<NotificationState, number>>;
  /** Age of the oldest Zalo message not yet accepted by Zalo (waiting, retrying or being sent); 0 when none. */
  oldestPendingSeconds: number;
  generatedAt: string;
}

export async function notificationStats(db: Queryable, now: Date): Promise<NotificationStats> {
  const [counts, oldest] = await Promise.all([
    db.query<{ channel: NotificationChannel; state: NotificationState; n: number }>(
      'select channel, state, count(*)::int as n from notifications group by channel, state',
    ),
    db.query<{ created_at: Date | null }>(
      `select min(created_at) as created_at from notifications
       where channel <> 'inbox' and provider_msg_id is null and state in ('created', 'temporary-failure', 'sending')`,
    ),
  ]);
  const byChannel = Object.fromEntries(
    NOTIFICATION_CHANNELS.map((channel) => [channel, Object.fromEntries(NOTIFICATION_STATES.map((state) => [state, 0]))]),
  ) as NotificationStats['byChannel'];
  for (const row of counts.rows) byChannel[row.channel][row.state] = row.n;
  const oldestAt = oldest.rows[0]?.created_at;
  return {
    byChannel,
    oldestPendingSeconds: oldestAt ? Math.max(0, Math.round((now.getTime() - new Date(oldestAt).getTime()) / 1000)) : 0,
    generatedAt: now.toISOString(),
  };
}
