// Delivery receipts from Zalo (`user_received_message`): the template message whose tracking_id is our notification id
// reached the citizen's phone. Recorded once per msg_id (a repeat of the webhook changes nothing) and the
// notification marked delivered, whatever state it was in (a receipt after an unknown outcome proves the send).
import type { Db } from '../db/db';
import { isUuid } from './applications';

export type ReceiptResult = 'delivered' | 'duplicate' | 'unknown';

export async function recordDeliveryReceipt(
  db: Db,
  receipt: { msgId: string; trackingId: string | null; deliveredAt: Date | null },
  now: Date,
): Promise<ReceiptResult> {
  return db.transaction(async (tx) => {
    // Two index lookups (primary key, then notifications_provider_msg_id): an `or` of both would read the table.
    const { rows } = await tx.query<{ id: string }>(
      `select id from (
         select id, 0 as preference from notifications where channel = 'zbs' and id = $1::uuid
         union all
         select id, 1 as preference from notifications where channel = 'zbs' and provider_msg_id = $2
       ) found
       order by preference limit 1`,
      [receipt.trackingId && isUuid(receipt.trackingId) ? receipt.trackingId : null, receipt.msgId],
    );
    const notificationId = rows[0]?.id ?? null;
    const inserted = await tx.query(
      `insert into zalo_delivery_receipts (msg_id, notification_id, delivered_at, received_at) values ($1, $2, $3, $4)
       on conflict (msg_id) do nothing returning msg_id`,
      [receipt.msgId, notificationId, receipt.deliveredAt, now],
    );
    if (inserted.rows.length === 0) return 'duplicate';
    if (!notificationId) return 'unknown';
    await tx.query(
      `update notifications set state = 'delivered', delivered_at = coalesce($2::timestamptz, $3::timestamptz),
         provider_msg_id = coalesce(provider_msg_id, $4::text), next_attempt_at = null, updated_at = $3::timestamptz
       where id = $1 and state <> 'delivered'`,
      [notificationId, receipt.deliveredAt, now, receipt.msgId],
    );
    return 'delivered';
  });
}
