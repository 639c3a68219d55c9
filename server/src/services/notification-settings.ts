// A citizen's notification channels (PUT/GET /api/v1/me/notification-settings). The in-app inbox is always on. The
// Zalo channels need the notifications consent, and the phone channel a verified phone under the phone consent; the
// settings row exists only while the notifications consent is granted (withdrawing it deletes the row,
// services/consents.ts), so nothing is kept about a citizen who said no.
import type { Db, Queryable } from '../db/db';

export interface NotificationSettingsView {
  inApp: true;
  miniApp: { enabled: boolean; allowedAt: string | null };
  phone: { enabled: boolean; available: boolean };
  consentGranted: boolean;
}

export interface NotificationSettingsChange {
  miniApp?: boolean;
  phone?: boolean;
}

export type SettingsUpdateResult =
  | { ok: true; settings: NotificationSettingsView }
  | { ok: false; reason: 'consent-required' | 'phone-required' };

interface SettingsRow {
  consent_granted: boolean;
  phone_available: boolean;
  mini_app_allowed_at: Date | null;
  phone_enabled: boolean | null;
}

const GRANTED = (purpose: string) =>
  `exists (select 1 from consents k where k.citizen_id = c.id and k.purpose = '${purpose}' and k.withdrawn_at is null)`;

async function readRow(db: Queryable, citizenId: string): Promise<SettingsRow | null> {
  const { rows } = await db.query<SettingsRow>(
    `select ${GRANTED('notifications')} as consent_granted,
       (c.phone is not null and ${GRANTED('phone')}) as phone_available,
       s.mini_app_allowed_at, s.phone_enabled
     from citizens c left join notification_settings s on s.citizen_id = c.id
     where c.id = $1`,
    [citizenId],
  );
  return rows[0] ?? null;
}

function toView(row: SettingsRow): NotificationSettingsView {
  const granted = row.consent_granted;
  return {
    inApp: true,
    miniApp: {
      enabled: granted && row.mini_app_allowed_at !== null,
      allowedAt: granted && row.mini_app_allowed_at ? new Date(row.mini_app_allowed_at).toISOString() : null,
    },
    phone: { enabled: granted && row.phone_available && row.phone_enabled === true, available: row.phone_available },
    consentGranted: granted,
  };
}

export async function readNotificationSettings(db: Queryable, citizenId: string): Promise<NotificationSettingsView | null> {
  const row = await readRow(db, citizenId);
  return row && toView(row);
}

/**
 * Turns channels on or off. Turning a Zalo channel on needs the notifications consent (`consent-required`), the
 * phone channel also a verified phone (`phone-required`); a refusal changes nothing. Turning the mini app channel on
 * records now as the time the citizen allowed it (the app has just asked Zalo with requestSendNotification).
 */
export async function updateNotificationSettings(
  db: Db,
  citizenId: string,
  change: NotificationSettingsChange,
  now: Date,
): Promise<SettingsUpdateResult | null> {
  return db.transaction(async (tx) => {
    // Serialises with consent answers (services/consents.ts locks the same row), so a withdrawal cannot slip between
    // the check and the write.
    const locked = await tx.query('select 1 from citizens where id = $1 for update', [citizenId]);
    if (locked.rows.length === 0) return null;
    const row = (await readRow(tx, citizenId)) as SettingsRow;
    const enabling = change.miniApp === true || change.phone === true;
    if (enabling && !row.consent_granted) return { ok: false, reason: 'consent-required' };
    if (change.phone === true && !row.phone_available) return { ok: false, reason: 'phone-required' };
    // Without the consent there is nothing to store: every channel is already off.
    if (row.consent_granted && (change.miniApp !== undefined || change.phone !== undefined)) {
      await tx.query(
        `insert into notification_settings (citizen_id, mini_app_allowed_at, phone_enabled, updated_at)
         values ($1, case when $2::boolean then $4::timestamptz end, coalesce($3::boolean, false), $4)
         on conflict (citizen_id) do update set
           mini_app_allowed_at = case
             when $2::boolean is null then notification_settings.mini_app_allowed_at
             when $2::boolean then $4::timestamptz
           end,
           phone_enabled = coalesce($3::boolean, notification_settings.phone_enabled),
           updated_at = $4`,
        [citizenId, change.miniApp ?? null, change.phone ?? null, now],
      );
    }
    return { ok: true, settings: toView((await readRow(tx, citizenId)) as SettingsRow) };
  });
}
