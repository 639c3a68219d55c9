// Citizens as the proxy knows them: a Zalo identity, plus the personal data each granted consent allows.
import type { ZaloProfile } from '../clients/zalo-client';
import type { Queryable } from '../db/db';

export interface Citizen {
  id: string;
  name: string | null;
  avatar: string | null;
  /** Normalised 84…, only while the phone consent is granted. */
  phone: string | null;
}

const PROFILE_GRANTED = `exists (select 1 from consents c
  where c.citizen_id = citizens.id and c.purpose = 'profile' and c.withdrawn_at is null)`;
const PHONE_GRANTED = `exists (select 1 from consents c
  where c.citizen_id = citizens.id and c.purpose = 'phone' and c.withdrawn_at is null)`;

/**
 * Records a verified sign-in at `now`: creates the citizen on first sight, marks them seen (mini app notifications
 * go only to citizens seen in the last 7 days, by the same clock), and refreshes name and avatar
 * from Zalo's answer while the profile consent is granted (and keeps none otherwise). One statement, so a
 * concurrent withdrawal cannot leave a name behind.
 */
export async function recordSignIn(db: Queryable, profile: ZaloProfile, now: Date): Promise<Citizen> {
  const { rows } = await db.query<Citizen>(
    `insert into citizens (zalo_user_id, last_seen_at) values ($1, $4)
     on conflict (zalo_user_id) do update set
       last_seen_at = $4,
       name = case when ${PROFILE_GRANTED} then $2 else null end,
       avatar = case when ${PROFILE_GRANTED} then $3 else null end,
       updated_at = now()
     returning id, name, avatar, phone`,
    [profile.id, profile.name || null, profile.avatar, now],
  );
  return rows[0];
}

export async function findCitizen(db: Queryable, id: string): Promise<Citizen | null> {
  const { rows } = await db.query<Citizen>('select id, name, avatar, phone from citizens where id = $1', [id]);
  return rows[0] ?? null;
}

export async function findZaloUserId(db: Queryable, id: string): Promise<string | null> {
  const { rows } = await db.query<{ zalo_user_id: string }>('select zalo_user_id from citizens where id = $1', [id]);
  return rows[0]?.zalo_user_id ?? null;
}

export async function citizenExists(db: Queryable, id: string): Promise<boolean> {
  const { rows } = await db.query('select 1 from citizens where id = $1', [id]);
  return rows.length > 0;
}

/** Stores a number Zalo verified, only while the phone consent is granted; false when it is not. */
export async function storeVerifiedPhone(db: Queryable, id: string, phone: string): Promise<Citizen | null> {
  const { rows } = await db.query<Citizen>(
    `update citizens set phone = $2, phone_verified_at = now(), updated_at = now()
     where id = $1 and ${PHONE_GRANTED}
     returning id, name, avatar, phone`,
    [id, phone],
  );
  return rows[0] ?? null;
}

/** Deletes the citizen and, by cascade, everything of theirs. */
export async function deleteCitizen(db: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await db.query('delete from citizens where id = $1', [id]);
  return rowCount > 0;
}
